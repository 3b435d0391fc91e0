package futures.workshop.sandbox;

import futures.workshop.runtime.Gate;
import futures.workshop.runtime.Recorder;

/**
 * Holds each slow call until {@code target} of them run at once, or the cap passes; after the
 * first meeting (or the first time-out) it stays open. Correct code always meets, however busy
 * the machine, so "peak below target" proves that the calls did not run side by side.
 */
final class Rendezvous implements Gate {
    private final Recorder recorder;
    private final int target;
    private final long capNanos;
    private boolean open;

    Rendezvous(Recorder recorder, int target, long capMillis) {
        this.recorder = recorder;
        this.target = target;
        this.capNanos = capMillis * 1_000_000L;
    }

    @Override
    public synchronized void enter(int running) throws InterruptedException {
        long deadline = System.nanoTime() + capNanos;
        while (!open && recorder.running() < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        open = true;
        notifyAll();
    }
}
