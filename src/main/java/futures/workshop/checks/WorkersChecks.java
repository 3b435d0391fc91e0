package futures.workshop.checks;

import futures.workshop.sandbox.Sandbox;
import futures.workshop.checker.Submission;
import futures.workshop.runtime.Call;
import futures.workshop.sandbox.Outcome;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExerciseChecks
@DisplayName("the number of workers from the command line")
class WorkersChecks {
    private static final int TASKS = 5;
    /** The sandbox claims this many processors for the no-argument run, so a hard-coded 2 shows. */
    private static final int PROCESSORS = Sandbox.PROCESSORS;

    /**
     * Runs the program with {@code workers} workers; the first calls wait (up to a second) until
     * min(workers, tasks) of them run, so a correct program always reaches exactly that peak.
     */
    private static void expectPeak(Submission s, Outcome o, int workers, String asked) {
        int expected = Math.min(workers, TASKS);
        long used = o.calls().stream().map(Call::worker).distinct().count();
        String fix = o.peak() < expected
                ? "does main make the pool with workers(args)? A pool of the default size ignores the argument"
                : "the pool has more workers than asked for: make it with exactly workers(args) workers";
        Expect.that(o.peak() == expected && used <= workers,
                expected + " task(s) running at once at the peak, on at most " + workers + " worker(s)",
                "with " + asked + ", " + o.peak() + " task(s) ran at once, on " + used + " worker(s)",
                s.file() + ": " + fix, Expect.timeline(o.calls()));
    }

    @ParameterizedTest(name = "with {0} worker(s) asked for, {0} task(s) run at once at the peak")
    @ValueSource(ints = {1, 2, 4})
    @Order(1)
    void keepsThatManyRunning(int workers, Submission s) {
        Outcome o = Expect.finished(s, s.run(new Runs.Main(Integer.toString(workers)), Math.min(workers, TASKS), List.of()),
                "the program with argument " + workers);
        expectPeak(s, o, workers, workers + " worker(s) asked for");
    }

    @Test
    @Order(2)
    @DisplayName("with no argument, uses one worker per processor")
    void defaultsToProcessors(Submission s) {
        Outcome o = Expect.finished(s, s.run(new Runs.Main(), PROCESSORS, List.of()), "the program without arguments");
        expectPeak(s, o, PROCESSORS, "no argument on a machine of " + PROCESSORS + " processors");
    }

    @Test
    @Order(3)
    @DisplayName("still prints every result and the failure")
    void stillReports(Submission s) {
        Outcome o = Expect.finished(s, s.run(new Runs.Main("2"), 2, List.of()), "the program with argument 2");
        List<String> lines = o.output().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int results = lines.indexOf("Here are the results.");
        Expect.that(results >= 0 && lines.subList(results + 1, lines.size()).equals(WatchChecks.RESULTS),
                "after \"Here are the results.\": " + String.join(" | ", WatchChecks.RESULTS),
                WatchChecks.printedResults(o.output()), s.file() + ": printResults");
    }

    /** How to keep the exception the program let escape from escaping, named after that exception. */
    private static String avoid(futures.workshop.sandbox.Thrown thrown, String argument) {
        if (thrown.is(NumberFormatException.class)) {
            return "catch the NumberFormatException that Integer.parseInt throws for '" + argument + "'";
        }
        if (thrown.is(IllegalArgumentException.class)) {
            return "check the number before making the pool: " + thrown.simpleType()
                    + " came from '" + argument + "'";
        }
        return "do not let " + thrown.simpleType() + " escape with '" + argument + "'";
    }

    @ParameterizedTest(name = "a bad argument {0} gets a usage message and a non-zero exit, not a stack trace")
    @ValueSource(strings = {"abc", "0", "-3"})
    @Order(4)
    void refusesBadArgument(String argument, Submission s) {
        Outcome o = s.run(new Runs.Main(argument));
        String fix = s.file() + ": workers(args): print a usage message, then System.exit(2)";
        switch (o.ending()) {
            case EXITED -> {
                String out = o.output();
                Expect.that(o.exitStatus() != 0, "a non-zero exit status", "System.exit(0): that tells the shell all went well",
                        Expect.line(o, s.file()) + ": after the usage message, System.exit(2)");
                Expect.that(!Expect.stackTrace(out), "a usage message, not a stack trace",
                        "the program printed:\n" + Expect.head(out, 8), fix);
                // any words will do: "Usage: ...", "Give a whole number of workers, 1 or more", ...
                Expect.that(!out.isBlank(), "a short message that says what the argument should be",
                        "nothing was printed", fix);
                Expect.that(o.calls().isEmpty(), "no task started with a bad argument",
                        Expect.describe(o.calls()), s.file() + ": check the argument before making the pool");
            }
            case THREW -> {
                Expect.finishedUnlessCrash(s, o);
                Expect.that(false, "a usage message and a non-zero exit",
                        "the program crashed with " + o.thrown(), fix + " (" + avoid(o.thrown(), argument) + ")", o.trace());
            }
            case RETURNED -> Expect.that(false, "a usage message and a non-zero exit",
                    "the program ran to its end with '" + argument + "' (exit status 0)", fix,
                    "the program printed:\n" + Expect.head(o.output(), 8));
            default -> Expect.finished(s, o, "the program with argument '" + argument + "'");
        }
    }
}
