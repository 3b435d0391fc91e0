package futures.workshop.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.runtime.FutureText;
import futures.workshop.runtime.Recorder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a future says of itself in one line (what JShell prints for it), through a real pool:
 * each task here starts a recorded call, as the slow functions do, and waits on a latch, so every
 * state is reached for certain, with no timing.
 */
@DisplayName("A future's one line")
class FutureLineTest {
    private final Recorder recorder = new Recorder();
    private final WorkerPool pool = new WorkerPool(1, recorder);
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);

    @AfterEach
    void close() {
        finish.countDown();
        pool.close();
    }

    /** A task that runs a call labelled {@code label}, holds until {@link #finish}, then returns or throws. */
    private Future<Integer> call(String label, Integer value, RuntimeException failure) {
        return pool.submit(() -> {
            Recorder.CallEntry call = recorder.start("slowAdd", label);
            started.countDown();
            finish.await();
            recorder.end(call, failure);
            if (failure != null) {
                throw failure;
            }
            return value;
        });
    }

    private static void await(Future<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the tests below read the outcome from the line
        }
    }

    @Test
    @DisplayName("running: the call and its worker; waiting: the place in the queue")
    void runningAndWaiting() throws InterruptedException {
        Future<Integer> first = call("slowAdd(1, 6, 7)", 13, null);
        Future<Integer> second = pool.submit(() -> 1);
        Future<Integer> third = pool.submit(() -> 2);
        started.await();
        assertThat(first).hasToString("Future[running slowAdd(1, 6, 7) on worker-1]");
        assertThat(second).hasToString("Future[waiting for a free worker, 1st in line]");
        assertThat(third).hasToString("Future[waiting for a free worker, 2nd in line]");
    }

    @Test
    @DisplayName("done: the value, the call and the worker; reading it does not count as a get()")
    void done() {
        Future<Integer> future = call("slowAdd(1, 6, 7)", 13, null);
        finish.countDown();
        await(future);
        recorder.clear(); // forget the get() of await: toString must not record another
        Future<Integer> again = pool.submit(() -> 13);
        while (!again.isDone()) {
            Thread.onSpinWait();
        }
        assertThat(again).hasToString("Future[done: 13]");
        assertThat(recorder.tasks()).singleElement().satisfies(t -> assertThat(t.firstGet()).isEqualTo(-1));
    }

    @Test
    @DisplayName("done, from the call that ran: the line names it")
    void doneFromACall() {
        Future<Integer> future = call("slowAdd(1, 6, 7)", 13, null);
        finish.countDown();
        await(future);
        assertThat(future).hasToString("Future[done: 13, from slowAdd(1, 6, 7) on worker-1]");
    }

    @Test
    @DisplayName("failed: the cause's class and message, and where")
    void failed() {
        Future<Integer> future = call("brokenFunction(4.1)", null, new IllegalArgumentException("Called broken function"));
        finish.countDown();
        await(future);
        assertThat(future).hasToString(
                "Future[failed: IllegalArgumentException: Called broken function, in brokenFunction(4.1) on worker-1]");
    }

    @Test
    @DisplayName("cancelled")
    void cancelled() throws InterruptedException {
        call("slowAdd(1, 6, 7)", 13, null);
        Future<Integer> waiting = pool.submit(() -> 1);
        started.await();
        waiting.cancel(false);
        assertThat(waiting).hasToString("Future[cancelled]");
    }

    @Test
    @DisplayName("any other future: its state and value, long values cut with an ellipsis")
    void anyFuture() {
        assertThat(FutureText.of(new CompletableFuture<>())).isEqualTo("Future[not done yet]");
        assertThat(FutureText.of(CompletableFuture.completedFuture("x"))).isEqualTo("Future[done: \"x\"]");
        assertThat(FutureText.of(CompletableFuture.failedFuture(new IllegalStateException("no"))))
                .isEqualTo("Future[failed: IllegalStateException: no]");
        CompletableFuture<Integer> cancelled = new CompletableFuture<>();
        cancelled.cancel(true);
        assertThat(FutureText.of(cancelled)).isEqualTo("Future[cancelled]");
        assertThat(FutureText.of(CompletableFuture.completedFuture("y".repeat(100))))
                .isEqualTo("Future[done: \"" + "y".repeat(39) + "…\"]");
    }

    @Test
    @DisplayName("a closed pool refuses a task with a message that says how to make a new one")
    void closedPool() {
        pool.close();
        try {
            pool.submit(() -> 1);
            throw new AssertionError("a closed pool took a task");
        } catch (RejectedExecutionException e) {
            assertThat(e.getMessage()).isEqualTo(pool.name()
                    + " is closed and takes no new tasks: make a new pool, try (var pool = pool(2)) { ... }");
        }
    }
}
