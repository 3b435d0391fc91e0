package futures.workshop.runtime;

/**
 * Converts the lesson's seconds into real time.
 *
 * <p>The system property {@code workshop.timeScale} (default 1) multiplies every sleep, so
 * that a check or a quick demo can run "5 seconds" in 50 ms with {@code 0.01}, while all
 * printed text still speaks in the lesson's seconds.
 */
public final class TimeScale {
    public static final String PROPERTY = "workshop.timeScale";

    private TimeScale() {}

    /** The factor from lesson seconds to real seconds; read on every call so tests can change it. */
    public static double factor() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return 1.0;
        }
        try {
            double factor = Double.parseDouble(value.trim());
            if (factor > 0 && Double.isFinite(factor)) {
                return factor;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalStateException(
                "-D" + PROPERTY + "=" + value + " is not a positive number; try 1 (real time) or 0.01");
    }

    /** Real nanoseconds for the given lesson seconds. */
    public static long toNanos(double lessonSeconds) {
        return Math.round(lessonSeconds * factor() * 1e9);
    }

    /** Lesson seconds for the given real nanoseconds: the inverse of {@link #toNanos}. */
    public static double toLessonSeconds(long realNanos) {
        return realNanos / 1e9 / factor();
    }

    /**
     * Sleeps for the given lesson seconds, scaled. Like {@code time.sleep} in Python: fractional
     * seconds allowed. An interrupt (a cancelled task) ends the sleep with a
     * {@code CancellationException}, so the task stops instead of returning a wrong value.
     */
    public static void sleep(double lessonSeconds) {
        if (!(lessonSeconds >= 0) || !Double.isFinite(lessonSeconds)) {
            throw new IllegalArgumentException(
                    "cannot sleep for " + lessonSeconds + " second(s): give a number of seconds of 0 or more");
        }
        long nanos = toNanos(lessonSeconds);
        long end = System.nanoTime() + nanos;
        try {
            while (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                nanos = end - System.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while sleeping");
        }
    }

}
