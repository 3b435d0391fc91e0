package futures.workshop.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * {@code make reset EX=n}: puts the exercise's stub back, after copying the learner's file to
 * {@code .workshop/backups/<folder>/<File>.java.<time>}. The backup is written and read back
 * before the file is touched, so nothing a learner wrote is ever lost; runs on the caller's
 * thread.
 */
public final class Reset {
    /**
     * What was done.
     *
     * @param file   the learner's file, now the stub
     * @param backup where the learner's version went, or {@code null} when there was nothing to keep
     *               (no file, or the stub untouched)
     */
    public record Done(Path file, Path backup) {
        /** What to tell the learner. */
        public String text(Path top) {
            String shown = top.relativize(file).toString();
            return backup == null
                    ? shown + " is the original stub again (there was nothing of yours to keep).\n"
                    : "Your version is saved as " + top.relativize(backup) + "\n" + shown
                            + " is the original stub again. To get yours back: cp " + top.relativize(backup) + " " + shown + "\n";
        }
    }

    private Reset() {}

    public static Done reset(Progress progress, Exercise exercise, Clock clock) {
        Path file = progress.file(exercise);
        byte[] stub = Stubs.bytes(exercise);
        try {
            Path backup = null;
            if (Files.exists(file)) {
                byte[] mine = Files.readAllBytes(file);
                if (!Arrays.equals(mine, stub)) {
                    backup = backUp(progress, exercise, mine, clock);
                }
            }
            Files.createDirectories(file.getParent());
            SafeWrites.replace(file, stub);
            progress.update(state -> state.withResult(exercise, null));
            return new Done(file, backup);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset " + file + " (it is unchanged unless a backup was named above): "
                    + e.getMessage(), e);
        }
    }

    private static Path backUp(Progress progress, Exercise exercise, byte[] mine, Clock clock) throws IOException {
        Path relative = Path.of(exercise.file());
        Path folder = progress.folder().resolve("backups").resolve(relative.getParent() == null ? Path.of("") : relative.getParent());
        return SafeWrites.backUp(folder, relative.getFileName().toString(), mine, clock);
    }

}
