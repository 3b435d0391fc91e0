package futures.workshop.watch;

import futures.workshop.checker.Report;
import futures.workshop.checker.Session;
import futures.workshop.classlink.ClassLink;
import futures.workshop.checker.Verdict;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Hints;
import futures.workshop.course.Listing;
import futures.workshop.course.Progress;
import futures.workshop.terminal.Terminals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.NonBlockingReader;
import org.jline.utils.Status;

/**
 * {@code make watch}: grades the current exercise (the first one not yet passed) each time its
 * file is saved, keeps a progress bar at the bottom of the terminal, moves on when the exercise
 * passes, and answers single keys: {@code h} next hint, {@code c} check again, {@code l} list,
 * {@code q} quit. Like rustlings' watch mode.
 *
 * <p>One thread does all the work and all the printing: {@link #run()}'s caller. Saves (from
 * {@link SaveWatcher}'s thread), keys (from a key-reading thread) and Ctrl-C (JLine's signal
 * handler) only put events on its queue. The grader is kept warm for the whole session, so a
 * check after a save costs a compile and a sandbox run, not a JVM start.
 *
 * <p>On a dumb terminal (a pipe, {@code TERM=dumb}) the bar becomes a plain line after each
 * verdict, and keys are read as lines: type {@code h} then Enter.
 */
public final class Watch {
    /** How long a file must stay quiet after a write before it is graded: folds editors' double writes. */
    static final long QUIET_MILLIS = 30;
    /** How often the key reader looks up from the keyboard to see whether the session ended. */
    private static final long KEY_POLL_MILLIS = 100;

    /** Grades exercises of the learner's folder, e.g. {@link Session#check}. */
    @FunctionalInterface
    public interface Grader {
        List<Verdict> check(List<Exercise> exercises);
    }

    /** What a report printed here tells the learner to do next: each save is checked at once. */
    private static final Report.Commands IN_WATCH = new Report.Commands(n -> "save it to check it", n -> "press h");
    /** The narrowest progress bar worth drawing; below that the counts go on their own. */
    private static final int MIN_BAR = 5;
    private static final int BAR = 20;

    /** A single-key command: its key, a word for narrow terminals, what it is for, and what it does. */
    private record Command(char key, String word, String description, Runnable action) {}

    private sealed interface Event permits Key, Saved, Resized, Quit {}

    private record Key(int c) implements Event {}

    private record Saved(Path file) implements Event {}

    private record Resized() implements Event {}

    private record Quit() implements Event {}

    private final Terminal terminal;
    private final PrintWriter out;
    private final Course course;
    private final Progress progress;
    private final Grader grader;
    private final Supplier<Optional<String>> boardNote;
    private final boolean fancy;
    private final List<Command> commands;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<Exercise, Boolean> passed = new HashMap<>();
    private final Map<Exercise, String> gradedContent = new HashMap<>();
    private Status status;
    private Exercise current;
    private boolean quit;

    /**
     * A watch session on {@code terminal} over the kit of {@code progress}; nothing happens until
     * {@link #run()}.
     */
    public Watch(Terminal terminal, Course course, Progress progress, Grader grader) {
        this(terminal, course, progress, grader, Optional::empty);
    }

    /**
     * As above; after each verdict, {@code boardNote} (e.g. {@link Session#boardNote}) gives the
     * line to show when the class board did not take it.
     */
    public Watch(Terminal terminal, Course course, Progress progress, Grader grader, Supplier<Optional<String>> boardNote) {
        this.boardNote = boardNote;
        this.terminal = terminal;
        this.out = terminal.writer();
        this.course = course;
        this.progress = progress;
        this.grader = grader;
        this.fancy = Terminals.inPlace(terminal) && Terminals.colours(terminal);
        this.commands = List.of(
                new Command('h', "hint", "next hint", this::hint),
                new Command('c', "check", "check again", () -> grade(current, true)),
                new Command('l', "list", "list the exercises", this::list),
                new Command('q', "quit", "quit", () -> quit = true));
        for (Listing.Row row : Listing.rows(course, progress)) {
            passed.put(row.exercise(), row.state() == Listing.State.DONE);
        }
    }

    // ---- what other threads may call ----

    /** A file below exercises/ was saved (any thread). */
    public void saved(Path file) {
        events.add(new Saved(file));
    }

    /** A key was typed (any thread). */
    public void key(int c) {
        events.add(new Key(c));
    }

    /** The terminal changed size: the status is fitted to the new width (any thread: a signal handler, a test). */
    public void resized() {
        events.add(new Resized());
    }

    /** Ends the session after the current step (any thread: a signal handler, a test). */
    public void quit() {
        events.add(new Quit());
    }

    // ---- the loop ----

    /** Grades the current exercise, then handles saves and keys until {@code q}; on the caller's thread. */
    public void run() throws InterruptedException {
        out.println("Watching exercises/: save your file and it is checked at once.");
        out.println(keys("Keys: ", fancy ? "" : " (type the letter, then Enter)", columns()));
        out.flush();
        if (fancy) {
            status = Status.getStatus(terminal);
        }
        try {
            current = firstNotPassed();
            if (current == null) {
                allDone();
            } else {
                grade(current, true);
            }
            while (!quit) {
                Event event = events.take();
                if (event instanceof Quit) {
                    break;
                } else if (event instanceof Saved s) {
                    savedFile(s.file());
                } else if (event instanceof Key k) {
                    typed(k.c());
                } else if (event instanceof Resized) {
                    if (status != null) {
                        status.resize(); // JLine's status keeps the size it was made with
                    }
                    showProgress();
                }
            }
            out.println("Bye. make watch takes you back here; make list shows where you are.");
        } finally {
            if (status != null) {
                status.update(List.of()); // give the bottom line back to the shell
                status.close();
            }
            out.flush();
        }
    }

    private void typed(int c) {
        if (c == 3 || c == 4) { // Ctrl-C, Ctrl-D when the terminal hands them over as keys
            quit = true;
            return;
        }
        if (Character.isWhitespace(c)) {
            return; // Enter after a key on a dumb terminal
        }
        for (Command command : commands) {
            if (command.key() == Character.toLowerCase(c)) {
                command.action().run();
                if (!quit) {
                    showProgress();
                }
                return;
            }
        }
        out.println(keys("Keys: ", "", columns()));
        out.flush();
    }

    private void savedFile(Path file) {
        for (Exercise e : course.exercises()) {
            if (sameFile(progress.file(e), file)) {
                grade(e, false);
                return;
            }
        }
    }

    /** Grades {@code exercise}; unless {@code always}, skips a file whose content was graded already. */
    private void grade(Exercise exercise, boolean always) {
        if (exercise == null) {
            allDone();
            return;
        }
        String content = Progress.sha256(progress.file(exercise));
        if (!always && content != null && content.equals(gradedContent.get(exercise))) {
            return; // the second write of an editor's save, or a save without changes
        }
        gradedContent.put(exercise, content);
        out.println();
        out.println(rule("checking " + exercise.label() + " (exercises/" + exercise.file() + ")", "checking " + exercise.label()));
        out.flush();
        Verdict verdict;
        try {
            verdict = grader.check(List.of(exercise)).get(0);
        } catch (RuntimeException e) { // a kit bug must not end the learner's session
            out.println("The checker itself failed (not your code): " + e + ". Save again or press c.");
            gradedContent.remove(exercise);
            showProgress();
            return;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream report = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            new Report(report, Report.unicodeTerminal(), IN_WATCH).print(List.of(verdict), "exercises", course.exercises(),
                    passedSoFar());
        }
        out.print(text.toString(StandardCharsets.UTF_8));
        boardNote.get().ifPresent(line -> out.println(ClassLink.dim(line, fancy)));
        boolean wasPassed = Boolean.TRUE.equals(passed.put(exercise, verdict.passed()));
        if (verdict.passed() && exercise.equals(current)) {
            current = firstNotPassed(); // the one the report named next
            if (current != null) {
                grade(current, true); // show where it stands, even if it was graded before
            } else {
                showProgress();
            }
            return;
        }
        if (!verdict.passed() && wasPassed && exercise.step() < (current == null ? Integer.MAX_VALUE : current.step())) {
            current = exercise; // broke a finished one: back to it
        }
        showProgress();
    }

    private void hint() {
        if (current == null) {
            out.println("Every exercise passes: no hints needed.");
        } else {
            out.print(Hints.next(progress, current, "h"));
        }
        out.flush();
    }

    private void list() {
        out.print(Listing.text(Listing.rows(course, progress)));
        out.flush();
    }

    private void allDone() {
        out.println("Every exercise passes: " + points() + "/" + course.totalPoints() + " points. Well done! (q quits)");
        showProgress();
    }

    private Set<Exercise> passedSoFar() {
        return course.exercises().stream().filter(e -> passed.getOrDefault(e, false)).collect(Collectors.toSet());
    }

    private Exercise firstNotPassed() {
        return course.exercises().stream().filter(e -> !passed.getOrDefault(e, false)).findFirst().orElse(null);
    }

    private int points() {
        return course.exercises().stream().filter(e -> passed.getOrDefault(e, false)).mapToInt(Exercise::points).sum();
    }

    // ---- the progress bar ----

    /** The status: pinned at the bottom on a real terminal, plain lines otherwise. */
    private void showProgress() {
        List<AttributedString> lines = statusLines();
        if (status != null) {
            status.update(lines);
        } else {
            lines.forEach(line -> out.println(line.toString()));
        }
        out.flush();
    }

    /** The terminal's width, or 0 when it has none (a pipe): then lines are never cut. */
    private int columns() {
        return Math.max(0, terminal.getWidth());
    }

    /**
     * The progress bar, the exercise being worked on and the keys: one line where they fit,
     * else the progress on one line and the keys on their own below it, each within the width.
     */
    private List<AttributedString> statusLines() {
        int columns = columns();
        for (boolean described : List.of(true, false)) {
            AttributedString one = new AttributedStringBuilder().append(progressLine(0)).append(" | ")
                    .append(keys(described)).toAttributedString();
            if (columns == 0 || one.columnLength() <= columns) {
                return List.of(one);
            }
        }
        return List.of(progressLine(columns), new AttributedString(keys("Keys: ", "", columns)));
    }

    /**
     * "Progress ███░░ 1/7 exercises, 10/100 points | now: 2 arguments" within {@code columns}
     * (0: any width): a narrower bar first, then without the word, then without the bar, then cut.
     */
    private AttributedString progressLine(int columns) {
        long done = course.exercises().stream().filter(e -> passed.getOrDefault(e, false)).count();
        String counts = done + "/" + course.exercises().size() + " exercises, " + points() + "/" + course.totalPoints()
                + " points" + (current == null ? "" : " | now: " + current.label());
        for (String word : List.of("Progress ", "")) {
            int room = columns == 0 ? BAR : Math.min(BAR, columns - word.length() - 1 - counts.length());
            if (room >= MIN_BAR) {
                return new AttributedStringBuilder().append(word).append(bar(done, room)).append(" ").append(counts)
                        .toAttributedString();
            }
        }
        return new AttributedString(cut(counts, columns));
    }

    private AttributedString bar(long done, int width) {
        int all = course.exercises().size();
        int filled = all == 0 ? 0 : (int) (done * width / all);
        boolean unicode = StandardCharsets.UTF_8.equals(terminal.encoding()) && fancy;
        return new AttributedStringBuilder()
                .style(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN))
                .append((unicode ? "█" : "#").repeat(filled))
                .style(AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT))
                .append((unicode ? "░" : "-").repeat(width - filled))
                .toAttributedString();
    }

    /**
     * "h next hint, c check again, ..." between {@code prefix} and {@code suffix}, within
     * {@code columns} (0: any width): the short words ("h hint, c check") where the long ones do
     * not fit, then without prefix and suffix, then cut.
     */
    private String keys(String prefix, String suffix, int columns) {
        String described = keys(true);
        String brief = keys(false);
        for (String line : List.of(prefix + described + suffix, prefix + brief + suffix, prefix + brief, brief)) {
            if (columns == 0 || line.length() <= columns) {
                return line;
            }
        }
        return cut(brief, columns);
    }

    /** "h next hint, c check again, ...", or with {@code described} false "h hint, c check, ...". */
    private String keys(boolean described) {
        return commands.stream().map(c -> c.key() + " " + (described ? c.description() : c.word())).collect(Collectors.joining(", "));
    }

    private static String cut(String line, int columns) {
        return columns == 0 || line.length() <= columns ? line : line.substring(0, columns);
    }

    /** "-- title -----", or with the shorter title where the long one does not fit. */
    private String rule(String title, String shorter) {
        int columns = Math.min(Terminals.width(terminal), 100);
        String line = "-- " + title + " ";
        if (line.length() > columns) {
            line = cut("-- " + shorter + " ", columns);
        }
        return line + "-".repeat(Math.max(0, columns - line.length()));
    }

    // ---- the program: terminal setup, keys, signals ----

    /** {@code make watch} on this process's terminal, for the kit whose top folder is {@code top}; returns the exit status. */
    public static int inTerminal(Path top) throws Exception {
        Terminal terminal = TerminalBuilder.builder().name("workshop watch").system(true)
                .encoding(StandardCharsets.UTF_8).build();
        Attributes original = terminal.getAttributes();
        Thread restore = new Thread(() -> terminal.setAttributes(original), "watch-restore-terminal");
        Runtime.getRuntime().addShutdownHook(restore); // also when killed
        int exit;
        try (Session session = new Session(top)) {
            exit = watch(terminal, session);
        } finally {
            terminal.setAttributes(original);
            terminal.flush();
            Runtime.getRuntime().removeShutdownHook(restore);
            terminal.close();
        }
        return exit;
    }

    /**
     * Runs a session on {@code terminal} with raw keys, Ctrl-C and the file watcher wired up,
     * until {@code q}; the caller restores the terminal. Also what {@code make bench} times (P3).
     */
    public static int watch(Terminal terminal, Session session) throws InterruptedException {
        Watch watch = new Watch(terminal, session.course(), session.progress(), session::check, session::boardNote);
        terminal.handle(Terminal.Signal.INT, signal -> watch.quit());
        terminal.handle(Terminal.Signal.WINCH, signal -> watch.resized());
        boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        if (!dumb) {
            terminal.enterRawMode(); // single keys; attributes are restored by main
        }
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread keys = new Thread(() -> readKeys(terminal, watch, reading), "watch-keys");
        keys.setDaemon(true);
        keys.start();
        try (SaveWatcher files = new SaveWatcher(session.progress().exercises(), QUIET_MILLIS, watch::saved)) {
            watch.run();
        } finally {
            reading.set(false);
            keys.join(1000); // closing the terminal waits for a reader inside read()
        }
        return 0;
    }

    /**
     * Hands every key to {@code watch} while {@code reading}; at the end of input it stops, and
     * files are still watched (no keyboard: Ctrl-C stops).
     */
    static void readKeys(Terminal terminal, Watch watch, AtomicBoolean reading) {
        try {
            while (reading.get()) {
                int c = terminal.reader().read(KEY_POLL_MILLIS);
                if (c == NonBlockingReader.READ_EXPIRED) {
                    continue;
                }
                if (c < 0) {
                    return;
                }
                watch.key(c);
            }
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the terminal is closing
        }
    }

    static boolean sameFile(Path a, Path b) {
        return Objects.equals(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize());
    }
}
