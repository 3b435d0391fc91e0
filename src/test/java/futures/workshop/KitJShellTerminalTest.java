package futures.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The kit's JShell in a real terminal (a pseudo-terminal made by util-linux's {@code script}),
 * typed into as a learner types: JLine is only in play there. Each step waits for what the
 * screen shows before typing on, so a slow machine only makes it slower.
 */
@DisplayName("The kit's JShell in a terminal")
@Execution(ExecutionMode.CONCURRENT) // a process of its own that mostly waits: beside the other tests
class KitJShellTerminalTest {
    private static final long PATIENCE_SECONDS = 120;

    // One session for both tests: each JShell start costs seconds of make test.
    private static Process shell;
    private static OutputStream keys;
    private static final StringBuilder screen = new StringBuilder();
    private static int prompt; // where the first prompt ended

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script makes the terminal");
        String make = "stty cols 120 rows 40; make -s -o target/futures-workshop.jar jshell JAVA_HOME='"
                + System.getProperty("java.home") + "'";
        shell = new ProcessBuilder("script", "-qfec", make, "/dev/null")
                .directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true).start();
        keys = shell.getOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = shell.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (screen) {
                        screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        screen.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the terminal closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        prompt = await("jshell> ", 0);
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (shell != null) {
            type("/exit\r");
            shell.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    /** Where the screen ends now: what a test waits for must come after it. */
    private static int now() {
        synchronized (screen) {
            return Math.max(prompt, screen.length());
        }
    }

    private static void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until {@code text} shows after position {@code from}; returns where it ends. */
    private static int await(String text, int from) throws InterruptedException {
        int end = await(text, from, PATIENCE_SECONDS * 1000);
        if (end < 0) {
            synchronized (screen) {
                throw new AssertionError("waited for \"" + text + "\"; the terminal showed:\n" + screen.substring(from));
            }
        }
        return end;
    }

    /** {@link #await(String, int)} for at most {@code millis}; -1 if it did not show. */
    private static int await(String text, int from, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (screen) {
            int at;
            while ((at = screen.indexOf(text, from)) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return -1;
                }
                TimeUnit.NANOSECONDS.timedWait(screen, left);
            }
            return at + text.length();
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // one session, typed into by one test at a time
    @DisplayName("a worker's output goes above the prompt, and the line being typed is drawn again below it")
    void outputAboveThePrompt() throws Exception {
        int at = now();
        type("var r = pool(1).submit(() -> slowFunction(2))\r");
        at = await("jshell> ", Math.max(await("going to sleep for 2 second(s)", at), await("r ==> Future[", at)));
        type("r.ge");
        at = await("waking up", await("r.ge", at));
        // plain JShell prints the line after what was typed and leaves it there
        await("jshell> r.ge", at);
        type("t()\r");
        await("==> 2", at);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // one session, typed into by one test at a time
    @DisplayName("Ctrl-C stops a get() that waits, and the task runs on")
    void controlCStopsAGet() throws Exception {
        int at = now();
        // far longer than the Ctrl-C tries below may take on a busy machine: isDone() must still be false
        type("var r = pool(1).submit(() -> slowFunction(600))\r");
        at = await("jshell> ", Math.max(await("going to sleep for 600 second(s)", at), await("r ==> Future[", at)));
        type("r.get()\r");
        at = await("r.get()", at);
        // Ctrl-C stops the snippet once it runs; before that it is lost: press it until the prompt is back
        int prompt = -1;
        for (int tries = 0; prompt < 0 && tries < 30; tries++) {
            type("\u0003");
            prompt = await("jshell> ", at, 2000);
        }
        assertThat(prompt).as("the prompt came back after Ctrl-C").isPositive();
        at = prompt;
        type("r.isDone()\r");
        at = await("==> ", await("r.isDone()", at));
        assertThat(await("false", at) - at).as("the answer right after ==>").isEqualTo("false".length());
        type("r.cancel(true)\r");
        await("==> true", at);
    }
}
