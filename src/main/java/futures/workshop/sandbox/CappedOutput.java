package futures.workshop.sandbox;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects what the learner's program prints, keeping the first {@code keep} bytes and counting
 * the rest; past {@code flood} bytes it calls {@code onFlood} once, so a print in an endless loop
 * ends the run at once instead of filling memory.
 */
final class CappedOutput extends OutputStream {
    private final byte[] kept;
    private final long flood;
    private final Runnable onFlood;
    private int size;
    private long total;
    private boolean flooded;

    CappedOutput(int keep, long flood, Runnable onFlood) {
        this.kept = new byte[keep];
        this.flood = flood;
        this.onFlood = onFlood;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        boolean floodNow;
        synchronized (this) {
            int room = Math.min(len, kept.length - size);
            if (room > 0) {
                System.arraycopy(b, off, kept, size, room);
                size += room;
            }
            total += len;
            floodNow = total > flood && !flooded;
            flooded |= floodNow;
        }
        if (floodNow) {
            onFlood.run();
        }
    }

    synchronized String text() {
        String text = new String(kept, 0, size, StandardCharsets.UTF_8);
        return total > size ? text + "\n[... " + (total - size) + " more bytes not shown]" : text;
    }

    synchronized long total() {
        return total;
    }
}
