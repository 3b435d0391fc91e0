package futures.workshop.runtime;

import java.io.Serializable;

/**
 * One call of a slow function, as the {@link Recorder} saw it.
 *
 * @param id       order in which the calls started, from 0
 * @param function the function's name, e.g. {@code slowAdd}
 * @param label    the call as the learner wrote it, e.g. {@code slowAdd(1, 6, 7)}
 * @param worker   name of the thread that ran it, e.g. {@code worker-2}
 * @param pool     the {@link futures.workshop.lesson.WorkerPool} it ran in, or {@code null} for other threads
 * @param task     the task's submission number in that pool, from 0, or -1 when unknown
 * @param start    nanoseconds from the recorder's epoch to the start
 * @param end      nanoseconds from the recorder's epoch to the end, or -1 while running
 * @param outcome  how it ended
 * @param error    the exception's type and message when it failed, else {@code null}
 */
public record Call(int id, String function, String label, String worker, String pool, int task,
                   long start, long end, Outcome outcome, String error) implements Serializable {

    /** How a call ended. */
    public enum Outcome { RUNNING, RETURNED, FAILED }

    /** {@link #start} in the lesson's seconds (the unit of {@code sleep}, also under a time scale). */
    public double startSeconds() {
        return TimeScale.toLessonSeconds(start);
    }

    /** {@link #end} in the lesson's seconds, or -1 while running. */
    public double endSeconds() {
        return end < 0 ? -1 : TimeScale.toLessonSeconds(end);
    }

    public boolean running() {
        return outcome == Outcome.RUNNING;
    }

    /** True when the two calls were running at the same moment. */
    public boolean overlaps(Call other) {
        long thisEnd = end < 0 ? Long.MAX_VALUE : end;
        long otherEnd = other.end < 0 ? Long.MAX_VALUE : other.end;
        return start < otherEnd && other.start < thisEnd;
    }
}
