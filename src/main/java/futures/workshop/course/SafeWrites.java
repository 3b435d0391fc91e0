package futures.workshop.course;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * How the kit's commands change a file someone wrote: a copy is kept first, and the new text
 * arrives whole. Used by {@code make reset}, {@code make new-exercise} and the progress file.
 */
public final class SafeWrites {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

    private SafeWrites() {}

    /**
     * Writes {@code bytes} to a new file {@code <name>.<time>} in {@code folder} (made if
     * missing), never over an older one, and reads it back: the caller may then change the original.
     */
    public static Path backUp(Path folder, String name, byte[] bytes, Clock clock) throws IOException {
        Files.createDirectories(folder);
        String stamped = name + "." + LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(STAMP);
        Path backup = folder.resolve(stamped);
        for (int n = 2; Files.exists(backup); n++) {
            backup = folder.resolve(stamped + "-" + n);
        }
        Files.write(backup, bytes, StandardOpenOption.CREATE_NEW);
        if (!Arrays.equals(Files.readAllBytes(backup), bytes)) {
            throw new IOException("the backup " + backup + " does not match the file it keeps");
        }
        return backup;
    }

    /** Through a temporary file in the same folder, moved into place: a reader never sees half a file. */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
