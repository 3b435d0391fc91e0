package futures.workshop.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.course.Course;
import futures.workshop.runtime.FastTime;
import futures.workshop.terminal.Comparison;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * make compare on the real course: step 6's reference solution run with 1, 2 and 5 workers, at a
 * thousandth of the lesson's speed. No clock is compared with a limit: a run's time in lesson
 * seconds can only be longer than its tasks, never shorter.
 */
@DisplayName("make compare")
@ExtendWith(FastTime.class)
class CompareTest {

    @Test
    @DisplayName("runs step 6 with 1, 2 and 5 workers and shows each whole run in lesson seconds, whatever the time scale")
    void threeRuns(@TempDir Path out) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream before = System.out;
        PrintStream systemOut = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(systemOut);
        Comparison comparison;
        try {
            comparison = Compare.run(Course.load(Path.of("exercises")).find(Compare.STEP), Path.of("solutions"),
                    Compare.WORKERS, out, new DumbTerminal(InputStream.nullInputStream(), bytes));
            assertThat(System.out).as("System.out given back").isSameAs(systemOut);
        } finally {
            System.setOut(before);
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("the program's own lines, kept back")
                .doesNotContain("Have the workers finished?");

        assertThat(comparison.runs()).extracting(Comparison.Run::name).containsExactly("1 worker", "2 workers", "5 workers");
        assertThat(comparison.runs()).extracting(r -> r.timeline().workers()).containsExactly(1, 2, 5);
        assertThat(comparison.runs()).allSatisfy(r -> assertThat(r.timeline().plain(100)).startsWith("Worker timeline: 5 calls"));
        // Lesson seconds: each run lasts at least as long as its longest chain of tasks (3.1 + 2.1
        // + 1.1 + 5.1 + 4.1 in turn, 3.1 + 5.1 on the busier of two workers, 5.1 alone), where
        // real seconds would be a thousand times less.
        double[] atLeast = {15.5, 8.2, 5.1};
        Matcher lines = Pattern.compile("(\\d+) workers?: running\\.\\.\\. whole run ([0-9.]+) s").matcher(shown);
        for (int i = 0; i < 3; i++) {
            assertThat(lines.find()).as("a line per run in:%n%s", shown).isTrue();
            assertThat(Double.parseDouble(lines.group(2))).as("%s workers", lines.group(1)).isGreaterThanOrEqualTo(atLeast[i]);
            assertThat(comparison.runs().get(i).timeline().wallTime()).isGreaterThanOrEqualTo(atLeast[i]);
        }
        assertThat(shown).contains("at 0.001 x real time (all times shown are lesson seconds)")
                .contains("Step 6 with 1, 2 and 5 workers, on one time axis (lesson seconds)")
                .contains("1 worker: whole run ").contains("5 workers: whole run ");

        assertThat(Files.readString(out.resolve("step6-compare.txt"))).isEqualTo(comparison.plain(100));
        assertThat(Files.readString(out.resolve("step6-compare.svg")))
                .contains("data-run=\"1 worker\"", "data-run=\"2 workers\"", "data-run=\"5 workers\"");
        assertThat(shown).contains("saved: " + out.resolve("step6-compare.svg"));
    }

    @Test
    @DisplayName("names the worker counts as a sentence")
    void counted() {
        assertThat(Compare.counted(List.of(1))).isEqualTo("1 worker");
        assertThat(Compare.counted(List.of(4))).isEqualTo("4 workers");
        assertThat(Compare.counted(List.of(1, 2, 5))).isEqualTo("1, 2 and 5 workers");
    }
}
