package futures.workshop.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course refuses to be broken: every exercise in {@code exercises/info.toml} is complete and
 * mirrored by its solution. A failure lists each problem with the fix.
 */
@DisplayName("The course check (make verify-course, without running anything)")
class CourseCheckTest {
    private static final CourseCheck KIT = new CourseCheck(Path.of("exercises"), Path.of("solutions"));

    private static void noProblems(List<String> problems) {
        assertThat(problems).withFailMessage("the course is broken:%n  %s", String.join("\n  ", problems)).isEmpty();
    }

    @Test
    @DisplayName("starts with the lesson's seven steps")
    void listsTheSteps() {
        assertThat(KIT.course().exercises()).extracting(Exercise::name)
                .startsWith("submit", "arguments", "async", "future", "watch", "workers", "spread");
    }

    @Test
    @DisplayName("finds no problem at all in the kit's course")
    void noProblemAtAll() {
        noProblems(KIT.problems());
    }

    @Test
    @DisplayName("has the file of every exercise in exercises/ and in solutions/")
    void filesExist() {
        noProblems(KIT.filesExist());
    }

    @Test
    @DisplayName("has a TODO in every exercise and none left in any solution")
    void todos() {
        noProblems(KIT.todos());
    }

    @Test
    @DisplayName("gives every exercise a hint and some points")
    void hintsAndPoints() {
        noProblems(KIT.hintsAndPoints());
    }

    @Test
    @DisplayName("grades every exercise: a checks class that exists, or checks declared in full")
    void grading() {
        noProblems(KIT.grading());
    }

    @Test
    @DisplayName("keeps each file's opening comment in step with info.toml")
    void headers() {
        noProblems(KIT.headers());
    }

    @Test
    @DisplayName("mirrors exercises/ in solutions/ path for path")
    void treesMirror() {
        noProblems(KIT.treesMirror());
    }

    @Test
    @DisplayName("gives every exercise its own name, class and file")
    void unique() {
        noProblems(KIT.unique());
    }

    @Test
    @DisplayName("lists every exercise folder, in course order, as a source folder of the editors' project")
    void editorProject(@TempDir Path dir) throws IOException {
        noProblems(KIT.editorProject());
        Path exercises = Files.createDirectories(dir.resolve("exercises"));
        Files.copy(Path.of("exercises", Course.FILE), exercises.resolve(Course.FILE));
        String pom = Files.readString(Path.of("exercises", EditorProject.FILE));
        Files.writeString(exercises.resolve(EditorProject.FILE), pom.replace("<source>02-arguments</source>", "")
                .replace("<source>06-workers</source>", "<source>06-work</source>"));
        assertThat(String.join("\n", new CourseCheck(exercises, dir.resolve("solutions")).editorProject()))
                .contains("exercises/pom.xml lists the source folders [01-submit, 03-async", "06-work,",
                        "but the course's are [01-submit, 02-arguments", "Write <source>folder</source> for each");
        Files.writeString(exercises.resolve(EditorProject.FILE), pom.replace(EditorProject.END, ""));
        assertThat(new CourseCheck(exercises, dir.resolve("solutions")).editorProject())
                .singleElement().asString().contains("put the markers back");
    }

    /** Proof that each rule can fail: a course with one of every mistake. */
    @Nested
    @DisplayName("on a broken course")
    class OnABrokenCourse {
        @TempDir
        static Path dir;
        static CourseCheck broken;

        @BeforeAll
        static void breakACourse() throws IOException {
            Path exercises = Files.createDirectories(dir.resolve("exercises"));
            Path solutions = Files.createDirectories(dir.resolve("solutions"));
            Files.writeString(exercises.resolve(Course.FILE), """
                    [[exercise]]
                    name = "submit"
                    title = "submit one slow function"
                    file = "01-submit/PoolSubmit.java"
                    points = 12
                    submits = { method = "submitSlowFunction", call = "slowFunction(5)" }
                    prints = ["Result is 5", ""]
                    hints = ["one?", "two?"]

                    [[exercise]]
                    name = "Submit"
                    title = "the same again"
                    file = "01-submit/PoolSubmit.java"
                    points = 0
                    checks = "NoSuchChecks"
                    hints = []

                    [[exercise]]
                    name = "gone"
                    title = "a file nobody wrote"
                    file = "09-gone/Gone.java"
                    points = 5
                    checks = "java.lang.String"
                    prints = ["both"]
                    hints = ["one?", ""]

                    [[exercise]]
                    name = "ungraded"
                    title = "nothing grades it"
                    file = "04-ungraded/Ungraded.java"
                    points = 5
                    hints = ["one?"]
                    """);
            // the exercise is a solved file (no TODO), the solution is the stub (a TODO)
            copy(Path.of("solutions/01-submit/PoolSubmit.java"), exercises.resolve("01-submit/PoolSubmit.java"));
            copy(Path.of("exercises/01-submit/PoolSubmit.java"), solutions.resolve("01-submit/PoolSubmit.java"));
            copy(Path.of("exercises/02-arguments/PoolAdd.java"), exercises.resolve("02-extra/Extra.java"));
            copy(Path.of("solutions/03-async/ApplyAsync.java"), solutions.resolve("03-only/Only.java"));
            // a copy of step 2 as step 4: its opening comment still says step 2
            copy(Path.of("exercises/02-arguments/PoolAdd.java"), exercises.resolve("04-ungraded/Ungraded.java"));
            copy(Path.of("solutions/02-arguments/PoolAdd.java"), solutions.resolve("04-ungraded/Ungraded.java"));
            broken = new CourseCheck(exercises, solutions);
        }

        private static void copy(Path from, Path to) throws IOException {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }

        @Test
        @DisplayName("names the missing files and says to create them")
        void missingFiles() {
            assertThat(String.join("\n", broken.filesExist()))
                    .contains("exercise 3 (\"gone\")", "exercises/09-gone/Gone.java is missing", "solutions/09-gone/Gone.java is missing",
                            "create it, or fix 'file'");
        }

        @Test
        @DisplayName("names an exercise without a TODO and a solution with one")
        void todos() {
            assertThat(String.join("\n", broken.todos()))
                    .contains("exercises/01-submit/PoolSubmit.java has no \"// TODO\"",
                            "solutions/01-submit/PoolSubmit.java still has a \"// TODO\"");
        }

        @Test
        @DisplayName("names no hints, an empty hint and zero points")
        void hintsAndPoints() {
            assertThat(String.join("\n", broken.hintsAndPoints()))
                    .contains("exercise 2 (\"Submit\"): no hints", "points = 0",
                            "exercise 3 (\"gone\"): an empty hint");
        }

        @Test
        @DisplayName("names a checks class that does not exist, one without checks, both kinds at once, half a declaration and nothing at all")
        void grading() {
            assertThat(String.join("\n", broken.grading()))
                    .contains("futures.workshop.checks.NoSuchChecks\" is not a class of the kit",
                            "java.lang.String has no @Test",
                            "exercise 3 (\"gone\"): both checks = \"java.lang.String\" and submits/prints; keep one",
                            "exercise 1 (\"submit\"): submits has no value",
                            "exercise 1 (\"submit\"): an empty line in 'prints'",
                            "exercise 4 (\"ungraded\"): nothing grades it");
        }

        @Test
        @DisplayName("names an opening comment that disagrees with info.toml: its step, points and EX=")
        void headers() {
            assertThat(String.join("\n", broken.headers()))
                    .contains("01-submit/PoolSubmit.java: its first line says 10 points, but info.toml gives 12",
                            "04-ungraded/Ungraded.java: its first line says Step 2, but it is step 4",
                            "04-ungraded/Ungraded.java: it says make ... EX=2, but it is exercise 4 (\"ungraded\"); write EX=4");
        }

        @Test
        @DisplayName("names files without a mirror and a file no exercise lists")
        void treesMirror() {
            assertThat(String.join("\n", broken.treesMirror()))
                    .contains("02-extra/Extra.java has no mirror", "03-only/Only.java has no mirror",
                            "02-extra/Extra.java belongs to no exercise");
        }

        @Test
        @DisplayName("names a name, class and file used twice")
        void unique() {
            assertThat(String.join("\n", broken.unique()))
                    .contains("name \"Submit\" is used by an earlier exercise",
                            "class name \"PoolSubmit\"", "file \"01-submit/PoolSubmit.java\"")
                    .doesNotContain("checks \"");
        }
    }
}
