package futures.workshop.checker;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a report says comes next, from verdicts made up here: no checker runs. */
@DisplayName("The report's Next line")
class ReportTest {
    private final Course course = Course.load(Path.of("exercises"));

    private static Verdict passed(Exercise e) {
        return new Verdict(e, Verdict.Status.PASSED, List.of(new Verdict.CheckResult("does it", true, null)), List.of());
    }

    private static Verdict failed(Exercise e) {
        return new Verdict(e, Verdict.Status.FAILED, List.of(new Verdict.CheckResult("does it", false, "expected: it")), List.of());
    }

    private String report(List<Verdict> verdicts, Set<Exercise> passedBefore, Report.Commands commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Report(new PrintStream(out, true, StandardCharsets.UTF_8), true, commands)
                .print(verdicts, "exercises", course.exercises(), passedBefore);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String report(List<Verdict> verdicts, Set<Exercise> passedBefore) {
        return report(verdicts, passedBefore, Report.Commands.MAKE);
    }

    @Test
    @DisplayName("after a pass of one exercise: the first one not passed yet, with its title, file and command")
    void afterAPass() {
        assertThat(report(List.of(passed(course.find("1"))), Set.of())).contains("""

                Next: exercise 2 arguments, a function of several arguments
                      open exercises/02-arguments/PoolAdd.java; check it with make check EX=2
                Score: 10/10 points
                1 passed, 0 failed
                """);
        // passed before: skipped; not passed before this one: named, as make list and watch mode do
        assertThat(report(List.of(passed(course.find("3"))), Set.of(course.find("2"), course.find("4"))))
                .contains("Next: exercise 1 submit, submit one slow function\n");
        assertThat(report(List.of(passed(course.find("1"))), Set.of(course.find("2"), course.find("3"))))
                .contains("Next: exercise 4 future, what a future offers\n");
    }

    @Test
    @DisplayName("when every exercise passes, it says so")
    void everythingPassed() {
        Exercise last = course.exercises().get(course.exercises().size() - 1);
        Set<Exercise> others = Set.copyOf(course.exercises().subList(0, course.exercises().size() - 1));
        String expected = "\nEvery exercise passes. Next: compare your answers with solutions/.\nScore: ";
        assertThat(report(List.of(passed(last)), others)).contains(expected);
        assertThat(report(course.exercises().stream().map(ReportTest::passed).toList(), Set.of())).contains(expected)
                .endsWith(course.exercises().size() + " passed, 0 failed\n");
    }

    @Test
    @DisplayName("after a failure: the first exercise that failed, how to check it again and how to get a hint")
    void afterAFailure() {
        assertThat(report(List.of(passed(course.find("1")), failed(course.find("2")), failed(course.find("3"))), Set.of()))
                .contains("""

                        Next: exercise 2 arguments (exercises/02-arguments/PoolAdd.java)
                              check it with make check EX=2; stuck? make hint EX=2
                        Score: 10/35 points
                        """);
    }

    @Test
    @DisplayName("names the commands of where it is read, e.g. JShell's check(n) and hint(n)")
    void otherCommands() {
        Report.Commands jshell = new Report.Commands(n -> "check it with check(" + n + ")", n -> "hint(" + n + ")");
        assertThat(report(List.of(passed(course.find("1"))), Set.of(), jshell))
                .contains("      open exercises/02-arguments/PoolAdd.java; check it with check(2)\n");
        assertThat(report(List.of(failed(course.find("1"))), Set.of(), jshell))
                .contains("      check it with check(1); stuck? hint(1)\n").doesNotContain("make");
    }

    @Test
    @DisplayName("fits in 80 columns for every exercise of the course, passed or failed")
    void fitsIn80Columns() {
        for (Exercise e : course.exercises()) {
            for (Verdict v : List.of(passed(e), failed(e))) {
                String next = report(List.of(v), Set.of());
                next = next.substring(next.indexOf("\nNext") + 1, next.indexOf("Score:"));
                assertThat(next.lines()).as("%s", next).hasSizeBetween(1, 2).allMatch(l -> l.length() <= 80, "fit 80 columns");
            }
        }
    }
}
