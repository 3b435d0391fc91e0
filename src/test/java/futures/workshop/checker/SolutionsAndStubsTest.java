package futures.workshop.checker;

import futures.workshop.sandbox.Folders;
import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The course through the real checker: every solution passes, every untouched exercise fails
 * with "not done yet". One checker grades both folders at once.
 */
@DisplayName("The checker on the course")
class SolutionsAndStubsTest {
    private static Path work;
    private static Checker checker;
    private static List<Verdict> solutions;
    private static List<Verdict> stubs;

    @BeforeAll
    static void gradeBothFolders() {
        Course course = Grading.course();
        work = Folders.newWorkDir();
        checker = new Checker(course, work);
        var solved = CompletableFuture.supplyAsync(() -> checker.check(Grading.SOLUTIONS, "solutions", course.exercises()));
        stubs = checker.check(Grading.EXERCISES, "exercises", course.exercises());
        solutions = solved.join();
    }

    @AfterAll
    static void stop() {
        if (checker != null) {
            checker.close();
        }
        Folders.deleteQuietly(work);
    }

    @Test
    @DisplayName("passes every solution, with every check green")
    void everySolutionPasses() {
        assertThat(solutions).hasSize(Grading.course().exercises().size());
        for (Verdict v : solutions) {
            assertThat(v.passed()).as("solution of %s:%n%s", v.exercise().label(), Grading.shown(v)).isTrue();
            assertThat(v.checks()).as("checks of %s", v.exercise().label()).isNotEmpty().allMatch(Verdict.CheckResult::passed);
            assertThat(v.points()).isEqualTo(v.exercise().points());
        }
    }

    @Test
    @DisplayName("fails every untouched exercise, saying it is not done yet and where the TODO is")
    void everyStubFailsNotDoneYet() {
        assertThat(stubs).hasSize(Grading.course().exercises().size());
        for (Verdict v : stubs) {
            Exercise e = v.exercise();
            String shown = Grading.shown(v);
            assertThat(v.status()).as("untouched %s:%n%s", e.label(), shown).isEqualTo(Verdict.Status.FAILED);
            assertThat(v.failures()).as("untouched %s:%n%s", e.label(), shown).isNotEmpty()
                    .allMatch(c -> c.message() != null && c.message().startsWith("not done yet"));
            assertThat(shown).as("untouched %s", e.label())
                    .contains("not done yet", "look at:  exercises/" + e.file() + ": follow the TODO comments")
                    .contains("0/" + e.points());
        }
    }
}
