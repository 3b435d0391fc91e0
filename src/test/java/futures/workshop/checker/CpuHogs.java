package futures.workshop.checker;

import java.util.ArrayList;
import java.util.List;

/** Two CPU-bound threads per core, as on a busy machine, until {@link #close()}. */
final class CpuHogs implements AutoCloseable {
    private final List<Thread> hogs = new ArrayList<>();
    private volatile boolean spinning = true;

    CpuHogs() {
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread hog = new Thread(this::spin, "cpu-hog-" + i);
            hog.setDaemon(true);
            hog.start();
            hogs.add(hog);
        }
    }

    /** Pure CPU work; the sum is kept so the JIT cannot drop the loop. */
    private void spin() {
        long sum = 0;
        while (spinning) {
            for (int i = 0; i < 1_000_000; i++) {
                sum += i ^ (sum >>> 3);
            }
        }
        if (sum == 42) {
            System.out.print("");
        }
    }

    @Override
    public void close() throws InterruptedException {
        spinning = false;
        for (Thread hog : hogs) {
            hog.join();
        }
    }
}
