package futures.workshop.sandbox;

import futures.workshop.runtime.Gate;
import futures.workshop.runtime.Recorder;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One scenario run on learner code inside the sandbox JVM. Writes exactly one {@link Outcome},
 * from whichever thread sees the end first: the runner (returned or threw), the watchdog (time
 * limit), the output (flood), the {@link ExitTrap} ({@code System.exit}) or, for an exit the trap
 * did not catch, the shutdown hook.
 */
final class Run {
    static final int KEEP_OUTPUT = 64 * 1024;
    static final long FLOOD_OUTPUT = 1024 * 1024;
    static final long LEAK_GRACE_MS = 500;
    /** How long threads of a finished run may take to end before the JVM counts as unfit for another run. */
    static final long SURVIVOR_GRACE_MS = 200;
    /** At most this much time held at the checker's gates is added to a run's time limit. */
    static final long GATE_ALLOWANCE_MS = 3000;

    private final Request request;
    private final Path outcomeFile;
    private final Recorder recorder = Recorder.global();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CappedOutput output;
    private final Set<Thread> before = Thread.getAllStackTraces().keySet();
    private final JvmState state = new JvmState();
    /** The learner's code let a VirtualMachineError escape (out of memory, stack overflow...). */
    private volatile boolean thrownVmError;
    private volatile Thread watchdog;
    private volatile Thread runner;
    /** The runner's own exit was trapped: the JVM may serve again if no thread is left over. */
    private volatile boolean runnerExited;

    Run(Request request, Path outcomeFile) {
        this.request = request;
        this.outcomeFile = outcomeFile;
        this.output = new CappedOutput(KEEP_OUTPUT, FLOOD_OUTPUT, () -> {
            // only when the flood ends this run: a run that is over has been reported already
            if (finish(Outcome.Ending.FLOODED, null, null, null, "printed more than " + FLOOD_OUTPUT / 1024 / 1024 + " MiB",
                    List.of(), where(), -1) != null) {
                Harness.stop();
            }
        });
    }

    /** Runs the scenario on this thread; true when the JVM is still fit for another run. */
    boolean execute() {
        PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        recorder.clear();
        recorder.gate(request.rendezvous() > 1
                ? new Rendezvous(recorder, request.rendezvous(), request.rendezvousCapMs()) : Gate.OPEN);
        runner = Thread.currentThread();
        Thread watchdog = new Thread(this::watch, "watchdog");
        watchdog.setDaemon(true);
        this.watchdog = watchdog;
        watchdog.start();

        Outcome outcome;
        try {
            LearnerLoader loader = new LearnerLoader(Path.of(request.classes()), Run.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Serializable value;
            try {
                Learner learner = new Learner(Class.forName(request.className(), true, loader));
                value = request.scenario().run(learner);
            } catch (Throwable t) {
                thrownVmError = t instanceof VirtualMachineError;
                outcome = finish(Outcome.Ending.THREW, null, Thrown.of(t), null, null, List.of(), learnerTrace(t), -1);
                return reusable(outcome);
            }
            outcome = finish(Outcome.Ending.RETURNED, value, null, null, null, List.of(), Place.NOWHERE, -1);
        } finally {
            watchdog.interrupt();
            recorder.gate(Gate.OPEN);
            Thread.currentThread().setContextClassLoader(Run.class.getClassLoader());
        }
        return reusable(outcome);
    }

    /**
     * Whether the JVM may run the next job, which may be another exercise's or another learner's:
     * only when nothing of this run is left. No thread it started is alive, daemon or not (one
     * could still print, exit or take the processor in the next run); no VirtualMachineError
     * (out of memory, say) left the JVM in doubt. System properties, the default locale and time
     * zone are put back as they were.
     */
    private boolean reusable(Outcome outcome) {
        state.restore();
        if (outcome == null && !runnerExited) {
            return false; // another ending (time-out, flood, exit on a worker) was reported
        }
        if (outcome != null && thrownVmError) {
            return false;
        }
        return survivors().isEmpty();
    }

    /** Threads started during the run that are still alive, daemon or not, after a short grace. */
    private List<String> survivors() {
        return threadsStillAlive(false, SURVIVOR_GRACE_MS);
    }

    /** What learner code may change for the whole JVM, kept from before the run and put back after it. */
    private static final class JvmState {
        private final java.util.Properties properties = (java.util.Properties) System.getProperties().clone();
        private final java.util.Locale locale = java.util.Locale.getDefault();
        private final java.util.TimeZone timeZone = java.util.TimeZone.getDefault();

        void restore() {
            System.setProperties(properties);
            java.util.Locale.setDefault(locale);
            java.util.TimeZone.setDefault(timeZone);
        }
    }

    /**
     * The learner's code called {@code call} (trapped by {@link ExitTrap}): report it now, at the
     * calling line. On the runner the trap's signal then unwinds {@code main}; from any other
     * thread the JVM stops at once, because a real exit would also stop the program's main.
     */
    void exited(String call, int status) {
        Thread me = Thread.currentThread();
        Outcome outcome = finish(Outcome.Ending.EXITED, null, null, call, null, List.of(), stackOf(me, me.getStackTrace(), 0), status);
        if (outcome != null && me == runner) {
            runnerExited = true;
        } else {
            Harness.stop();
        }
    }

    /** The JVM is exiting while this run is under way: an exit the trap did not see (reflection, say). */
    void exitedUntrapped() {
        finish(Outcome.Ending.EXITED, null, null, "System.exit", null, List.of(), where(), -1);
    }

    /**
     * Waits out the time limit, which grows by the time slow calls spent held at the checker's
     * gates (up to {@link #GATE_ALLOWANCE_MS}): the checker's own waits are not the program's.
     */
    private void watch() {
        long begin = System.nanoTime();
        try {
            while (true) {
                long allowance = Math.min(recorder.gateWaitNanos() / 1_000_000, GATE_ALLOWANCE_MS);
                long left = request.timeLimitMs() + allowance - (System.nanoTime() - begin) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                Thread.sleep(left);
            }
        } catch (InterruptedException e) {
            return;
        }
        List<String> deadlocked = deadlocked();
        String why = "still running after " + request.timeLimitMs() / 1000.0 + " s" + (deadlocked.isEmpty() ? ""
                : ": a deadlock, " + String.join(" and ", deadlocked) + " each wait for a lock another one holds");
        // Only if the time-out ends the run: when the run returned at the same moment, stopping now
        // could end the JVM during the next run, which is another exercise's.
        if (finish(Outcome.Ending.TIMED_OUT, null, null, null, why, deadlocked, where(), -1) != null) {
            Harness.stop();
        }
    }

    /** Threads that wait for each other's locks, which the JVM can tell for certain; sorted by name. */
    private static List<String> deadlocked() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(ids)) {
            if (info != null) {
                names.add(info.getThreadName());
            }
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /** Writes the outcome once; later callers get null. {@code exitStatus} is -1 unless it exited. */
    private Outcome finish(Outcome.Ending ending, Serializable value, Thrown thrown, String exitCall, String why,
                           List<String> deadlocked, Place place, int exitStatus) {
        if (!finished.compareAndSet(false, true)) {
            return null;
        }
        List<String> leaked = ending == Outcome.Ending.RETURNED || ending == Outcome.Ending.THREW
                ? leakedThreads() : List.of();
        Outcome outcome = new Outcome(ending, value, thrown, exitCall, why, deadlocked, place.waiting(), place.line(), place.trace(),
                output.text(), output.total(), recorder.calls(), recorder.tasks(), recorder.peak(), leaked, exitStatus,
                ProcessHandle.current().pid());
        try {
            Path temp = outcomeFile.resolveSibling(outcomeFile.getFileName() + ".part");
            try (var out = new ObjectOutputStream(Files.newOutputStream(temp))) {
                out.writeObject(outcome);
            }
            Files.move(temp, outcomeFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Harness.CONTROL.println("error: cannot write the outcome: " + e);
        }
        return outcome;
    }

    /**
     * Where something happened in the learner's code: the frames to show, and the learner's first
     * line among them ({@code ApplyAsync.java:36}), or null when no learner code was on the stack.
     */
    record Place(String trace, String line, Outcome.Waiting waiting) {
        static final Place NOWHERE = new Place(null, null, Outcome.Waiting.NOTHING);

        Place then(Place more) {
            return new Place((trace == null ? "" : trace) + (more.trace == null ? "" : more.trace), line != null ? line : more.line,
                    waiting != Outcome.Waiting.NOTHING ? waiting : more.waiting);
        }
    }

    /** What the frames above a thread's learner code wait in: a future's get, or a pool's close. */
    private static Outcome.Waiting waiting(StackTraceElement[] stack, int firstLearnerFrame) {
        for (int i = 0; i < firstLearnerFrame; i++) {
            String c = stack[i].getClassName();
            String m = stack[i].getMethodName();
            if ((c.equals("java.util.concurrent.FutureTask") && (m.equals("get") || m.equals("awaitDone")))
                    || (c.equals("java.util.concurrent.CompletableFuture") && (m.equals("get") || m.equals("join")))) {
                return Outcome.Waiting.FUTURE;
            }
            if (m.equals("awaitTermination") || (c.equals("futures.workshop.lesson.WorkerPool") && m.equals("close"))) {
                return Outcome.Waiting.POOL;
            }
        }
        return Outcome.Waiting.NOTHING;
    }

    /** Non-daemon threads started during the run that are still alive after a grace period. */
    private List<String> leakedThreads() {
        return threadsStillAlive(true, LEAK_GRACE_MS);
    }

    /**
     * The names of threads started during the run (not the harness's own) still alive once
     * {@code graceMs} have passed or none is left; only non-daemon ones when {@code nonDaemonOnly}.
     */
    private List<String> threadsStillAlive(boolean nonDaemonOnly, long graceMs) {
        long deadline = System.nanoTime() + graceMs * 1_000_000;
        while (true) {
            List<String> alive = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(t) && t.isAlive() && (!nonDaemonOnly || !t.isDaemon())
                        && t != Thread.currentThread() && t != watchdog) {
                    alive.add(t.getName());
                }
            }
            if (alive.isEmpty() || System.nanoTime() > deadline) {
                alive.sort(null);
                return alive;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return alive;
            }
        }
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** The frames of a learner's exception that belong to the learner's code, then its causes. */
    private Place learnerTrace(Throwable t) {
        StringBuilder out = new StringBuilder();
        String line = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c != t) {
                out.append("Caused by: ").append(describe(c)).append('\n');
            }
            for (StackTraceElement e : c.getStackTrace()) {
                if (isLearnerFrame(e)) {
                    out.append("\tat ").append(e).append('\n');
                    line = line != null ? line : lineOf(e);
                }
            }
        }
        return new Place(out.toString(), line, Outcome.Waiting.NOTHING);
    }

    /** Where the learner's threads are now, each from a few frames above its learner code down. */
    private Place where() {
        Place place = new Place("", null, Outcome.Waiting.NOTHING);
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread t = entry.getKey();
            // the current thread stays in: on a flood it is the learner's thread that printed
            if (!before.contains(t) || t == runner) {
                place = place.then(stackOf(t, entry.getValue(), 3));
            }
        }
        return place;
    }

    /**
     * A thread's name and state, then its stack from {@code above} frames over its top learner
     * frame down to the last learner frame in that run; nothing when no learner code is on it.
     */
    private Place stackOf(Thread t, StackTraceElement[] stack, int above) {
        int first = -1;
        for (int i = 0; i < stack.length && first < 0; i++) {
            if (isLearnerFrame(stack[i])) {
                first = i;
            }
        }
        if (first < 0) {
            return new Place("", null, Outcome.Waiting.NOTHING);
        }
        StringBuilder out = new StringBuilder();
        out.append(t.getName()).append(" (").append(t.getState()).append(")\n");
        for (int i = Math.max(0, first - above); i < stack.length; i++) {
            if (i > first && !isLearnerFrame(stack[i])) {
                break;
            }
            out.append("\tat ").append(stack[i]).append('\n');
        }
        return new Place(out.toString(), lineOf(stack[first]), waiting(stack, first));
    }

    private static String lineOf(StackTraceElement e) {
        return e.getFileName() == null ? null : e.getFileName() + (e.getLineNumber() > 0 ? ":" + e.getLineNumber() : "");
    }

    private boolean isLearnerFrame(StackTraceElement e) {
        String c = e.getClassName();
        return c.equals(request.className()) || c.startsWith(request.className() + "$");
    }
}
