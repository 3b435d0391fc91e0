package futures.workshop.lesson;

import static futures.workshop.lesson.Lesson.brokenFunction;
import static futures.workshop.lesson.Lesson.calls;
import static futures.workshop.lesson.Lesson.clearCalls;
import static futures.workshop.lesson.Lesson.pool;
import static futures.workshop.lesson.Lesson.slowAdd;
import static futures.workshop.lesson.Lesson.slowDiff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import futures.workshop.runtime.Call;
import futures.workshop.runtime.Call.Outcome;
import futures.workshop.runtime.FastTime;
import futures.workshop.runtime.Recorder;
import futures.workshop.runtime.Task;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the lesson's functions and pools leave in the global recorder. */
@ExtendWith(FastTime.class)
@DisplayName("Recording the lesson")
class RecordingTest {

    @BeforeEach
    void cleanSheet() {
        clearCalls();
    }

    private static Task taskNumber(WorkerPool pool, int index) {
        return Recorder.global().tasks().stream()
                .filter(t -> t.pool().equals(pool.name()) && t.index() == index)
                .findFirst().orElseThrow();
    }

    @Test
    @DisplayName("records each slow call in a pool with its label, worker, pool, task number, outcome and error")
    void callsInAPool() throws Exception {
        String pool1;
        try (var pool = pool(2)) {
            pool1 = pool.name();
            Future<Integer> add = pool.submit(() -> slowAdd(1, 6, 7));
            Future<Integer> broken = pool.submit(() -> brokenFunction(4.1));
            add.get();
            assertThatThrownBy(broken::get).isInstanceOf(ExecutionException.class);
        }
        // Task 0 starts worker-1 and task 1 starts worker-2: a pool makes a new worker per
        // task until it has all of them.
        assertThat(calls())
                .extracting(Call::function, Call::label, Call::worker, Call::pool, Call::task,
                        Call::outcome, Call::error)
                .containsExactlyInAnyOrder(
                        tuple("slowAdd", "slowAdd(1, 6, 7)", "worker-1", pool1, 0, Outcome.RETURNED, null),
                        tuple("brokenFunction", "brokenFunction(4.1)", "worker-2", pool1, 1, Outcome.FAILED,
                                "java.lang.IllegalArgumentException: Called broken function"));
        assertThat(calls()).allSatisfy(call -> {
            assertThat(call.start()).isNotNegative();
            assertThat(call.end()).isGreaterThanOrEqualTo(call.start());
        });
    }

    @Test
    @DisplayName("records a slow call made directly in the test's thread, outside any pool")
    void callOutsideAPool() {
        slowDiff(5, 9, 2);
        assertThat(calls())
                .extracting(Call::id, Call::label, Call::worker, Call::pool, Call::task, Call::outcome)
                .containsExactly(tuple(0, "slowDiff(5, 9, 2)", Thread.currentThread().getName(), null, -1,
                        Outcome.RETURNED));
    }

    @Test
    @DisplayName("records when a task was submitted and when its result was first asked for with get()")
    void submissionAndFirstGet() throws Exception {
        try (var pool = pool(1)) {
            Future<Integer> result = pool.submit(() -> slowAdd(1, 6, 7));
            Task submitted = taskNumber(pool, 0);
            assertThat(submitted.submitted()).isNotNegative();
            assertThat(submitted.asked()).as("nobody called get() yet").isFalse();

            while (!result.isDone()) {
                Thread.onSpinWait();
            }
            assertThat(taskNumber(pool, 0).asked()).as("isDone() is not get()").isFalse();

            result.get();
            Task asked = taskNumber(pool, 0);
            assertThat(asked.asked()).isTrue();
            assertThat(asked.firstGet()).isGreaterThanOrEqualTo(asked.submitted());
            assertThat(asked.getter()).isEqualTo(Thread.currentThread().getName());

            // get() with a time limit counts too.
            Future<Integer> second = pool.submit(() -> slowAdd(1, 2, 3));
            second.get(1, TimeUnit.MINUTES);
            assertThat(taskNumber(pool, 1).asked()).isTrue();
        }
    }

    @Test
    @DisplayName("tells two pools' tasks apart by the pool's name")
    void twoPools() throws Exception {
        try (var a = pool(1); var b = pool(1)) {
            a.submit(() -> slowAdd(1, 6, 7)).get();
            b.submit(() -> slowAdd(1, 2, 3)).get();
            assertThat(a.name()).isNotEqualTo(b.name());
            List<Call> calls = calls();
            assertThat(calls).extracting(Call::pool, Call::task, Call::label).containsExactly(
                    tuple(a.name(), 0, "slowAdd(1, 6, 7)"), tuple(b.name(), 0, "slowAdd(1, 2, 3)"));
        }
    }

    @Test
    @DisplayName("clearCalls() starts a clean sheet")
    void clearCallsForgets() {
        slowAdd(1, 6, 7);
        clearCalls();
        assertThat(calls()).isEmpty();
        slowAdd(1, 2, 3);
        assertThat(calls()).extracting(Call::id, Call::label).containsExactly(tuple(0, "slowAdd(1, 2, 3)"));
    }
}
