package futures.workshop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.NeededTool;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sandbox JVMs in bubblewrap, as make grade-class starts them. */
@DisplayName("The sandbox in bubblewrap")
class SandboxConfinementTest {
    private static final String NAPS = """
            public class Naps {
                public static void main(String... args) throws Exception {
                    Thread.sleep(Long.parseLong(args[0]));
                    System.out.println(java.nio.file.Files.exists(java.nio.file.Path.of(args[1])) ? "seen" : "hidden");
                }
            }
            """;

    /** Runs main with two arguments; a record, so it travels to the sandbox JVM. */
    record Main(String millis, String path) implements Scenario {
        @Override
        public Serializable run(Learner learner) throws Exception {
            learner.main(millis, path);
            return null;
        }
    }

    @Test
    @DisplayName("a JVM started by a thread that then ends lives on for its run, and does not see a hidden folder")
    void outlivesTheThreadThatStartedIt(@TempDir Path dir) throws Exception {
        Path bwrap = NeededTool.find("bwrap", "the sandbox tests");
        Path source = Files.writeString(dir.resolve("Naps.java"), NAPS, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        Path hidden = Files.createDirectories(dir.resolve("hidden"));
        Files.writeString(hidden.resolve("secret.txt"), "x");
        Confinement confinement = Confinement.bubblewrap(bwrap).hiding(hidden);
        assertThat(confinement.sandboxed()).as(confinement.describe()).isTrue();

        Sandbox[] made = new Sandbox[1];
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Thread starter = new Thread(() -> { // makes the warm JVM, then ends while it runs a job
            made[0] = new Sandbox(ExerciseCompiler.kitClassPath(), dir.resolve("runs"), 1, confinement);
            started.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "short-lived");
        starter.start();
        started.await();
        try (Sandbox sandbox = made[0]) {
            Thread ender = new Thread(() -> {
                try {
                    Thread.sleep(300); // the run below is under way
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                end.countDown();
            });
            ender.start();
            Outcome o = sandbox.run(new Request(classes.toString(), "Naps",
                    new Main("1500", hidden.resolve("secret.txt").toString()), 10_000, 0, 0), List.of());
            starter.join();
            assertThat(o.ending()).as("%s %s", o.why(), o.trace()).isEqualTo(Outcome.Ending.RETURNED);
            assertThat(o.output().strip()).isEqualTo("hidden");
        }
    }
}
