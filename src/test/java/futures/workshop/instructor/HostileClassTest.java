package futures.workshop.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import futures.workshop.NeededTool;
import futures.workshop.sandbox.Folders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class with a hostile submission, graded as {@code make grade-class} grades it: mallory's
 * exercise 1 tries to overwrite and delete the other learners' files, to rewrite the grade sheet,
 * to write into the kit and to reach the network, and submits the right call only when it saw
 * none of it. In the sandbox, everyone else's files stay byte-identical and everyone's grade
 * stands; without it, the same submission does reach them (so the first test can fail).
 */
@DisplayName("Grading a class with a hostile submission")
class HostileClassTest {
    @TempDir
    Path dir;

    private Path classDir;
    private Path out;
    private final Path kit = Path.of("").toAbsolutePath();
    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void aClass() throws IOException {
        classDir = dir.resolve("class");
        out = dir.resolve("grades");
        for (String learner : new String[] {"ana", "bob", "mallory"}) {
            Folders.copy(Path.of("solutions"), classDir.resolve(learner), p -> true);
        }
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-server");
        accept.setDaemon(true);
        accept.start();
        Path mallory = classDir.resolve("mallory/01-submit/PoolSubmit.java");
        String line = "        return pool.submit(() -> slowFunction(5));\n";
        String text = Files.readString(mallory);
        assertThat(text).contains(line);
        Files.writeString(mallory, text.replace(line, """
                        int reached = 0; // what it reached, as bits: its call says which
                        java.nio.file.Path classDir = java.nio.file.Path.of("%s");
                        try {
                            if (java.nio.file.Files.exists(classDir.resolve("ana"))) reached |= 1;
                            java.nio.file.Files.writeString(classDir.resolve("ana/01-submit/PoolSubmit.java"), "class Hacked {}");
                            reached |= 2;
                        } catch (Exception e) { }
                        try {
                            if (java.nio.file.Files.deleteIfExists(classDir.resolve("bob/02-arguments/PoolAdd.java"))) reached |= 4;
                        } catch (Exception e) { }
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s", "grades.csv"), "learner,total\\nmallory,9999\\n");
                            reached |= 8;
                        } catch (Exception e) { }
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s", "exercises", "HACKED.txt"), "x");
                            reached |= 16;
                        } catch (Exception e) { }
                        try (var s = new java.net.Socket("127.0.0.1", %d)) {
                            reached |= 32;
                        } catch (Exception e) { }
                        try (var files = java.nio.file.Files.walk(classDir.getParent())) { // whatever else is near
                            for (var f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                                try {
                                    java.nio.file.Files.writeString(f, "broken");
                                    reached |= 64;
                                } catch (Exception e) { }
                            }
                        } catch (Exception e) { }
                        // the right call only when it reached nothing: its own grade says what it could do
                        int what = reached;
                        return pool.submit(() -> slowFunction(5 + what));
                """.formatted(classDir, out, kit, server.getLocalPort())));
    }

    @AfterEach
    void cleanUp() throws IOException {
        server.close();
        Files.deleteIfExists(kit.resolve("exercises/HACKED.txt"));
    }

    private String grade(boolean sandbox) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]), screen,
                StandardCharsets.UTF_8)) {
            int status = GradeClass.run(kit, classDir, out, kit.resolve("exercises"), 2, 120, sandbox, terminal);
            assertThat(status).isZero();
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("in the sandbox, the others' files stay byte-identical, the sheet and the kit untouched, no connection made")
    void sandboxKeepsEveryoneElseSafe() throws Exception {
        NeededTool.find("bwrap", "the sandbox tests");
        Map<Path, String> before = hashes(classDir.resolve("ana"), classDir.resolve("bob"));

        String screen = grade(true);

        assertThat(screen).contains("Learner code ran in bubblewrap");
        assertThat(hashes(classDir.resolve("ana"), classDir.resolve("bob"))).as("the other learners' files").isEqualTo(before);
        assertThat(kit.resolve("exercises/HACKED.txt")).doesNotExist();
        assertThat(connections).as("connections from learner code").hasValue(0);
        Map<String, Map<String, String>> sheet = sheet();
        assertThat(sheet.get("ana").get("total")).isEqualTo("100");
        assertThat(sheet.get("bob").get("total")).isEqualTo("100");
        assertThat(sheet.get("mallory").get("1 submit")).as("mallory reached nothing, so submitted the right call: %s", sheet.get("mallory")).isEqualTo("10");
        assertThat(Files.readString(out.resolve(ClassSheet.HTML))).contains("Learner code ran in bubblewrap");
    }

    @Test
    @DisplayName("without the sandbox the same submission reaches the others' files, and the sheet says isolation is partial")
    void withoutTheSandboxItReachesThem() throws Exception {
        Map<Path, String> before = hashes(classDir.resolve("ana"), classDir.resolve("bob"));

        String screen = grade(false);

        assertThat(screen).contains("Isolation is partial: the sandbox was turned off (--no-sandbox)");
        assertThat(hashes(classDir.resolve("ana"), classDir.resolve("bob"))).isNotEqualTo(before);
        assertThat(sheet().get("mallory").get("1 submit")).isEqualTo("0");
        assertThat(Files.readString(out.resolve(ClassSheet.HTML))).contains("Isolation is partial");
    }

    private Map<String, Map<String, String>> sheet() throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.resolve(ClassSheet.CSV).toFile())) {
            it.forEachRemaining(row -> rows.put(row.get("learner"), row));
        }
        return rows;
    }

    private static Map<Path, String> hashes(Path... folders) throws Exception {
        Map<Path, String> out = new TreeMap<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.put(f, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                }
            }
        }
        return out;
    }
}
