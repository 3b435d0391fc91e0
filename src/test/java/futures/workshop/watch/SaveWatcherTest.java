package futures.workshop.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file-save trigger of watch mode, on a real temporary folder. */
@DisplayName("Watching the exercise files")
@Timeout(30)
class SaveWatcherTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("reports a saved .java file once per burst of writes, in any subfolder, new ones too, and ignores swap files")
    void saves() throws Exception {
        Path first = Files.createDirectories(root.resolve("01-submit"));
        BlockingQueue<Path> saved = new LinkedBlockingQueue<>();
        try (SaveWatcher watcher = new SaveWatcher(root, 300, saved::add)) {
            Path file = first.resolve("PoolSubmit.java");
            Files.writeString(file, ""); // an editor truncates,
            Files.writeString(file, "class PoolSubmit {}"); // then writes
            Files.writeString(first.resolve(".PoolSubmit.java.swp"), "vim");
            Path marker = first.resolve("Marker.java");
            Files.writeString(marker, "written last");

            assertThat(saved.take()).isEqualTo(file);
            assertThat(saved.take()).isEqualTo(marker); // nothing else came in between

            Path later = Files.createDirectories(root.resolve("02-arguments"));
            // the new folder is watched once its creation has been seen: write until a save comes through
            Path reported = null;
            for (int attempt = 0; attempt < 20 && reported == null; attempt++) {
                Files.writeString(later.resolve("PoolAdd" + attempt + ".java"), "class PoolAdd {}");
                reported = saved.poll(1, TimeUnit.SECONDS);
            }
            assertThat(reported).isNotNull().hasParent(later);
        }
    }
}
