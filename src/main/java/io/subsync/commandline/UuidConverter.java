package io.subsync.commandline;

import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a {@code UUID} option in its canonical form only: {@link UUID#fromString} alone would take {@code 1-2-3-4-5}
 * for 00000001-0002-0003-0004-000000000005. {@link BadArguments} names the option: {@code --sync-id: not a UUID: 'x'}.
 */
public final class UuidConverter implements CommandLine.ITypeConverter<UUID> {

    @Override
    public UUID convert(String value) {
        try {
            UUID uuid = UUID.fromString(value);
            if (uuid.toString().equals(value.toLowerCase(Locale.ROOT))) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // refused below, as a value of the wrong form
        }
        throw new TypeConversionException("not a UUID: '" + value + "'");
    }
}
