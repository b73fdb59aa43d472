/** The simulator's HTTP adapter on {@code com.sun.net.httpserver}: Master's API and the admin endpoints. */
package io.subsync.mastersim.web;
