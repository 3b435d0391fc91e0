package futures.workshop.bench;

import futures.workshop.sandbox.Folders;
import futures.workshop.checker.Session;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Stubs;
import futures.workshop.terminal.Screen;
import futures.workshop.watch.Watch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.impl.LineDisciplineTerminal;

/**
 * P3: the time from saving an exercise file to its verdict on the screen in watch mode. Runs
 * the real thing in this JVM: {@link Watch#watch} with its file watcher and one warm
 * {@link Session}, on an in-memory terminal, over a throw-away copy of the kit where the
 * exercise holds its solution. Each round writes the file (the solution plus a new comment, so
 * the content changes) and waits for the verdict's last line to be printed.
 */
final class SaveToVerdict {
    private static final String VERDICT_END = " passed, "; // Report's last line: "1 passed, 0 failed"

    private SaveToVerdict() {}

    /**
     * The times of {@code rounds} saves, in nanoseconds, after {@code warmUp} untimed ones,
     * measured in a JVM started like {@code make watch} starts one (C1 only: the bench's own JVM
     * keeps the full JIT, whose compiler threads would compete with the checks on a small machine).
     */
    static List<Long> measureLikeMakeWatch(Path kit, String exercise, int warmUp, int rounds)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SaveToVerdict.class.getName(), kit.toString(), exercise, Integer.toString(warmUp), Integer.toString(rounds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String answer = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (child.waitFor() != 0 || answer.isEmpty()) {
            throw new IllegalStateException("the P3 run failed: " + answer);
        }
        List<Long> samples = new ArrayList<>();
        for (String n : answer.split("\\s+")) {
            samples.add(Long.parseLong(n));
        }
        return samples;
    }

    /** {@code KIT EXERCISE WARMUP ROUNDS}: prints the samples in nanoseconds, one line. */
    public static void main(String[] args) throws Exception {
        List<Long> samples = measure(Path.of(args[0]), args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        StringBuilder line = new StringBuilder();
        samples.forEach(n -> line.append(line.length() == 0 ? "" : " ").append(n));
        System.out.println(line);
        System.exit(0); // the watch's daemon threads and the sandbox are done; do not wait for stragglers
    }

    /** The times of {@code rounds} saves, in nanoseconds, after {@code warmUp} untimed ones, in this JVM. */
    static List<Long> measure(Path kit, String exercise, int warmUp, int rounds) throws Exception {
        Path top = Files.createTempDirectory("bench-p3-");
        Course course = copyKit(kit, top);
        Exercise timed = course.find(exercise);
        Path file = top.resolve("exercises").resolve(timed.file());
        String solution = Files.readString(kit.resolve("solutions").resolve(timed.file()));
        Screen screen = new Screen();
        LineDisciplineTerminal terminal = new LineDisciplineTerminal("bench", "xterm-256color", screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        List<Long> samples = new ArrayList<>();
        try (Session session = new Session(top)) {
            Thread loop = new Thread(() -> {
                try {
                    Watch.watch(terminal, session);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-watch");
            loop.start();
            screen.await(VERDICT_END, 1, LIMIT); // the first exercise, graded at start
            for (int round = 0; round < warmUp + rounds; round++) {
                int seen = screen.count(VERDICT_END);
                long saved = System.nanoTime();
                Files.writeString(file, solution + "// save " + round + "\n");
                screen.await(VERDICT_END, seen + 1, LIMIT);
                long shown = System.nanoTime();
                if (round >= warmUp) {
                    samples.add(shown - saved);
                }
                if (!lastVerdictPassed(screen)) {
                    throw new IllegalStateException("the solution of exercise " + exercise + " did not pass:\n" + screen.text());
                }
            }
            terminal.processInputByte('q');
            loop.join(TimeUnit.SECONDS.toMillis(30));
        } finally {
            terminal.close();
            Folders.deleteQuietly(top);
        }
        return samples;
    }

    /** info.toml and every exercise as its stub: a learner's fresh kit. */
    private static Course copyKit(Path kit, Path top) throws IOException {
        Path exercises = Files.createDirectories(top.resolve("exercises"));
        Files.copy(kit.resolve("exercises").resolve(Course.FILE), exercises.resolve(Course.FILE));
        Course course = Course.load(exercises);
        for (Exercise e : course.exercises()) {
            Files.createDirectories(exercises.resolve(e.file()).getParent());
            Files.write(exercises.resolve(e.file()), Stubs.bytes(e));
        }
        return course;
    }

    /** Only turns a hang into a message; nothing is measured with it. */
    private static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(60);

    private static boolean lastVerdictPassed(Screen screen) {
        String t = screen.text();
        return t.startsWith("1", t.lastIndexOf(VERDICT_END) - 1);
    }

}
