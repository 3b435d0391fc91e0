package futures.workshop.checks;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.checker.Submission;
import futures.workshop.runtime.Call;
import futures.workshop.sandbox.Sandbox;
import futures.workshop.terminal.Timeline;
import futures.workshop.checker.NotDoneYet;
import futures.workshop.sandbox.Learner;
import futures.workshop.sandbox.Outcome;
import futures.workshop.sandbox.Thrown;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Failure messages a learner can act on: what was expected, what happened, where to look.
 * Every check fails through here, so all verdicts read alike.
 */
final class Expect {
    private Expect() {}

    /** Fails with the three-part message unless {@code ok}. */
    static void that(boolean ok, String expected, String happened, String lookAt) {
        that(ok, expected, happened, lookAt, null);
    }

    /** Same, with extra lines (output, a trace, a timeline) under the message. */
    static void that(boolean ok, String expected, String happened, String lookAt, String details) {
        assertThat(ok).withFailMessage(() -> message(expected, happened, lookAt, details)).isTrue();
    }

    /** Fails unless {@code actual} equals {@code expected}, with the three-part message. */
    static void equal(Object actual, Object expected, String expectedText, String happened, String lookAt) {
        assertThat(actual).withFailMessage(() -> message(expectedText, happened, lookAt, null)).isEqualTo(expected);
    }

    static String message(String expected, String happened, String lookAt, String details) {
        StringBuilder out = new StringBuilder()
                .append("expected: ").append(expected).append('\n')
                .append("happened: ").append(happened).append('\n')
                .append("look at:  ").append(lookAt);
        if (details != null && !details.isBlank()) {
            out.append('\n').append(details.stripTrailing());
        }
        return out.toString();
    }

    /**
     * Fails unless the run ended normally with every pool shut down, naming what went wrong:
     * not done yet, an exception, a hang, an exit, a flood of output, leaked workers.
     */
    static Outcome finished(Submission s, Outcome o, String what) {
        String file = s.file();
        switch (o.ending()) {
            case RETURNED -> {
                return o; // threads left running are the last check's to name (checker.LeftRunning)
            }
            case THREW -> {
                Thrown thrown = o.thrown();
                if (thrown.notDoneYet()) {
                    throw new NotDoneYet(thrown.whatIsNotDone(), file);
                }
                if (thrown.is(Learner.MissingMethod.class)) {
                    throw new AssertionError(message("the methods the exercise gave you, unchanged in shape",
                            thrown.message(), file, null));
                }
                throw new AssertionError(message(what + " to finish normally",
                        "it threw " + thrown, line(o, file), o.trace()));
            }
            case TIMED_OUT -> throw new AssertionError(message(what + " to finish within "
                            + Submission.TIME_LIMIT_MS / 1000 + " s (lesson seconds run 100 times faster here)",
                    "it hangs: " + o.why() + (o.deadlocked().isEmpty() ? waiting(o.waiting()) : ""),
                    line(o, file), "where it was stuck:\n" + o.trace()));
            case EXITED -> throw new AssertionError(message(what + " to return normally",
                    "the program called " + o.exitCall() + "(" + o.exitStatus() + ") and ended the JVM before the checks could finish",
                    line(o, file) + ": return from the method instead of exiting", o.trace()));
            case FLOODED -> throw new AssertionError(message(what + " to print a few lines",
                    "output flood: it " + o.why() + " of output (a print inside a loop that never ends?)",
                    line(o, file), "first lines printed:\n" + head(o.output(), 8)));
            case DIED -> throw new AssertionError(message(what + " to finish normally", "the program " + o.why(),
                    s.exits().isEmpty() ? file : String.join(", ", s.exits()) + ": return from the method instead of ending the JVM",
                    o.trace()));
            case KILLED -> throw new AssertionError(message(what + " to finish normally", "the program " + o.why(), file, o.trace()));
            default -> throw new IllegalStateException(o.ending().toString());
        }
    }

    /** Passes a crash on, unless it is the stub's "not done yet", which gets its own message. */
    static void finishedUnlessCrash(Submission s, Outcome o) {
        if (o.notDoneYet()) {
            finished(s, o, "the program");
        }
    }

    /** Fails with the stub's own words when a check's call met its "not done yet". */
    static void notDoneYet(Submission s, Answer answer) {
        if (answer.notDoneYet()) {
            throw new NotDoneYet(answer.thrown().whatIsNotDone(), s.file());
        }
    }

    private static String waiting(Outcome.Waiting waiting) {
        return switch (waiting) {
            case FUTURE -> ", waiting for a future that never completes";
            case POOL -> ", waiting for a pool whose tasks never finish";
            case NOTHING -> "";
        };
    }

    /** The learner's line where it happened, e.g. {@code exercises/03-async/ApplyAsync.java:31}, or the file. */
    static String line(Outcome o, String file) {
        return o.line() == null ? file : file.substring(0, file.lastIndexOf('/') + 1) + o.line();
    }

    /**
     * Whether printed text holds a stack trace: a line {@code at Class.method(File.java:12)} under
     * an exception, or Java's "Exception in thread" heading. A message that only names an
     * exception, as a usage line quoting what went wrong may, is not one.
     */
    static boolean stackTrace(String text) {
        return text.lines().anyMatch(l -> l.matches("\\s+at [\\w$.<>/]+\\(.*\\)\\s*")
                || l.startsWith("Exception in thread ") || l.matches("\\s*Caused by: [\\w$.]+.*"));
    }

    static String head(String text, int lines) {
        return text.lines().limit(lines).map(l -> "  " + l).collect(Collectors.joining("\n"));
    }

    /**
     * What the workers did, as the worker timeline in plain text: the picture of the learner's
     * run, in lesson seconds. Calls held at a rendezvous show its wait in their bars.
     */
    static String timeline(List<Call> calls) {
        // the sandbox ran at Sandbox.TIME_SCALE; stretch its nanoseconds back to lesson time here
        double stretch = 1 / Sandbox.TIME_SCALE;
        List<Call> lesson = calls.stream().map(c -> new Call(c.id(), c.function(), c.label(), c.worker(), c.pool(),
                c.task(), Math.round(c.start() * stretch), c.end() < 0 ? -1 : Math.round(c.end() * stretch),
                c.outcome(), c.error())).toList();
        return "what the workers did:\n" + Timeline.of(lesson).plain(100).stripTrailing();
    }

    /** Calls as a short list for messages: {@code slowAdd(1, 6, 7) on worker-1}. */
    static String describe(List<Call> calls) {
        if (calls.isEmpty()) {
            return "no slow call at all";
        }
        return calls.stream().map(c -> c.label() + " on " + c.worker()).collect(Collectors.joining(", "));
    }
}
