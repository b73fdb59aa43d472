package io.subsync.settings;

import java.util.Optional;

/**
 * A setting the service cannot run with, named as the operator sets it: {@code SUBSYNC_JWT_SECRET: must be at least 32
 * bytes, was 10}. Thrown while the application starts (a configuration record, a bean), wherever Spring wraps it; the
 * command line finds it among the causes and prints its message alone, exit 2, instead of a stack trace.
 */
public class RefusedSetting extends IllegalArgumentException {
    private final String setting;

    /**
     * @param setting the environment variable (or option) at fault, e.g. {@code SUBSYNC_DB_URL}
     * @param reason  what is wrong with its value, without the name: {@code must be at least 250ms, was 100ms}
     */
    public RefusedSetting(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** The refusal among the causes of {@code failure} (Spring wraps it in bean creation and binding failures). */
    public static Optional<RefusedSetting> among(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedSetting refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}
