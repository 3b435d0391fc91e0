package futures.workshop.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * The JLine terminal that the kit's pictures are printed on, and what it can do.
 *
 * <p>One terminal over {@code System.out}, built once and never closed: closing it would close
 * {@code System.out}. It is the terminal JLine's {@code exec} provider makes over a stream (an
 * {@link ExternalTerminal}) rather than a system terminal, because inside JShell's execution engine a system terminal writes to a
 * file descriptor nobody shows, and letting JLine probe the terminal there garbles the next
 * command. Whether the output really is a terminal is found out here instead: a pipe, a file,
 * {@code TERM=dumb} or {@code NO_COLOR} give a dumb terminal, which gets plain text only.
 *
 * <p>The system property {@code workshop.terminal} overrides the guess: {@code plain} or
 * {@code ansi} (in JShell: {@code -R-Dworkshop.terminal=plain}).
 */
public final class Terminals {
    public static final String PROPERTY = "workshop.terminal";

    private static Terminal shared;
    private static PrintStream sharedOver;

    private Terminals() {}

    /**
     * The terminal over the current {@code System.out}, built on first use and sized afresh on
     * every call. Do not close it. If {@code System.out} was replaced since, a new one is built
     * over the new stream. Any thread may call it.
     */
    public static synchronized Terminal systemOut() {
        PrintStream out = System.out;
        if (shared == null || sharedOver != out) {
            shared = build(out);
            sharedOver = out;
        } else if (!isDumb(shared)) {
            shared.setSize(size()); // the window may have been resized since
        }
        return shared;
    }

    private static Terminal build(PrintStream out) {
        boolean tty = isTerminal();
        String term = System.getenv("TERM");
        String type = tty && term != null && !term.isBlank() && !term.startsWith("dumb") ? term : "dumb";
        Size size = tty ? size() : Size.of(0, 0);
        try {
            // What JLine's exec provider builds for given streams, made directly: the builder
            // costs a few hundred milliseconds more (it looks at every provider) and may probe.
            // No input (never read the learner's keys), paused (no pump thread).
            return new ExternalTerminal(null, "workshop", type, InputStream.nullInputStream(), out,
                    StandardCharsets.UTF_8, Terminal.SignalHandler.SIG_DFL, true, null, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the terminal over System.out", e);
        }
    }

    /** True when System.out ends up on a terminal a person watches (see the class comment). */
    static boolean isTerminal() {
        String forced = System.getProperty(PROPERTY, "").trim();
        if (forced.equals("plain")) {
            return false;
        }
        if (forced.equals("ansi")) {
            return true;
        }
        if (System.getenv("NO_COLOR") != null && !System.getenv("NO_COLOR").isEmpty()) {
            return false;
        }
        // In JShell's execution engine our own stdout is a pipe back to jshell; what counts is
        // where jshell itself writes, and jshell is our parent process.
        long pid = insideJShell()
                ? ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L)
                : ProcessHandle.current().pid();
        Boolean fd1 = stdoutIsTerminal(pid);
        if (fd1 != null) {
            return fd1;
        }
        return insideJShell() || System.console() != null;
    }

    /** Whether the process's stdout is a terminal device, or null when the system does not say. */
    private static Boolean stdoutIsTerminal(long pid) {
        if (pid < 0) {
            return null;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", "1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null; // no /proc (macOS) or not allowed
        }
    }

    /** True when called from a JShell snippet (the code runs under jdk.jshell's execution control). */
    static boolean insideJShell() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().startsWith("jdk.jshell.execution.")));
    }

    /** The controlling terminal's size, asked of {@code stty} (JLine's exec provider does the same). */
    private static Size size() {
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), Charset.defaultCharset()).trim();
            if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] parts = answer.split("\\s+");
                return Size.of(Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
            }
        } catch (IOException | RuntimeException e) {
            // fall through to COLUMNS or the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return Size.of(Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "")), 24);
        } catch (NumberFormatException e) {
            return Size.of(Timeline.DEFAULT_WIDTH, 24);
        }
    }

    // ---- what a terminal can do ----

    /** Columns to draw in: the terminal's width, or 80 when it does not know (pipes, dumb terminals). */
    public static int width(Terminal terminal) {
        int width = terminal.getSize().getColumns();
        return width > 0 ? width : Timeline.DEFAULT_WIDTH;
    }

    /** True when colours and box-drawing characters will show: not dumb, 8 colours or more, UTF-8. */
    public static boolean colours(Terminal terminal) {
        Integer colours = terminal.getNumericCapability(Capability.max_colors);
        return !isDumb(terminal) && colours != null && colours >= 8
                && StandardCharsets.UTF_8.equals(terminal.encoding());
    }

    /** True when lines can be redrawn in place (JLine's Display): the cursor can move up. */
    public static boolean inPlace(Terminal terminal) {
        return !isDumb(terminal) && terminal.getSize().getColumns() > 0
                && terminal.getStringCapability(Capability.cursor_up) != null;
    }

    private static boolean isDumb(Terminal terminal) {
        String type = terminal.getType();
        return type == null || type.startsWith(Terminal.TYPE_DUMB);
    }
}
