package futures.workshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.sandbox.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course author's path, through the kit's own commands on a copy of the course: add a step
 * with make new-exercise, make it another step in its three files, and see it verified, listed,
 * hinted and graded; then a course broken on purpose, each problem named by make verify-course.
 */
@DisplayName("Writing a course: make new-exercise and make verify-course")
class CourseAuthoringTest {
    @TempDir
    Path top;

    private KitTest.Ran run(String... args) {
        return KitTest.run(top, args);
    }

    private void copyCourse() throws IOException {
        Folders.copy(Path.of("exercises"), top.resolve("exercises"), p -> true);
        Folders.copy(Path.of("solutions"), top.resolve("solutions"), p -> true);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = top.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).as("%s holds the text to change", file).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a copy of step 2 made into a slowDiff step, in three files, is verified, listed, hinted and graded")
    void addAStep() throws IOException {
        copyCourse();
        int steps = (int) Files.readString(top.resolve("exercises/info.toml")).lines().filter(l -> l.equals("[[exercise]]")).count();
        int next = steps + 1;
        String folder = String.format("%02d-diff", next);

        KitTest.Ran added = run("new-exercise", "NAME=diff", "FROM=2");
        assertThat(added.status()).as(added.out()).isZero();
        assertThat(added.out()).contains("Added step " + next + " \"diff\", a copy of step 2 arguments",
                "exercises/" + folder + "/Diff.java", "solutions/" + folder + "/Diff.java", "exercises/info.toml");
        assertThat(top.resolve("exercises/" + folder + "/Diff.java")).content()
                .contains("// Step " + next + ":", "make check EX=" + next, "/open exercises/" + folder + "/Diff.java", "public class Diff");
        assertThat(top.resolve("exercises/pom.xml")).as("editors see the new folder as sources").content()
                .contains("<source>" + folder + "</source>\n");

        // the author's three edits
        for (String root : new String[] {"exercises", "solutions"}) {
            String file = root + "/" + folder + "/Diff.java";
            edit(file, "submitSlowAdd", "submitSlowDiff");
            edit(file, "slowAdd(1, 6, 7)", "slowDiff(1, 9, 2)");
        }
        String toml = Files.readString(top.resolve("exercises/info.toml"));
        String entry = toml.substring(toml.indexOf("name = \"diff\""));
        Files.writeString(top.resolve("exercises/info.toml"), toml.substring(0, toml.indexOf("name = \"diff\"")) + entry
                .replace("title = \"a function of several arguments\"", "title = \"the difference of two numbers\"")
                .replace("{ method = \"submitSlowAdd\", call = \"slowAdd(1, 6, 7)\", value = \"13\" }",
                        "{ method = \"submitSlowDiff\", call = \"slowDiff(1, 9, 2)\", value = \"7\" }")
                .replace("\"Result is 13\"", "\"Result is 7\""));

        KitTest.Ran verified = run("verify-course");
        assertThat(verified.status()).as(verified.out()).isZero();
        assertThat(verified.out()).startsWith("The course is ready: " + next + " exercises");
        assertThat(run("list").out()).contains("  " + next + " diff").contains("the difference of two numbers");
        assertThat(run("hint", "EX=diff").out()).startsWith("Hint 1 of 2 for exercise " + next + " diff");
        KitTest.Ran stub = run("check", "EX=" + next);
        assertThat(stub.status()).isEqualTo(1);
        assertThat(stub.out()).contains("not done yet: submit slowDiff(1, 9, 2) to the pool");
        KitTest.Ran solved = run("check", "EX=diff", "--dir", "solutions");
        assertThat(solved.status()).as(solved.out()).isZero();
        assertThat(solved.out()).contains(next + " diff", "10/10");
    }

    @Test
    @DisplayName("a step placed after step 1 moves the later steps down, and their opening comments follow")
    void placeAfter() throws IOException {
        copyCourse();
        KitTest.Ran added = run("new-exercise", "NAME=again", "FROM=submit", "AFTER=1");
        assertThat(added.status()).as(added.out()).isZero();
        assertThat(added.out()).contains("Added step 2 \"again\"", "moved one place down");
        assertThat(top.resolve("exercises/02-again/Again.java")).content().contains("// Step 2:", "make check EX=2");
        assertThat(top.resolve("exercises/02-arguments/PoolAdd.java")).content().contains("// Step 3:", "make check EX=3");
        assertThat(top.resolve("solutions/02-arguments/PoolAdd.java")).content().contains("// Step 3:");
        assertThat(run("list").out()).contains("  2 again").contains("  3 arguments");
        assertThat(top.resolve(".workshop/backups")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("info.toml."));
    }

    @Test
    @DisplayName("refuses a name that is not a word, a name in use and an unknown step, changing nothing")
    void badNames() throws IOException {
        copyCourse();
        String before = Files.readString(top.resolve("exercises/info.toml"));
        KitTest.Ran spaced = run("new-exercise", "NAME=Two Words");
        assertThat(spaced.status()).isEqualTo(Kit.USAGE);
        assertThat(spaced.out()).contains("a step's name is a short lower-case word");
        assertThat(run("new-exercise", "NAME=async").out()).contains("step 3 has that name already");
        assertThat(run("new-exercise", "NAME=fresh", "FROM=42").out()).startsWith("There is no exercise '42'");
        assertThat(run("new-exercise").out()).startsWith("make new-exercise needs NAME=<name>");
        assertThat(top.resolve("exercises/info.toml")).hasContent(before);
    }

    @Test
    @DisplayName("make verify-course names each problem of a course broken on purpose, with its fix")
    void brokenCourse() throws IOException {
        copyCourse();
        run("new-exercise", "NAME=diff", "FROM=2");
        String folder = String.format("%02d-diff", 8);
        // the stub solved, the solution left undone: each must be caught by grading
        Path exercise = top.resolve("exercises/" + folder + "/Diff.java");
        Path solution = top.resolve("solutions/" + folder + "/Diff.java");
        String stub = Files.readString(exercise);
        Files.writeString(exercise, Files.readString(solution).replace("// ", "// TODO keep a TODO: "));
        Files.writeString(solution, stub.replace("// TODO", "// left"));
        // a step 3 whose checks class does not exist, without hints
        edit("exercises/info.toml", "checks = \"AsyncChecks\"", "checks = \"NoSuchChecks\"");
        String toml = Files.readString(top.resolve("exercises/info.toml"));
        int async = toml.indexOf("name = \"async\"");
        int hints = toml.indexOf("hints = [", async);
        Files.writeString(top.resolve("exercises/info.toml"),
                toml.substring(0, hints) + "hints = []\n" + toml.substring(toml.indexOf("]\n", hints) + 2));
        // a file no exercise lists, without its mirror
        Files.writeString(top.resolve("exercises/04-future/Extra.java"), "class Extra {}\n");

        KitTest.Ran verified = run("verify-course");
        assertThat(verified.status()).isEqualTo(1);
        assertThat(verified.out()).startsWith(verified.out().lines().findFirst().orElse("") )
                .contains("problems in the course:")
                .contains("exercise 3 (\"async\"): no hints")
                .contains("checks = \"futures.workshop.checks.NoSuchChecks\" is not a class of the kit")
                .contains("Extra.java has no mirror", "Extra.java belongs to no exercise")
                .contains("exercises/" + folder + "/Diff.java passes as shipped")
                .contains("solutions/" + folder + "/Diff.java fails its checks: not done yet");
    }
}
