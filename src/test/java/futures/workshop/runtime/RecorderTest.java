package futures.workshop.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import futures.workshop.runtime.Call.Outcome;
import futures.workshop.runtime.Recorder.CallEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The recorder on its own; recording through a real pool is tested in the lesson package. */
@DisplayName("The recorder")
class RecorderTest {
    private final Recorder recorder = new Recorder();
    private final String me = Thread.currentThread().getName();

    /** A task's future as a pool hands it over: recorded, not run. */
    private RecordedFuture<?> submitted(String pool, int index) {
        RecordedFuture<String> task = new RecordedFuture<>(() -> "done");
        recorder.submitted(task, recorder.pool(pool), index, true);
        return task;
    }

    private Call only() {
        assertThat(recorder.calls()).hasSize(1);
        return recorder.calls().get(0);
    }

    @Test
    @DisplayName("records a started call as running, with its function, label and worker")
    void runningCall() {
        recorder.start("slowAdd", "slowAdd(1, 6, 7)");
        Call call = only();
        assertThat(call.id()).isZero();
        assertThat(call.function()).isEqualTo("slowAdd");
        assertThat(call.label()).isEqualTo("slowAdd(1, 6, 7)");
        assertThat(call.worker()).isEqualTo(me);
        assertThat(call.outcome()).isEqualTo(Outcome.RUNNING);
        assertThat(call.running()).isTrue();
        assertThat(call.end()).isEqualTo(-1);
        assertThat(call.error()).isNull();
        assertThat(call.start()).isNotNegative();
        assertThat(recorder.running()).isEqualTo(1);
    }

    @Test
    @DisplayName("records a call that returned, with its end after its start")
    void returnedCall() {
        recorder.end(recorder.start("slowFunction", "slowFunction(5)"), null);
        Call call = only();
        assertThat(call.outcome()).isEqualTo(Outcome.RETURNED);
        assertThat(call.end()).isGreaterThanOrEqualTo(call.start());
        assertThat(call.error()).isNull();
        assertThat(recorder.running()).isZero();
    }

    @Test
    @DisplayName("records a call that failed, with the exception's type and message")
    void failedCall() {
        recorder.end(recorder.start("brokenFunction", "brokenFunction(4)"),
                new IllegalArgumentException("Called broken function"));
        Call call = only();
        assertThat(call.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(call.error()).isEqualTo("java.lang.IllegalArgumentException: Called broken function");
        assertThat(recorder.running()).isZero();
    }

    @Test
    @DisplayName("a call outside any pool task has no pool and task -1")
    void callOutsideATask() {
        recorder.start("slowFunction", "slowFunction(1)");
        assertThat(only().pool()).isNull();
        assertThat(only().task()).isEqualTo(-1);
    }

    @Test
    @DisplayName("a call made while a task runs belongs to that task's pool and number")
    void callInsideATask() {
        RecordedFuture<?> task = submitted("pool-7", 3);
        task.runAsCurrent(() -> recorder.start("slowAdd", "slowAdd(1, 2, 3)"));
        assertThat(only().pool()).isEqualTo("pool-7");
        assertThat(only().task()).isEqualTo(3);
        assertThat(RecordedFuture.current()).as("the task is current only while it runs").isNull();
    }

    @Test
    @DisplayName("a task knows when it was submitted and when its last call ended, for a late watcher")
    void taskTimes() {
        long before = System.nanoTime();
        RecordedFuture<?> task = submitted("pool-1", 0);
        RecordedFuture<?> other = submitted("pool-1", 1);
        assertThat(task.submittedAt().getAsLong()).isBetween(before, System.nanoTime());
        assertThat(task.lastCallEnd()).as("no call yet").isEmpty();

        List<CallEntry> entries = new ArrayList<>();
        task.runAsCurrent(() -> {
            entries.add(recorder.start("slowAdd", "slowAdd(1, 2, 3)"));
            recorder.end(entries.get(0), null);
            entries.add(recorder.start("slowDiff", "slowDiff(1, 2, 3)"));
            recorder.end(entries.get(1), new IllegalStateException());
            recorder.start("slowAdd", "slowAdd(9, 2, 3)"); // still running: no end yet
        });
        other.runAsCurrent(() -> {
            entries.add(recorder.start("slowAdd", "slowAdd(2, 2, 3)"));
            recorder.end(entries.get(2), null);
        });

        assertThat(task.lastCallEnd()).hasValue(entries.get(1).end);
        assertThat(other.lastCallEnd()).hasValue(entries.get(2).end);
        recorder.clear();
        assertThat(task.lastCallEnd()).as("forgotten with the calls").isEmpty();
    }

    @Test
    @DisplayName("a task run inside another task puts the outer one back afterwards")
    void nestedTasks() {
        RecordedFuture<?> outer = submitted("pool-1", 0);
        RecordedFuture<?> inner = submitted("pool-2", 0);
        List<RecordedFuture<?>> seen = new ArrayList<>();
        outer.runAsCurrent(() -> {
            inner.runAsCurrent(() -> seen.add(RecordedFuture.current()));
            seen.add(RecordedFuture.current());
        });
        assertThat(seen).containsExactly(inner, outer);
    }

    @Test
    @DisplayName("numbers the calls in the order they started")
    void callIds() {
        recorder.start("a", "a");
        recorder.start("b", "b");
        recorder.start("c", "c");
        assertThat(recorder.calls()).extracting(Call::id).containsExactly(0, 1, 2);
        assertThat(recorder.calls()).extracting(Call::label).containsExactly("a", "b", "c");
    }

    @Test
    @DisplayName("records a task's submission, and its first get() with the thread that asked")
    void taskFirstGet() throws InterruptedException {
        RecordedFuture<?> entry = submitted("pool-1", 0);
        Task before = recorder.tasks().get(0);
        assertThat(before.pool()).isEqualTo("pool-1");
        assertThat(before.index()).isZero();
        assertThat(before.submitted()).isNotNegative();
        assertThat(before.asked()).isFalse();
        assertThat(before.firstGet()).isEqualTo(-1);
        assertThat(before.getter()).isNull();

        entry.asked();
        Thread other = new Thread(entry::asked, "someone-else");
        other.start();
        other.join();

        Task after = recorder.tasks().get(0);
        assertThat(after.asked()).isTrue();
        assertThat(after.firstGet()).isGreaterThanOrEqualTo(after.submitted());
        assertThat(after.getter()).as("only the first get() counts").isEqualTo(me);
    }

    @Test
    @DisplayName("places a first get() among the submissions: before the next one, after the ones already made")
    void firstGetOrder() {
        RecordedFuture<?> first = submitted("pool-1", 0);
        first.asked();
        submitted("pool-1", 1);
        RecordedFuture<?> third = submitted("pool-2", 0);
        submitted("pool-2", 1);
        third.asked();

        List<Task> tasks = recorder.tasks();
        assertThat(tasks).extracting(Task::submitted).containsExactly(0, 1, 2, 3);
        assertThat(tasks.get(0).firstGet()).as("asked before task 1 was submitted").isLessThan(tasks.get(1).submitted());
        assertThat(tasks.get(2).firstGet()).as("asked after task 3 was submitted").isGreaterThanOrEqualTo(tasks.get(3).submitted());
    }

    @Test
    @DisplayName("keeps the peak of calls running at once, until clear()")
    void peak() {
        CallEntry a = recorder.start("a", "a");
        CallEntry b = recorder.start("b", "b");
        assertThat(recorder.running()).isEqualTo(2);
        assertThat(recorder.peak()).isEqualTo(2);
        recorder.end(a, null);
        assertThat(recorder.running()).isEqualTo(1);
        assertThat(recorder.peak()).as("the peak stays after the calls end").isEqualTo(2);
        recorder.clear();
        assertThat(recorder.peak()).as("after clear() the peak starts from what still runs").isEqualTo(1);
        recorder.end(b, null);
        assertThat(recorder.running()).isZero();
    }

    @Test
    @DisplayName("clear() forgets calls and tasks and numbers calls from 0 again")
    void clear() {
        recorder.end(recorder.start("a", "a"), null);
        submitted("pool-1", 0);
        recorder.clear();
        assertThat(recorder.calls()).isEmpty();
        assertThat(recorder.tasks()).isEmpty();
        assertThat(recorder.peak()).isZero();

        recorder.start("b", "b");
        assertThat(only().id()).isZero();
    }

    @Test
    @DisplayName("clear() restarts the clock: times count from the clear, not from the first run")
    void clearRestartsTheClock() throws InterruptedException {
        recorder.end(recorder.start("a", "a"), null);
        Thread.sleep(20); // the old clock is now at least 20 ms ahead of a new one
        long beforeClear = System.nanoTime();
        recorder.clear();
        recorder.start("b", "b");
        long sinceClear = System.nanoTime() - beforeClear;
        assertThat(only().start()).isNotNegative().isLessThanOrEqualTo(sinceClear);
    }

    @Test
    @DisplayName("calls the gate on the calling thread with the number of calls running, this one included")
    void gateSeesRunningCount() {
        List<String> seen = new ArrayList<>();
        recorder.gate(running -> seen.add(Thread.currentThread().getName() + ":" + running));
        CallEntry a = recorder.start("a", "a");
        recorder.start("b", "b");
        recorder.end(a, null);
        recorder.start("c", "c");
        assertThat(seen).containsExactly(me + ":1", me + ":2", me + ":2");
    }

    @Test
    @DisplayName("lets a call start while the gate holds another one, so a rendezvous can see both")
    void gateRendezvous() throws InterruptedException {
        CountDownLatch bothIn = new CountDownLatch(2);
        AtomicInteger met = new AtomicInteger();
        recorder.gate(running -> {
            bothIn.countDown();
            if (bothIn.await(1, TimeUnit.MINUTES)) { // the limit only guards against a hang
                met.incrementAndGet();
            }
        });
        Thread first = new Thread(() -> recorder.start("a", "a"), "worker-1");
        first.start();
        recorder.start("b", "b");
        first.join();
        assertThat(met).as("both calls were in the gate at once").hasValue(2);
        assertThat(recorder.peak()).isEqualTo(2);
    }

    @Test
    @DisplayName("gate(null) and Gate.OPEN remove the hook")
    void removeGate() {
        List<Integer> seen = new ArrayList<>();
        recorder.gate(seen::add);
        recorder.start("a", "a");
        recorder.gate(null);
        recorder.start("b", "b");
        recorder.gate(seen::add);
        recorder.gate(Gate.OPEN);
        recorder.start("c", "c");
        assertThat(seen).containsExactly(1);
    }

    @Test
    @DisplayName("a gate interrupted while waiting lets the call go on with the interrupt kept")
    void gateInterrupted() {
        recorder.gate(running -> {
            throw new InterruptedException("stop waiting");
        });
        try {
            recorder.start("a", "a");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(only().running()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @DisplayName("a gate that throws does not leave its call counted as running")
    void gateThrows() {
        recorder.gate(running -> {
            throw new IllegalStateException("rendezvous broken");
        });
        assertThatThrownBy(() -> recorder.start("a", "a")).hasMessage("rendezvous broken");
        assertThat(recorder.running()).isZero();
        assertThat(recorder.calls()).noneMatch(Call::running);
    }

    @Test
    @DisplayName("keeps at most LIMIT calls and LIMIT tasks, and still counts what runs")
    void bounded() {
        for (int i = 0; i < Recorder.LIMIT + 5; i++) {
            recorder.end(recorder.start("f", "f"), null);
            submitted("pool-1", i);
        }
        CallEntry late = recorder.start("f", "f");
        assertThat(recorder.calls()).hasSize(Recorder.LIMIT);
        assertThat(recorder.calls().get(Recorder.LIMIT - 1).id()).isEqualTo(Recorder.LIMIT - 1);
        assertThat(recorder.tasks()).hasSize(Recorder.LIMIT);
        assertThat(recorder.running()).isEqualTo(1);
        recorder.end(late, null);
        assertThat(recorder.running()).isZero();

        recorder.clear();
        recorder.start("g", "g");
        assertThat(recorder.calls()).as("after clear() recording starts again").hasSize(1);
    }
}
