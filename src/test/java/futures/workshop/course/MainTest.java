package futures.workshop.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("make hint, list and reset from the command line")
class MainTest {
    @TempDir
    Path top;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(args, top, new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("reset without an exercise says how to name one and touches nothing")
    void resetNeedsAnExercise() throws Exception {
        Kit.make(top);
        Files.writeString(top.resolve("exercises/01-submit/PoolSubmit.java"), "mine");
        assertThatThrownBy(() -> run("reset")).hasMessage(
                "make reset needs an exercise: make reset EX=3 (a number or a name; make list shows them)");
        assertThatThrownBy(() -> run("reset", "42")).hasMessageStartingWith("There is no exercise '42'. Try one of: 1 (submit)");
        assertThat(top.resolve("exercises/01-submit/PoolSubmit.java")).hasContent("mine");
    }

    @Test
    @DisplayName("hint without an exercise gives the current one's next hint; list shows the table")
    void hintAndList() {
        Kit.make(top);
        assertThat(run("hint")).startsWith("Hint 1 of 3 for exercise 1 submit").contains("make hint EX=1 gives the next hint");
        assertThat(run("list")).contains("  1 submit     not started   0/10").contains("Score: 0/100 points, 0 of 7 exercises done");
    }

    @Test
    @DisplayName("refuses to run outside the kit's top folder")
    void outsideTheKit() {
        assertThatThrownBy(() -> run("list")).hasMessageContaining("run make from the kit's top folder");
    }
}
