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
    @DisplayName("are the kit's exercises/ files, byte for byte, copied by the build")
    void sameAsExercises() throws Exception {
        Course course = Course.load(Path.of("exercises"));
        for (Exercise e : course.exercises()) {
            Path file = Path.of("exercises", e.file());
            assertThat(new String(Stubs.bytes(e), StandardCharsets.UTF_8)).as("the kit's copy of %s", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
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
}
