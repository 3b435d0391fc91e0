package futures.workshop.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import futures.workshop.course.Course;
import futures.workshop.runtime.TimeScale;
import futures.workshop.terminal.Terminals;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make demo} on the kit's own course and solutions, 20 times faster than the lesson (step 5
 * takes under half a second), on a plain terminal: what the projector would show, as text.
 */
@DisplayName("make demo")
@Timeout(120)
class DemoTest {
    private static final Course COURSE = Course.load(Path.of("exercises"));
    private static final Path SOLUTIONS = Path.of("solutions");
    /** Slow enough that the first poll comes long before task 4 (4.1 s) ends, even on a busy machine. */
    private static final Map<String, String> PROPERTIES = Map.of(TimeScale.PROPERTY, "0.05", Terminals.PROPERTY, "plain");

    @TempDir
    Path out;

    private final Map<String, String> before = new java.util.HashMap<>();
    private PrintStream console;
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();

    @BeforeEach
    void fastPlainAndCaptured() {
        PROPERTIES.forEach((key, value) -> {
            before.put(key, System.getProperty(key));
            System.setProperty(key, value);
        });
        console = System.out;
        System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(console);
        before.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    private String demo(String step, Demo.View view, String... args) throws Exception {
        Demo.run(COURSE, COURSE.find(step), SOLUTIONS, view, List.of(args), out);
        return shown.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("runs the solution's own main: the lesson's polling loop, then the results and the timeline")
    void runsMain() throws Exception {
        String text = demo("5", Demo.View.MAIN);

        assertThat(text).contains("Have the workers finished?", "Task 4 is running...", "Here are the results.",
                "Task 4 failed!", " Error = class java.lang.IllegalArgumentException : Called broken function");
        assertThat(text.indexOf("Have the workers finished?")).isLessThan(text.indexOf("Here are the results."));
        assertThat(text).doesNotContain("watching 5 futures");
        assertThat(text).contains("Worker timeline: 5 calls");
        int workers = Runtime.getRuntime().availableProcessors();
        assertThat(out.resolve("step5-" + Math.min(workers, 5) + "-workers.txt")).exists();
    }

    @Test
    @DisplayName("passes ARGS to main: step 6 with ARGS=1 runs on one worker")
    void passesArgumentsToMain() throws Exception {
        String text = demo("6", Demo.View.MAIN, "1");

        assertThat(text).contains("main(1):", "Have the workers finished?", "Task 4 failed!",
                "1 worker used, peak 1 running at once");
        assertThat(Files.readString(out.resolve("step6-1-workers.txt"))).contains("worker-1 |").doesNotContain("worker-2");
    }

    @Test
    @DisplayName("with VIEW=board watches the futures on the live board, on ARGS workers")
    void board() throws Exception {
        String text = demo("5", Demo.View.BOARD, "2");

        assertThat(text).contains("with a pool of 2 worker(s)", "watching 5 futures", "future 4: failed after",
                "printResults(futures):", "Task 4 failed!");
        assertThat(text).doesNotContain("Have the workers finished?");
        assertThat(out.resolve("step5-2-workers.svg")).exists();
    }

    @Test
    @DisplayName("says in one line what to type when ARGS would be lost on a main that takes none")
    void argumentsForAMainThatTakesNone() {
        assertThatThrownBy(() -> demo("5", Demo.View.MAIN, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ARGS=1: step 5's main takes no arguments. Try make demo STEP=6 ARGS=1 (step 6's main reads them)"
                        + " or make demo STEP=5 VIEW=board ARGS=1 (the live board with that many workers).");
        assertThatThrownBy(() -> demo("3", Demo.View.BOARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no futures").hasMessageContaining("make demo STEP=3 runs its main");
        assertThat(shown.toString(StandardCharsets.UTF_8)).as("nothing ran").isEmpty();
    }

    @Test
    @DisplayName("tells a main that reads its arguments from one that only declares them")
    void readsArguments() {
        assertThat(Demo.mainReadsArguments(SOLUTIONS.resolve("06-workers/Workers.java"))).isTrue();
        assertThat(Demo.mainReadsArguments(SOLUTIONS.resolve("07-spread/Spread.java"))).isTrue();
        assertThat(Demo.mainReadsArguments(SOLUTIONS.resolve("05-watch/WatchFutures.java"))).isFalse();
        assertThat(Demo.mainReadsArguments(SOLUTIONS.resolve("01-submit/PoolSubmit.java"))).isFalse();
    }
}
