package futures.workshop.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    private volatile AtomicReferenceArray<RecordedFuture<?>> tasks = new AtomicReferenceArray<>(LIMIT);
    private final AtomicInteger callCount = new AtomicInteger();
    // Also the task log's sense of time: a task's place in it orders submissions and first
    // get()s (see Task). A count, not a clock: the checker only asks which came first, and a
    // clock reading cost 60-130 ns per task on the build machine (P5). The one clock reading is
    // the submission time, for the board, and only where a pool asks for it (PoolLog#submitted).
    private final AtomicInteger taskCount = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile Gate gate = Gate.OPEN;
    private final AtomicLong gateWait = new AtomicLong();

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
        gateWait.set(0);
        peak.set(running.get());
        epoch = System.nanoTime();
    }

    /**
     * Nanoseconds slow calls have waited at gates since the last {@link #clear}, added up over the
     * threads: a checker's gate must not count against the program's time limit.
     */
    public long gateWaitNanos() {
        return gateWait.get();
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
        Gate held = gate;
        try {
            if (held != Gate.OPEN) {
                long begin = System.nanoTime();
                held.enter(now);
                gateWait.addAndGet(System.nanoTime() - begin);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            running.decrementAndGet(); // the caller never gets an entry to end
            throw e;
        }
        CallEntry entry = new CallEntry(callCount.getAndIncrement(), function, label,
                Thread.currentThread().getName(), RecordedFuture.current(), System.nanoTime());
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

    /** The latest call that ran for {@code task}, or null: what a future's line names. */
    CallEntry lastCallOf(RecordedFuture<?> task) {
        CallEntry last = null;
        for (CallEntry e : calls) {
            if (e.task == task) {
                last = e;
            }
        }
        return last;
    }

    // ---- tasks of worker pools ----

    /** The record of a new worker pool called {@code name}, which numbers its tasks from 0. */
    public PoolLog pool(String name) {
        return new PoolLog(this, name);
    }

    /** Records the submission of {@code task}, number {@code index} of {@code pool}; {@code timed}: with the time. */
    void submitted(RecordedFuture<?> task, PoolLog pool, int index, boolean timed) {
        int slot = taskCount.getAndIncrement();
        task.recorded(pool, index, slot, timed ? System.nanoTime() : RecordedFuture.UNTIMED);
        if (slot >= 0 && slot < LIMIT) { // negative after 2^31 submissions without a clear()
            tasks.lazySet(slot, task);
        }
    }

    /** System.nanoTime() at the end of the last finished call of {@code task}; see {@link RecordedFuture#lastCallEnd()}. */
    OptionalLong lastCallEnd(RecordedFuture<?> task) {
        long last = Long.MIN_VALUE;
        for (CallEntry e : calls) {
            long end = e.end;
            if (e.task == task && end >= 0) {
                last = Math.max(last, end);
            }
        }
        return last == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /** The number of the latest task submitted, -1 if none: the "when" of a first get(). */
    int latestSubmission() {
        return taskCount.get() - 1;
    }

    /** Every task submitted to a worker pool since the last {@link #clear}, in submission order. */
    public List<Task> tasks() {
        List<Task> out = new ArrayList<>();
        AtomicReferenceArray<RecordedFuture<?>> log = tasks;
        int count = Math.min(taskCount.get(), LIMIT);
        for (int slot = 0; slot < count; slot++) {
            RecordedFuture<?> e = log.get(slot);
            if (e != null) { // null: a submission still being recorded
                out.add(e.snapshot());
            }
        }
        return out;
    }

    /**
     * What the recorder knows of one worker pool: its name and how many tasks it has had. The
     * pool keeps it and passes every task through {@link #submitted}.
     */
    public static final class PoolLog {
        final Recorder recorder;
        final String name;
        private final AtomicInteger submissions = new AtomicInteger();
        private volatile Collection<?> queue = List.of();

        PoolLog(Recorder recorder, String name) {
            this.recorder = recorder;
            this.name = name;
        }

        /**
         * Records the submission of {@code task}, numbered in this pool and among all pools: the
         * task's future is its own record. Runs on the submitting thread, before the task is queued.
         * With {@code timed}, it also reads the clock, for {@link RecordedFuture#submittedAt()}.
         */
        public void submitted(RecordedFuture<?> task, boolean timed) {
            recorder.submitted(task, this, submissions.getAndIncrement(), timed);
        }

        /** The pool's queue of tasks waiting for a worker: a future's line says its place in it. */
        public void queue(Collection<?> waiting) {
            queue = waiting;
        }

        /** {@code task}'s place among the tasks waiting for a worker, from 1; 0 if it is not waiting. */
        int placeInQueue(RecordedFuture<?> task) {
            int place = 0;
            for (Object waiting : queue) {
                place++;
                if (waiting == task) {
                    return place;
                }
            }
            return 0;
        }
    }

    /** A call being recorded; {@link #end} finishes it. */
    public static final class CallEntry {
        final int id;
        final String function;
        final String label;
        final String worker;
        final RecordedFuture<?> task;
        final long start;
        volatile long end = -1;
        volatile Call.Outcome outcome = Call.Outcome.RUNNING;
        volatile String error;

        CallEntry(int id, String function, String label, String worker, RecordedFuture<?> task, long start) {
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
                    task == null ? null : task.pool.name, task == null ? -1 : task.index,
                    start - origin, finished < 0 ? -1 : finished - origin,
                    finished < 0 ? Call.Outcome.RUNNING : outcome, finished < 0 ? null : error);
        }
    }
}
