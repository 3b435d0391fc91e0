package futures.workshop.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a task submitted to a {@link futures.workshop.lesson.WorkerPool}, which is also
 * the task's record in the {@link Recorder}: which pool, its submission number and time, when
 * its result was first asked for and by whom. A {@link FutureTask} (what
 * {@link java.util.concurrent.ExecutorService#submit} returns) that can also tell a watcher when
 * it is done.
 *
 * <p>One object per task, no separate record: a submission should cost about what a plain pool's
 * does (P5). The pool makes it with {@code newTaskFor}, the submitting thread
 * {@linkplain Recorder.PoolLog#submitted records} it, the worker that runs it makes it
 * {@linkplain #current() current} (see {@link #enter}), so slow calls know which task they
 * belong to.
 */
public class RecordedFuture<V> extends FutureTask<V> implements NotifyingFuture<V> {
    private static final ThreadLocal<RecordedFuture<?>> CURRENT = new ThreadLocal<>();
    private static final VarHandle FIRST_GET;
    private static final VarHandle GETTER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FIRST_GET = lookup.findVarHandle(RecordedFuture.class, "firstGet", int.class);
            GETTER = lookup.findVarHandle(RecordedFuture.class, "getter", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Few fields on purpose: a future twice the size of a FutureTask cost about 10% of a plain
    // pool's throughput in memory traffic (P5), more than any single recording step.

    // Written once by Recorder.submitted on the submitting thread, before the pool hands the
    // future to a worker (the queue publishes them) or back to the caller of submit().
    Recorder.PoolLog pool;
    int index;
    int submitted;
    // System.nanoTime() at submission, where the board's elapsed time starts, or UNTIMED. When it
    // ended needs no reading of its own: its slow calls' entries have it.
    long submittedAt;
    // The first get() writes getter, then publishes firstGet: readers take firstGet >= 0 as
    // "asked", and then see the getter too.
    private volatile int firstGet = -1;
    private volatile String getter;
    // Made by the first watcher, written under the lock, null when nobody watches (the usual
    // case): then done() does not lock. A watcher writes it before it looks at isDone(); done()
    // runs after the state changed and reads it: at least one of them sees the other.
    private volatile List<Runnable> whenDone;

    /** {@link #submittedAt} of a task submitted without a clock reading. */
    static final long UNTIMED = Long.MIN_VALUE;

    public RecordedFuture(Callable<V> callable) {
        super(callable);
    }

    public RecordedFuture(Runnable runnable, V value) {
        super(runnable, value);
    }

    /** Called once by {@link Recorder.PoolLog#submitted}, before the task is queued. */
    void recorded(Recorder.PoolLog pool, int index, int submitted, long submittedAt) {
        this.pool = pool;
        this.index = index;
        this.submitted = submitted;
        this.submittedAt = submittedAt;
    }

    /** Whether a recorder has taken this task's submission. */
    public boolean recorded() {
        return pool != null;
    }

    /** Submission number in its pool, from 0; -1 before it is recorded. */
    public int index() {
        return pool == null ? -1 : index;
    }

    /**
     * {@link System#nanoTime()} when it was submitted; empty before it is recorded, or when its
     * pool read no clock for it (see {@link Recorder.PoolLog#submitted}).
     */
    public OptionalLong submittedAt() {
        long at = submittedAt;
        return pool == null || at == UNTIMED ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /**
     * {@link System#nanoTime()} when the last slow call this task ran ended, from the recorder's
     * entries: for a watcher that comes after the task is done. Empty when it ran none to the end,
     * or the recorder was cleared since.
     */
    public OptionalLong lastCallEnd() {
        Recorder.PoolLog p = pool;
        return p == null ? OptionalLong.empty() : p.recorder.lastCallEnd(this);
    }

    /** The task the current thread is running, or null. */
    public static RecordedFuture<?> current() {
        return Thread.currentThread() instanceof WorkerThread worker ? worker.task : CURRENT.get();
    }

    private static void makeCurrent(RecordedFuture<?> task) {
        if (Thread.currentThread() instanceof WorkerThread worker) {
            worker.task = task;
        } else {
            CURRENT.set(task);
        }
    }

    /**
     * Makes {@code task} current on the calling worker thread until {@link #leave}: for
     * {@link java.util.concurrent.ThreadPoolExecutor#beforeExecute}, where no other task is
     * current, so there is nothing to put back.
     */
    public static void enter(RecordedFuture<?> task) {
        makeCurrent(task);
    }

    /** Ends what {@link #enter} began: no task is current on the calling thread. */
    public static void leave() {
        makeCurrent(null);
    }

    /** Runs {@code body} with this task current on the calling thread, then puts back the one before. */
    public void runAsCurrent(Runnable body) {
        RecordedFuture<?> outer = current();
        makeCurrent(this);
        try {
            body.run();
        } finally {
            makeCurrent(outer);
        }
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        asked();
        return super.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        asked();
        return super.get(timeout, unit);
    }

    /**
     * Notes that somebody asked for the result, with the latest submission so far (see
     * {@link Task#firstGet()}); only the first ask counts. Runs on every {@code get()}, so it
     * takes no lock and no compare-and-set (about 3% of P5): two threads that ask for the
     * first time at the very same moment may both write, and either may show as the first.
     */
    void asked() {
        if (getter == null) { // kept this small so that the JIT inlines it into get()
            firstAsk();
        }
    }

    private void firstAsk() {
        Recorder.PoolLog p = pool;
        if (p != null) {
            GETTER.setRelease(this, Thread.currentThread().getName());
            FIRST_GET.setRelease(this, p.recorder.latestSubmission()); // last: readers wait for >= 0
        }
    }

    @Override
    public void whenDone(Runnable action) {
        synchronized (this) {
            List<Runnable> actions = whenDone == null ? new ArrayList<>() : whenDone;
            actions.add(action);
            whenDone = actions;
        }
        if (isDone()) {
            runWatchers();
        }
    }

    @Override
    protected void done() {
        if (whenDone != null) {
            runWatchers();
        }
    }

    /** Runs the actions waiting so far, each once, on the calling thread. */
    private void runWatchers() {
        List<Runnable> actions;
        synchronized (this) {
            actions = whenDone;
            whenDone = null;
        }
        if (actions != null) {
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // a watcher's mistake must not break the worker
                }
            }
        }
    }

    /**
     * One short line for JShell and for printing: {@code Future[running slowAdd(1, 6, 7) on
     * worker-1]}, {@code Future[done: 13, from slowAdd(1, 6, 7) on worker-1]}, {@code
     * Future[failed: IllegalArgumentException: Called broken function, in brokenFunction(4.1) on
     * worker-2]}, {@code Future[waiting for a free worker, 2nd in line]}. Reads the result without
     * counting as a get().
     */
    @Override
    public String toString() {
        Recorder.PoolLog p = pool;
        String state = FutureText.state(this, super::get);
        Recorder.CallEntry call = p == null ? null : p.recorder.lastCallOf(this);
        String where = call == null ? "" : call.label + " on " + call.worker;
        if (isCancelled() || where.isEmpty() && isDone()) {
            return "Future[" + state + "]";
        }
        if (isDone()) {
            return "Future[" + state + (state.startsWith("failed") ? ", in " : ", from ") + where + "]";
        }
        int place = p == null ? 0 : p.placeInQueue(this);
        if (place > 0) {
            return "Future[waiting for a free worker, " + ordinal(place) + " in line]";
        }
        return "Future[running" + (where.isEmpty() ? "" : " " + where) + "]";
    }

    private static String ordinal(int n) {
        String suffix = n % 100 / 10 == 1 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    Task snapshot() {
        int got = firstGet;
        return new Task(pool.name, index, submitted, got, got < 0 ? null : getter);
    }

    /**
     * A pool's worker thread that holds its current task in a field: cheaper than the
     * {@link ThreadLocal} other threads use, twice per task (P5). Similar to the threads of
     * {@link java.util.concurrent.Executors#defaultThreadFactory()}.
     */
    public static final class WorkerThread extends Thread {
        private RecordedFuture<?> task; // only ever used by this thread itself

        public WorkerThread(Runnable body, String name) {
            super(body, name);
        }
    }
}
