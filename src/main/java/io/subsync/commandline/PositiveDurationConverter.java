package io.subsync.commandline;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option as the settings are written ({@code 5s}, {@code 1h}) or in ISO-8601 ({@code PT5S}), and
 * refuses zero and negative ones: a {@code monitor --interval 0} would spin, a {@code token --ttl -PT1H} would be
 * expired when minted. {@link BadArguments} names the option: {@code --interval: must be positive, was '0'}.
 */
public final class PositiveDurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("not a duration such as 5s or PT5S: '" + value + "'");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("must be positive, was '" + value + "'");
        }
        return duration;
    }
}
