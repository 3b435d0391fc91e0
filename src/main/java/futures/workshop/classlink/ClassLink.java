package futures.workshop.classlink;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Progress;
import futures.workshop.course.SafeWrites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A learner's side of the class board: {@code make join} stores the board in the kit
 * ({@code .workshop/class-board.json}), and from then on every check sends the state of every
 * step the learner has checked ({@link Wire.Step}). Sending the whole state each time means a
 * check the board missed (it was down, the network was) arrives with the next one.
 *
 * <p>A check waits for the board at most {@link #WAIT}; a board that is slower, down or refuses
 * costs the learner one dim line, never a verdict.
 */
public final class ClassLink {
    /** How long a check waits for the board before it goes on without it. */
    public static final Duration WAIT = Duration.ofMillis(100);
    /** How long {@code make join} waits: the learner is there to read the answer. */
    private static final int JOIN_MILLIS = 5000;
    /**
     * How long a send may take in all: the check stops waiting after {@link #WAIT}, but in a
     * long-lived process (watch, JShell) a send to a busy board still gets through.
     */
    private static final int CONNECT_MILLIS = 5000;
    private static final int READ_MILLIS = 15000;

    private static final ObjectMapper FILE_JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The board this kit sends to, as {@code make join} stored it.
     *
     * @param sending false after {@code make leave}: the token is kept so that joining again keeps the name
     */
    public record Membership(String board, String code, String name, String token, boolean sending) {}

    private ClassLink() {}

    private static Path file(Path top) {
        return top.resolve(Progress.FOLDER).resolve("class-board.json");
    }

    /** The stored membership; empty when the kit never joined or its file cannot be read. */
    public static Optional<Membership> membership(Path top) {
        Path file = file(top);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Membership m = FILE_JSON.readValue(file.toFile(), Membership.class);
            return m.board() == null || m.token() == null ? Optional.empty() : Optional.of(m);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void store(Path top, Membership membership) throws IOException {
        Files.createDirectories(file(top).getParent());
        SafeWrites.replace(file(top), FILE_JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(membership));
    }

    // ---- joining and leaving ----

    /**
     * Joins the board at {@code board} with the class code and name the instructor gave; sends
     * what the learner has checked so far. Returns what to tell the learner; a problem they can
     * fix (a wrong code, a name taken, no board there) is an {@link IllegalArgumentException}
     * saying what to do.
     */
    public static String join(Path top, String board, String code, String name, Course course) throws IOException {
        if (board == null || board.isBlank() || code == null || code.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("make join needs the board's address, the class code and your name, as the"
                    + " instructor shows them: make join BOARD=http://host:8090 CODE=K7QF9X NAME=alice");
        }
        URI address = address(board);
        String clean = Wire.cleanName(name);
        if (clean == null) {
            throw new IllegalArgumentException("NAME=" + name + " cannot go on the board: use " + Wire.nameRule() + ".");
        }
        String classCode = code.strip().toUpperCase(Locale.ROOT);
        String earlier = membership(top)
                .filter(m -> m.board().equals(address.toString()) && m.name().equalsIgnoreCase(clean))
                .map(Membership::token).orElse(null);
        Answer answer;
        try {
            answer = post(address.resolve("/api/join"), null,
                    Wire.JSON.writeValueAsBytes(new Wire.Join(classCode, clean, earlier)), JOIN_MILLIS, JOIN_MILLIS);
        } catch (IOException e) {
            throw new IllegalArgumentException("No class board answers at " + address + " (" + why(e) + "). Check BOARD="
                    + " (the address on the board's page) and that the instructor's board is running.");
        }
        if (answer.status() != 200) {
            throw new IllegalArgumentException("The class board at " + address + " did not take you: " + answer.error());
        }
        Wire.Joined joined = Wire.JSON.readValue(answer.body(), Wire.Joined.class);
        Membership membership = new Membership(address.toString(), classCode, joined.name(), joined.token(), true);
        store(top, membership);
        StringBuilder out = new StringBuilder();
        out.append("Joined the class board at ").append(address).append(" as ").append(joined.name()).append(".\n");
        out.append("From now on make check, watch mode and check() in JShell send it, for each step: passed or not,\n");
        out.append("the points, and the name of a failed check. Never your code or what it prints.\n");
        Map<String, Wire.Step> steps = steps(Progress.of(top).read(), course);
        Optional<String> note = send(membership, steps).note(Duration.ofMillis(JOIN_MILLIS));
        out.append(note.orElse(steps.isEmpty() ? "Nothing checked yet: your first make check shows up there."
                : "Sent the " + steps.size() + (steps.size() == 1 ? " step" : " steps") + " you have checked so far."));
        out.append("\nmake leave stops the sending.\n");
        return out.toString();
    }

    /** Stops sending; the board keeps the learner's row. */
    public static String leave(Path top) throws IOException {
        Optional<Membership> m = membership(top);
        if (m.isEmpty() || !m.get().sending()) {
            return "This kit sends nothing to a class board: nothing to stop.\n";
        }
        Membership was = m.get();
        store(top, new Membership(was.board(), was.code(), was.name(), was.token(), false));
        return "Stopped sending to the class board at " + was.board() + ". Your row stays there as " + was.name()
                + ", as it was.\nmake join with the same BOARD, CODE and NAME takes you back.\n";
    }

    /** "host:8090" or "http://host:8090/" as {@code http://host:8090}. */
    static URI address(String board) {
        String text = board.strip();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new URISyntaxException(text, "not a web address");
            }
            return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("BOARD=" + board + " is not a board's address: give it as the board"
                    + " prints it, e.g. BOARD=http://192.168.1.20:8090");
        }
    }

    // ---- sending ----

    /** What a check sends: each checked step of the course, by name. */
    public static Map<String, Wire.Step> steps(Progress.State state, Course course) {
        Map<String, Wire.Step> steps = new LinkedHashMap<>();
        for (Exercise e : course.exercises()) {
            Progress.Result r = state.result(e);
            if (r == null || r.at() == null) {
                continue;
            }
            boolean passed = r.checked() == Progress.Checked.PASSED;
            String status = passed ? Wire.PASSED : Progress.Result.UNTOUCHED.equals(r.fault()) ? Wire.NOT_STARTED : Wire.FAILED;
            int points = r.points() != null ? r.points() : passed ? e.points() : 0;
            String fault = passed ? null : r.fault() == null ? r.checked().name().toLowerCase(Locale.ROOT) : r.fault();
            if (fault != null && fault.length() > Wire.MAX_FAULT) {
                fault = fault.substring(0, Wire.MAX_FAULT - 1) + "…";
            }
            steps.put(e.name(), new Wire.Step(status, points, fault, r.at()));
        }
        return steps;
    }

    /** Sends the learner's state as it now stands in {@code progress}, if this kit joined a board. */
    public static Sending send(Path top, Progress.State state, Course course) {
        Optional<Membership> m = membership(top);
        if (m.isEmpty() || !m.get().sending()) {
            return Sending.NONE;
        }
        return send(m.get(), steps(state, course));
    }

    private static Sending send(Membership m, Map<String, Wire.Step> steps) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                byte[] body = Wire.JSON.writeValueAsBytes(new Wire.Verdicts(m.code(), steps));
                Answer answer = post(URI.create(m.board()).resolve("/api/verdicts"), m.token(), body, CONNECT_MILLIS, READ_MILLIS);
                done.complete(answer.status() < 300 ? null : answer.error());
            } catch (IOException | RuntimeException e) {
                done.complete("not reached (" + why(e) + ")");
            }
        }, "class-board-send");
        sender.setDaemon(true); // a check that ends does not wait for the board
        sender.start();
        return new Sending(m.board(), done);
    }

    /** One send under way. */
    public static final class Sending {
        /** Nothing to send: this kit has not joined a board. */
        public static final Sending NONE = new Sending(null, CompletableFuture.completedFuture(null));

        private final String board;
        private final CompletableFuture<String> problem;

        private Sending(String board, CompletableFuture<String> problem) {
            this.board = board;
            this.problem = problem;
        }

        /**
         * Waits at most {@code wait} for the board; empty when it took the verdicts (or there is
         * no board), otherwise one line saying that the board did not, and that they follow.
         */
        public Optional<String> note(Duration wait) {
            String why;
            try {
                why = problem.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                why = "no answer within " + seconds(wait);
            } catch (ExecutionException e) {
                why = String.valueOf(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                why = "interrupted";
            }
            return why == null ? Optional.empty()
                    : Optional.of("(class board " + board + ": " + why + "; your verdicts are kept and go with your next check)");
        }
    }

    /** {@code line} in the terminal's dim style when {@code ansi}. */
    public static String dim(String line, boolean ansi) {
        return ansi ? "\u001b[2m" + line + "\u001b[0m" : line;
    }

    // ---- HTTP ----

    record Answer(int status, byte[] body) {
        /** The board's own words for a refusal, or the status. */
        String error() {
            try {
                return Wire.JSON.readValue(body, Wire.Problem.class).error();
            } catch (IOException | RuntimeException e) {
                return "it answered HTTP " + status;
            }
        }
    }

    /** The JDK's HttpURLConnection: cheap to start in a short-lived JVM, and all the board needs. */
    static Answer post(URI uri, String token, byte[] body, int connectMillis, int readMillis) throws IOException {
        HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
        try {
            http.setConnectTimeout(connectMillis);
            http.setReadTimeout(readMillis);
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            if (token != null) {
                http.setRequestProperty("Authorization", "Bearer " + token);
            }
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
            int status = http.getResponseCode();
            InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
            byte[] answer = in == null ? new byte[0] : in.readNBytes(Wire.MAX_BODY);
            return new Answer(status, answer);
        } finally {
            http.disconnect();
        }
    }

    static String why(Throwable e) {
        if (e instanceof ConnectException) {
            return "connection refused: is the board running?";
        }
        if (e instanceof SocketTimeoutException) {
            return "it did not answer in time";
        }
        if (e instanceof UnknownHostException) {
            return "no such host: " + e.getMessage();
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to the host: are you on the class's network?";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * Asks the board for its page's head while the check runs, and keeps the connection: a JVM
     * that sends once and ends then spends the check's {@link #WAIT} on the send alone, not on
     * loading the HTTP classes, looking the host up and connecting.
     */
    public static void warmUp(Path top) {
        Optional<Membership> m = membership(top).filter(Membership::sending);
        if (m.isEmpty()) {
            return;
        }
        Thread warm = new Thread(() -> {
            try {
                HttpURLConnection http = (HttpURLConnection) URI.create(m.get().board() + "/?code=" + m.get().code()).toURL().openConnection();
                http.setConnectTimeout(CONNECT_MILLIS);
                http.setReadTimeout(READ_MILLIS);
                http.setRequestMethod("HEAD");
                http.getResponseCode();
                http.getInputStream().close(); // not disconnect(): the connection stays for the send
                Wire.JSON.writeValueAsBytes(new Wire.Verdicts("", Map.of("x", new Wire.Step(Wire.PASSED, 0, null, ""))));
                Wire.JSON.readValue("{\"error\":\"\"}", Wire.Problem.class);
            } catch (IOException | RuntimeException e) {
                // the send itself will say what is wrong
            }
        }, "class-board-warm-up");
        warm.setDaemon(true);
        warm.start();
    }
}
