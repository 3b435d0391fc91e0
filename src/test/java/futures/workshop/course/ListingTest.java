package futures.workshop.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("make list")
class ListingTest {
    @TempDir
    Path top;

    @Test
    @DisplayName("tells done, not done and not started apart from the files and the last checks")
    void states() throws IOException {
        Course course = TempKit.make(top);
        Progress progress = Progress.of(top);
        Files.writeString(top.resolve("exercises/01-submit/PoolSubmit.java"), "solved");
        Files.writeString(top.resolve("exercises/02-arguments/PoolAdd.java"), "half done");
        Files.writeString(top.resolve("exercises/03-async/ApplyAsync.java"), "typo");
        progress.recordChecks(Map.of(course.find("1"), Progress.Checked.PASSED,
                course.find("2"), Progress.Checked.FAILED, course.find("3"), Progress.Checked.NOT_COMPILED));
        Files.writeString(top.resolve("exercises/04-future/FutureFacts.java"), "started, never checked");

        List<Listing.Row> rows = Listing.rows(course, progress);

        assertThat(rows).extracting(Listing.Row::state).startsWith(Listing.State.DONE, Listing.State.NOT_DONE,
                Listing.State.NOT_DONE, Listing.State.NOT_DONE);
        assertThat(rows.subList(4, rows.size())).extracting(Listing.Row::state).containsOnly(Listing.State.NOT_STARTED);
        assertThat(rows).extracting(Listing.Row::note).startsWith("", "last check failed", "does not compile",
                "not checked yet");
        assertThat(Listing.current(rows)).isEqualTo(course.find("2"));
        String text = Listing.text(rows);
        assertThat(text).contains("  1 submit     done         10/10  submit one slow function\n")
                .contains("Score: 10/" + course.totalPoints() + " points, 1 of " + rows.size() + " exercises done")
                .contains("Next: exercise 2 arguments")
                .contains("  4 future     not done      0/15  what a future offers  (not checked yet)\n")
                .contains("  2 arguments  not done      0/10  a function of several arguments\n"
                        + " ".repeat(35) + "(last check failed)\n"); // a note that does not fit goes under the title
        assertThat(text.lines()).allMatch(line -> line.length() <= 80, "fits 80 columns");
    }

    @Test
    @DisplayName("no longer counts an exercise done once its file changed after passing")
    void changedSincePassing() throws IOException {
        Course course = TempKit.make(top);
        Progress progress = Progress.of(top);
        Path file = top.resolve("exercises/01-submit/PoolSubmit.java");
        Files.writeString(file, "solved");
        progress.recordChecks(Map.of(course.find("1"), Progress.Checked.PASSED));
        Files.writeString(file, "solved, then broken");

        Listing.Row row = Listing.rows(course, progress).get(0);
        assertThat(row.state()).isEqualTo(Listing.State.NOT_DONE);
        assertThat(row.note()).isEqualTo("changed since the last check");
        assertThat(row.points()).isZero();
    }
}
