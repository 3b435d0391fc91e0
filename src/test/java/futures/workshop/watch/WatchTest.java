package futures.workshop.watch;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.checker.Session;
import futures.workshop.checker.Verdict;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Progress;
import futures.workshop.course.Stubs;
import futures.workshop.terminal.Screen;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Watch mode over in-memory terminals, with a grader that passes a file when it says SOLVED, so
 * no JVM is started. Every wait is for output to appear; the timeout only stops a broken watch
 * from hanging the build.
 */
@DisplayName("Watch mode")
@Timeout(30)
class WatchTest {
    /** Only turns a hang into a message that shows the screen; nothing is timed with it. */
    private static final java.time.Duration SHOWS = java.time.Duration.ofSeconds(20);

    @TempDir
    Path top;

    private Course course;
    private final AtomicInteger graded = new AtomicInteger();

    /** "0/7 exercises, 0/100 points", as the progress bar writes it for this course. */
    private String bar(int done, int points) {
        return done + "/" + course.exercises().size() + " exercises, " + points + "/" + course.totalPoints() + " points";
    }

    private Exercise last() {
        return course.exercises().get(course.exercises().size() - 1);
    }

    @BeforeEach
    void kit() throws IOException {
        Path exercises = Files.createDirectories(top.resolve("exercises"));
        Files.copy(Path.of("exercises", Course.FILE), exercises.resolve(Course.FILE));
        course = Course.load(exercises);
        for (Exercise e : course.exercises()) {
            Files.createDirectories(exercises.resolve(e.file()).getParent());
            Files.write(exercises.resolve(e.file()), Stubs.bytes(e));
        }
    }

    /** Passes a file that contains SOLVED, fails the others, and records the verdicts as Session#check does. */
    private List<Verdict> grade(List<Exercise> which) {
        graded.incrementAndGet();
        List<Verdict> verdicts = which.stream().map(e -> {
            boolean solved;
            try {
                solved = Files.readString(top.resolve("exercises").resolve(e.file())).contains("SOLVED");
            } catch (IOException ex) {
                solved = false;
            }
            return new Verdict(e, solved ? Verdict.Status.PASSED : Verdict.Status.FAILED,
                    List.of(new Verdict.CheckResult("does the exercise", solved, solved ? null : "expected: SOLVED")), List.of());
        }).toList();
        Session.remember(Progress.of(top), course, verdicts, null);
        return verdicts;
    }

    private void solve(String file) throws IOException {
        Files.writeString(top.resolve("exercises").resolve(file), "// SOLVED\n");
    }

    @Test
    @DisplayName("grades the current exercise, moves on when a save passes it, and answers h, l, q typed as lines")
    void dumbTerminal() throws Throwable {
        Screen screen = new Screen();
        PipedOutputStream keyboard = new PipedOutputStream();
        Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(keyboard), screen,
                StandardCharsets.UTF_8);
        Watch watch = new Watch(terminal, course, Progress.of(top), this::grade);
        Running running = Running.start(watch, terminal);

        screen.await("-- checking 1 submit (exercises/01-submit/PoolSubmit.java)", 1, SHOWS);
        screen.await("0 passed, 1 failed\nProgress ", 1, SHOWS);
        assertThat(screen.text()).contains("expected: SOLVED")
                .contains("Progress " + "-".repeat(20) + " " + bar(0, 0) + " | now: 1 submit");

        solve("01-submit/PoolSubmit.java");
        watch.saved(top.resolve("exercises/01-submit/PoolSubmit.java"));
        screen.await("Next: exercise 2 arguments, a function of several arguments\n"
                + "      open exercises/02-arguments/PoolAdd.java; save it to check it\n", 1, SHOWS);
        screen.await("-- checking 2 arguments", 1, SHOWS);
        screen.await(bar(1, course.exercises().get(0).points()) + " | now: 2 arguments", 1, SHOWS);

        type(keyboard, "h\n");
        screen.await("Hint 1 of 2 for exercise 2 arguments (exercises/02-arguments/PoolAdd.java):", 1, SHOWS);
        type(keyboard, "l\n");
        screen.await("  1 submit     done         10/10", 1, SHOWS);
        assertThat(screen.text()).contains("  2 arguments  not started");
        type(keyboard, "q\n");
        running.join();
        assertThat(screen.text()).endsWith("Bye. make watch takes you back here; make list shows where you are.\n");
    }

    @Test
    @DisplayName("takes single keys without Enter on a real terminal and pins the progress bar at the bottom")
    void rawKeys() throws Throwable {
        Screen screen = new Screen();
        LineDisciplineTerminal terminal = new LineDisciplineTerminal("test", "xterm-256color", screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 30));
        terminal.enterRawMode();
        Watch watch = new Watch(terminal, course, Progress.of(top), this::grade);
        Running running = Running.start(watch, terminal);
        screen.await(bar(0, 0) + " | now: 1 submit | h hint, c check, l list, q quit", 1, SHOWS); // 120 columns: one line
        assertThat(screen.text()).contains("Progress ").contains("░░░░").doesNotContain("Progress --");

        terminal.processInputByte('l');
        screen.await("  " + last().label(), 1, SHOWS);
        terminal.processInputByte('q');
        running.join();
        assertThat(screen.text()).contains("Bye.");
    }

    @Test
    @DisplayName("does not grade a save that changed nothing (an editor's second write), but c always re-checks")
    void unchangedSave() throws Throwable {
        Screen screen = new Screen();
        Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(new PipedOutputStream()),
                screen, StandardCharsets.UTF_8);
        Watch watch = new Watch(terminal, course, Progress.of(top), this::grade);
        Running running = Running.start(watch, null);
        screen.await("0 passed, 1 failed", 1, SHOWS);
        Path file = top.resolve("exercises/01-submit/PoolSubmit.java");
        watch.saved(file); // same content as the grading at start
        watch.key('c');
        screen.await("-- checking 1 submit", 2, SHOWS);
        Files.writeString(file, "// still wrong\n");
        watch.saved(file);
        watch.saved(file);
        watch.key('l'); // a marker: handled after both saves
        screen.await("  1 submit     not done", 1, SHOWS);
        assertThat(graded).hasValue(3);

        watch.key(3); // Ctrl-C when the terminal passes it on as a key
        running.join();
    }

    @Test
    @DisplayName("starts at the first exercise not done and says when every exercise passes")
    void resumesAndFinishes() throws Throwable {
        for (Exercise e : course.exercises()) {
            if (!e.equals(last())) {
                solve(e.file());
            }
        }
        Screen screen = new Screen();
        Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(new PipedOutputStream()),
                screen, StandardCharsets.UTF_8);
        Watch watch = new Watch(terminal, course, Progress.of(top), this::grade);
        Running running = Running.start(watch, null);
        // not yet checked, so the run grades each and moves on until one fails
        screen.await("-- checking " + last().label(), 1, SHOWS);
        solve(last().file());
        watch.saved(top.resolve("exercises").resolve(last().file()));
        screen.await("Every exercise passes. Next: compare your answers with solutions/.", 1, SHOWS);
        screen.await(bar(course.exercises().size(), course.totalPoints()) + " | h next hint", 1, SHOWS);
        watch.quit(); // what Ctrl-C's signal handler does
        running.join();
        assertThat(graded).hasValue(course.exercises().size() + 1); // each at the start, the last again after the save
    }

    @Test
    @DisplayName("survives a checker that fails, and grades again on c")
    void checkerFails() throws Throwable {
        Screen screen = new Screen();
        Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(new PipedOutputStream()),
                screen, StandardCharsets.UTF_8);
        AtomicBoolean broken = new AtomicBoolean(true);
        Watch watch = new Watch(terminal, course, Progress.of(top), which -> {
            if (broken.getAndSet(false)) {
                throw new IllegalStateException("sandbox gone");
            }
            return grade(which);
        });
        Running running = Running.start(watch, null);
        screen.await("The checker itself failed (not your code): java.lang.IllegalStateException: sandbox gone", 1, SHOWS);
        watch.key('c');
        screen.await("0 passed, 1 failed", 1, SHOWS);
        watch.quit();
        running.join();
    }

    @Test
    @DisplayName("at 80 columns on a real terminal, pins the keys on a line of their own under the progress bar, and refits them when the window shrinks")
    void pinnedKeysAt80() throws Throwable {
        Screen screen = new Screen();
        LineDisciplineTerminal terminal = new LineDisciplineTerminal("test", "xterm-256color", screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(80, 30));
        Watch watch = new Watch(terminal, course, Progress.of(top), this::grade);
        Running running = Running.start(watch, null);
        screen.await(bar(0, 0) + " | now: 1 submit", 1, SHOWS);
        screen.await("Keys: h next hint, c check again, l list the exercises, q quit", 2, SHOWS); // at the start, then pinned

        terminal.setSize(new Size(50, 30)); // the window made narrower
        watch.resized();
        screen.await("Keys: h hint, c check, l list, q quit", 1, SHOWS);
        watch.quit();
        running.join();
    }

    @ParameterizedTest(name = "at {0} columns")
    @ValueSource(ints = {120, 80, 60})
    @DisplayName("fits the terminal's width, with the keys always on screen and readable")
    void fitsTheWidth(int columns) throws Throwable {
        Screen screen = new Screen();
        // vt100: lines can be redrawn but there are no colours, so the status is printed as plain
        // lines, where the test can measure them
        LineDisciplineTerminal terminal = new LineDisciplineTerminal("test", "vt100", screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(columns, 30));
        Watch watch = new Watch(terminal, course, Progress.of(top), this::grade);
        Running running = Running.start(watch, null);
        screen.await("now: 1 submit", 1, SHOWS);
        solve("01-submit/PoolSubmit.java");
        watch.saved(top.resolve("exercises/01-submit/PoolSubmit.java"));
        screen.await("now: 2 arguments", 1, SHOWS);
        watch.key('x'); // not a key: the keys are listed again
        watch.quit();
        running.join();

        List<String> lines = screen.text().lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.contains("now: 2 arguments")).findFirst().orElseThrow());
        String status = lines.get(at);
        String statusAndKeys = status + "\n" + lines.get(at + 1); // the keys: on the status line or the next
        List<String> own = lines.stream().filter(l -> l.startsWith("Keys:") || l.startsWith("-- ") || l.equals(status)).toList();
        assertThat(own).as("watch's own lines at %d columns", columns).hasSizeGreaterThan(3)
                .allMatch(l -> l.length() <= columns, "fit in " + columns + " columns");
        if (columns >= 80) { // the reports too; narrower, the terminal wraps their longest lines
            assertThat(lines).allMatch(l -> l.length() <= columns, "fit in " + columns + " columns");
        }
        String keys = switch (columns) {
            case 120 -> "h hint, c check, l list, q quit";                      // at the end of the status line
            case 80 -> "Keys: h next hint, c check again, l list the exercises, q quit"; // a line of its own
            default -> "Keys: h hint, c check, l list, q quit";
        };
        assertThat(statusAndKeys).as("at %d columns", columns).contains(keys);
        assertThat(status).as("the status at %d columns", columns)
                .contains(bar(1, course.exercises().get(0).points()) + " | now: 2 arguments");
        assertThat(lines.get(1)).as("the keys at the start").startsWith("Keys: h ");
    }

    private static void type(OutputStream keyboard, String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** The watch loop on its own thread, keys read from the terminal on another, as in make watch. */
    private static final class Running {
        private final Thread loop;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicBoolean reading = new AtomicBoolean(true);

        private Running(Watch watch, Terminal keys) {
            loop = new Thread(() -> {
                try {
                    watch.run();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "watch-test");
            if (keys != null) {
                Thread reader = new Thread(() -> Watch.readKeys(keys, watch, reading), "watch-test-keys");
                reader.setDaemon(true);
                reader.start();
            }
        }

        static Running start(Watch watch, Terminal keys) {
            Running running = new Running(watch, keys);
            running.loop.start();
            return running;
        }

        void join() throws Throwable {
            loop.join();
            reading.set(false);
            if (failure.get() != null) {
                throw failure.get();
            }
        }
    }

}
