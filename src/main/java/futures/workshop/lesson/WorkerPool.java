package futures.workshop.lesson;

import futures.workshop.runtime.RecordedFuture;
import futures.workshop.runtime.Recorder;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of named workers ({@code worker-1}, {@code worker-2}, ...): a real
 * {@link java.util.concurrent.ExecutorService}, similar to
 * {@link java.util.concurrent.Executors#newFixedThreadPool(int)}.
 *
 * <p>Two things differ, both to match Python's {@code ProcessPoolExecutor}:
 * <ul>
 *   <li>it is {@link AutoCloseable} on Java 17 too, and {@link #close()} waits for the work
 *       already submitted, like leaving Python's {@code with} block;
 *   <li>every task is recorded (submission, first {@code get()}, the worker that ran it), so
 *       the timeline and the checker can show how the calls were spread over the workers.
 * </ul>
 *
 * <pre>{@code
 * try (var pool = pool(2)) {
 *     Future<Integer> r = pool.submit(() -> slowAdd(1, 6, 7));
 *     System.out.println("Result is " + r.get());
 * }
 * }</pre>
 */
public final class WorkerPool extends ThreadPoolExecutor implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    /**
     * Tasks waiting beyond which a submission reads no clock. The board times a task from its
     * submission, but a clock reading per task took P5 from 0.85 to 0.68 on the 2-core build
     * machine. It shows only where a submit is that cheap: into a long queue, no worker to wake;
     * and nobody watches a thousand waiting futures on a board.
     */
    static final int TIMED_QUEUE = 1_000;

    private final String name;
    private final Recorder.PoolLog log;

    /** A pool of {@code workers} threads recording into the lesson's recorder. */
    public WorkerPool(int workers) {
        this(workers, Recorder.global());
    }

    WorkerPool(int workers, Recorder recorder) {
        this(workers, recorder, "pool-" + POOLS.incrementAndGet());
    }

    private WorkerPool(int workers, Recorder recorder, String name) {
        super(checked(workers), workers, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new WorkerNames(), WorkerPool::refuse);
        this.name = name;
        this.log = recorder.pool(name);
        log.queue(getQueue());
    }

    /** A task for a closed pool: Java's own message names the task and the pool's counters. */
    private static void refuse(Runnable task, ThreadPoolExecutor pool) {
        String name = pool instanceof WorkerPool own ? own.name : "this pool";
        throw new RejectedExecutionException(name + " is closed and takes no new tasks: make a new pool, "
                + "try (var pool = pool(2)) { ... }");
    }

    private static int checked(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException(
                    "a pool needs at least 1 worker, not " + workers + ": try pool(2)");
        }
        return workers;
    }

    /**
     * Names workers worker-1..N. A worker killed by a task that threw (through execute) hands its
     * number back in {@link #afterExecute} before the pool replaces it, so the replacement takes
     * the same name and a pool of 2 never shows a worker-3.
     */
    private static final class WorkerNames implements ThreadFactory {
        private static final ThreadLocal<Integer> MINE = new ThreadLocal<>();
        private final java.util.BitSet taken = new java.util.BitSet();

        @Override
        public Thread newThread(Runnable body) {
            int number;
            synchronized (taken) {
                number = taken.nextClearBit(1);
                taken.set(number);
            }
            return new RecordedFuture.WorkerThread(() -> {
                MINE.set(number);
                try {
                    body.run();
                } finally {
                    release();
                }
            }, "worker-" + number);
        }

        /** Frees the calling worker's number, once. */
        void release() {
            Integer number = MINE.get();
            if (number != null) {
                MINE.remove();
                synchronized (taken) {
                    taken.clear(number);
                }
            }
        }
    }

    /** Makes the task current on its worker, so slow calls know which task they belong to. */
    @Override
    protected void beforeExecute(Thread worker, Runnable task) {
        if (task instanceof RecordedFuture<?> future) {
            RecordedFuture.enter(future);
        }
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        RecordedFuture.leave();
        if (thrown != null) { // this worker dies now and the pool makes a new one at once
            if (getThreadFactory() instanceof WorkerNames names) {
                names.release();
            }
        }
    }

    /** The pool's name in the recorder, e.g. {@code pool-1}. */
    public String name() {
        return name;
    }

    /** How many workers the pool has. */
    public int workers() {
        return getMaximumPoolSize();
    }

    /**
     * Stops taking new tasks and waits until every task already submitted has finished, like the
     * end of Python's {@code with ProcessPoolExecutor() as pool:} block. If the waiting thread is
     * interrupted (Ctrl-C in JShell), the running tasks are interrupted too.
     */
    @Override
    public void close() {
        shutdown();
        try {
            while (!awaitTermination(1, TimeUnit.DAYS)) {
                // keep waiting: close() means "all submitted work is done"
            }
        } catch (InterruptedException e) {
            shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void execute(Runnable command) {
        if (isShutdown()) {
            super.execute(command); // refused by the pool; a task that never ran is not recorded
            return;
        }
        // The usual case, submit(): the future is its own record, no wrapper.
        RecordedFuture<?> task = command instanceof RecordedFuture<?> future && !future.recorded()
                ? future : new RecordedCommand(command);
        log.submitted(task, getQueue().size() < TIMED_QUEUE);
        super.execute(task);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new RecordedFuture<>(callable);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new RecordedFuture<>(runnable, value);
    }

    @Override
    public List<Runnable> shutdownNow() {
        // Hand back what the caller submitted, not the recording wrappers.
        return super.shutdownNow().stream()
                .map(r -> r instanceof RecordedCommand c ? c.body : r)
                .toList();
    }

    @Override
    public String toString() {
        return "WorkerPool[" + name + ", " + workers() + " workers, "
                + (isTerminated() ? "closed" : isShutdown() ? "closing" : "open") + "]";
    }

    /**
     * A task given to {@link #execute} that is not a future of a worker pool, with its record.
     * It runs the command itself, not as a future: exceptions reach the worker, as
     * {@code execute} promises.
     */
    private static final class RecordedCommand extends RecordedFuture<Void> {
        final Runnable body;

        RecordedCommand(Runnable body) {
            super(body, null);
            this.body = body;
        }

        @Override
        public void run() {
            body.run();
        }
    }
}
