package futures.workshop.lesson;

import futures.workshop.runtime.Call;
import futures.workshop.runtime.Recorder;
import futures.workshop.runtime.TimeScale;
import java.util.List;

/**
 * Everything a learner types in the lesson, as static methods: the slow functions, the
 * process id, and a pool of named workers. In the kit's JShell they are already imported; in a
 * program write {@code import static futures.workshop.lesson.Lesson.*;}.
 *
 * <p>This package and {@code futures.workshop.runtime} are the learner's library, the kit's
 * ground floor: they import nothing else of the kit, and they are all that exercises compile
 * against. The kit's JShell adds its own commands on top ({@code futures.workshop.jshell}).
 *
 * <p>The slow functions sleep for the lesson's seconds (scaled by {@link TimeScale}), print that
 * they are going to sleep and waking up, naming the worker thread and the process id, and are
 * recorded so that {@link #calls()} can tell who ran what and when.
 */
public final class Lesson {
    private Lesson() {}

    // ---- the lesson's slow functions ----

    /** Sleeps {@code nsecs} seconds and returns {@code nsecs}: Python's {@code slow_function}. */
    public static int slowFunction(int nsecs) {
        return slow("slowFunction", "slowFunction(" + nsecs + ")", nsecs, () -> nsecs);
    }

    /** Fractional seconds, e.g. {@code slowFunction(3.1)} returns 3.1. */
    public static double slowFunction(double nsecs) {
        return slow("slowFunction", "slowFunction(" + seconds(nsecs) + ")", nsecs, () -> nsecs);
    }

    /** Sleeps {@code nsecs} seconds, then returns {@code x + y}: Python's {@code slow_add}. */
    public static int slowAdd(double nsecs, int x, int y) {
        return slow("slowAdd", "slowAdd(" + seconds(nsecs) + ", " + x + ", " + y + ")", nsecs, () -> x + y);
    }

    /** Sleeps {@code nsecs} seconds, then returns {@code x - y}: Python's {@code slow_diff}. */
    public static int slowDiff(double nsecs, int x, int y) {
        return slow("slowDiff", "slowDiff(" + seconds(nsecs) + ", " + x + ", " + y + ")", nsecs, () -> x - y);
    }

    /**
     * Sleeps {@code nsecs} seconds, then throws {@code IllegalArgumentException("Called broken
     * function")}, Java's counterpart of Python's {@code ValueError}. Submitted to a pool, the
     * exception is held in the future: {@code get()} throws an {@code ExecutionException} whose
     * {@code getCause()} is this exception.
     */
    public static int brokenFunction(double nsecs) {
        return slow("brokenFunction", "brokenFunction(" + seconds(nsecs) + ")", nsecs, () -> {
            throw new IllegalArgumentException("Called broken function");
        });
    }

    // ---- processes, workers and time ----

    /** This process's id, like Python's {@code os.getpid()}. Every worker thread shares it. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** A pool with one worker per processor, like {@code ProcessPoolExecutor()}. */
    public static WorkerPool pool() {
        return new WorkerPool(Runtime.getRuntime().availableProcessors());
    }

    /** A pool of {@code workers} workers, like {@code ProcessPoolExecutor(max_workers=workers)}. */
    public static WorkerPool pool(int workers) {
        return new WorkerPool(workers);
    }

    /** Sleeps for the lesson's seconds, scaled like the slow functions: Python's {@code time.sleep}. */
    public static void sleep(double seconds) {
        TimeScale.sleep(seconds);
    }

    /**
     * The lesson's clock, in seconds from some fixed moment, for timing a run: {@code double start
     * = time(); ... time() - start}, as with Python's {@code time.time()}. It runs at the time
     * scale, like {@link #sleep}, so that a run made faster still reads in the lesson's seconds.
     */
    public static double time() {
        return TimeScale.toLessonSeconds(System.nanoTime());
    }

    /** Every slow call since the last {@link #clearCalls()}: function, worker, start, end, outcome. */
    public static List<Call> calls() {
        return Recorder.global().calls();
    }

    /** Forgets the recorded calls, so that the next run starts on a clean sheet. */
    public static void clearCalls() {
        Recorder.global().clear();
    }

    // ---- the machinery shared by the slow functions ----

    private interface Body<T> {
        T get();
    }

    private static <T> T slow(String function, String label, double nsecs, Body<T> body) {
        String who = Thread.currentThread().getName() + " (PID " + pid() + ")";
        Recorder recorder = Recorder.global();
        Recorder.CallEntry call = recorder.start(function, label);
        try {
            System.out.println(who + " going to sleep for " + seconds(nsecs) + " second(s)");
            TimeScale.sleep(nsecs);
            System.out.println(who + " waking up");
            T result = body.get();
            recorder.end(call, null);
            return result;
        } catch (RuntimeException | Error e) {
            recorder.end(call, e);
            throw e;
        }
    }

    /** Seconds as the lesson writes them: 5, not 5.0; 3.1 stays 3.1. */
    static String seconds(double nsecs) {
        if (!Double.isFinite(nsecs)) {
            return Double.toString(nsecs);
        }
        // 12 significant digits: 0.3 + 0.2 * 3 reads 0.9, not 0.9000000000000001
        return new java.math.BigDecimal(nsecs).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
