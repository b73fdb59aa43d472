package io.subsync.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code @Mixin} of every command that starts the application: its {@code --spring.*} arguments, and starting it.
 *
 * <p>The {@code --spring.*} arguments are taken out before picocli parses the rest, so picocli refuses every other
 * argument it does not know (a one-line error, the usage, exit 2). A command with {@code @Unmatched} would hand them all
 * to Spring instead, which ignores what it does not know: {@code retry --sync-idd X} retried every failed operation.
 */
@Command(preprocessor = SpringArguments.TakeSpringArguments.class)
public final class SpringArguments {
    static final String PREFIX = "--spring.";

    private List<String> arguments = List.of();

    /** The {@code --spring.*} arguments given to this command, in their order. */
    List<String> arguments() {
        return arguments;
    }

    /** Starts the web service with the command's properties (they win over configuration files) and the arguments. */
    public ConfigurableApplicationContext web(Map<String, Object> properties) {
        return Server.web(properties, arguments);
    }

    /** Starts the application without a web server, for commands that run and exit. */
    public ConfigurableApplicationContext tool(Map<String, Object> properties) {
        return Server.tool(properties, arguments);
    }

    /** Moves the {@code --spring.*} arguments, up to {@code --}, from the arguments picocli parses to the mixin. */
    static final class TakeSpringArguments implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec argSpec, Map<String, Object> info) {
            List<String> taken = new ArrayList<>();
            // The top of the stack is the next argument.
            for (int i = args.size() - 1; i >= 0 && !args.get(i).equals("--"); i--) {
                if (args.get(i).startsWith(PREFIX)) {
                    taken.add(args.remove(i));
                }
            }
            for (CommandSpec mixin : command.mixins().values()) {
                if (mixin.userObject() instanceof SpringArguments spring) {
                    spring.arguments = List.copyOf(taken);
                }
            }
            return false;
        }
    }
}
