package futures.workshop.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The stubs shipped for make reset")
class StubsTest {

    @Test
    @DisplayName("are the kit's exercises/ files, byte for byte")
    void sameAsExercises() throws Exception {
        Course course = Course.load(Path.of("exercises"));
        for (Exercise e : course.exercises()) {
            Path file = Path.of("exercises", e.file());
            String expected = committedOrWorking(file);
            assertThat(new String(Stubs.bytes(e), StandardCharsets.UTF_8))
                    .as("src/main/resources/futures/workshop/course/stubs/%s must equal %s; after changing an exercise run:"
                            + "%n  cp %s src/main/resources/futures/workshop/course/stubs/%s", e.file(), file, file, e.file())
                    .isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("tell an untouched file from an edited one")
    void untouched(@org.junit.jupiter.api.io.TempDir Path top) throws IOException {
        Course course = TempKit.make(top);
        Exercise first = course.exercises().get(0);
        Path file = top.resolve("exercises").resolve(first.file());
        assertThat(Stubs.untouched(first, file)).isTrue();
        Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(Stubs.untouched(first, file)).isFalse();
        Files.delete(file);
        assertThat(Stubs.untouched(first, file)).isFalse();
    }

    /**
     * The file as committed when git says the working copy was edited (someone doing the
     * exercises in this clone), else the working copy.
     */
    private static String committedOrWorking(Path file) throws IOException, InterruptedException {
        String working = Files.readString(file);
        try {
            Process diff = new ProcessBuilder("git", "diff", "--quiet", "HEAD", "--", file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (diff.waitFor(30, TimeUnit.SECONDS) && diff.exitValue() == 1) {
                Process show = new ProcessBuilder("git", "show", "HEAD:" + file.toString().replace('\\', '/'))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String committed = new String(show.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (show.waitFor() == 0) {
                    return committed;
                }
            }
        } catch (IOException e) {
            // no git: the working copy is all there is
        }
        return working;
    }
}
