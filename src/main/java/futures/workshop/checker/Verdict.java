package futures.workshop.checker;

import futures.workshop.course.Exercise;
import futures.workshop.course.Progress;
import java.util.List;

/**
 * How one exercise fared.
 *
 * @param exercise the exercise
 * @param status   passed, failed, did not compile, no class to grade, or file missing
 * @param checks   every check with its result, in the order they ran
 * @param problems compile errors (one block each), or the reason the file could not be graded
 */
public record Verdict(Exercise exercise, Status status, List<CheckResult> checks, List<String> problems) {

    /**
     * How an exercise fared: NO_CLASS when its file compiles but holds no class the checks can
     * load (a package line, another class name, an empty file).
     */
    public enum Status { PASSED, FAILED, NOT_COMPILED, NO_CLASS, MISSING }

    /**
     * One check: its sentence-like name and, when it failed, the message for the learner.
     *
     * @param notDoneYet it failed on the stub's "not done yet" ({@link NotDoneYet})
     */
    public record CheckResult(String name, boolean passed, String message, boolean notDoneYet) {
        public CheckResult(String name, boolean passed, String message) {
            this(name, passed, message, false);
        }
    }

    /** An untouched exercise: every check stopped at the stub's "not done yet". */
    public boolean notDoneYet() {
        List<CheckResult> failures = failures();
        return status == Status.FAILED && !failures.isEmpty()
                && failures.stream().allMatch(CheckResult::notDoneYet);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    public int points() {
        return passed() ? exercise.points() : 0;
    }

    public List<CheckResult> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /**
     * Why it did not pass, in one block of text, for grade sheets and reports: empty when it
     * passed; otherwise the problems (compile errors, missing file) or the first failed check.
     */
    public String reason() {
        return switch (status) {
            case PASSED -> "";
            case MISSING, NO_CLASS -> String.join("\n", problems);
            case NOT_COMPILED -> "does not compile:\n" + String.join("\n", problems);
            case FAILED -> failures().stream().findFirst()
                    .map(c -> {
                        String message = c.message() == null ? "failed" : c.message();
                        return c.notDoneYet() ? message : c.name() + ": " + message;
                    })
                    .orElse(String.join("\n", problems));
        };
    }

    /**
     * Why it did not pass, in a few words and without the learner's code or output: the first
     * failed check's name, "does not compile", ...; {@link Progress.Result#UNTOUCHED} for the stub
     * as shipped; null when it passed. What the class board shows.
     */
    public String fault() {
        return switch (status) {
            case PASSED -> null;
            case NOT_COMPILED -> "does not compile";
            case NO_CLASS -> "no class to grade";
            case MISSING -> "file missing";
            case FAILED -> notDoneYet() ? Progress.Result.UNTOUCHED
                    : failures().stream().findFirst().map(CheckResult::name).orElse("failed");
        };
    }

    /** The first line of {@link #reason()}, for a table cell or a CSV field read by people. */
    public String shortReason() {
        String all = reason();
        if (status == Status.NOT_COMPILED) {
            return all.lines().skip(1).findFirst().map(l -> "does not compile: " + l).orElse(all);
        }
        return all.lines().findFirst().orElse("");
    }
}
