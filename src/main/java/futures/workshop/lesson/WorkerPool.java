package futures.workshop.lesson;

import futures.workshop.runtime.NotifyingFuture;
import futures.workshop.runtime.Recorder;
import futures.workshop.runtime.Recorder.TaskEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private final String name;
    private final Recorder recorder;
    private final AtomicInteger submissions = new AtomicInteger();

    /** A pool of {@code workers} threads recording into the lesson's recorder. */
    public WorkerPool(int workers) {
        this(workers, Recorder.global());
    }

    WorkerPool(int workers, Recorder recorder) {
        this(workers, recorder, "pool-" + POOLS.incrementAndGet());
    }

    private WorkerPool(int workers, Recorder recorder, String name) {
        super(checked(workers), workers, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new WorkerNames());
        this.name = name;
        this.recorder = recorder;
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
            return new Thread(() -> {
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

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
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
        TaskEntry entry = recorder.submitted(name, submissions.getAndIncrement());
        if (command instanceof RecordedFuture<?> future) {
            future.entry = entry;
        }
        super.execute(new RecordedTask(entry, command));
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
                .map(r -> r instanceof RecordedTask t ? t.body : r)
                .toList();
    }

    @Override
    public String toString() {
        return "WorkerPool[" + name + ", " + workers() + " workers, "
                + (isTerminated() ? "closed" : isShutdown() ? "closing" : "open") + "]";
    }

    /** Runs a task with its record current, so slow calls know which task they belong to. */
    private record RecordedTask(TaskEntry entry, Runnable body) implements Runnable {
        @Override
        public void run() {
            entry.runAsCurrent(body);
        }
    }

    /** A future that notes when its result is first asked for, and tells the live board when it is done. */
    private static final class RecordedFuture<T> extends FutureTask<T> implements NotifyingFuture<T> {
        volatile TaskEntry entry;
        private List<Runnable> whenDone; // guarded by this; made by the first watcher only
        private volatile long doneAt = -1;

        /** The recorder's submission time: one clock reading per task keeps the pool cheap (P5). */
        @Override
        public long submittedAt() {
            TaskEntry e = entry;
            return e == null ? -1 : e.submittedAt();
        }

        @Override
        public long doneAt() {
            return doneAt;
        }

        @Override
        public void whenDone(Runnable action) {
            synchronized (this) {
                if (!isDone()) {
                    if (whenDone == null) {
                        whenDone = new ArrayList<>();
                    }
                    whenDone.add(action);
                    return;
                }
            }
            runQuietly(action);
        }

        @Override
        protected void done() {
            doneAt = System.nanoTime();
            List<Runnable> actions;
            synchronized (this) {
                actions = whenDone;
                whenDone = null;
            }
            if (actions != null) {
                actions.forEach(RecordedFuture::runQuietly);
            }
        }

        private static void runQuietly(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // a watcher's mistake must not break the worker
            }
        }

        RecordedFuture(Callable<T> callable) {
            super(callable);
        }

        RecordedFuture(Runnable runnable, T value) {
            super(runnable, value);
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            noteAsked();
            return super.get();
        }

        @Override
        public T get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            noteAsked();
            return super.get(timeout, unit);
        }

        private void noteAsked() {
            TaskEntry e = entry;
            if (e != null) {
                e.asked();
            }
        }
    }
}
