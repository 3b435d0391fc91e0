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
 * @param error      the learner's exception that escaped, as "type: message"; after an exit, the
 *                   call ("System.exit", "Runtime.halt"); else null
 * @param trace      where it was thrown or, after a time-out, where the program was stuck
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
public record Outcome(Ending ending, Serializable value, String error, String trace, String output,
                      long outputBytes, List<Call> calls, List<Task> tasks, int peak,
                      List<String> leaked, int exitStatus, long pid) implements Serializable {

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
        /** the child JVM died without a word: Runtime.halt, a crash, or killed after the limit */
        DIED
    }

    public Outcome withExitStatus(int status) {
        return new Outcome(ending, value, error, trace, output, outputBytes, calls, tasks, peak,
                leaked, status, pid);
    }
}
