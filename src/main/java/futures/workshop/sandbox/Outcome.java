package futures.workshop.sandbox;

import futures.workshop.runtime.Call;
import futures.workshop.runtime.Task;
import java.io.Serializable;
import java.util.List;

/**
 * What happened when a child JVM ran a {@link Scenario}.
 *
 * @param ending     how the run ended
 * @param value      what the scenario returned, when it returned
 * @param thrown     the learner's exception that escaped, when it threw
 * @param exitCall   after an exit, the call that made it: "System.exit", "Runtime.exit", "Runtime.halt"
 * @param why        after a hang, a flood or a dead JVM, what the harness saw, in words
 * @param deadlocked threads that wait for each other's locks, after a hang; empty when none
 * @param waiting    what the learner's code was waiting for when it hung, as far as the stack shows
 * @param line       the learner's own line where it happened, e.g. {@code ApplyAsync.java:36}, or null
 * @param trace      where it was thrown or, after a time-out, where the program was stuck (to show)
 * @param output     what the program printed (stdout and stderr interleaved), cut at a limit
 * @param outputBytes how many bytes it printed in all
 * @param calls      the slow calls recorded
 * @param tasks      the tasks submitted to worker pools
 * @param peak       the most slow calls running at one moment
 * @param leaked     threads the learner started that were still alive after the run
 * @param exitStatus the status passed to System.exit, or -1 (filled in by the parent when the
 *                   exit ended the JVM)
 * @param pid        the child's process id, for "Master process is PID ..." lines
 */
public record Outcome(Ending ending, Serializable value, Thrown thrown, String exitCall, String why,
                      List<String> deadlocked, Waiting waiting, String line, String trace, String output, long outputBytes,
                      List<Call> calls, List<Task> tasks, int peak, List<String> leaked, int exitStatus, long pid)
        implements Serializable {

    /** What a hung program's code was waiting in, read off its threads' stacks by the harness. */
    public enum Waiting {
        /** nothing the harness knows */
        NOTHING,
        /** {@code get()} or {@code join()} on a future that never completes */
        FUTURE,
        /** closing or awaiting a pool whose tasks never finish */
        POOL
    }

    /** How a run ended. */
    public enum Ending {
        /** the scenario finished normally */
        RETURNED,
        /** an exception escaped the learner's code */
        THREW,
        /** the time limit passed first */
        TIMED_OUT,
        /** the program called System.exit, Runtime.exit or Runtime.halt */
        EXITED,
        /** the program printed more than the output limit */
        FLOODED,
        /** the child JVM stopped without a word: Runtime.halt past the trap, or a crash */
        DIED,
        /** the child JVM did not answer within the limit and was killed */
        KILLED
    }

    public Outcome withExitStatus(int status) {
        return new Outcome(ending, value, thrown, exitCall, why, deadlocked, waiting, line, trace, output, outputBytes, calls, tasks,
                peak, leaked, status, pid);
    }

    /** The stub's "not done yet" escaped: the learner has not written this part. */
    public boolean notDoneYet() {
        return thrown != null && thrown.notDoneYet();
    }
}
