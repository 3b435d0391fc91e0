package futures.workshop.checker;

import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Grading fixture submissions in as few checker runs as possible. A fixture is a folder below
 * {@code src/test/fixtures/<case>/} holding one or more exercise files, each a solution with one
 * mistake. Fixtures of different exercises share a run: they are copied into batches that hold
 * at most one file per exercise (a case's files stay together), and the batches are graded two
 * at a time, on threads of the test, by one shared {@link Checker}.
 */
final class Grading {
    static final Path EXERCISES = Path.of("exercises");
    static final Path SOLUTIONS = Path.of("solutions");
    static final Path FIXTURES = Path.of("src/test/fixtures");
    /** Fixtures are shown as the learner's own files, so messages read as in {@code make check}. */
    static final String SHOWN = "exercises";
    /** Grading runs at once. */
    private static final int AT_ONCE = 2;

    private Grading() {}

    static Course course() {
        return Course.load(EXERCISES);
    }

    /** The exercises of the course that have a file in {@code folder}. */
    static List<Exercise> present(Course course, Path folder) {
        return course.exercises().stream().filter(e -> Files.isRegularFile(folder.resolve(e.file()))).toList();
    }

    /**
     * Grades the fixture cases; the verdicts by {@code "case/exercise name"}, e.g.
     * {@code "hangs/async"}.
     */
    static Map<String, Verdict> gradeCases(Checker checker, Path workDir, List<String> cases) {
        Course course = checker.course();
        List<Map<Exercise, String>> owners = new ArrayList<>(); // per batch: exercise -> its case
        for (String name : cases) {
            List<Exercise> files = present(course, FIXTURES.resolve(name));
            if (files.isEmpty()) {
                throw new IllegalArgumentException("fixture case " + name + " has no exercise file below " + FIXTURES.resolve(name));
            }
            int slot = 0;
            while (slot < owners.size() && ownsAny(owners.get(slot), files)) {
                slot++;
            }
            if (slot == owners.size()) {
                owners.add(new LinkedHashMap<>());
            }
            for (Exercise e : files) {
                owners.get(slot).put(e, name);
                copy(FIXTURES.resolve(name).resolve(e.file()), workDir.resolve("batch-" + slot).resolve(e.file()));
            }
        }
        // two runs at a time: the first batch holds the hangs, whose time limits pass while the
        // others are graded; more at once only starves the sandbox JVMs on a small machine
        ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE, r -> {
            Thread t = new Thread(r, "grading");
            t.setDaemon(true);
            return t;
        });
        List<CompletableFuture<List<Verdict>>> runs = new ArrayList<>();
        for (int slot = 0; slot < owners.size(); slot++) {
            Path folder = workDir.resolve("batch-" + slot);
            List<Exercise> which = course.exercises().stream().filter(owners.get(slot)::containsKey).toList();
            runs.add(CompletableFuture.supplyAsync(() -> checker.check(folder, SHOWN, which), threads));
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (int slot = 0; slot < runs.size(); slot++) {
            for (Verdict v : runs.get(slot).join()) {
                verdicts.put(owners.get(slot).get(v.exercise()) + "/" + v.exercise().name(), v);
            }
        }
        threads.shutdown();
        return verdicts;
    }

    private static boolean ownsAny(Map<Exercise, String> batch, List<Exercise> files) {
        return files.stream().anyMatch(batch::containsKey);
    }

    /** The text {@code make check} prints for this verdict, without colours or Unicode marks. */
    static String shown(Verdict verdict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Report(new PrintStream(out, true, StandardCharsets.UTF_8), false).print(List.of(verdict), SHOWN);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What differs between rounds if a verdict is flaky: status and each check's pass or fail. */
    static String signature(Verdict v) {
        return v.exercise().label() + " " + v.status() + " " + v.checks().stream()
                .map(c -> (c.passed() ? "+" : "x") + c.name()).collect(Collectors.joining(", "));
    }

    static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
