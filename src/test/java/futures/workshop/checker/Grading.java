package futures.workshop.checker;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Grading fixture submissions in as few checker runs as possible. A fixture case is one or more
 * exercise files, each a solution with one mistake, written in {@code src/test/fixtures/mistakes.toml}
 * as edits to {@code solutions/}: a find that no longer matches fails at once, so a case cannot
 * silently drift from the solution it breaks. Cases of different exercises share a run: their
 * files go into batches that hold at most one file per exercise (a case's files stay together),
 * and the batches are graded two at a time, on threads of the test, by one shared {@link Checker}.
 */
final class Grading {
    static final Path EXERCISES = Path.of("exercises");
    static final Path SOLUTIONS = Path.of("solutions");
    static final Path MISTAKES = Path.of("src/test/fixtures/mistakes.toml");
    /** Fixtures are shown as the learner's own files, so messages read as in {@code make check}. */
    static final String SHOWN = "exercises";
    /** Grading runs at once. */
    private static final int AT_ONCE = 2;

    private Grading() {}

    static Course course() {
        return Course.load(EXERCISES);
    }

    /**
     * One entry of mistakes.toml: in {@code file} of the solutions, replace {@code find} (once) by
     * {@code replace}; or, with {@code whole}, the file is that text instead. {@code guide}: the
     * code the session guide quotes for this mistake, or null.
     */
    record Mistake(@JsonProperty("case") String name, String file, String find, String replace, String whole, String guide) {}

    private record Mistakes(List<Mistake> mistake) {}

    /** Every entry of mistakes.toml, in its order. */
    static List<Mistake> mistakes() {
        try {
            return new TomlMapper().readValue(MISTAKES.toFile(), Mistakes.class).mistake();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fixture case: its files (below exercises/) and their text, in the order of mistakes.toml. */
    static Map<String, Map<String, String>> cases() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        try {
            for (Mistake m : mistakes()) {
                String text = Files.readString(SOLUTIONS.resolve(m.file()), StandardCharsets.UTF_8);
                if (m.whole() != null) {
                    text = m.whole();
                } else if (m.find() != null) {
                    int at = text.indexOf(m.find());
                    if (at < 0 || text.indexOf(m.find(), at + 1) >= 0) {
                        throw new IllegalStateException(MISTAKES + ", case " + m.name() + ": the text to find must occur exactly once in "
                                + SOLUTIONS.resolve(m.file()) + "; the solution changed? Update the case:\n" + m.find());
                    }
                    text = text.substring(0, at) + m.replace() + text.substring(at + m.find().length());
                }
                cases.computeIfAbsent(m.name(), k -> new LinkedHashMap<>()).put(m.file(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /**
     * Grades the fixture cases; the verdicts by {@code "case/exercise name"}, e.g.
     * {@code "hangs/async"}.
     */
    static Map<String, Verdict> gradeCases(Checker checker, Path workDir, List<String> cases) {
        Course course = checker.course();
        Map<String, Map<String, String>> texts = cases();
        List<Map<Exercise, String>> owners = new ArrayList<>(); // per batch: exercise -> its case
        for (String name : cases) {
            Map<String, String> caseFiles = texts.getOrDefault(name, Map.of());
            List<Exercise> files = course.exercises().stream().filter(e -> caseFiles.containsKey(e.file())).toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("fixture case " + name + " is not in " + MISTAKES);
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
                write(caseFiles.get(e.file()), workDir.resolve("batch-" + slot).resolve(e.file()));
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
        return shown(verdict, false);
    }

    /** The text {@code make check EX=n} prints for this verdict of a fresh folder; {@code unicode}: with ✓ and ✗. */
    static String shown(Verdict verdict, boolean unicode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Report(new PrintStream(out, true, StandardCharsets.UTF_8), unicode)
                .print(List.of(verdict), SHOWN, course().exercises(), Set.of());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What differs between rounds if a verdict is flaky: status and each check's pass or fail. */
    static String signature(Verdict v) {
        return v.exercise().label() + " " + v.status() + " " + v.checks().stream()
                .map(c -> (c.passed() ? "+" : "x") + c.name()).collect(Collectors.joining(", "));
    }

    static void write(String text, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.writeString(to, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
