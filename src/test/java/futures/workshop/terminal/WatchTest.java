package futures.workshop.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.checker.Session;
import futures.workshop.checker.Verdict;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Progress;
import futures.workshop.course.Stubs;
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

/**
 * Watch mode over in-memory terminals, with a grader that passes a file when it says SOLVED, so
 * no JVM is started. Every wait is for output to appear; the timeout only stops a broken watch
 * from hanging the build.
 */
@DisplayName("Watch mode")
@Timeout(30)
class WatchTest {
    @TempDir
    Path top;

    private Course course;
    private final AtomicInteger graded = new AtomicInteger();

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
        Session.remember(Progress.of(top), verdicts, null);
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

        screen.awaitContains("-- checking 1 submit (exercises/01-submit/PoolSubmit.java)");
        screen.awaitContains("0 passed, 1 failed\nProgress ");
        assertThat(screen.text()).contains("expected: SOLVED")
                .contains("Progress " + "-".repeat(20) + " 0/7 exercises, 0/100 points | now: 1 submit");

        solve("01-submit/PoolSubmit.java");
        watch.saved(top.resolve("exercises/01-submit/PoolSubmit.java"));
        screen.awaitContains("Well done! Next: exercise 2 arguments");
        screen.awaitContains("-- checking 2 arguments");
        screen.awaitContains("1/7 exercises, 10/100 points | now: 2 arguments");

        type(keyboard, "h\n");
        screen.awaitContains("Hint 1 of 2 for exercise 2 arguments (exercises/02-arguments/PoolAdd.java):");
        type(keyboard, "l\n");
        screen.awaitContains("  1 submit     done         10/10");
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
        screen.awaitContains("0/7 exercises, 0/100 points");
        assertThat(screen.text()).contains("Progress ").contains("░░░░").doesNotContain("Progress --");

        terminal.processInputByte('l');
        screen.awaitContains("  7 spread");
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
        screen.awaitContains("0 passed, 1 failed");
        Path file = top.resolve("exercises/01-submit/PoolSubmit.java");
        watch.saved(file); // same content as the grading at start
        watch.key('c');
        screen.awaitCount("-- checking 1 submit", 2);
        Files.writeString(file, "// still wrong\n");
        watch.saved(file);
        watch.saved(file);
        watch.key('l'); // a marker: handled after both saves
        screen.awaitContains("  1 submit     not done");
        assertThat(graded).hasValue(3);

        watch.key(3); // Ctrl-C when the terminal passes it on as a key
        running.join();
    }

    @Test
    @DisplayName("starts at the first exercise not done and says when every exercise passes")
    void resumesAndFinishes() throws Throwable {
        for (Exercise e : course.exercises()) {
            if (e.step() != 7) {
                solve(e.file());
            }
        }
        Screen screen = new Screen();
        Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(new PipedOutputStream()),
                screen, StandardCharsets.UTF_8);
        Watch watch = new Watch(terminal, course, Progress.of(top), this::grade);
        Running running = Running.start(watch, null);
        // not yet checked, so the run grades each and moves on until one fails
        screen.awaitContains("-- checking 7 spread");
        solve("07-spread/Spread.java");
        watch.saved(top.resolve("exercises/07-spread/Spread.java"));
        screen.awaitContains("Every exercise passes: 100/100 points.");
        watch.quit(); // what Ctrl-C's signal handler does
        running.join();
        assertThat(graded).hasValue(8); // 1 to 7 at the start, 7 again after the save
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
        screen.awaitContains("The checker itself failed (not your code): java.lang.IllegalStateException: sandbox gone");
        watch.key('c');
        screen.awaitContains("0 passed, 1 failed");
        watch.quit();
        running.join();
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

    /** What the terminal shows, with a way to wait for text. */
    static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        }

        void awaitContains(String expected) throws InterruptedException {
            awaitCount(expected, 1);
        }

        /** Waits for the text; the long deadline only turns a hang into a message showing the screen. */
        synchronized void awaitCount(String expected, int count) throws InterruptedException {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (text().split(java.util.regex.Pattern.quote(expected), -1).length - 1 < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the screen never showed " + expected + " (" + count + "x); it shows:\n" + text());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
