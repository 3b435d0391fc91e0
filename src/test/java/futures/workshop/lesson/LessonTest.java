package futures.workshop.lesson;

import static futures.workshop.lesson.Lesson.brokenFunction;
import static futures.workshop.lesson.Lesson.pid;
import static futures.workshop.lesson.Lesson.pool;
import static futures.workshop.lesson.Lesson.slowAdd;
import static futures.workshop.lesson.Lesson.slowDiff;
import static futures.workshop.lesson.Lesson.slowFunction;
import static futures.workshop.lesson.Lesson.sleep;
import static futures.workshop.lesson.Lesson.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import futures.workshop.runtime.FastTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FastTime.class)
@DisplayName("The lesson's slow functions")
class LessonTest {
    private static final long PID = ProcessHandle.current().pid();

    interface Action {
        void run() throws Exception;
    }

    /** The lines printed to System.out, by any thread, while the action ran. */
    static List<String> printedBy(Action action) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(console);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    @DisplayName("slowFunction(5) returns 5 and slowFunction(3.1) returns 3.1")
    void slowFunctionReturnsItsSeconds() {
        assertThat(slowFunction(5)).isEqualTo(5);
        assertThat(slowFunction(3.1)).isEqualTo(3.1);
    }

    @Test
    @DisplayName("slowAdd returns x + y and slowDiff returns x - y, with the lesson's numbers")
    void addAndDiff() {
        assertThat(slowAdd(1, 6, 7)).isEqualTo(13);
        assertThat(slowAdd(1, 2, 3)).isEqualTo(5);
        assertThat(slowAdd(3.1, 6, 7)).isEqualTo(13);
        assertThat(slowDiff(2.1, 5, 2)).isEqualTo(3);
        assertThat(slowAdd(1.1, 8, 1)).isEqualTo(9);
        assertThat(slowDiff(5.1, 9, 2)).isEqualTo(7);
        assertThat(slowDiff(5, 2, 9)).isEqualTo(-7);
    }

    @Test
    @DisplayName("brokenFunction throws IllegalArgumentException(\"Called broken function\"), Python's ValueError")
    void brokenFunctionThrows() {
        assertThatThrownBy(() -> brokenFunction(4.1))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Called broken function");
    }

    @Test
    @DisplayName("submitted to a pool, brokenFunction's exception is held in the future: get() throws ExecutionException caused by it")
    void brokenFunctionHeldInFuture() throws Exception {
        try (var pool = pool(1)) {
            Future<Integer> broken = pool.submit(() -> brokenFunction(1));
            assertThatThrownBy(broken::get)
                    .isExactlyInstanceOf(ExecutionException.class)
                    .cause()
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Called broken function");
            assertThat(broken.isDone()).isTrue();
            assertThat(broken.isCancelled()).isFalse();

            // The exception stayed in the future: the same worker runs the next task.
            Future<String> next = pool.submit(() -> slowAdd(1, 6, 7) + " on " + Thread.currentThread().getName());
            assertThat(next.get()).isEqualTo("13 on worker-1");
        }
    }

    @Test
    @DisplayName("through a CompletableFuture, brokenFunction's exception comes out of join() as the cause of a CompletionException")
    void brokenFunctionInCompletableFuture() {
        try (var pool = pool(1)) {
            var broken = CompletableFuture.supplyAsync(() -> brokenFunction(1), pool);
            assertThatThrownBy(broken::join)
                    .isExactlyInstanceOf(CompletionException.class)
                    .cause()
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Called broken function");
            assertThat(broken.isCompletedExceptionally()).isTrue();
        }
    }

    @Test
    @DisplayName("prints going to sleep and waking up, naming the worker and the process id")
    void printsWorkerAndPid() throws Exception {
        List<String> lines = printedBy(() -> {
            try (var pool = pool(1)) {
                assertThat(pool.submit(() -> slowAdd(1, 6, 7)).get()).isEqualTo(13);
            }
        });
        assertThat(lines).containsExactly(
                "worker-1 (PID " + PID + ") going to sleep for 1 second(s)",
                "worker-1 (PID " + PID + ") waking up");
    }

    @Test
    @DisplayName("quiet(true) silences the slow functions, as future.py's are, on every worker; quiet(false) brings them back")
    void quiet() throws Exception {
        try {
            List<String> lines = printedBy(() -> {
                Lesson.quiet(true);
                try (var pool = pool(2)) {
                    assertThat(pool.submit(() -> slowAdd(1, 6, 7)).get()).isEqualTo(13);
                    assertThat(pool.submit(() -> slowDiff(1, 6, 7)).get()).isEqualTo(-1);
                }
                Lesson.quiet(false);
                slowFunction(1);
            });
            String me = Thread.currentThread().getName() + " (PID " + PID + ")";
            assertThat(lines).containsExactly(me + " going to sleep for 1 second(s)", me + " waking up");
        } finally {
            Lesson.quiet(false);
        }
    }

    @Test
    @DisplayName("time() reads the lesson's clock: a sleep of 2 lesson seconds takes at least 2 of them, whatever the scale")
    void lessonClock() {
        double start = time();
        sleep(2);
        assertThat(time() - start).isGreaterThanOrEqualTo(1.999); // not 2.0: the scale rounds
    }

    @Test
    @DisplayName("writes the seconds as the lesson does: 5, not 5.0, and 3.1 as 3.1")
    void printsSecondsLikeTheLesson() throws Exception {
        String me = Thread.currentThread().getName() + " (PID " + PID + ")";
        List<String> lines = printedBy(() -> {
            slowFunction(5);
            slowFunction(3.1);
            slowDiff(5.0, 9, 2);
        });
        assertThat(lines).containsExactly(
                me + " going to sleep for 5 second(s)", me + " waking up",
                me + " going to sleep for 3.1 second(s)", me + " waking up",
                me + " going to sleep for 5 second(s)", me + " waking up");
    }

    @Test
    @DisplayName("brokenFunction also prints going to sleep and waking up before it throws")
    void brokenFunctionPrints() throws Exception {
        String me = Thread.currentThread().getName() + " (PID " + PID + ")";
        List<String> lines = printedBy(() ->
                assertThatThrownBy(() -> brokenFunction(4.1)).isInstanceOf(IllegalArgumentException.class));
        assertThat(lines).containsExactly(me + " going to sleep for 4.1 second(s)", me + " waking up");
    }

    @Test
    @DisplayName("time() reads the lesson's seconds whatever the time scale: sleep(5) takes at least 5 of them")
    void timeInLessonSeconds() {
        double start = Lesson.time();
        Lesson.sleep(5); // 5 ms at this test's scale
        assertThat(Lesson.time() - start).isGreaterThanOrEqualTo(5.0);
    }

    @Test
    @DisplayName("pid() is this process's id, and every worker prints the same one: workers are threads, not processes")
    void onePidForAllWorkers() throws Exception {
        assertThat(pid()).isEqualTo(PID);
        List<String> lines = printedBy(() -> {
            try (var pool = pool(2)) {
                var first = pool.submit(() -> slowFunction(1));
                var second = pool.submit(() -> slowFunction(2));
                first.get();
                second.get();
            }
        });
        assertThat(lines).filteredOn(line -> line.contains("going to sleep"))
                .containsExactlyInAnyOrder(
                        "worker-1 (PID " + PID + ") going to sleep for 1 second(s)",
                        "worker-2 (PID " + PID + ") going to sleep for 2 second(s)");
    }
}
