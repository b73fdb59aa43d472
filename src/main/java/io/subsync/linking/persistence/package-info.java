/** Magic links through the SQL functions of V4 (generate, validate, state). */
package io.subsync.linking.persistence;
