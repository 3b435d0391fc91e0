package futures.workshop.checker;

import futures.workshop.course.Exercise;
import futures.workshop.checker.Verdict.CheckResult;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Prints verdicts for a learner: one block per exercise, what to do next, a score line, and the
 * closing count.
 */
public final class Report {
    private static final int ERRORS_SHOWN = 5;

    /**
     * How the learner checks an exercise and asks for a hint where the report is read (make, JShell,
     * watch mode), for the "Next:" line; the tool that prints the report passes its own.
     *
     * @param checkIt e.g. {@code "check it with make check EX=3"}, from the exercise's step
     * @param hint    e.g. {@code "make hint EX=3"}
     */
    public record Commands(IntFunction<String> checkIt, IntFunction<String> hint) {
        /** What {@code make check} says. */
        public static final Commands MAKE = new Commands(n -> "check it with make check EX=" + n, n -> "make hint EX=" + n);
    }

    private final PrintStream out;
    private final String pass;
    private final String fail;
    private final Commands commands;

    /** A report that names make's commands. */
    public Report(PrintStream out, boolean unicode) {
        this(out, unicode, Commands.MAKE);
    }

    public Report(PrintStream out, boolean unicode, Commands commands) {
        this.out = out;
        this.pass = unicode ? "✓" : "+";
        this.fail = unicode ? "✗" : "x";
        this.commands = commands;
    }

    /**
     * Prints {@code verdicts} of the files in {@code folder}. {@code course} (in order) and
     * {@code passedBefore} (exercises passed in earlier checks) say which exercise comes next
     * once every graded one passes.
     */
    public void print(List<Verdict> verdicts, String folder, List<Exercise> course, Set<Exercise> passedBefore) {
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
        printNext(verdicts, folder, course, passedBefore);
        out.println("Score: " + points + "/" + total + " points");
        out.println(passed + " passed, " + (verdicts.size() - passed) + " failed");
    }

    /**
     * Two lines at most, each within 80 columns: the first exercise that failed here; when all
     * passed, the first in the course not passed yet; or that there is none.
     */
    private void printNext(List<Verdict> verdicts, String folder, List<Exercise> course, Set<Exercise> passedBefore) {
        Exercise failed = verdicts.stream().filter(v -> !v.passed()).map(Verdict::exercise).findFirst().orElse(null);
        if (failed != null) {
            out.println("Next: exercise " + failed.label() + " (" + folder + "/" + failed.file() + ")");
            out.println("      " + commands.checkIt().apply(failed.step()) + "; stuck? " + commands.hint().apply(failed.step()));
            return;
        }
        Set<Exercise> graded = new HashSet<>();
        verdicts.forEach(v -> graded.add(v.exercise()));
        Exercise next = course.stream().filter(e -> !graded.contains(e) && !passedBefore.contains(e)).findFirst().orElse(null);
        if (next == null) {
            out.println("Every exercise passes. Next: compare your answers with solutions/.");
            return;
        }
        out.println("Next: exercise " + next.label() + ", " + next.title());
        out.println("      open " + folder + "/" + next.file() + "; " + commands.checkIt().apply(next.step()));
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
