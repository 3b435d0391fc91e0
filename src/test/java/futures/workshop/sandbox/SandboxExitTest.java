package futures.workshop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A learner's exit, in each of its spellings, is reported with its status and line, and a sandbox
 * JVM lives through it when the exit is trapped: the next run gets the same process.
 */
@DisplayName("The sandbox and the learner's exits")
class SandboxExitTest {
    private static final String QUITS = """
            import java.util.function.IntConsumer;
            public class Quits {
                public static void main(String... args) throws Exception {
                    switch (args[0]) {
                        case "exit" -> System.exit(2);
                        case "reference" -> { IntConsumer quit = System::exit; quit.accept(3); }
                        case "halt" -> Runtime.getRuntime().halt(4);
                        case "bound" -> { IntConsumer quit = Runtime.getRuntime()::halt; quit.accept(5); }
                        case "thread" -> { Thread t = new Thread(() -> System.exit(6)); t.start(); t.join(); Thread.sleep(60_000); }
                        case "reflection" -> System.class.getMethod("exit", int.class).invoke(null, 7);
                        case "swallowed" -> {
                            try { Runtime.getRuntime().exit(8); } catch (Throwable t) { System.out.println("after exit"); }
                        }
                        default -> System.out.println("returned");
                    }
                }
            }
            """;

    private static Path work;
    private static Sandbox sandbox;

    /** Runs the class's main with one argument; a record, so it travels to the sandbox JVM. */
    record Main(String argument) implements Scenario {
        @Override
        public Serializable run(Learner learner) throws Exception {
            learner.main(argument);
            return null;
        }
    }

    @BeforeAll
    static void compile() throws Exception {
        work = Folders.newWorkDir();
        Path source = Files.writeString(work.resolve("Quits.java"), QUITS, StandardCharsets.UTF_8);
        Files.createDirectories(work.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d",
                work.resolve("classes").toString(), source.toString());
        assertThat(status).as("javac status").isZero();
        sandbox = new Sandbox(ExerciseCompiler.kitClassPath(), work.resolve("runs"), 1);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        Folders.deleteQuietly(work);
    }

    private static Outcome run(String argument) {
        return sandbox.run(new Request(work.resolve("classes").toString(), "Quits", new Main(argument), 5_000, 0, 0),
                List.of());
    }

    @Test
    @DisplayName("System.exit, Runtime.exit and Runtime.halt, also as method references, end the run but not the JVM")
    void trappedExitsKeepTheJvm() {
        long pid = run("return").pid();
        String[][] cases = {{"exit", "System.exit", "2", ":5)"}, {"reference", "System.exit", "3", ":6)"},
                {"halt", "Runtime.halt", "4", ":7)"}, {"bound", "Runtime.halt", "5", ":8)"}};
        for (String[] c : cases) {
            Outcome o = run(c[0]);
            assertThat(o.ending()).as(c[0]).isEqualTo(Outcome.Ending.EXITED);
            assertThat(o.exitCall()).as(c[0]).isEqualTo(c[1]);
            assertThat(o.exitStatus()).as(c[0]).isEqualTo(Integer.parseInt(c[2]));
            assertThat(o.trace()).as(c[0]).startsWith("main (RUNNABLE)\n").contains("Quits.java" + c[3]);
            assertThat(o.pid()).as("the JVM after " + c[0]).isEqualTo(pid);
        }
    }

    @Test
    @DisplayName("a program that catches the exit: reported as exited, and what it printed afterwards is left out")
    void swallowedExit() {
        Outcome o = run("swallowed");
        assertThat(o.ending()).isEqualTo(Outcome.Ending.EXITED);
        assertThat(o.exitCall()).isEqualTo("Runtime.exit");
        assertThat(o.exitStatus()).isEqualTo(8);
        assertThat(o.output()).doesNotContain("after exit");
    }

    @Test
    @DisplayName("an exit on another thread stops the JVM, as a real exit stops main; one by reflection too")
    void exitsThatEndTheJvm() {
        Outcome thread = run("thread");
        assertThat(thread.ending()).isEqualTo(Outcome.Ending.EXITED);
        assertThat(thread.exitStatus()).isEqualTo(6);
        assertThat(thread.trace()).contains("Quits.lambda$main$");
        assertThat(run("return").pid()).as("a new JVM after an exit on another thread").isNotEqualTo(thread.pid());

        Outcome reflection = run("reflection");
        assertThat(reflection.ending()).isEqualTo(Outcome.Ending.EXITED);
        assertThat(reflection.exitStatus()).isEqualTo(7);
        assertThat(reflection.trace()).contains("Quits.main(Quits.java:10)");
        assertThat(run("return").pid()).as("a new JVM after an exit the trap did not see").isNotEqualTo(reflection.pid());
    }
}
