/** What the commands share: starting the Spring application, its {@code --spring.*} arguments, and reading bad arguments. */
package io.subsync.commandline;
