/**
 * The HTTP edge, before any feature: how large a request may be, and Tomcat's own refusals answered as problem
 * details like every other error.
 */
package io.subsync.http;
