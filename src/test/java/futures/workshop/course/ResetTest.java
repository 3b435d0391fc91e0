package futures.workshop.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("make reset")
class ResetTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:15:02.5Z"), ZoneOffset.UTC);

    @TempDir
    Path top;

    @Test
    @DisplayName("keeps the learner's file as a timestamped backup, then puts the stub back")
    void backsUpThenRestores() throws IOException {
        Exercise async = TempKit.make(top).find("3");
        Path file = top.resolve("exercises/03-async/ApplyAsync.java");
        Files.writeString(file, "my work, edited before the kit was ever built\n");

        Reset.Done done = Reset.reset(Progress.of(top), async, CLOCK);

        Path backup = top.resolve(".workshop/backups/03-async/ApplyAsync.java.2026-11-22T08-15-02");
        assertThat(done.backup()).isEqualTo(backup);
        assertThat(backup).hasContent("my work, edited before the kit was ever built");
        assertThat(Files.readAllBytes(file)).isEqualTo(Stubs.bytes(async));
        assertThat(done.text(top)).contains("Your version is saved as .workshop/backups/03-async/ApplyAsync.java.2026-11-22T08-15-02");
    }

    @Test
    @DisplayName("never overwrites an older backup, even within the same second")
    void neverOverwrites() throws IOException {
        Exercise async = TempKit.make(top).find("async");
        Path file = top.resolve("exercises/03-async/ApplyAsync.java");
        Progress progress = Progress.of(top);
        Files.writeString(file, "first try");
        Path first = Reset.reset(progress, async, CLOCK).backup();
        Files.writeString(file, "second try");
        Path second = Reset.reset(progress, async, CLOCK).backup();

        assertThat(second).isNotEqualTo(first);
        assertThat(first).hasContent("first try");
        assertThat(second).hasContent("second try");
    }

    @Test
    @DisplayName("leaves the learner's file alone when the backup cannot be written")
    void noBackupNoReset() throws IOException {
        Exercise submit = TempKit.make(top).find("1");
        Path file = top.resolve("exercises/01-submit/PoolSubmit.java");
        Files.writeString(file, "precious");
        Files.writeString(top.resolve(".workshop"), "a file where the folder should be");

        assertThatThrownBy(() -> Reset.reset(Progress.of(top), submit, CLOCK)).isInstanceOf(UncheckedIOException.class);
        assertThat(file).hasContent("precious");
    }

    @Test
    @DisplayName("makes no backup of an untouched stub and restores a deleted file")
    void nothingToKeep() throws IOException {
        Exercise submit = TempKit.make(top).find("submit");
        Path file = top.resolve("exercises/01-submit/PoolSubmit.java");
        assertThat(Reset.reset(Progress.of(top), submit, CLOCK).backup()).isNull();
        Files.delete(file);
        Reset.Done done = Reset.reset(Progress.of(top), submit, CLOCK);
        assertThat(done.backup()).isNull();
        assertThat(Files.readAllBytes(file)).isEqualTo(Stubs.bytes(submit));
        assertThat(top.resolve(".workshop/backups")).doesNotExist();
    }

    @Test
    @DisplayName("forgets the exercise's last verdict, so make list says not started again")
    void forgetsVerdict() throws IOException {
        Course course = TempKit.make(top);
        Exercise submit = course.find("1");
        Progress progress = Progress.of(top);
        Files.writeString(top.resolve("exercises/01-submit/PoolSubmit.java"), "solved");
        progress.recordChecks(Map.of(submit, Progress.Checked.PASSED));
        assertThat(Listing.rows(course, progress).get(0).state()).isEqualTo(Listing.State.DONE);

        Reset.reset(progress, submit, CLOCK);

        assertThat(progress.read().result(submit)).isNull();
        assertThat(Listing.rows(course, progress).get(0).state()).isEqualTo(Listing.State.NOT_STARTED);
    }
}
