package futures.workshop.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import futures.workshop.lesson.Lesson;
import futures.workshop.lesson.WorkerPool;
import futures.workshop.runtime.NotifyingFuture;
import futures.workshop.runtime.TimeScale;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live futures board, over in-memory terminals, with futures the test completes by hand and
 * a clock it moves by hand. Every wait is on an event (output appearing, a thread ending); the
 * timeouts only stop a broken board from hanging the build.
 */
@DisplayName("The live futures board")
@ExtendWith(TimeScaleOne.class)
@Timeout(30)
class BoardTest {
    /** Only turns a hang into a message that shows the screen; nothing is timed with it. */
    private static final java.time.Duration SHOWS = java.time.Duration.ofSeconds(20);

    private static final long DAY_MILLIS = 86_400_000L;

    @Test
    @DisplayName("prints one line per event on a dumb terminal, then the results")
    void linesOnADumbTerminal() throws Exception {
        Screen screen = new Screen();
        AtomicLong clock = new AtomicLong();
        Board board = new Board(new DumbTerminal(InputStream.nullInputStream(), screen), clock::get, DAY_MILLIS, false);
        CompletableFuture<Integer> slow = new CompletableFuture<>();
        CompletableFuture<Integer> broken = new CompletableFuture<>();
        CompletableFuture<Integer> quick = new CompletableFuture<>();
        Watch watch = Watch.start(board, List.of(slow, broken, quick), List.of());

        screen.await("future 2: running\n", 1, SHOWS);
        clock.set(Fixtures.nanos(1.1));
        quick.complete(4);
        screen.await("-> 4\n", 1, SHOWS);
        clock.set(Fixtures.nanos(2.1));
        broken.completeExceptionally(new IllegalArgumentException("Called broken function"));
        screen.await("broken function\n", 1, SHOWS);
        clock.set(Fixtures.nanos(3.1));
        slow.complete(7);
        List<Board.Result> results = watch.join();

        assertThat(screen.text()).isEqualTo("""
                watching 3 futures (times in lesson seconds)
                future 0: running
                future 1: running
                future 2: running
                future 2: finished after 1.1 s -> 4
                future 1: failed after 2.1 s -> java.lang.IllegalArgumentException: Called broken function
                future 0: finished after 3.1 s -> 7
                all 3 done, the last after 3.1 s: 2 finished, 1 failed
                results:
                  future 0  7
                  future 1  java.lang.IllegalArgumentException: Called broken function
                  future 2  4
                """);
        assertThat(results).extracting(Board.Result::state)
                .containsExactly(Board.State.FINISHED, Board.State.FAILED, Board.State.FINISHED);
        assertThat(results.get(1).error()).isInstanceOf(IllegalArgumentException.class);
        assertThat(results.get(0).value()).isEqualTo(7);
    }

    @Test
    @DisplayName("returns when the last future completes, not at its next refresh")
    void returnsOnCompletion() throws Exception {
        Screen screen = new Screen();
        // Refreshing once a day: only reacting to the completion can end this board in time.
        Board board = new Board(xterm(screen), System::nanoTime, DAY_MILLIS, false);
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> last = new CompletableFuture<>();
        Watch watch = Watch.start(board, List.of(first, last), List.of("first", "last"));

        screen.await("0 of 2 done", 1, SHOWS);
        first.complete("one-result");
        screen.await("one-result", 1, SHOWS); // Display writes only what changed, so wait for new text
        last.complete("two");
        List<Board.Result> results = watch.join();

        assertThat(results).extracting(Board.Result::text).containsExactly("one-result", "two");
        String out = screen.text();
        assertThat(out).contains("the last after");
        // Drawn once and then updated in place: the heading is not printed again.
        assertThat(out.split("state      elapsed", -1)).hasSize(2);
        assertThat(out).contains("\u001b[");
    }

    @Test
    @DisplayName("shows what the tasks print above the table, and gives System.out back")
    void printsAbove() throws Exception {
        Screen screen = new Screen();
        Board board = new Board(xterm(screen), System::nanoTime, DAY_MILLIS, true);
        CompletableFuture<Integer> future = new CompletableFuture<>();
        PrintStream before = System.out;
        Watch watch = Watch.start(board, List.of(future), List.of());

        screen.await("0 of 1 done", 1, SHOWS);
        System.out.println("worker-1 (PID 42) waking up");
        screen.await("waking up", 1, SHOWS);
        future.complete(3);
        watch.join();

        assertThat(System.out).isSameAs(before);
        String out = screen.text();
        assertThat(out.indexOf("waking up")).isLessThan(out.lastIndexOf("all 1 done"));
    }

    @Test
    @DisplayName("waits for any other Future without polling it, and reports a cancelled one")
    void plainFutures() throws Exception {
        Screen screen = new Screen();
        Board board = new Board(new DumbTerminal(InputStream.nullInputStream(), screen), System::nanoTime,
                DAY_MILLIS, false);
        FutureTask<Integer> task = new FutureTask<>(() -> 5);
        FutureTask<Integer> cancelled = new FutureTask<>(() -> 6);
        Watch watch = Watch.start(board, List.of(task, cancelled), List.of("task", "cancelled"));

        screen.await("cancelled: running\n", 1, SHOWS);
        task.run();
        cancelled.cancel(false);
        List<Board.Result> results = watch.join();

        assertThat(results).extracting(Board.Result::state).containsExactly(Board.State.FINISHED, Board.State.CANCELLED);
        assertThat(screen.text()).contains("task: finished after").contains("cancelled: cancelled after")
                .contains("  cancelled  cancelled before it finished");
    }

    @Test
    @DisplayName("hears a worker pool's futures through their done hook")
    void workerPoolFutures() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (WorkerPool pool = new WorkerPool(2)) {
            Future<Integer> future = pool.submit(() -> {
                release.await();
                return 9;
            });
            assertThat(future).isInstanceOf(NotifyingFuture.class);
            Screen screen = new Screen();
            Board board = new Board(new DumbTerminal(InputStream.nullInputStream(), screen), System::nanoTime,
                    DAY_MILLIS, false);
            Watch watch = Watch.start(board, List.of(future), List.of());
            screen.await("future 0: running\n", 1, SHOWS);
            release.countDown();
            assertThat(watch.join()).extracting(Board.Result::text).containsExactly("9");

            // Already done: the hook runs at once, on the caller's thread.
            AtomicReference<String> ranOn = new AtomicReference<>();
            ((NotifyingFuture<?>) future).whenDone(() -> ranOn.set(Thread.currentThread().getName()));
            assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
        }
    }

    @Test
    @DisplayName("times a worker pool's futures from their submission, also one done before it started")
    void timesFromSubmission() throws Exception {
        System.setProperty(TimeScale.PROPERTY, "0.01"); // a lesson second is 10 ms; TimeScaleOne puts it back
        CountDownLatch called = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (WorkerPool pool = new WorkerPool(2)) {
            long beforeEarly = System.nanoTime();
            Future<Integer> early = pool.submit(() -> Lesson.slowAdd(1.1, 8, 1));
            early.get();
            // Its 3.1 s call ends before the board starts; the future ends only once the board runs.
            Future<Integer> slow = pool.submit(() -> {
                int sum = Lesson.slowAdd(3.1, 6, 7);
                called.countDown();
                release.await();
                return sum;
            });
            called.await();
            long boardStart = System.nanoTime();
            Screen screen = new Screen();
            Board board = new Board(new DumbTerminal(InputStream.nullInputStream(), screen), System::nanoTime,
                    DAY_MILLIS, false);
            Watch watch = Watch.start(board, List.of(early, slow), List.of("early", "slow"));
            screen.await("slow: running\n", 1, SHOWS);
            release.countDown();
            List<Board.Result> results = watch.join();

            // From its submission, not from the board's start (which would be about 0).
            assertThat(results.get(1).seconds()).isGreaterThanOrEqualTo(3.1);
            // Its own 1.1 s: not 0, and not the time until the board began, which was 3.1 s longer at least.
            assertThat(results.get(0).seconds()).isGreaterThanOrEqualTo(1.1)
                    .isLessThan(TimeScale.toLessonSeconds(boardStart - beforeEarly) - 3.0);
        }
    }

    @Test
    @DisplayName("prints lines instead of a table taller than the screen")
    void tooTallForTheScreen() throws Exception {
        Screen screen = new Screen();
        Terminal small = xterm(screen);
        small.setSize(Size.of(100, 4));
        Board board = new Board(small, System::nanoTime, DAY_MILLIS, false);
        CompletableFuture<Integer> a = CompletableFuture.completedFuture(1);
        CompletableFuture<Integer> b = CompletableFuture.completedFuture(2);
        Watch.start(board, List.of(a, b), List.of()).join();
        assertThat(screen.text()).contains("future 1: running\n").contains("results:\n")
                .doesNotContain("state      elapsed");
    }

    @Test
    @DisplayName("wants one label per future")
    void labels() {
        Board board = new Board(xtermQuietly(), System::nanoTime, DAY_MILLIS, false);
        assertThatThrownBy(() -> board.watch(List.of(new CompletableFuture<>()), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give one label per future: 1 futures but 2 labels");
    }

    // ---- in-memory terminals and a board on its own thread ----

    private static Terminal xterm(OutputStream out) throws java.io.IOException {
        Terminal terminal = new LineDisciplineTerminal("test", "xterm-256color", out, StandardCharsets.UTF_8);
        terminal.setSize(Size.of(100, 30));
        return terminal;
    }

    private static Terminal xtermQuietly() {
        try {
            return xterm(OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }


    /** A board watching on its own thread, as the learner's thread would. */
    private static final class Watch {
        private final Thread thread;
        private final AtomicReference<List<Board.Result>> results = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Watch(Board board, List<? extends Future<?>> futures, List<String> labels) {
            thread = new Thread(() -> {
                try {
                    results.set(board.watch(futures, labels));
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "board-test");
        }

        static Watch start(Board board, List<? extends Future<?>> futures, List<String> labels) {
            Watch watch = new Watch(board, new ArrayList<>(futures), labels);
            watch.thread.start();
            return watch;
        }

        List<Board.Result> join() throws Exception {
            thread.join();
            if (failure.get() != null) {
                throw new AssertionError("the board failed", failure.get());
            }
            return results.get();
        }
    }
}
