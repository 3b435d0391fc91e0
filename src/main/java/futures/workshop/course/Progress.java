package futures.workshop.course;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What one learner has done so far: how many hints of each exercise they have seen and how
 * each exercise fared at its last check. Kept in {@code .workshop/progress.json} below the
 * kit's top folder (git-ignored), so that {@code make hint}, {@code make list}, watch mode and
 * JShell's {@code check()} share it.
 *
 * <p>Any thread or process may update it: each {@link #update} holds a file lock while it reads,
 * changes and writes the file, and writes through a temporary file moved into place, so a
 * reader never sees half a file. A missing or unreadable file counts as a fresh start.
 */
public final class Progress {
    /** The kit's private folder below its top folder: progress, backups. */
    public static final String FOLDER = ".workshop";

    /** How an exercise ended at its last check (the checker's verdict, by name). */
    public enum Checked { PASSED, FAILED, NOT_COMPILED, NO_CLASS, MISSING }

    /**
     * The last check of one exercise.
     *
     * @param checked how it ended
     * @param sha256  the file's content hash at that moment, to tell whether it changed since
     * @param at      when, as an ISO instant
     * @param points  the points it earned (null in files of older kits)
     * @param fault   why it did not pass, in a few words: the first failed check's name, or
     *                {@link #UNTOUCHED} for the stub as shipped; null when it passed
     */
    public record Result(Checked checked, String sha256, String at, Integer points, String fault) {
        /** The fault of an exercise whose every check stopped at the stub's "not done yet". */
        public static final String UNTOUCHED = "not started";

        public Result(Checked checked, String sha256, String at) {
            this(checked, sha256, at, null, null);
        }
    }

    /**
     * What one check found, to be remembered.
     *
     * @param checked how it ended
     * @param points  the points it earned
     * @param fault   as in {@link Result#fault()}
     */
    public record Found(Checked checked, int points, String fault) {}

    /**
     * Everything in the file, keyed by exercise name (stable when exercises are renumbered).
     *
     * @param hints   hints seen per exercise
     * @param results last check per exercise
     */
    public record State(Map<String, Integer> hints, Map<String, Result> results) {
        public State {
            hints = hints == null ? Map.of() : Map.copyOf(hints);
            results = results == null ? Map.of() : Map.copyOf(results);
        }

        static State empty() {
            return new State(Map.of(), Map.of());
        }

        public int hintsSeen(Exercise exercise) {
            return hints.getOrDefault(exercise.name(), 0);
        }

        public State withHintsSeen(Exercise exercise, int seen) {
            Map<String, Integer> changed = new TreeMap<>(hints);
            changed.put(exercise.name(), seen);
            return new State(changed, results);
        }

        public Result result(Exercise exercise) {
            return results.get(exercise.name());
        }

        /** With {@code result} as the exercise's last check; {@code null} forgets it. */
        public State withResult(Exercise exercise, Result result) {
            Map<String, Result> changed = new TreeMap<>(results);
            if (result == null) {
                changed.remove(exercise.name());
            } else {
                changed.put(exercise.name(), result);
            }
            return new State(hints, changed);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // files from a newer kit
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path top;

    private Progress(Path top) {
        this.top = top;
    }

    /** The progress of the kit whose top folder is {@code top} (the one holding exercises/). */
    public static Progress of(Path top) {
        return new Progress(top);
    }

    /** The kit's top folder. */
    public Path top() {
        return top;
    }

    /** {@code exercises/} below the top folder: where the learner works. */
    public Path exercises() {
        return top.resolve("exercises");
    }

    /** The learner's file of {@code exercise}. */
    public Path file(Exercise exercise) {
        return exercises().resolve(exercise.file());
    }

    Path folder() {
        return top.resolve(FOLDER);
    }

    private Path file() {
        return folder().resolve("progress.json");
    }

    /** The state as last written; a fresh one when there is no readable file. */
    public State read() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return State.empty();
        }
        try {
            return JSON.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            return State.empty(); // a damaged file only costs the hint counters and verdicts
        }
    }

    /** Reads, changes and writes the state under a lock; returns what was written. */
    public State update(UnaryOperator<State> change) {
        synchronized (Progress.class) { // a FileLock is per JVM: two threads here would clash
            return updateLocked(change);
        }
    }

    private State updateLocked(UnaryOperator<State> change) {
        try {
            Files.createDirectories(folder());
            try (FileChannel lockFile = FileChannel.open(folder().resolve("progress.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                State next = change.apply(read());
                SafeWrites.replace(file(), JSON.writeValueAsBytes(next));
                return next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Remembers how the checked exercises of the learner's folder ended (full points when passed). */
    public State recordChecks(Map<Exercise, Checked> checked) {
        Map<Exercise, Found> found = new java.util.LinkedHashMap<>();
        checked.forEach((exercise, how) -> found.put(exercise,
                new Found(how, how == Checked.PASSED ? exercise.points() : 0, how == Checked.PASSED ? null : how.name())));
        return record(found);
    }

    /** Remembers what the checks of the learner's folder found; returns the state written. */
    public State record(Map<Exercise, Found> found) {
        Map<Exercise, Result> results = new java.util.LinkedHashMap<>();
        String now = Instant.now().toString();
        found.forEach((exercise, f) -> results.put(exercise,
                new Result(f.checked(), sha256(file(exercise)), now, f.points(), f.fault())));
        return update(state -> {
            State next = state;
            for (Map.Entry<Exercise, Result> e : results.entrySet()) {
                next = next.withResult(e.getKey(), e.getValue());
            }
            return next;
        });
    }

    /** The SHA-256 of a file's bytes in hex, or {@code null} when it cannot be read. */
    public static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }

    /** The SHA-256 of {@code bytes} in hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
