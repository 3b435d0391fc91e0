package futures.workshop.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The exercise files as the kit ships them, before any learner edit. A copy of
 * {@code exercises/} travels inside the kit's classes (from {@code src/main/resources}, kept
 * equal to {@code exercises/} by a test), so {@code make reset} works in a clone where the
 * learner edited a file before ever building, and without git.
 */
public final class Stubs {
    private static final String ROOT = "stubs/";

    private Stubs() {}

    /** The pristine file of {@code exercise}. */
    public static byte[] bytes(Exercise exercise) {
        try (InputStream in = Stubs.class.getResourceAsStream(ROOT + exercise.file())) {
            if (in == null) {
                throw new IllegalStateException("the kit has no original of " + exercise.file()
                        + ": rebuild it (make build); a kit developer adds it under src/main/resources/futures/workshop/course/stubs/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when {@code file} exists and is byte for byte the stub: the learner has not started. */
    public static boolean untouched(Exercise exercise, Path file) {
        try {
            return Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes(exercise));
        } catch (IOException e) {
            return false;
        }
    }
}
