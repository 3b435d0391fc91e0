package futures.workshop.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The exercise files as the kit ships them, before any learner edit. The build copies
 * {@code exercises/} into the kit's classes (see the pom), so {@code make reset} needs neither git
 * nor the learner's folder: the files as they were when the kit was built, which in a learner's
 * clone is before any edit. A course author who changes a stub rebuilds ({@code make verify-course}
 * says when the copy is older than the file).
 */
public final class Stubs {
    private static final String ROOT = "stubs/";

    private Stubs() {}

    /** The pristine file of {@code exercise}. */
    public static byte[] bytes(Exercise exercise) {
        try (InputStream in = Stubs.class.getResourceAsStream(ROOT + exercise.file())) {
            if (in == null) {
                throw new IllegalStateException("the kit has no original of exercises/" + exercise.file()
                        + ": it was built before that file was added; rebuild it: touch exercises/info.toml && make build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when {@code file} exists and is byte for byte the stub: the learner has not started.
     * False when the kit has no copy of it (a step added since the kit was built).
     */
    public static boolean untouched(Exercise exercise, Path file) {
        try {
            return Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes(exercise));
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }
}
