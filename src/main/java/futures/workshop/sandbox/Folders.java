package futures.workshop.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Whole folder trees: the checker's work folders, classes of learners for grading and benches. */
public final class Folders {
    private Folders() {}

    /** A fresh temporary folder for compiled classes and runs, deleted by {@link #deleteQuietly}. */
    public static Path newWorkDir() {
        try {
            return Files.createTempDirectory("futures-workshop-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the files below {@code from} that {@code keep} accepts to the same places below {@code to}. */
    public static void copy(Path from, Path to, Predicate<Path> keep) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (keep.test(p)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes the folder and all below it; what cannot be deleted stays (a temp folder left behind is harmless). */
    public static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // nothing more to do
        }
    }
}
