package futures.workshop.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import futures.workshop.course.Course;
import futures.workshop.sandbox.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** autograding.json after a check of one exercise: the whole course, never more than the files earn. */
@DisplayName("make check EX=n and autograding.json")
class PartialGradeTest {
    @Test
    @DisplayName("lists every exercise, keeps a result only while its file is unchanged, and is marked partial")
    void partialNeverPassesTheWhole(@TempDir Path dir) throws Exception {
        Course course = Course.load(Path.of("exercises"));
        Path folder = dir.resolve("learner");
        Folders.copy(Path.of("solutions"), folder, p -> true);
        Path grades = dir.resolve("grades");
        Path work = Folders.newWorkDir();
        try (Checker checker = new Checker(course, work)) {
            // exercise 1 graded once (passes), then changed; exercise 2 graded alone now; 3 and on never
            GradeReports first = new GradeReports(grades);
            first.write(checker.check(folder, "learner", List.of(course.find("1")), first::listener), "learner", folder,
                    course.exercises());
            JsonNode one = new ObjectMapper().readTree(grades.resolve(GradeReports.JSON).toFile());
            assertThat(one.get("tests")).hasSize(course.exercises().size());
            assertThat(one.get("partial").asBoolean()).isTrue();
            assertThat(one.get("status").asText()).isEqualTo("fail");
            assertThat(one.get("score").asInt()).isEqualTo(course.find("1").points());
            assertThat(one.at("/tests/1/message").asText()).isEqualTo("not graded yet: make check grades it");

            Path submit = folder.resolve(course.find("1").file());
            Files.writeString(submit, Files.readString(submit) + "\n// edited after the check\n");
            GradeReports second = new GradeReports(grades);
            second.write(checker.check(folder, "learner", List.of(course.find("2")), second::listener), "learner", folder,
                    course.exercises());
            JsonNode two = new ObjectMapper().readTree(grades.resolve(GradeReports.JSON).toFile());
            assertThat(two.at("/tests/0/score").asInt()).as("exercise 1 changed since it passed").isZero();
            assertThat(two.at("/tests/0/message").asText()).startsWith("changed since it was last graded");
            assertThat(two.at("/tests/1/status").asText()).isEqualTo("pass");
            assertThat(two.get("score").asInt()).isEqualTo(course.find("2").points());

            GradeReports all = new GradeReports(grades);
            all.write(checker.check(folder, "learner", course.exercises(), all::listener), "learner", folder, course.exercises());
            JsonNode full = new ObjectMapper().readTree(grades.resolve(GradeReports.JSON).toFile());
            assertThat(full.has("partial")).isFalse();
            assertThat(full.get("status").asText()).isEqualTo("pass");
            assertThat(full.get("score").asInt()).isEqualTo(course.totalPoints());
        } finally {
            Folders.deleteQuietly(work);
        }
    }
}
