package futures.workshop.classlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Progress;
import futures.workshop.course.TempKit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's side of the class board, against boards that are down, silent or gone. */
@DisplayName("Sending verdicts to the class board")
class ClassLinkTest {
    @TempDir
    Path top;
    Course course;

    @BeforeEach
    void kit() {
        course = TempKit.make(top);
    }

    void joined(String board, boolean sending) throws IOException {
        Files.createDirectories(top.resolve(".workshop"));
        Files.writeString(top.resolve(".workshop/class-board.json"), "{\"board\":\"" + board + "\",\"code\":\"K7QF9X\","
                + "\"name\":\"alice\",\"token\":\"t\",\"sending\":" + sending + "}");
    }

    Progress.State checked() {
        Exercise submit = course.find("1");
        return Progress.of(top).record(Map.of(submit, new Progress.Found(Progress.Checked.PASSED, 10, null)));
    }

    @Test
    @DisplayName("a kit that never joined sends nothing and says nothing")
    void notJoined() {
        assertThat(ClassLink.send(top, checked(), course)).isSameAs(ClassLink.Sending.NONE);
        assertThat(ClassLink.Sending.NONE.note(ClassLink.WAIT)).isEmpty();
    }

    @Test
    @DisplayName("a board that is down costs one line saying so, and that the verdicts follow with the next check")
    void boardDown() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        joined("http://127.0.0.1:" + port, true);
        String note = ClassLink.send(top, checked(), course).note(Duration.ofSeconds(10)).orElseThrow();
        assertThat(note).isEqualTo("(class board http://127.0.0.1:" + port + ": not reached (connection refused: is the board"
                + " running?); your verdicts are kept and go with your next check)");
        assertThat(note.lines()).hasSize(1);
        assertThat(Progress.of(top).read().result(course.find("1")).checked()).isEqualTo(Progress.Checked.PASSED);
    }

    @Test
    @DisplayName("a board that takes the connection and never answers: the check goes on after the wait, with one line")
    void boardSilent() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread accepting = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // reads nothing, answers nothing
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            joined("http://127.0.0.1:" + silent.getLocalPort(), true);
            String note = ClassLink.send(top, checked(), course).note(ClassLink.WAIT).orElseThrow();
            assertThat(note).contains("no answer within 0.1 s", "go with your next check");
        }
    }

    @Test
    @DisplayName("after make leave nothing is sent, not even a connection")
    void left() throws Exception {
        try (ServerSocket board = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread accepting = new Thread(() -> {
                try {
                    while (true) {
                        board.accept().close();
                        connections.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            joined("http://127.0.0.1:" + board.getLocalPort(), true);
            assertThat(ClassLink.leave(top)).contains("Stopped sending", "as alice");
            assertThat(ClassLink.send(top, checked(), course)).isSameAs(ClassLink.Sending.NONE);
            assertThat(ClassLink.leave(top)).contains("nothing to stop");
            Thread.sleep(200);
            assertThat(connections).hasValue(0);
            assertThat(ClassLink.membership(top).orElseThrow().token()).as("kept, to join again under the same name").isEqualTo("t");
        }
    }

    @Test
    @DisplayName("what is sent: each checked step's status, points and fault; the stub as shipped is 'not started'; never code")
    void steps() {
        Progress progress = Progress.of(top);
        progress.record(Map.of(
                course.find("1"), new Progress.Found(Progress.Checked.PASSED, 10, null),
                course.find("2"), new Progress.Found(Progress.Checked.FAILED, 0, "main prints \"Result is 13\""),
                course.find("3"), new Progress.Found(Progress.Checked.FAILED, 0, Progress.Result.UNTOUCHED),
                course.find("4"), new Progress.Found(Progress.Checked.NOT_COMPILED, 0, "does not compile")));
        Map<String, Wire.Step> steps = ClassLink.steps(progress.read(), course);
        assertThat(steps.keySet()).containsExactly("submit", "arguments", "async", "future");
        assertThat(steps.get("submit")).extracting(Wire.Step::status, Wire.Step::points, Wire.Step::fault)
                .containsExactly(Wire.PASSED, 10, null);
        assertThat(steps.get("arguments").fault()).isEqualTo("main prints \"Result is 13\"");
        assertThat(steps.get("async").status()).isEqualTo(Wire.NOT_STARTED);
        assertThat(steps.get("future")).extracting(Wire.Step::status, Wire.Step::fault).containsExactly(Wire.FAILED, "does not compile");
    }

    @Test
    @DisplayName("make join says what is missing or wrong before asking any board")
    void joinMistakes() {
        assertThatThrownBy(() -> ClassLink.join(top, null, "K7QF9X", "alice", course))
                .hasMessageContaining("make join BOARD=http://host:8090 CODE=K7QF9X NAME=alice");
        assertThatThrownBy(() -> ClassLink.join(top, "ftp://x", "K7QF9X", "alice", course))
                .hasMessageContaining("BOARD=ftp://x is not a board's address");
        assertThatThrownBy(() -> ClassLink.join(top, "http://127.0.0.1:9", "K7QF9X", "a".repeat(41), course))
                .hasMessageContaining("cannot go on the board", "1 to 40 characters");
        assertThatThrownBy(() -> ClassLink.join(top, "http://127.0.0.1:9", "K7QF9X", "alice", course))
                .hasMessageContaining("No class board answers at http://127.0.0.1:9", "connection refused");
        assertThat(ClassLink.membership(top)).isEmpty();
    }

    @Test
    @DisplayName("a board's address may be typed without http:// or with a trailing slash")
    void addresses() {
        assertThat(ClassLink.address("192.168.1.20:8090")).hasToString("http://192.168.1.20:8090");
        assertThat(ClassLink.address(" http://Board.local:8090/ ")).hasToString("http://Board.local:8090");
    }

    @Test
    @DisplayName("names: trimmed and composed; empty, too long or with control characters refused")
    void names() {
        assertThat(Wire.cleanName("  Zoe\u0308 ")).isEqualTo("Zoë");
        assertThat(Wire.cleanName("<b>bob</b>")).isEqualTo("<b>bob</b>"); // kept as typed: the page escapes it
        assertThat(Wire.cleanName("x".repeat(Wire.MAX_NAME))).isNotNull();
        assertThat(Wire.cleanName("x".repeat(Wire.MAX_NAME + 1))).isNull();
        assertThat(Wire.cleanName(" ")).isNull();
        assertThat(Wire.cleanName("a\nb")).isNull();
        assertThat(Wire.cleanName("a\u202Eb")).as("right-to-left override").isNull();
    }
}
