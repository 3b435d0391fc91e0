package futures.workshop.sandbox;

/**
 * Where the learner's {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} calls
 * land once {@link LearnerLoader} has rewritten them. The run reports the exit with its status
 * and the calling line, then a {@link Signal} unwinds the learner's thread: nothing the program
 * prints afterwards reaches the report, as nothing would after a real exit. The sandbox JVM
 * itself lives on, so a step that must exit on bad input does not cost a JVM start per check.
 */
public final class ExitTrap {
    private ExitTrap() {}

    public static void exit(int status) {
        trap("System.exit", status);
    }

    public static void exit(Runtime runtime, int status) {
        trap("Runtime.exit", status);
    }

    public static void halt(Runtime runtime, int status) {
        trap("Runtime.halt", status);
    }

    private static void trap(String call, int status) {
        Run run = Harness.current();
        if (run == null) { // learner code running outside a run: behave as the call would
            if (call.equals("Runtime.halt")) {
                Runtime.getRuntime().halt(status);
            }
            System.exit(status);
        }
        run.exited(call, status);
        throw new Signal(call);
    }

    /**
     * Unwinds the thread that called exit. An Error, so that the usual {@code catch (Exception e)}
     * lets it pass; no stack trace, because the report already holds the calling line.
     */
    static final class Signal extends Error {
        private static final long serialVersionUID = 1L;

        Signal(String call) {
            super("the program called " + call + " (the checker stops the program here)", null, false, false);
        }
    }
}
