package futures.workshop.instructor;

import futures.workshop.checker.Verdict;
import futures.workshop.checker.Verdict.CheckResult;

/** Why an exercise did not pass, in one block of text, for grade sheets and reports. */
final class Reasons {
    private Reasons() {}

    /** Empty when it passed; otherwise the problems (compile errors, missing file) or the first failed check. */
    static String of(Verdict v) {
        return switch (v.status()) {
            case PASSED -> "";
            case MISSING -> String.join("\n", v.problems());
            case NOT_COMPILED -> "does not compile:\n" + String.join("\n", v.problems());
            case FAILED -> v.failures().stream().findFirst()
                    .map(Reasons::check)
                    .orElse(String.join("\n", v.problems()));
        };
    }

    /** The first line of {@link #of}, for a table cell or a CSV field read by people. */
    static String shortly(Verdict v) {
        String all = of(v);
        if (v.status() == Verdict.Status.NOT_COMPILED) {
            return all.lines().skip(1).findFirst().map(l -> "does not compile: " + l).orElse(all);
        }
        return all.lines().findFirst().orElse("");
    }

    private static String check(CheckResult c) {
        String message = c.message() == null ? "failed" : c.message();
        return message.startsWith("not done yet") ? message : c.name() + ": " + message;
    }
}
