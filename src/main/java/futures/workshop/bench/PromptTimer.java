package futures.workshop.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times how long a command typed into a shell takes to show its first {@code jshell>} prompt,
 * the way a learner sees it: in a real pseudo-terminal, from the Enter key to the prompt.
 *
 * <p>The terminal is a private, detached tmux server: tmux answers the probes JLine sends to
 * the terminal, which a bare pty would leave JShell waiting on. The pane's output is copied
 * to a file ({@code pipe-pane}) that this class polls every millisecond, which costs far less
 * than running {@code capture-pane} in a loop. Runs on the calling thread; similar in spirit
 * to {@code hyperfine}, for interactive programs.
 *
 * <pre>{@code
 * try (var timer = PromptTimer.start(Path.of("."), System.getProperty("java.home"))) {
 *     long nanos = timer.time("jshell");
 * }
 * }</pre>
 */
public final class PromptTimer implements AutoCloseable {
    private static final String SHELL_PROMPT = "bench$ ";
    private static final String JSHELL_PROMPT = "jshell> ";
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final String socket;
    private final Path log;
    private final String javaHome;

    private PromptTimer(String socket, Path log, String javaHome) {
        this.socket = socket;
        this.log = log;
        this.javaHome = javaHome;
    }

    /** True when tmux is installed, without which {@link #start} cannot work. */
    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts a private tmux server running {@code sh} in {@code directory}, 120x40, with the JDK
     * at {@code javaHome} first on the PATH and as JAVA_HOME, so that {@code jshell} and
     * {@code make jshell} typed there both use it.
     */
    public static PromptTimer start(Path directory, String javaHome) throws IOException, InterruptedException {
        Path log = Files.createTempFile("prompt-timer", ".log");
        PromptTimer timer = new PromptTimer("workshop-bench-" + ProcessHandle.current().pid(), log, javaHome);
        try {
            // The first tmux command starts the server, which passes its environment to the shell.
            timer.tmux(List.of("new-session", "-d", "-s", "bench", "-x", "120", "-y", "40",
                    "-c", directory.toAbsolutePath().toString(), "env PS1='" + SHELL_PROMPT + "' sh"));
            timer.tmux(List.of("pipe-pane", "-t", "bench", "-o", "cat >> '" + log + "'"));
            long from = timer.logLength();
            timer.type("true");
            timer.await(SHELL_PROMPT, from);
        } catch (IOException | InterruptedException | RuntimeException e) {
            timer.close();
            throw e;
        }
        return timer;
    }

    /**
     * Types {@code command}, presses Enter and returns the nanoseconds until {@code jshell>}
     * appears; then leaves JShell with {@code /exit} and waits for the shell prompt again.
     */
    public long time(String command) throws IOException, InterruptedException {
        tmux(List.of("send-keys", "-t", "bench", "-l", command));
        long from = logLength();
        long start = System.nanoTime();
        tmux(List.of("send-keys", "-t", "bench", "Enter"));
        long elapsed = await(JSHELL_PROMPT, from) - start;
        long beforeExit = logLength();
        type("/exit");
        await(SHELL_PROMPT, beforeExit);
        return elapsed;
    }

    /** Median of {@code runs} timings of each command, run in turns (a, b, a, b, ...). */
    public long[] medians(List<String> commands, int runs) throws IOException, InterruptedException {
        List<List<Long>> samples = new ArrayList<>();
        commands.forEach(c -> samples.add(new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < commands.size(); i++) {
                samples.get(i).add(time(commands.get(i)));
                Thread.sleep(200); // let the previous JVMs finish exiting
            }
        }
        return samples.stream().mapToLong(Stats::median).toArray();
    }

    private void type(String line) throws IOException, InterruptedException {
        tmux(List.of("send-keys", "-t", "bench", "-l", line));
        tmux(List.of("send-keys", "-t", "bench", "Enter"));
    }

    /** Polls the pane's log until {@code text} appears after byte {@code from}; returns nanoTime. */
    private long await(String text, long from) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            while (true) {
                long length = file.length();
                if (length > from) {
                    byte[] seen = new byte[(int) (length - from)];
                    file.seek(from);
                    file.readFully(seen);
                    if (indexOf(seen, wanted) >= 0) {
                        return System.nanoTime();
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no '" + text.trim() + "' after "
                            + TimeUnit.NANOSECONDS.toSeconds(TIMEOUT_NANOS) + " s; the terminal shows:\n"
                            + screen());
                }
                Thread.sleep(1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private long logLength() throws IOException {
        return Files.size(log);
    }

    /** What the pane shows now, for error messages. */
    String screen() throws IOException, InterruptedException {
        Process p = command(List.of("capture-pane", "-p", "-t", "bench")).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text.strip();
    }

    private void tmux(List<String> args) throws IOException, InterruptedException {
        ProcessBuilder builder = command(args).redirectErrorStream(true);
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome);
            builder.environment().merge("PATH", javaHome + "/bin", (path, jdk) -> jdk + ":" + path);
        }
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + output.strip());
        }
    }

    private ProcessBuilder command(List<String> args) {
        List<String> line = new ArrayList<>(List.of("tmux", "-L", socket));
        line.addAll(args);
        return new ProcessBuilder(line);
    }

    /** Stops the private tmux server and everything running in it. */
    @Override
    public void close() throws IOException {
        try {
            command(List.of("kill-server")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * Prints the median time to the first prompt of each command line, and its ratio to the
     * first one: {@code PromptTimer [-n runs] 'jshell' 'make jshell' ...}. For exploring flags.
     */
    public static void main(String[] args) throws Exception {
        int runs = 7;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-n")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                commands.add(args[i]);
            }
        }
        try (PromptTimer timer = start(Path.of(""), System.getProperty("java.home"))) {
            timer.time(commands.get(0)); // warm the file cache
            long[] medians = timer.medians(commands, runs);
            for (int i = 0; i < commands.size(); i++) {
                System.out.printf("%6d ms  %.2f  %s%n", medians[i] / 1_000_000,
                        (double) medians[i] / medians[0], commands.get(i));
            }
        }
    }
}
