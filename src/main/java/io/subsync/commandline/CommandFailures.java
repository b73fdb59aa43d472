package io.subsync.commandline;

import io.subsync.settings.RefusedSetting;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * How every command ends when it throws, starting the application included: a {@link RefusedSetting} anywhere among the
 * causes is a mistake of the operator's, printed as its one line on stderr, exit 2. Anything else is a failure nobody
 * foresaw (a bug, or a database that went away): one line on stderr naming the deepest cause and a file holding the
 * stack trace, exit 1; the hundred frames of a failed Spring start would hide the one line that matters.
 */
public final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
    static final int REFUSED = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        int code = RefusedSetting.among(e)
                .map(refused -> {
                    err.println(oneLine(refused.getMessage()));
                    return REFUSED;
                })
                .orElseGet(() -> {
                    err.println(
                            "subsync " + command.getCommandName() + ": " + summary(e) + " (" + trace(e, command) + ")");
                    return FAILED;
                });
        err.flush();
        return code;
    }

    /** The deepest cause, which names what actually went wrong; Spring's wrappers above it name beans. */
    static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()));
    }

    /** Writes the stack trace to a file and says where; where no file can be written, prints it after all. */
    private static String trace(Throwable failure, CommandLine command) {
        try {
            Path file = Files.createTempFile("subsync-" + command.getCommandName() + "-", ".log");
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file))) {
                failure.printStackTrace(writer);
            }
            return "the stack trace is in " + file;
        } catch (IOException | RuntimeException e) {
            failure.printStackTrace(command.getErr());
            return "stack trace above";
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\R", " ");
    }
}
