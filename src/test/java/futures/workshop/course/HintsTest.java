package futures.workshop.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("make hint")
class HintsTest {
    @TempDir
    Path top;

    @Test
    @DisplayName("climbs the ladder one hint per call, remembered across runs, then says it was the last")
    void ladder() {
        Exercise submit = TempKit.make(top).find("1");
        assertThat(submit.hints()).hasSize(3);

        String first = Hints.next(Progress.of(top), submit, "make hint EX=1");
        String second = Hints.next(Progress.of(top), submit, "make hint EX=1"); // a new process each time
        String third = Hints.next(Progress.of(top), submit, "make hint EX=1");
        String fourth = Hints.next(Progress.of(top), submit, "make hint EX=1");

        assertThat(first).startsWith("Hint 1 of 3 for exercise 1 submit (exercises/01-submit/PoolSubmit.java):")
                .contains("ExecutorService#submit").contains("make hint EX=1 gives the next hint");
        assertThat(second).startsWith("Hint 2 of 3").contains("Callable");
        assertThat(third).startsWith("Hint 3 of 3").contains("That was the last hint").contains("Javadoc");
        assertThat(fourth).startsWith("You have seen all 3 hints").contains("1. Which method", "3. Return what submit")
                .contains("README");
        assertThat(Hints.next(Progress.of(top), submit, "x")).isEqualTo(fourth);
    }

    @Test
    @DisplayName("keeps a separate place on each exercise's ladder")
    void perExercise() {
        Course course = TempKit.make(top);
        Hints.next(Progress.of(top), course.find("1"), "again");
        Hints.next(Progress.of(top), course.find("1"), "again");
        assertThat(Hints.next(Progress.of(top), course.find("3"), "again")).startsWith("Hint 1 of 3 for exercise 3 async");
        assertThat(Progress.of(top).read().hintsSeen(course.find("1"))).isEqualTo(2);
    }
}
