package futures.workshop.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A future in one short line, as the kit's JShell shows it: {@code Future[done: 13]},
 * {@code Future[failed: IllegalArgumentException: Called broken function]},
 * {@code Future[not done yet]}, {@code Future[cancelled]}. Python shows
 * {@code <Future at 0x7f… state=running>}; Java's own {@code toString()} shows a class name and
 * a hash. Never waits and never counts as asking for the result.
 */
public final class FutureText {
    /** Longest result shown; a longer one ends in "…". */
    static final int VALUE_WIDTH = 40;

    private FutureText() {}

    /** Any future: what the kit's JShell prints for futures that are not the kit's pool's. */
    public static String of(Future<?> future) {
        if (future instanceof RecordedFuture<?> recorded) {
            return recorded.toString();
        }
        return "Future[" + state(future, null) + "]";
    }

    /**
     * The state: "not done yet", "done: 13", "failed: IllegalArgumentException: boom",
     * "cancelled". {@code result} reads a done future's outcome without waiting; null means
     * {@code future.get()}.
     */
    static String state(Future<?> future, Outcome result) {
        if (future.isCancelled()) {
            return "cancelled";
        }
        if (!future.isDone()) {
            return "not done yet";
        }
        try {
            Object value = result == null ? future.get() : result.get();
            return "done: " + value(value);
        } catch (ExecutionException e) {
            return "failed: " + failure(e.getCause() == null ? e : e.getCause());
        } catch (CancellationException e) {
            return "cancelled";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // done futures do not wait: keep the flag for the caller
            return "done";
        }
    }

    /** How {@link #state} reads a done future's result when {@code get()} would be the wrong call. */
    interface Outcome {
        Object get() throws ExecutionException, InterruptedException;
    }

    /** "IllegalArgumentException: Called broken function" */
    static String failure(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + cut(message));
    }

    /** A result as JShell would write it, strings in quotes, cut to {@value #VALUE_WIDTH} characters. */
    static String value(Object value) {
        return value instanceof String s ? "\"" + cut(s) + "\"" : cut(String.valueOf(value));
    }

    private static String cut(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= VALUE_WIDTH ? line : line.substring(0, VALUE_WIDTH - 1) + "…";
    }
}
