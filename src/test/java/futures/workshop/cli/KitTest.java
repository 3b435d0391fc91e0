package futures.workshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.course.TempKit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's command-line program as make calls it: the commands that answer at once, and bad arguments. */
@DisplayName("The kit's commands (tools/kit), and what they say to bad arguments")
class KitTest {
    @TempDir
    Path top;

    /** What a command printed, and its exit status. */
    record Ran(int status, String out) {}

    /** Runs a command of the kit's program on the kit whose top folder is {@code top}, as make would. */
    static Ran run(Path top, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Kit.run(args, top, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Ran(status, out.toString(StandardCharsets.UTF_8));
    }

    private Ran run(String... args) {
        return run(top, args);
    }

    @Test
    @DisplayName("reset without an exercise, or with an unknown one, says how to name one and touches nothing")
    void resetNeedsAnExercise() throws Exception {
        TempKit.make(top);
        Files.writeString(top.resolve("exercises/01-submit/PoolSubmit.java"), "mine");
        Ran none = run("reset");
        assertThat(none.status()).isEqualTo(Kit.USAGE);
        assertThat(none.out()).startsWith("make reset needs EX=<exercise>\nUsage: make reset EX=<exercise>")
                .contains("a number or a name");
        Ran unknown = run("reset", "EX=42");
        assertThat(unknown.status()).isEqualTo(Kit.USAGE);
        assertThat(unknown.out()).startsWith("There is no exercise '42'. Try one of: 1 (submit)");
        assertThat(top.resolve("exercises/01-submit/PoolSubmit.java")).hasContent("mine");
    }

    @Test
    @DisplayName("hint without an exercise gives the current one's next hint; list shows the table")
    void hintAndList() {
        TempKit.make(top);
        assertThat(run("hint").out()).startsWith("Hint 1 of 3 for exercise 1 submit").contains("make hint EX=1 gives the next hint");
        assertThat(run("list").out()).contains("  1 submit     not started   0/10").contains("points, 0 of ");
    }

    @Test
    @DisplayName("refuses to run outside the kit's top folder")
    void outsideTheKit() {
        Ran r = run("list");
        assertThat(r.status()).isEqualTo(Kit.USAGE);
        assertThat(r.out()).contains("run make from the kit's top folder");
    }

    @Test
    @DisplayName("answers an unknown option, a word that is not a number and an unknown command alike: what is wrong, then the usage")
    void badArguments() {
        TempKit.make(top);
        Ran option = run("list", "--all");
        assertThat(option.status()).isEqualTo(Kit.USAGE);
        assertThat(option.out()).startsWith("make list does not take '--all'\nUsage: make list").contains("make help lists every target");
        Ran number = run("grade-class", "DIR=x", "--workers", "two");
        assertThat(number.status()).isEqualTo(Kit.USAGE);
        assertThat(number.out()).startsWith("Invalid value for option '--workers': 'two' is not a whole number\nUsage: make grade-class DIR=<folder>");
        Ran zero = run("grade-class", "DIR=x", "--workers", "0");
        assertThat(zero.out()).startsWith("--workers needs a whole number above 0, not 0");
        Ran command = run("List");
        assertThat(command.status()).isEqualTo(Kit.USAGE);
        assertThat(command.out()).startsWith("make does not take 'List' (commands are lower case)");
    }

    @Test
    @DisplayName("class-board, join and leave answer a wrong PORT, NEW, LISTEN or missing BOARD with what to type, and start nothing")
    void classBoardArguments() {
        TempKit.make(top);
        assertThat(run("class-board", "PORT=99999").out()).startsWith("PORT=99999 is no port: give one from 1024 to 65535");
        assertThat(run("class-board", "PORT=abc").out()).startsWith("Invalid value for option 'PORT': 'abc' is not a whole number\nUsage: make class-board");
        assertThat(run("class-board", "NEW=maybe").out()).startsWith("NEW=maybe: say NEW=yes to start a new class");
        assertThat(run("class-board", "LISTEN=10.255.255.254", "PORT=0").out()).startsWith("LISTEN=10.255.255.254 is no address of this machine");
        assertThat(run("class-board", "CSV=out.csv").out()).startsWith("There is no class board here yet (.workshop/class-board/class.json): make class-board starts one.");
        Ran join = run("join", "CODE=K7QF9X", "NAME=alice");
        assertThat(join.status()).isEqualTo(Kit.USAGE);
        assertThat(join.out()).startsWith("make join needs the board's address, the class code and your name");
        assertThat(run("leave").out()).isEqualTo("This kit sends nothing to a class board: nothing to stop.\n");
        assertThat(top.resolve(".workshop/class-board.json")).doesNotExist();
        assertThat(run("list").out()).doesNotContain("class board");
    }

    @Test
    @DisplayName("make list says where the checks go once the kit joined a class board, and not after make leave")
    void listNamesTheBoard() throws Exception {
        TempKit.make(top);
        Files.createDirectories(top.resolve(".workshop"));
        Files.writeString(top.resolve(".workshop/class-board.json"), "{\"board\":\"http://10.0.0.5:8090\",\"code\":\"K7QF9X\","
                + "\"name\":\"alice\",\"token\":\"t\",\"sending\":true}");
        assertThat(run("list").out()).endsWith("Your checks go to the class board at http://10.0.0.5:8090 as alice (make leave stops it).\n");
        assertThat(run("leave").out()).startsWith("Stopped sending to the class board at http://10.0.0.5:8090.");
        assertThat(run("list").out()).doesNotContain("class board");
    }

    @Test
    @DisplayName("compare answers a worker count or a time scale that is not above 0 before running anything")
    void compareArguments() {
        TempKit.make(top);
        Ran zero = run("compare", "WORKERS=1,0");
        assertThat(zero.status()).isEqualTo(Kit.USAGE);
        assertThat(zero.out()).startsWith("WORKERS needs a whole number above 0, not 0");
        Ran word = run("compare", "WORKERS=two");
        assertThat(word.status()).isEqualTo(Kit.USAGE);
        assertThat(word.out()).startsWith("Invalid value for option 'WORKERS': 'two' is not a whole number\n"
                + "Usage: make compare [WORKERS=<n,n,...>] [SCALE=<factor>]");
        Ran scale = run("compare", "SCALE=0");
        assertThat(scale.status()).isEqualTo(Kit.USAGE);
        assertThat(scale.out()).startsWith("SCALE needs a number above 0, such as 0.1 (ten times faster), not 0.0");
        Ran demoScale = run("demo", "STEP=5", "SCALE=-1");
        assertThat(demoScale.status()).isEqualTo(Kit.USAGE);
        assertThat(demoScale.out()).startsWith("SCALE needs a number above 0, such as 0.1 (ten times faster), not -1.0");
        assertThat(System.getProperty(futures.workshop.runtime.TimeScale.PROPERTY)).as("the time scale left as it was").isNull();
    }

    @Test
    @DisplayName("a class folder whose path has spaces is one argument, and a missing one is named")
    void folderWithSpaces() {
        TempKit.make(top);
        Ran r = run("grade-class", "DIR=a folder/with spaces");
        assertThat(r.status()).isEqualTo(Kit.USAGE);
        assertThat(r.out()).startsWith("There is no folder " + top.resolve("a folder/with spaces"));
    }
}
