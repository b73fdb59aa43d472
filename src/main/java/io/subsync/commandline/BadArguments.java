package io.subsync.commandline;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every command answers arguments it cannot take: one line on stderr saying what is wrong, then the command's
 * usage, exit 2. (picocli's own handler prints "Did you mean" lines instead of the usage when it has a guess.)
 */
public final class BadArguments implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText(line(e)));
        command.usage(err, command.getColorScheme());
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The error in one line: a value an option cannot take is named by the option, e.g. {@code --user: not a UUID: 'x'}. */
    static String line(ParameterException e) {
        String line = e.getCause() instanceof TypeConversionException conversion
                        && e.getArgSpec() instanceof OptionSpec option
                ? option.longestName() + ": " + conversion.getMessage()
                : e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            line += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        return line.replaceAll("\\R", " ");
    }
}
