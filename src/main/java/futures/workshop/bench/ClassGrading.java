package futures.workshop.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import futures.workshop.sandbox.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * G30: {@code make grade-class} on a class of 30 copies of the solutions against a class of one,
 * each a whole command as the instructor types it. The cost per learner must fall as the class
 * grows: one warm checker shared by all, and their sleeps overlapped. Runs on the caller's thread.
 */
final class ClassGrading {
    private ClassGrading() {}

    /** Times of the two classes and how many learners of the big one got every point. */
    record Result(long oneNanos, long manyNanos, int learners, int fullMarks) {
        double ratio() {
            return (double) manyNanos / oneNanos;
        }
    }

    static Result measure(Path kit, int learners) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("bench-class-");
        try {
            Path one = copies(kit, root.resolve("one"), 1);
            Path many = copies(kit, root.resolve("many"), learners);
            grade(kit, one, root.resolve("warm")); // builds, class archives, file cache
            long first = grade(kit, one, root.resolve("one-out"));
            long big = grade(kit, many, root.resolve("many-out"));
            long second = grade(kit, one, root.resolve("one-out"));
            int full = fullMarks(root.resolve("many-out/grades.csv"));
            return new Result((first + second) / 2, big, learners, full);
        } finally {
            Folders.deleteQuietly(root);
        }
    }

    private static Path copies(Path kit, Path classDir, int n) throws IOException {
        Path solutions = kit.resolve("solutions");
        for (int i = 1; i <= n; i++) {
            Folders.copy(solutions, classDir.resolve("learner-" + i), p -> true);
        }
        return classDir;
    }

    private static long grade(Path kit, Path classDir, Path out) throws IOException, InterruptedException {
        List<String> command = List.of("make", "-s", "grade-class", "DIR=" + classDir, "GRADE_ARGS=--out " + out);
        long begin = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(kit.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with status " + p.exitValue());
        }
        return System.nanoTime() - begin;
    }

    /** Learners of the grade sheet with no reason against them: every exercise passed. */
    private static int fullMarks(Path csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            int full = 0;
            for (Map<String, String> row : rows.readAll()) {
                full += row.getOrDefault("reasons", "x").isEmpty() ? 1 : 0;
            }
            return full;
        }
    }
}
