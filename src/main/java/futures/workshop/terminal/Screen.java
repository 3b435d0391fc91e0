package futures.workshop.terminal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What a terminal wrote, kept in memory, with a way to wait until some text has appeared: the
 * output side of an in-memory terminal, for tests and for the bench that times watch mode.
 * Any thread may write; waiting threads wake on every write.
 */
public final class Screen extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        notifyAll();
    }

    /** Everything written so far, with the terminal's CR LF line ends as plain LF. */
    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** How many times {@code text} has been written so far. */
    public synchronized int count(String text) {
        return text().split(Pattern.quote(text), -1).length - 1;
    }

    /**
     * Waits until {@code text} has been written {@code times} times. The limit only turns a hang
     * into an error that shows the screen; nothing is measured with it.
     */
    public synchronized void await(String text, int times, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count(text) < times) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the screen never showed " + text + " (" + times + "x); it shows:\n" + text());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
