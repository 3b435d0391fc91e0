package futures.workshop.runtime;

import java.io.Serializable;

/**
 * One task submitted to a {@link futures.workshop.lesson.WorkerPool}: when it was submitted and
 * when, if ever, somebody first asked its future for the result.
 *
 * <p>"When" is a place in the order of submissions, not a time, which is all the checker asks
 * and much cheaper than reading the clock for every task: {@code submitted} numbers the tasks of
 * all pools 0, 1, 2, ... since the recorder's last {@code clear()}, and {@code firstGet} is the
 * number of the latest task submitted by the time of the first {@code get()}. So
 * {@code a.firstGet() < b.submitted()} means "a's result was asked for before b was submitted".
 * The times of the slow calls themselves are in {@link Call}.
 *
 * @param pool      the pool's name
 * @param index     submission number in that pool, from 0
 * @param submitted submission number among the tasks of all pools, from 0
 * @param firstGet  number of the latest task submitted (to any pool) when the result was first
 *                  asked for with {@code get()}, or -1 if it never was
 * @param getter    name of the thread that first called {@code get()}, or {@code null}
 */
public record Task(String pool, int index, int submitted, int firstGet, String getter)
        implements Serializable {

    public boolean asked() {
        return firstGet >= 0;
    }
}
