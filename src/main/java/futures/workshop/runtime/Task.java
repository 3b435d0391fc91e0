package futures.workshop.runtime;

import java.io.Serializable;

/**
 * One task submitted to a {@link futures.workshop.lesson.WorkerPool}: when it was submitted and
 * when, if ever, somebody first asked its future for the result.
 *
 * @param pool      the pool's name
 * @param index     submission number in that pool, from 0
 * @param submitted nanoseconds from the recorder's epoch to the submission
 * @param firstGet  nanoseconds from the recorder's epoch to the first {@code get()}, or -1
 * @param getter    name of the thread that first called {@code get()}, or {@code null}
 */
public record Task(String pool, int index, long submitted, long firstGet, String getter)
        implements Serializable {

    public boolean asked() {
        return firstGet >= 0;
    }
}
