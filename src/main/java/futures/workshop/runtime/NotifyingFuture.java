package futures.workshop.runtime;

import java.util.concurrent.Future;

/**
 * A future that can tell when it is done, so that a watcher (the live futures board) reacts to
 * completions instead of polling. Similar to Guava's {@code ListenableFuture#addListener} or
 * {@link java.util.concurrent.CompletableFuture#whenComplete}, without the value.
 */
public interface NotifyingFuture<V> extends Future<V> {

    /**
     * Runs {@code action} once, when this future is done (returned, failed or cancelled): on the
     * thread that completes it, or at once on the caller's thread if it is done already. Keep it
     * short; an exception it throws is ignored.
     */
    void whenDone(Runnable action);
}
