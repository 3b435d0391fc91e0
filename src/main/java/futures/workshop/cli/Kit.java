package futures.workshop.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The kit's one command-line program: every make target that runs Java is a subcommand of this,
 * started as {@code tools/kit COMMAND ...} from the kit's top folder. picocli parses the
 * arguments; make's variables arrive as options named like them ({@code EX=3}, {@code DIR=...}),
 * so that usage lines and errors read as the make command the learner typed. Bad arguments are
 * answered here, for every command alike: what is wrong, the usage line, exit status 2.
 *
 * <p>The commands themselves are grouped by who types them: {@link LearnerCommands},
 * {@link InstructorCommands}, {@link AuthorCommands} and {@link DeveloperCommands}.
 */
@Command(name = "make", description = "The kit's commands; run them through make (make help lists them).")
public final class Kit {
    /** Exit status for a command used wrongly, as make and most shells' tools use it. */
    public static final int USAGE = 2;

    private Kit() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Context context = new Context(Path.of("").toAbsolutePath(), out, new AtomicBoolean());
        int status = run(args, context);
        out.flush();
        if (status == 0 && context.programEnds().get()) {
            return; // a learner's program: like java, wait for the threads it left running
        }
        System.exit(status);
    }

    /** Runs one command for the kit whose top folder is {@code top}; returns its exit status. */
    public static int run(String[] args, Path top, PrintStream out) {
        return run(args, new Context(top, out, new AtomicBoolean()));
    }

    private static int run(String[] args, Context context) {
        CommandLine line = new CommandLine(new Kit());
        List<Object> commands = new java.util.ArrayList<>();
        for (List<Object> group : List.of(LearnerCommands.all(context), InstructorCommands.all(context),
                AuthorCommands.all(context), DeveloperCommands.all(context))) {
            commands.addAll(group);
        }
        // Only the command asked for, when it is one: picocli reads each command's annotations when
        // it is added, which costs a short-lived JVM tens of milliseconds. All of them otherwise,
        // for the list of commands that a wrong one gets.
        List<Object> asked = args.length == 0 ? List.of() : commands.stream()
                .filter(c -> c.getClass().getAnnotation(Command.class).name().equals(args[0])).toList();
        (asked.isEmpty() ? commands : asked).forEach(line::addSubcommand);
        line.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false));
        // Named classes, not lambdas, for picocli's interfaces: picocli is compiled for Java 5, and
        // JDK 17's class archive crashes on lambdas that implement an interface that old.
        line.registerConverter(Integer.class, new WholeNumber()).registerConverter(int.class, new WholeNumber());
        PrintWriter writer = new PrintWriter(context.out(), true);
        line.setOut(writer).setErr(writer)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new BadArguments())
                .setExecutionExceptionHandler(new Failures());
        int status = line.execute(args);
        writer.flush();
        return status;
    }

    /** Numbers in words a learner reads: "'two' is not a whole number". */
    private static final class WholeNumber implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
            }
        }
    }

    /** A command that stopped on the learner's input says why in one line, with exit status 2. */
    private static final class Failures implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
            if (e instanceof Finished f) {
                return f.status;
            }
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof UncheckedIOException) {
                cmd.getErr().println(e.getMessage());
                return USAGE;
            }
            throw e;
        }
    }

    /** Refuses a count of zero or less, with the option's name. */
    static void positive(int value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " needs a whole number above 0, not " + value);
        }
    }

    /** What is wrong, in one line, then how the command is written. */
    private static final class BadArguments implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            String name = cmd.getCommandSpec().qualifiedName(" ");
            String what = e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                what = name + " does not take '" + u.getUnmatched().get(0) + "'";
                if (cmd.getCommandSpec().subcommands().containsKey(u.getUnmatched().get(0).toLowerCase(java.util.Locale.ROOT))) {
                    what += " (commands are lower case)";
                }
            } else if (e instanceof CommandLine.MissingParameterException m) {
                what = name + " needs " + String.join(" and ", m.getMissing().stream()
                        .map(a -> a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() + "=" + a.paramLabel() : a.paramLabel())
                        .toList());
            }
            err.println(what);
            err.print(cmd.getUsageMessage(cmd.getColorScheme()).lines()
                    .takeWhile(l -> !l.isBlank()).reduce((a, b) -> a + "\n" + b).orElse("") + "\n");
            err.println("(make help lists every target)");
            err.flush();
            return USAGE;
        }
    }

    /**
     * The kit's top folder and where the commands print: shared by every command.
     *
     * @param programEnds set by a command that ran a learner's program: the JVM then ends with
     *                    the program's threads, as {@code java} would, not at once
     */
    record Context(Path top, PrintStream out, AtomicBoolean programEnds) {
        void endWithTheProgram() {
            programEnds.set(true);
        }
    }

    /** Ends a command early with this exit status, after it has said why. */
    static final class Finished extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Finished(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }
}
