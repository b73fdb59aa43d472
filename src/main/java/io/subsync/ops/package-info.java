/** Operating the service: the demo's sample data and the commands that run the service. */
package io.subsync.ops;
