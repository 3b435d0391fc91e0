package futures.workshop.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import futures.workshop.runtime.FastTime;
import futures.workshop.runtime.RecordedFuture;
import futures.workshop.runtime.Recorder;
import futures.workshop.runtime.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FastTime.class)
@DisplayName("A worker pool")
class WorkerPoolTest {
    /** Limit on every wait, only so that a broken pool fails the test instead of hanging it. */
    private static final long HANG = 1;

    private final Recorder recorder = new Recorder();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<WorkerPool> pools = new ArrayList<>();

    private WorkerPool pool(int workers) {
        WorkerPool pool = new WorkerPool(workers, recorder);
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void stopPools() {
        release.countDown();
        pools.forEach(WorkerPool::shutdownNow);
    }

    /** A task that says it started, then waits until the test releases it. */
    private Callable<String> held(CountDownLatch started) {
        return () -> {
            started.countDown();
            assertThat(release.await(HANG, TimeUnit.MINUTES)).as("released by the test").isTrue();
            return Thread.currentThread().getName();
        };
    }

    /** Waits until the thread blocks or ends, then tells which. */
    private static Thread.State settled(Thread thread) {
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.TERMINATED) {
                return state;
            }
            Thread.onSpinWait();
        }
    }

    @Test
    @DisplayName("is a real ExecutorService: submit, invokeAll and CompletableFuture all work on it")
    void isAnExecutorService() throws Exception {
        ExecutorService pool = pool(2);
        assertThat(pool.submit(() -> 6 + 7).get(HANG, TimeUnit.MINUTES)).isEqualTo(13);
        List<Future<Integer>> all = pool.invokeAll(List.of(() -> 1, () -> 2, () -> 3), HANG, TimeUnit.MINUTES);
        List<Integer> values = new ArrayList<>();
        for (Future<Integer> f : all) {
            values.add(f.get());
        }
        assertThat(values).containsExactly(1, 2, 3);
        assertThat(CompletableFuture.supplyAsync(() -> 5, pool).get(HANG, TimeUnit.MINUTES)).isEqualTo(5);
    }

    @Test
    @DisplayName("names its workers worker-1 to worker-N, counting again from 1 in every pool")
    void workerNames() throws Exception {
        for (int round = 0; round < 2; round++) {
            WorkerPool pool = pool(3);
            // A rendezvous: each task waits until all three run, so they run on three workers.
            CountDownLatch allRunning = new CountDownLatch(3);
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                names.add(pool.submit(() -> {
                    allRunning.countDown();
                    assertThat(allRunning.await(HANG, TimeUnit.MINUTES)).as("all three ran at once").isTrue();
                    return Thread.currentThread().getName();
                }));
            }
            Set<String> seen = new HashSet<>();
            for (Future<String> name : names) {
                seen.add(name.get());
            }
            assertThat(seen).containsExactlyInAnyOrder("worker-1", "worker-2", "worker-3");
        }
    }

    @Test
    @DisplayName("keeps its worker names when tasks fail, because the failure stays in the future")
    void namesSurviveFailures() throws Exception {
        WorkerPool pool = pool(2);
        List<Future<String>> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean fail = i % 2 == 0;
            names.add(pool.submit(() -> {
                if (fail) {
                    throw new IllegalArgumentException("Called broken function");
                }
                return Thread.currentThread().getName();
            }));
        }
        for (int i = 1; i < 10; i += 2) {
            assertThat(names.get(i).get()).isIn("worker-1", "worker-2");
        }
        assertThat(pool.getLargestPoolSize()).isEqualTo(2);
    }

    @Test
    @DisplayName("replaces a worker killed by an execute() task under the same name, never worker-3 in a pool of 2")
    void replacementKeepsTheName() throws Exception {
        WorkerPool pool = pool(2);
        CountDownLatch bothRunning = new CountDownLatch(2);
        pool.submit(held(bothRunning));
        pool.submit(held(bothRunning));
        assertThat(bothRunning.await(HANG, TimeUnit.MINUTES)).isTrue(); // both workers exist
        release.countDown();
        CountDownLatch died = new CountDownLatch(1);
        pool.execute(() -> {
            died.countDown();
            throw new IllegalStateException("a task that kills its worker");
        });
        assertThat(died.await(HANG, TimeUnit.MINUTES)).isTrue();
        // Two tasks that meet run on the two workers the pool has now: the survivor and the replacement.
        CountDownLatch meet = new CountDownLatch(2);
        List<Future<String>> names = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            names.add(pool.submit(() -> {
                meet.countDown();
                assertThat(meet.await(HANG, TimeUnit.MINUTES)).as("both workers alive").isTrue();
                return Thread.currentThread().getName();
            }));
        }
        assertThat(List.of(names.get(0).get(), names.get(1).get())).containsExactlyInAnyOrder("worker-1", "worker-2");
    }

    @Test
    @DisplayName("refuses 0 or a negative number of workers with a message that says what to write")
    void refusesNoWorkers() {
        assertThatThrownBy(() -> Lesson.pool(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a pool needs at least 1 worker, not 0: try pool(2)");
        assertThatThrownBy(() -> new WorkerPool(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not -3");
    }

    @Test
    @DisplayName("pool() has one worker per processor, like ProcessPoolExecutor(); pool(n) has n")
    void sizes() {
        try (WorkerPool pool = Lesson.pool()) {
            assertThat(pool.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(pool.getCorePoolSize()).isEqualTo(pool.workers());
        }
        try (WorkerPool pool = Lesson.pool(5)) {
            assertThat(pool.workers()).isEqualTo(5);
            assertThat(pool.getCorePoolSize()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("close() waits for the running and the queued tasks, like the end of Python's with block")
    void closeWaits() throws Exception {
        WorkerPool pool = pool(1);
        CountDownLatch started = new CountDownLatch(1);
        Future<String> running = pool.submit(held(started));
        Future<Integer> queued = pool.submit(() -> 42);
        assertThat(started.await(HANG, TimeUnit.MINUTES)).isTrue();

        AtomicBoolean allDoneWhenClosed = new AtomicBoolean();
        Thread closer = new Thread(() -> {
            pool.close();
            allDoneWhenClosed.set(running.isDone() && queued.isDone() && pool.isTerminated());
        }, "closer");
        closer.start();
        assertThat(settled(closer)).as("close() returned while a task was still held").isNotEqualTo(Thread.State.TERMINATED);
        assertThat(pool.isShutdown()).as("close() stops taking new tasks at once").isTrue();

        release.countDown();
        closer.join(TimeUnit.MINUTES.toMillis(HANG));
        assertThat(allDoneWhenClosed).as("every task was done when close() returned").isTrue();
        assertThat(running.get()).isEqualTo("worker-1");
        assertThat(queued.get()).isEqualTo(42);
    }

    @Test
    @DisplayName("close() interrupted (Ctrl-C in JShell) interrupts the running tasks and keeps the interrupt")
    void closeInterrupted() throws Exception {
        WorkerPool pool = pool(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean taskInterrupted = new AtomicBoolean();
        pool.submit(() -> {
            started.countDown();
            try {
                release.await(HANG, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                taskInterrupted.set(true);
            }
        });
        assertThat(started.await(HANG, TimeUnit.MINUTES)).isTrue();

        AtomicBoolean closerInterrupted = new AtomicBoolean();
        Thread closer = new Thread(() -> {
            pool.close();
            closerInterrupted.set(Thread.currentThread().isInterrupted());
        }, "closer");
        closer.start();
        assertThat(settled(closer)).isNotEqualTo(Thread.State.TERMINATED);
        closer.interrupt();
        closer.join(TimeUnit.MINUTES.toMillis(HANG));
        assertThat(pool.awaitTermination(HANG, TimeUnit.MINUTES)).isTrue();

        assertThat(closerInterrupted).as("the closing thread still knows it was interrupted").isTrue();
        assertThat(taskInterrupted).as("the running task was interrupted").isTrue();
    }

    @Test
    @DisplayName("close() on a closed pool returns at once, and a closed pool refuses new tasks")
    void closedPool() throws Exception {
        WorkerPool pool = pool(1);
        assertThat(pool.submit(() -> 1).get()).isEqualTo(1);
        pool.close();
        pool.close();
        assertThat(pool.isTerminated()).isTrue();
        assertThatThrownBy(() -> pool.submit(() -> 2)).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    @DisplayName("records each task with the pool's name and its submission number; a refused task is not recorded")
    void recordsTasks() throws Exception {
        WorkerPool pool = pool(2);
        Future<Integer> first = pool.submit(() -> 1);
        pool.submit(() -> 2).get();
        first.get();
        pool.close();
        assertThatThrownBy(() -> pool.submit(() -> 3)).isInstanceOf(RejectedExecutionException.class);

        assertThat(recorder.tasks()).extracting(Task::pool).containsOnly(pool.name());
        assertThat(recorder.tasks()).extracting(Task::index).containsExactly(0, 1);
        assertThat(pool.name()).matches("pool-\\d+");
    }

    @Test
    @DisplayName("shutdownNow() returns the tasks that never started, as they were submitted")
    void shutdownNowReturnsWhatWasSubmitted() throws Exception {
        WorkerPool pool = pool(1);
        CountDownLatch started = new CountDownLatch(1);
        pool.submit(held(started));
        assertThat(started.await(HANG, TimeUnit.MINUTES)).isTrue();
        Future<Integer> queuedFuture = pool.submit(() -> 1);
        Runnable queuedRunnable = () -> { };
        pool.execute(queuedRunnable);

        List<Runnable> neverStarted = pool.shutdownNow();

        assertThat(neverStarted).containsExactly((Runnable) queuedFuture, queuedRunnable);
        assertThat(pool.awaitTermination(HANG, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    @DisplayName("stamps each submission's time for the board, except behind a long queue of waiting tasks")
    void submissionTimes() throws Exception {
        WorkerPool pool = pool(1);
        CountDownLatch started = new CountDownLatch(1);
        pool.submit(held(started));
        assertThat(started.await(HANG, TimeUnit.MINUTES)).isTrue();
        List<RecordedFuture<?>> waiting = new ArrayList<>();
        for (int i = 0; i <= WorkerPool.TIMED_QUEUE; i++) {
            waiting.add((RecordedFuture<?>) pool.submit(() -> 1));
        }
        assertThat(waiting.get(0).submittedAt()).isPresent();
        assertThat(waiting.get(WorkerPool.TIMED_QUEUE - 1).submittedAt()).as("the last one in a short queue").isPresent();
        assertThat(waiting.get(WorkerPool.TIMED_QUEUE).submittedAt()).as("behind TIMED_QUEUE waiting tasks").isEmpty();
    }

    @Test
    @DisplayName("says in toString() its name, its size and whether it is open or closed")
    void describesItself() {
        WorkerPool pool = pool(2);
        assertThat(pool).hasToString("WorkerPool[" + pool.name() + ", 2 workers, open]");
        pool.close();
        assertThat(pool).hasToString("WorkerPool[" + pool.name() + ", 2 workers, closed]");
    }
}
