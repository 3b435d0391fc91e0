package futures.workshop.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * The kit's JShell front end ({@code make jshell}): the JDK's JShell tool, started through its
 * public builder with two changes to what reaches the screen.
 * <ul>
 *   <li>JShell's own messages pass through the {@link Coach}, which adds a line of Java advice
 *       under an error that comes from a Python habit, and Java's own text for a future is
 *       shortened ({@link ValueLines});
 *   <li>what snippets print after they have returned (a worker waking up while the learner types
 *       the next line) is printed above the prompt, which is then drawn again with the line
 *       being typed, instead of landing in the middle of it.
 * </ul>
 * The second needs JLine's {@code printAbove} on the reader JShell keeps inside its tool; the
 * kit's launcher opens those packages ({@code tools/kit}). Without them, or on a JDK whose
 * JShell is built differently, output is printed as plain JShell prints it.
 */
public final class Shell {
    private Shell() {}

    public static void main(String[] args) throws Exception {
        Charset charset = stdoutCharset();
        PrintStream screen = System.out;
        Coach coach = new Coach(Runtime.version().feature()); // JShell runs snippets on the Java it runs on
        PrintStream messages = new PrintStream(new Lines(screen, charset, line -> {
            for (String out : coach.lines(ValueLines.shorten(line))) {
                screen.print(out + System.lineSeparator());
            }
        }, () -> false), true, charset.name());
        Prompt prompt = new Prompt();
        PrintStream user = new PrintStream(new Lines(screen, charset, prompt::userLine, prompt::reading),
                true, charset.name());
        JavaShellToolBuilder builder = JavaShellToolBuilder.builder()
                .out(messages, screen, user)
                .err(messages, user);
        System.exit(prompt.start(builder, args));
    }

    private static Charset stdoutCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    /**
     * JShell's line reader, reached by reflection: {@code JShellTool.input} (a
     * {@code ConsoleIOContext} when JShell reads a terminal) and its {@code in}, a JLine
     * {@code LineReaderImpl}.
     */
    static final class Prompt {
        private volatile Object tool;
        private volatile Object reader;
        private Method isReading;
        private Method printAbove;
        private boolean failed;

        /** Starts JShell; through the tool object when reflection allows, else through the public builder. */
        int start(JavaShellToolBuilder builder, String[] args) throws Exception {
            Object raw;
            Method start;
            try {
                raw = builder.getClass().getMethod("rawTool").invoke(builder);
                start = raw.getClass().getMethod("start", String[].class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                failed = true;
                return builder.start(args);
            }
            tool = raw;
            return (Integer) start.invoke(raw, (Object) args);
        }

        /** Whether JShell is waiting for the learner's next line. */
        boolean reading() {
            Object in = reader();
            try {
                return in != null && (Boolean) isReading.invoke(in);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }

        /** A complete line a snippet printed: above the prompt while JShell waits for input. */
        void userLine(String line) {
            Object in = reader();
            if (in != null) {
                try {
                    if ((Boolean) isReading.invoke(in)) {
                        printAbove.invoke(in, line);
                        return;
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    failed = true;
                }
            }
            System.out.print(line + System.lineSeparator());
            System.out.flush();
        }

        private synchronized Object reader() {
            if (reader != null || failed || tool == null) {
                return reader;
            }
            try {
                Object input = field(tool, "input");
                if (input == null || !input.getClass().getSimpleName().equals("ConsoleIOContext")) {
                    return null; // not started yet, or not reading a terminal: try again later
                }
                Object in = field(input, "in");
                isReading = in.getClass().getMethod("isReading");
                printAbove = in.getClass().getMethod("printAbove", String.class);
                reader = in;
            } catch (ReflectiveOperationException | RuntimeException e) {
                failed = true; // packages not opened, or another JShell: print as JShell does
            }
            return reader;
        }

        private static Object field(Object owner, String name) throws ReflectiveOperationException {
            for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
                try {
                    Field f = c.getDeclaredField(name);
                    f.setAccessible(true);
                    return f.get(owner);
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
            throw new NoSuchFieldException(name);
        }
    }

    /**
     * Cuts what is written into lines and hands each to {@code sink} without its line end. A
     * flush is no line end: JShell's streams flush after every piece of a line (a printf's parts,
     * a packet of the engine's output). A line left unfinished for {@value #PARTIAL_MILLIS} ms
     * after a flush (a prompt-like "Enter a number: ") is written to {@code raw} as it is, unless
     * {@code hold} says to wait for its end; the rest of that line then reaches {@code sink} as
     * a line of its own (after a prompt "jshell> ", the value or error JShell prints on it).
     */
    static final class Lines extends OutputStream {
        static final long PARTIAL_MILLIS = 40;
        private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(body -> {
            Thread t = new Thread(body, "kit-shell-partial-lines");
            t.setDaemon(true);
            return t;
        });

        private final OutputStream raw;
        private final Charset charset;
        private final Consumer<String> sink;
        private final BooleanSupplier hold;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long written; // bytes so far: a partial line is written out only if nothing came since

        Lines(OutputStream raw, Charset charset, Consumer<String> sink, BooleanSupplier hold) {
            this.raw = raw;
            this.charset = charset;
            this.sink = sink;
            this.hold = hold;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            written++;
            if (b != '\n') {
                line.write(b);
                return;
            }
            byte[] bytes = line.toByteArray();
            line.reset();
            int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            sink.accept(new String(bytes, 0, end, charset));
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (line.size() > 0) {
                long mark = written;
                LATER.schedule(() -> writePartial(mark), PARTIAL_MILLIS, TimeUnit.MILLISECONDS);
            }
            raw.flush();
        }

        private synchronized void writePartial(long mark) {
            if (written != mark || line.size() == 0 || hold.getAsBoolean()) {
                return;
            }
            try {
                line.writeTo(raw);
                raw.flush();
            } catch (IOException e) {
                // the screen is gone: nothing to tell
            }
            line.reset();
        }
    }
}
