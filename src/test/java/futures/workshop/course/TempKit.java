package futures.workshop.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kit's top folder in a temporary directory: info.toml and every exercise as its stub. */
public final class TempKit {
    private TempKit() {}

    public static Course make(Path top) {
        try {
            Path exercises = Files.createDirectories(top.resolve("exercises"));
            Files.copy(Path.of("exercises", Course.FILE), exercises.resolve(Course.FILE));
            Course course = Course.load(exercises);
            for (Exercise e : course.exercises()) {
                Path file = exercises.resolve(e.file());
                Files.createDirectories(file.getParent());
                Files.write(file, Stubs.bytes(e));
            }
            return course;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
