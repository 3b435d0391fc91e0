package futures.workshop.instructor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import futures.workshop.classlink.Wire;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Progress;
import futures.workshop.course.SafeWrites;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The class as the board knows it: the class code, and each learner with a token and the last
 * check of each step. Kept in a JSON file, written whole (through a temporary file) before any
 * change is answered, so a board that is killed and started again has everyone it told "yes".
 *
 * <p>Tokens are kept only as SHA-256 hashes: the file does not let anyone post as a learner.
 * All methods may be called from any thread.
 */
final class ClassRoll {
    /** The letters of class codes: no 0/O, 1/I/L, easy to read off a projector and type. */
    private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 6;
    /** What a post with a token the board does not know is told. */
    static final String UNKNOWN_LEARNER = "this board does not know you (a new class?): make join again with the code it shows";
    /** More learners than any room holds; a flood of joins stops here. */
    static final int MAX_LEARNERS = 500;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** A refusal with the HTTP status to answer it with and what the learner should do. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** One learner, as kept in the file. */
    record Learner(String name, String tokenHash, String joined, Map<String, Wire.Step> steps) {
        Learner {
            steps = steps == null ? Map.of() : Map.copyOf(steps);
        }
    }

    /** The file. */
    record Saved(String code, String started, List<Learner> learners) {
        Saved {
            learners = learners == null ? List.of() : List.copyOf(learners);
        }
    }

    private final Path file;
    private final Course course;
    private final Map<String, Exercise> steps = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final String code;
    private final String started;
    /** By name in lower case: names are unique whatever their case. */
    private final Map<String, Learner> learners = new TreeMap<>();
    private final Map<String, String> byToken = new HashMap<>();
    private long version;
    private boolean closed;
    private final Object saving = new Object();
    private long savedVersion; // guarded by saving

    private ClassRoll(Path file, Course course, Saved saved) {
        this.file = file;
        this.course = course;
        course.exercises().forEach(e -> steps.put(e.name(), e));
        this.code = saved.code();
        this.started = saved.started();
        for (Learner l : saved.learners()) {
            learners.put(key(l.name()), l);
            byToken.put(l.tokenHash(), key(l.name()));
        }
    }

    /**
     * The class kept in {@code file}, or a new one when there is none or {@code fresh}; a class
     * that is replaced is kept beside it ({@code class-K7QF9X.json}), so nothing is lost.
     */
    static ClassRoll open(Path file, Course course, boolean fresh, Clock clock) throws IOException {
        Saved saved = null;
        if (Files.isRegularFile(file)) {
            byte[] bytes = Files.readAllBytes(file);
            try {
                saved = JSON.readValue(bytes, Saved.class);
            } catch (IOException e) {
                throw new IOException(file + " cannot be read (" + e.getMessage().lines().findFirst().orElse("") + "): move it"
                        + " away to start a new class, or mend it", e);
            }
            if (saved.code() == null) {
                throw new IOException(file + " holds no class code: move it away to start a new class");
            }
            if (fresh) {
                Path kept = SafeWrites.backUp(file.getParent(), "class-" + saved.code() + ".json", bytes, clock);
                System.err.println("The class " + saved.code() + " is kept in " + kept + ".");
                saved = null;
            }
        }
        if (saved == null) {
            saved = new Saved(newCode(new SecureRandom()), Instant.now(clock).toString(), List.of());
        }
        ClassRoll roll = new ClassRoll(file, course, saved);
        roll.write(saved);
        return roll;
    }

    static String newCode(SecureRandom random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    String code() {
        return code;
    }

    Path file() {
        return file;
    }

    Course course() {
        return course;
    }

    synchronized int size() {
        return learners.size();
    }

    synchronized long version() {
        return version;
    }

    /** Waits until the version differs from {@code seen}, the roll closes, or {@code millis} pass; returns the version. */
    synchronized long awaitChange(long seen, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (version == seen && !closed) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return version;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Wakes everyone waiting in {@link #awaitChange}: the board stops. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    // ---- what learners ask ----

    /** Whether {@code given} is this class's code (any case, spaces around). */
    boolean codeMatches(String given) {
        return given != null && MessageDigest.isEqual(given.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                code.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds a learner, or lets one back in with the token they had; returns the token and the
     * name as kept.
     */
    Wire.Joined join(String name, String earlierToken) throws Refused, IOException {
        Wire.Joined joined;
        long changed;
        synchronized (this) {
            joined = joinLocked(name, earlierToken);
            changed = version;
        }
        persist(changed);
        return joined;
    }

    private Wire.Joined joinLocked(String name, String earlierToken) throws Refused {
        String clean = Wire.cleanName(name);
        if (clean == null) {
            throw new Refused(400, "that name cannot go on the board: use " + Wire.nameRule());
        }
        Learner known = learners.get(key(clean));
        if (known != null) {
            if (earlierToken != null && hash(earlierToken).equals(known.tokenHash())) {
                return new Wire.Joined(earlierToken, known.name());
            }
            throw new Refused(409, "the name " + clean + " is taken on this board: choose another, such as NAME="
                    + clean.replace(' ', '-') + "-2");
        }
        if (learners.size() >= MAX_LEARNERS) {
            throw new Refused(403, "the board is full (" + MAX_LEARNERS + " learners)");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Learner learner = new Learner(clean, hash(token), Instant.now().toString(), Map.of());
        learners.put(key(clean), learner);
        byToken.put(learner.tokenHash(), key(clean));
        changed();
        return new Wire.Joined(token, clean);
    }

    /** The learner the token belongs to, if any. */
    synchronized Optional<String> learner(String token) {
        return Optional.ofNullable(token).map(ClassRoll::hash).map(byToken::get).map(k -> learners.get(k).name());
    }

    /**
     * Takes a learner's steps: each one replaces what the board has for that step unless the
     * board's is newer (sends may arrive out of order). Everything is checked before anything
     * changes: a request with one bad step changes nothing.
     */
    void update(String token, Map<String, Wire.Step> sent) throws Refused, IOException {
        long changed;
        synchronized (this) {
            updateLocked(token, sent);
            changed = version;
        }
        persist(changed);
    }

    private void updateLocked(String token, Map<String, Wire.Step> sent) throws Refused {
        String key = token == null ? null : byToken.get(hash(token));
        if (key == null) {
            throw new Refused(401, UNKNOWN_LEARNER);
        }
        if (sent == null) {
            throw new Refused(400, "no steps");
        }
        for (Map.Entry<String, Wire.Step> e : sent.entrySet()) {
            check(e.getKey(), e.getValue());
        }
        Learner learner = learners.get(key);
        Map<String, Wire.Step> merged = new TreeMap<>(learner.steps());
        boolean any = false;
        for (Map.Entry<String, Wire.Step> e : sent.entrySet()) {
            Wire.Step had = merged.get(e.getKey());
            if (had == null || !Instant.parse(e.getValue().at()).isBefore(Instant.parse(had.at()))) {
                any |= !e.getValue().equals(had);
                merged.put(e.getKey(), e.getValue());
            }
        }
        if (any) {
            learners.put(key, new Learner(learner.name(), learner.tokenHash(), learner.joined(), merged));
            changed();
        }
    }

    private void check(String name, Wire.Step step) throws Refused {
        Exercise exercise = steps.get(name);
        if (exercise == null) {
            throw new Refused(422, "this board's course has no step '" + ClassBoard.clip(name) + "': is your kit the class's?");
        }
        if (step == null || step.status() == null || step.at() == null) {
            throw new Refused(400, "step " + name + " needs status, points and at");
        }
        boolean passed = step.status().equals(Wire.PASSED);
        if (!passed && !step.status().equals(Wire.FAILED) && !step.status().equals(Wire.NOT_STARTED)) {
            throw new Refused(400, "step " + name + ": status must be passed, failed or not-started");
        }
        if (step.points() < 0 || step.points() > exercise.points() || passed && step.points() != exercise.points()) {
            throw new Refused(422, "step " + name + ": " + step.points() + " points, out of " + exercise.points());
        }
        if (passed ? step.fault() != null : !printable(step.fault(), Wire.MAX_FAULT)) {
            throw new Refused(400, "step " + name + ": a failed step needs a fault of up to " + Wire.MAX_FAULT
                    + " characters, a passed one none");
        }
        try {
            Instant.parse(step.at());
        } catch (DateTimeParseException e) {
            throw new Refused(400, "step " + name + ": at must be an instant such as 2026-11-30T09:15:00Z");
        }
    }

    private static boolean printable(String text, int max) {
        return text != null && !text.isBlank() && text.length() <= max
                && text.codePoints().noneMatch(Character::isISOControl);
    }

    private void changed() {
        version++;
        notifyAll();
    }

    /**
     * Returns once the file holds version {@code wanted} or a later one. Many posts at once share
     * a write: whoever writes takes every change made so far (a group commit), and the others
     * find their change written already.
     */
    private void persist(long wanted) throws IOException {
        synchronized (saving) {
            if (savedVersion >= wanted) {
                return;
            }
            Saved saved;
            long version;
            synchronized (this) {
                saved = new Saved(code, started, new ArrayList<>(learners.values()));
                version = this.version;
            }
            write(saved);
            savedVersion = version;
        }
    }

    private void write(Saved saved) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SafeWrites.replace(file, JSON.writeValueAsBytes(saved));
    }

    // ---- what the page and the sheet show ----

    /** One step's column head: how many passed, and the most common fault among those who did not. */
    record Column(String name, String label, String title, int points, int passed, int failed, String fault, int faultCount) {}

    /** @param state "passed", "failed" or "not-tried" */
    record Cell(String state, int points, String fault, String at) {}

    record Row(String name, int points, List<Cell> cells) {}

    /** What the page draws. */
    record Board(String code, String join, long version, int total, List<Column> steps, List<Row> learners) {}

    synchronized Board board(String join) {
        List<Row> rows = new ArrayList<>();
        for (Learner l : learners.values()) {
            List<Cell> cells = new ArrayList<>();
            int points = 0;
            for (Exercise e : course.exercises()) {
                Wire.Step s = l.steps().get(e.name());
                if (s == null || s.status().equals(Wire.NOT_STARTED)) {
                    cells.add(new Cell("not-tried", 0, null, s == null ? null : s.at()));
                } else {
                    cells.add(new Cell(s.status(), s.points(), s.fault(), s.at()));
                    points += s.points();
                }
            }
            rows.add(new Row(l.name(), points, cells));
        }
        rows.sort(Comparator.comparing((Row r) -> r.name().toLowerCase(Locale.ROOT)).thenComparing(Row::name));
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < course.exercises().size(); i++) {
            Exercise e = course.exercises().get(i);
            int passed = 0;
            int failed = 0;
            Map<String, Integer> faults = new TreeMap<>();
            for (Row r : rows) {
                Cell c = r.cells().get(i);
                if (c.state().equals(Wire.PASSED)) {
                    passed++;
                } else if (c.state().equals(Wire.FAILED)) {
                    failed++;
                    faults.merge(c.fault(), 1, Integer::sum);
                }
            }
            Map.Entry<String, Integer> top = faults.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()).orElse(null);
            columns.add(new Column(e.name(), e.label(), e.title(), e.points(), passed, failed,
                    top == null ? null : top.getKey(), top == null ? 0 : top.getValue()));
        }
        return new Board(code, join, version, course.totalPoints(), columns, rows);
    }

    /** The board as {@code grades.csv}, the same columns as {@code make grade-class} writes. */
    void writeCsv(OutputStream out) throws IOException {
        Board board = board("");
        List<ClassSheet.CsvRow> rows = new ArrayList<>();
        for (Row r : board.learners()) {
            List<String> cells = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < r.cells().size(); i++) {
                Cell c = r.cells().get(i);
                cells.add(c.at() == null ? "" : Integer.toString(c.points()));
                if (c.state().equals(Wire.FAILED)) {
                    reasons.add(board.steps().get(i).label() + ": " + c.fault());
                } else if (c.state().equals("not-tried") && c.at() != null) {
                    reasons.add(board.steps().get(i).label() + ": not done yet");
                }
            }
            rows.add(new ClassSheet.CsvRow(r.name(), cells, r.points(), reasons));
        }
        ClassSheet.writeCsv(out, course.exercises(), rows);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static String hash(String token) {
        return Progress.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
