package futures.workshop.runtime;

/**
 * A hook that every slow call passes through right after it starts. The default lets every call
 * through; the checker installs a rendezvous here to prove that calls really run side by side.
 */
@FunctionalInterface
public interface Gate {
    Gate OPEN = running -> { };

    /** Called on the worker's thread with the number of slow calls now running, this one included. */
    void enter(int running) throws InterruptedException;
}
