/** Refusing a bad setting: {@link io.subsync.settings.RefusedSetting}, which the command line reports as one line. */
package io.subsync.settings;
