package futures.workshop.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Records every slow call (who ran it, when, how it ended) and every task submitted to a
 * {@link futures.workshop.lesson.WorkerPool}. Always on: a record is a few field writes and a
 * lock-free append, and the log keeps at most {@value #LIMIT} entries of each kind.
 *
 * <p>The checker and the worker timeline read it; learners reach it through
 * {@code Lesson.calls()}.
 */
public final class Recorder {
    static final int LIMIT = 100_000;
    private static final Recorder GLOBAL = new Recorder();

    private volatile long epoch = System.nanoTime();
    private final ConcurrentLinkedQueue<CallEntry> calls = new ConcurrentLinkedQueue<>();
    // Tasks go into a preallocated array at the index taskCount hands out: a plain store per
    // submission, where a ConcurrentLinkedQueue cost about 50 ns of a ~150 ns submit (P5).
    private volatile AtomicReferenceArray<TaskEntry> tasks = new AtomicReferenceArray<>(LIMIT);
    private final AtomicInteger callCount = new AtomicInteger();
    private final AtomicInteger taskCount = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile Gate gate = Gate.OPEN;

    /** The recorder that the lesson's functions and pools write to. */
    public static Recorder global() {
        return GLOBAL;
    }

    /** Forgets everything recorded so far and restarts the clock: the start of a new run. */
    public void clear() {
        calls.clear();
        tasks = new AtomicReferenceArray<>(LIMIT);
        callCount.set(0);
        taskCount.set(0);
        peak.set(running.get());
        epoch = System.nanoTime();
    }

    /** Installs the hook every slow call passes right after it starts; {@link Gate#OPEN} removes it. */
    public void gate(Gate gate) {
        this.gate = gate == null ? Gate.OPEN : gate;
    }

    // ---- slow calls ----

    /** Marks the start of a slow call on the current thread; pass the result to {@link #end}. */
    public CallEntry start(String function, String label) {
        // Counted as running from here, so a gate can see who is waiting; stamped only after the
        // gate, so a bar on the timeline shows the call's own work, not the wait.
        int now = running.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try {
            gate.enter(now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            running.decrementAndGet(); // the caller never gets an entry to end
            throw e;
        }
        CallEntry entry = new CallEntry(callCount.getAndIncrement(), function, label,
                Thread.currentThread().getName(), TaskEntry.current(), System.nanoTime());
        if (entry.id < LIMIT) {
            calls.add(entry);
        }
        return entry;
    }

    /** Marks the end of a call; {@code failure} is null when it returned normally. */
    public void end(CallEntry entry, Throwable failure) {
        entry.error = failure == null ? null : failure.getClass().getName() + ": " + failure.getMessage();
        entry.outcome = failure == null ? Call.Outcome.RETURNED : Call.Outcome.FAILED;
        entry.end = System.nanoTime(); // written last: readers take end >= 0 as "finished"
        running.decrementAndGet();
    }

    /** Nanoseconds from the recorder's epoch to now, on the time axis of {@link #calls()}. */
    public long now() {
        return System.nanoTime() - epoch;
    }

    /** Slow calls running right now. */
    public int running() {
        return running.get();
    }

    /** The most slow calls that were ever running at the same moment since the last {@link #clear}. */
    public int peak() {
        return peak.get();
    }

    /** Every call since the last {@link #clear}, in the order they started. */
    public List<Call> calls() {
        long origin = epoch;
        List<Call> out = new ArrayList<>();
        for (CallEntry e : calls) {
            out.add(e.snapshot(origin));
        }
        return out;
    }

    // ---- tasks of worker pools ----

    /** Records a submission; the pool keeps the entry with the task. */
    public TaskEntry submitted(String pool, int index) {
        TaskEntry entry = new TaskEntry(pool, index, System.nanoTime());
        int slot = taskCount.getAndIncrement();
        if (slot < LIMIT) {
            tasks.lazySet(slot, entry);
        }
        return entry;
    }

    /** Every task submitted to a worker pool since the last {@link #clear}, in submission order. */
    public List<Task> tasks() {
        long origin = epoch;
        List<Task> out = new ArrayList<>();
        AtomicReferenceArray<TaskEntry> log = tasks;
        int count = Math.min(taskCount.get(), LIMIT);
        for (int slot = 0; slot < count; slot++) {
            TaskEntry e = log.get(slot);
            if (e != null) { // null: a submission still being recorded
                out.add(e.snapshot(origin));
            }
        }
        return out;
    }

    /** A call being recorded; {@link #end} finishes it. */
    public static final class CallEntry {
        final int id;
        final String function;
        final String label;
        final String worker;
        final TaskEntry task;
        final long start;
        volatile long end = -1;
        volatile Call.Outcome outcome = Call.Outcome.RUNNING;
        volatile String error;

        CallEntry(int id, String function, String label, String worker, TaskEntry task, long start) {
            this.id = id;
            this.function = function;
            this.label = label;
            this.worker = worker;
            this.task = task;
            this.start = start;
        }

        Call snapshot(long origin) {
            long finished = end;
            return new Call(id, function, label, worker,
                    task == null ? null : task.pool, task == null ? -1 : task.index,
                    start - origin, finished < 0 ? -1 : finished - origin,
                    finished < 0 ? Call.Outcome.RUNNING : outcome, finished < 0 ? null : error);
        }
    }

    /** A submitted task; the worker that runs it makes it {@linkplain #current() current}. */
    public static final class TaskEntry {
        private static final ThreadLocal<TaskEntry> CURRENT = new ThreadLocal<>();

        final String pool;
        final int index;
        final long submitted;
        private volatile long firstGet = -1;
        private volatile String getter;

        TaskEntry(String pool, int index, long submitted) {
            this.pool = pool;
            this.index = index;
            this.submitted = submitted;
        }

        public int index() {
            return index;
        }

        /** {@link System#nanoTime()} when the task was submitted. */
        public long submittedAt() {
            return submitted;
        }

        /** The task the current thread is running, or null. */
        public static TaskEntry current() {
            return CURRENT.get();
        }

        /** Runs the task's body with this entry current on the calling (worker) thread. */
        public void runAsCurrent(Runnable body) {
            TaskEntry outer = CURRENT.get();
            CURRENT.set(this);
            try {
                body.run();
            } finally {
                CURRENT.set(outer);
            }
        }

        /** Notes that somebody asked the task's future for its result. Only the first ask counts. */
        public void asked() {
            if (firstGet < 0) {
                synchronized (this) {
                    if (firstGet < 0) {
                        getter = Thread.currentThread().getName();
                        firstGet = System.nanoTime();
                    }
                }
            }
        }

        Task snapshot(long origin) {
            long got = firstGet;
            return new Task(pool, index, submitted - origin, got < 0 ? -1 : got - origin, got < 0 ? null : getter);
        }
    }
}
