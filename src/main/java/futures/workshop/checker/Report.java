package futures.workshop.checker;

import futures.workshop.course.Exercise;
import futures.workshop.checker.Verdict.CheckResult;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Prints verdicts for a learner: one block per exercise, a score line, and the closing count. */
public final class Report {
    private static final int ERRORS_SHOWN = 5;

    private final PrintStream out;
    private final String pass;
    private final String fail;

    public Report(PrintStream out, boolean unicode) {
        this.out = out;
        this.pass = unicode ? "✓" : "+";
        this.fail = unicode ? "✗" : "x";
    }

    public void print(List<Verdict> verdicts, String folder) {
        boolean shownNotDoneYet = false;
        for (Verdict v : verdicts) {
            Exercise e = v.exercise();
            out.printf("%s %-13s %3d/%-3d %s%n", v.passed() ? pass : fail, e.label(), v.points(), e.points(), e.title());
            switch (v.status()) {
                case PASSED -> { }
                case MISSING, NO_CLASS -> v.problems().forEach(p -> out.println(indent(p, "    ")));
                case NOT_COMPILED -> {
                    out.println("    does not compile (the other exercises are still graded):");
                    v.problems().stream().limit(ERRORS_SHOWN).forEach(p -> out.println(indent(p, "      ")));
                    if (v.problems().size() > ERRORS_SHOWN) {
                        out.println("      ... and " + (v.problems().size() - ERRORS_SHOWN)
                                + " more: fix the first error first, the later ones often follow from it");
                    }
                }
                case FAILED -> printFailures(v, shownNotDoneYet);
            }
            shownNotDoneYet |= v.notDoneYet();
        }
        int points = verdicts.stream().mapToInt(Verdict::points).sum();
        int total = verdicts.stream().mapToInt(v -> v.exercise().points()).sum();
        long passed = verdicts.stream().filter(Verdict::passed).count();
        out.println();
        verdicts.stream().filter(v -> !v.passed()).findFirst().ifPresent(next -> out.println(
                "Next: exercise " + next.exercise().label() + ": open " + folder + "/" + next.exercise().file()
                        + ", then make check EX=" + next.exercise().step()
                        + " (stuck? make hint EX=" + next.exercise().step() + ")"));
        out.println("Score: " + points + "/" + total + " points");
        out.println(passed + " passed, " + (verdicts.size() - passed) + " failed");
    }

    /** The failed checks with their messages; after the first untouched exercise, untouched ones get one line. */
    private void printFailures(Verdict v, boolean shownNotDoneYet) {
        if (v.notDoneYet()) {
            out.println(shownNotDoneYet ? "    not done yet" : indent(v.failures().get(0).message(), "    "));
            return;
        }
        Set<String> shown = new HashSet<>();
        Set<String> blocks = new HashSet<>();
        for (CheckResult c : v.checks()) {
            if (c.passed()) {
                out.println("    " + pass + " " + c.name());
            } else {
                out.println("    " + fail + " " + c.name());
                String message = c.message() == null ? "failed" : c.message();
                if (!shown.add(message)) {
                    out.println("        (same reason as above)");
                    continue;
                }
                // what it printed, a trace, a timeline: shown once, however many checks quote it
                List<String> lines = message.lines().toList();
                int head = Math.min(lines.size(), 3);
                String block = String.join("\n", lines.subList(head, lines.size()));
                boolean repeated = lines.size() > head + 1 && !blocks.add(block);
                out.println(indent(repeated ? String.join("\n", lines.subList(0, head)) + "\n(the same lines as above)" : message,
                        "        "));
            }
        }
        v.problems().forEach(p -> out.println("    " + p));
    }

    static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** Whether the learner's locale can show ✓ and ✗. */
    public static boolean unicodeTerminal() {
        for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String value = System.getenv(name);
            if (value != null && !value.isEmpty()) {
                return value.toUpperCase(java.util.Locale.ROOT).replace("-", "").contains("UTF8");
            }
        }
        return false;
    }
}
