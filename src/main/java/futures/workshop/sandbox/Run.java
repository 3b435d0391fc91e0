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
import java.net.URL;
import java.net.URLClassLoader;
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
 * limit), the output (flood) or the shutdown hook ({@code System.exit}).
 */
final class Run {
    static final int KEEP_OUTPUT = 64 * 1024;
    static final long FLOOD_OUTPUT = 1024 * 1024;
    static final long LEAK_GRACE_MS = 500;

    private final Request request;
    private final Path outcomeFile;
    private final Recorder recorder = Recorder.global();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CappedOutput output;
    private final Set<Thread> before = Thread.getAllStackTraces().keySet();
    private volatile Thread runner;

    Run(Request request, Path outcomeFile) {
        this.request = request;
        this.outcomeFile = outcomeFile;
        this.output = new CappedOutput(KEEP_OUTPUT, FLOOD_OUTPUT, () -> {
            finish(Outcome.Ending.FLOODED, null, "printed more than " + FLOOD_OUTPUT / 1024 / 1024 + " MiB", where());
            Harness.stop();
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
        watchdog.start();

        Outcome outcome;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(request.classes()).toUri().toURL()},
                Run.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Serializable value;
            try {
                Learner learner = new Learner(Class.forName(request.className(), true, loader));
                value = request.scenario().run(learner);
            } catch (Throwable t) {
                outcome = finish(Outcome.Ending.THREW, null, describe(t), learnerTrace(t));
                return reusable(outcome);
            }
            outcome = finish(Outcome.Ending.RETURNED, value, null, null);
        } catch (IOException e) {
            outcome = finish(Outcome.Ending.THREW, null, "the checker could not load the classes: " + e, null);
        } finally {
            watchdog.interrupt();
            recorder.gate(Gate.OPEN);
            Thread.currentThread().setContextClassLoader(Run.class.getClassLoader());
        }
        return reusable(outcome);
    }

    private static boolean reusable(Outcome outcome) {
        return outcome != null && outcome.leaked().isEmpty();
    }

    /** The JVM is exiting while this run is under way: the learner called System.exit. */
    void exited() {
        finish(Outcome.Ending.EXITED, null, "called System.exit", where());
    }

    private void watch() {
        try {
            Thread.sleep(request.timeLimitMs());
        } catch (InterruptedException e) {
            return;
        }
        finish(Outcome.Ending.TIMED_OUT, null, "still running after " + request.timeLimitMs() / 1000.0 + " s"
                + deadlock(), where());
        Harness.stop();
    }

    /** Names threads that wait for each other's locks, which the JVM can tell for certain. */
    private static String deadlock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(ids)) {
            if (info != null) {
                names.add(info.getThreadName());
            }
        }
        names.sort(null);
        return ": a deadlock, " + String.join(" and ", names) + " each wait for a lock another one holds";
    }

    /** Writes the outcome once; later callers get null. */
    private Outcome finish(Outcome.Ending ending, Serializable value, String error, String trace) {
        if (!finished.compareAndSet(false, true)) {
            return null;
        }
        List<String> leaked = ending == Outcome.Ending.RETURNED || ending == Outcome.Ending.THREW
                ? leakedThreads() : List.of();
        Outcome outcome = new Outcome(ending, value, error, trace, output.text(), output.total(),
                recorder.calls(), recorder.tasks(), recorder.peak(), leaked, -1, ProcessHandle.current().pid());
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

    /** Non-daemon threads started during the run that are still alive after a grace period. */
    private List<String> leakedThreads() {
        long deadline = System.nanoTime() + LEAK_GRACE_MS * 1_000_000;
        while (true) {
            List<String> alive = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(t) && t.isAlive() && !t.isDaemon() && t != Thread.currentThread()) {
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
    private String learnerTrace(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c != t) {
                out.append("Caused by: ").append(describe(c)).append('\n');
            }
            for (StackTraceElement e : c.getStackTrace()) {
                if (isLearnerFrame(e)) {
                    out.append("\tat ").append(e).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Where the learner's threads are now, each from a few frames above its learner code down. */
    private String where() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread t = entry.getKey();
            // the current thread stays in: on a flood it is the learner's thread that printed
            if (before.contains(t) && t != runner) {
                continue;
            }
            StackTraceElement[] stack = entry.getValue();
            int first = -1;
            for (int i = 0; i < stack.length && first < 0; i++) {
                if (isLearnerFrame(stack[i])) {
                    first = i;
                }
            }
            if (first < 0) {
                continue;
            }
            out.append(t.getName()).append(" (").append(t.getState()).append(")\n");
            for (int i = Math.max(0, first - 3); i < stack.length; i++) {
                if (i > first && !isLearnerFrame(stack[i])) {
                    break;
                }
                out.append("\tat ").append(stack[i]).append('\n');
            }
        }
        return out.toString();
    }

    private boolean isLearnerFrame(StackTraceElement e) {
        String c = e.getClassName();
        return c.equals(request.className()) || c.startsWith(request.className() + "$");
    }
}
