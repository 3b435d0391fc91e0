package futures.workshop.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import futures.workshop.classlink.Wire;
import futures.workshop.course.Course;
import futures.workshop.course.TempKit;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/** The class board's HTTP side on loopback: who may post what, what a refusal changes (nothing), restarts. */
@Execution(ExecutionMode.CONCURRENT) // mostly waits on loopback sockets: runs beside the rest
@DisplayName("The class board's server")
class ClassBoardTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path top;
    Course course;
    Path state;
    ClassBoard board;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        course = TempKit.make(top);
        state = top.resolve(".workshop/class-board/class.json");
        board = start(ClassBoard.Limits.CLASSROOM);
    }

    ClassBoard start(ClassBoard.Limits limits) throws Exception {
        ClassRoll roll = ClassRoll.open(state, course, false, Clock.systemUTC());
        return ClassBoard.start(roll, "127.0.0.1", 0, limits, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        board.close();
    }

    record Answer(int status, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        String error() throws Exception {
            return json().path("error").asText();
        }
    }

    Answer post(String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + board.port() + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    Answer post(String path, String token, Object body) throws Exception {
        return post(path, token, "application/json", JSON.writeValueAsString(body));
    }

    /** A GET with the class code, as the page's own requests have it. */
    Answer get(String path) throws Exception {
        return getExactly(path + (path.contains("?") ? "&" : "?") + "code=" + board.code());
    }

    Answer getExactly(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + board.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    String join(String name) throws Exception {
        Answer a = post("/api/join", null, new Wire.Join(board.code(), name, null));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("token").asText();
    }

    static Map<String, Wire.Step> steps(Object... nameAndStep) {
        Map<String, Wire.Step> steps = new LinkedHashMap<>();
        for (int i = 0; i < nameAndStep.length; i += 2) {
            steps.put((String) nameAndStep[i], (Wire.Step) nameAndStep[i + 1]);
        }
        return steps;
    }

    static Wire.Step passed(int points, Instant at) {
        return new Wire.Step(Wire.PASSED, points, null, at.toString());
    }

    static Wire.Step failed(String fault, Instant at) {
        return new Wire.Step(Wire.FAILED, 0, fault, at.toString());
    }

    Answer send(String token, Map<String, Wire.Step> steps) throws Exception {
        return post("/api/verdicts", token, new Wire.Verdicts(board.code(), steps));
    }

    /** The board as the page gets it. */
    JsonNode board() throws Exception {
        return get("/board.json").json();
    }

    /** A learner's cells, "step=state" in course order. */
    List<String> row(String name) throws Exception {
        for (JsonNode learner : board().get("learners")) {
            if (learner.get("name").asText().equals(name)) {
                List<String> cells = new java.util.ArrayList<>();
                JsonNode steps = board().get("steps");
                for (int i = 0; i < steps.size(); i++) {
                    cells.add(steps.get(i).get("name").asText() + "=" + learner.get("cells").get(i).get("state").asText());
                }
                return cells;
            }
        }
        return null;
    }

    @Test
    @DisplayName("a learner joins with the class code, posts a verdict, and the page's board shows it")
    void joinAndPost() throws Exception {
        String token = join("alice");
        Instant now = Instant.parse("2026-11-30T09:00:00Z");
        assertThat(send(token, steps("submit", passed(10, now), "arguments", failed("submits the call to the pool", now)))
                .status()).isEqualTo(204);
        assertThat(row("alice")).startsWith("submit=passed", "arguments=failed", "async=not-tried");
        JsonNode b = board();
        assertThat(b.get("learners").get(0).get("points").asInt()).isEqualTo(10);
        assertThat(b.get("steps").get(0).get("passed").asInt()).isEqualTo(1);
        assertThat(b.get("steps").get(1).get("fault").asText()).isEqualTo("submits the call to the pool");
        assertThat(b.get("join").asText()).isEqualTo("make join BOARD=http://127.0.0.1:" + board.port() + " CODE="
                + board.code() + " NAME=your-name");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("+ alice joined (1 learner)");
    }

    @Test
    @DisplayName("each step keeps its latest check, whatever order the posts arrive in")
    void latestWins() throws Exception {
        String token = join("bob");
        Instant t = Instant.parse("2026-11-30T09:00:00Z");
        send(token, steps("submit", passed(10, t.plusSeconds(5))));
        send(token, steps("submit", failed("old", t), "async", failed("runs the two calls at the same time", t)));
        assertThat(row("bob")).startsWith("submit=passed", "arguments=not-tried", "async=failed");
    }

    @Test
    @DisplayName("most common fault of a step: the one most learners failed on right now, with its count")
    void mostCommonFault() throws Exception {
        Instant t = Instant.parse("2026-11-30T09:00:00Z");
        for (String name : List.of("a", "b", "c")) {
            send(join(name), steps("async", failed("blocked too early", t)));
        }
        send(join("d"), steps("async", failed("wrong order", t)));
        send(join("e"), steps("async", passed(15, t)));
        JsonNode async = board().get("steps").get(2);
        assertThat(async.get("fault").asText()).isEqualTo("blocked too early");
        assertThat(async.get("faultCount").asInt()).isEqualTo(3);
        assertThat(async.get("passed").asInt()).isEqualTo(1);
        assertThat(async.get("failed").asInt()).isEqualTo(4);
    }

    /** Every refusal: its status, and the board and its file exactly as before. */
    @Test
    @DisplayName("bad input gets its 4xx and a sentence, and changes neither the board nor its file")
    void refusals() throws Exception {
        String token = join("alice");
        Instant t = Instant.parse("2026-11-30T09:00:00Z");
        send(token, steps("submit", passed(10, t)));
        String before = get("/board.json").body();
        byte[] file = Files.readAllBytes(state);
        String code = board.code();
        String big = "{\"code\":\"" + code + "\",\"steps\":{},\"x\":\"" + "a".repeat(Wire.MAX_BODY) + "\"}";
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("join, wrong code", post("/api/join", null, new Wire.Join("AAAAAA", "mallory", null)));
        answers.put("join, no code", post("/api/join", null, Map.of("name", "mallory")));
        answers.put("join, name taken (other case)", post("/api/join", null, new Wire.Join(code, "ALICE", null)));
        answers.put("join, name taken, wrong token", post("/api/join", null, new Wire.Join(code, "alice", "forged")));
        answers.put("join, name too long", post("/api/join", null, new Wire.Join(code, "x".repeat(Wire.MAX_NAME + 1), null)));
        answers.put("join, empty name", post("/api/join", null, new Wire.Join(code, "  ", null)));
        answers.put("join, control character", post("/api/join", null, new Wire.Join(code, "eve\u001b[2J", null)));
        answers.put("join, not JSON", post("/api/join", null, "application/json", "{code: AAAA"));
        answers.put("join, unknown field", post("/api/join", null, "application/json",
                "{\"code\":\"" + code + "\",\"name\":\"x\",\"admin\":true}"));
        answers.put("join, form body", post("/api/join", null, "application/x-www-form-urlencoded", "code=" + code + "&name=x"));
        answers.put("join, body too big", post("/api/join", null, "application/json", big));
        answers.put("verdicts, no token", send(null, steps("submit", failed("x", t.plusSeconds(1)))));
        answers.put("verdicts, forged token", send("forged", steps("submit", failed("x", t.plusSeconds(1)))));
        answers.put("verdicts, wrong code", post("/api/verdicts", token,
                new Wire.Verdicts("AAAAAA", steps("submit", failed("x", t.plusSeconds(1))))));
        answers.put("verdicts, unknown step", send(token, steps("submit", failed("x", t.plusSeconds(1)),
                "hack", failed("x", t))));
        answers.put("verdicts, too many points", send(token, steps("async", new Wire.Step(Wire.PASSED, 99, null, t.toString()))));
        answers.put("verdicts, passed with too few points", send(token, steps("async", new Wire.Step(Wire.PASSED, 1, null, t.toString()))));
        answers.put("verdicts, negative points", send(token, steps("async", new Wire.Step(Wire.FAILED, -1, "x", t.toString()))));
        answers.put("verdicts, unknown status", send(token, steps("async", new Wire.Step("great", 0, "x", t.toString()))));
        answers.put("verdicts, failed without fault", send(token, steps("async", new Wire.Step(Wire.FAILED, 0, null, t.toString()))));
        answers.put("verdicts, fault too long", send(token, steps("async", failed("f".repeat(Wire.MAX_FAULT + 1), t))));
        answers.put("verdicts, bad time", send(token, steps("async", new Wire.Step(Wire.FAILED, 0, "x", "yesterday"))));
        answers.put("verdicts, no steps", post("/api/verdicts", token, "application/json", "{\"code\":\"" + code + "\"}"));
        answers.put("verdicts, not JSON", post("/api/verdicts", token, "application/json", "[1,2"));
        answers.put("verdicts, body too big", post("/api/verdicts", token, "application/json", big));
        answers.put("verdicts, GET", get("/api/verdicts"));
        answers.put("page, POST", post("/", null, "text/plain", "x"));
        answers.put("unknown path", get("/admin"));
        answers.put("board, wrong code", getExactly("/board.json?code=AAAAAA"));

        Map<String, Integer> statuses = new LinkedHashMap<>();
        answers.forEach((what, a) -> statuses.put(what, a.status()));
        assertThat(statuses).isEqualTo(Map.ofEntries(
                Map.entry("join, wrong code", 403), Map.entry("join, no code", 403),
                Map.entry("join, name taken (other case)", 409), Map.entry("join, name taken, wrong token", 409),
                Map.entry("join, name too long", 400), Map.entry("join, empty name", 400),
                Map.entry("join, control character", 400), Map.entry("join, not JSON", 400),
                Map.entry("join, unknown field", 400), Map.entry("join, form body", 415),
                Map.entry("join, body too big", 413),
                Map.entry("verdicts, no token", 401), Map.entry("verdicts, forged token", 401),
                Map.entry("verdicts, wrong code", 403), Map.entry("verdicts, unknown step", 422),
                Map.entry("verdicts, too many points", 422), Map.entry("verdicts, passed with too few points", 422),
                Map.entry("verdicts, negative points", 422), Map.entry("verdicts, unknown status", 400),
                Map.entry("verdicts, failed without fault", 400), Map.entry("verdicts, fault too long", 400),
                Map.entry("verdicts, bad time", 400), Map.entry("verdicts, no steps", 400),
                Map.entry("verdicts, not JSON", 400), Map.entry("verdicts, body too big", 413),
                Map.entry("verdicts, GET", 405), Map.entry("page, POST", 405), Map.entry("unknown path", 404),
                Map.entry("board, wrong code", 403)));
        for (Map.Entry<String, Answer> e : answers.entrySet()) {
            assertThat(e.getValue().error()).as(e.getKey() + " says why").isNotBlank();
        }
        assertThat(answers.get("join, name taken (other case)").error()).contains("taken", "NAME=");
        assertThat(answers.get("verdicts, unknown step").error()).contains("no step 'hack'");
        assertThat(get("/board.json").body()).isEqualTo(before);
        assertThat(Files.readAllBytes(state)).isEqualTo(file);
    }

    @Test
    @DisplayName("joining again with the token kept in the kit keeps the name; the token is not in the board's file")
    void joinAgain() throws Exception {
        String token = join("Zoë");
        Answer again = post("/api/join", null, new Wire.Join(board.code().toLowerCase(), " Zoë ", token));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("token").asText()).isEqualTo(token);
        assertThat(Files.readString(state)).doesNotContain(token).contains(ClassRoll.hash(token));
    }

    @Test
    @DisplayName("too many joins or refused requests from one address, or posts from one learner, get 429")
    void rateLimits() throws Exception {
        board.close();
        board = start(new ClassBoard.Limits(3, 0.001, 2, 0.001));
        String token = join("a");
        join("b");
        assertThat(post("/api/join", null, new Wire.Join(board.code(), "c", null)).status()).isEqualTo(200);
        Answer fourth = post("/api/join", null, new Wire.Join(board.code(), "d", null));
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.error()).contains("too many");
        Instant t = Instant.parse("2026-11-30T09:00:00Z");
        assertThat(send(token, steps("submit", passed(10, t))).status()).isEqualTo(204);
        assertThat(send(token, steps("submit", passed(10, t))).status()).isEqualTo(204);
        assertThat(send(token, steps("submit", failed("x", t.plusSeconds(1)))).status()).isEqualTo(429);
        assertThat(row("a")).startsWith("submit=passed");
        assertThat(board().get("learners")).hasSize(3);
    }

    @Test
    @DisplayName("a board stopped and started again has the same class, every learner, their steps, and takes their tokens")
    void restart() throws Exception {
        String code = board.code();
        String token = join("alice");
        join("bob");
        Instant t = Instant.parse("2026-11-30T09:00:00Z");
        send(token, steps("submit", passed(10, t)));
        board.close();

        board = start(ClassBoard.Limits.CLASSROOM);
        assertThat(board.code()).isEqualTo(code);
        assertThat(board().get("learners")).extracting(l -> l.get("name").asText()).containsExactly("alice", "bob");
        assertThat(row("alice")).startsWith("submit=passed");
        assertThat(send(token, steps("arguments", passed(10, t))).status()).isEqualTo(204);
        assertThat(row("alice")).startsWith("submit=passed", "arguments=passed");
    }

    @Test
    @DisplayName("a new class gets a new code and an empty board; the old class is kept beside it")
    void newClass() throws Exception {
        String old = board.code();
        join("alice");
        board.close();
        ClassRoll roll = ClassRoll.open(state, course, true, Clock.systemUTC());
        board = ClassBoard.start(roll, "127.0.0.1", 0, ClassBoard.Limits.CLASSROOM, new PrintStream(log));
        assertThat(board.code()).isNotEqualTo(old).matches("[A-Z2-9]{6}");
        assertThat(board().get("learners")).isEmpty();
        try (Stream<Path> files = Files.list(state.getParent())) {
            Path kept = files.filter(f -> f.getFileName().toString().startsWith("class-" + old + ".json")).findFirst().orElseThrow();
            assertThat(Files.readString(kept)).contains("alice");
        }
    }

    @Test
    @DisplayName("the CSV has make grade-class's columns: learner, each step's points, total, reasons")
    void csv() throws Exception {
        Instant t = Instant.parse("2026-11-30T09:00:00Z");
        send(join("=cmd|calc"), steps("submit", passed(10, t), "arguments", failed("prints the result", t),
                "async", new Wire.Step(Wire.NOT_STARTED, 0, "not started", t.toString())));
        String csv = get("/grades.csv").body();

        ByteArrayOutputStream gradeClass = new ByteArrayOutputStream();
        ClassSheet.writeCsv(gradeClass, course.exercises(), List.of());
        String header = gradeClass.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(header).startsWith("learner,\"1 submit\"").endsWith("total,reasons");
        assertThat(csv.lines().findFirst()).contains(header);
        assertThat(csv).contains("\"'=cmd|calc\",10,0,0,,,,,10,\"2 arguments: prints the result\n3 async: not done yet\"");

        Path file = top.resolve("out/grades.csv");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        board.close();
        ClassBoard.exportCsv(top, state, file, new PrintStream(said, true, StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo(csv);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("1 learner of class " + board.code());
        board = start(ClassBoard.Limits.CLASSROOM);
    }

    @Test
    @DisplayName("the page's event stream sends the board at once, and again when a verdict arrives")
    void events() throws Exception {
        String token = join("alice");
        HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + board.port() + "/events?code=" + board.code())).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            JsonNode first = JSON.readTree(nextData(events));
            assertThat(first.get("learners").get(0).get("cells").get(0).get("state").asText()).isEqualTo("not-tried");
            send(token, steps("submit", passed(10, Instant.now())));
            JsonNode next = JSON.readTree(nextData(events));
            assertThat(next.get("learners").get(0).get("cells").get(0).get("state").asText()).isEqualTo("passed");
            assertThat(next.get("version").asLong()).isGreaterThan(first.get("version").asLong());
        }
    }

    private static String nextData(BufferedReader events) throws Exception {
        for (String line = events.readLine(); line != null; line = events.readLine()) {
            if (line.startsWith("data: ")) {
                return line.substring("data: ".length());
            }
        }
        throw new AssertionError("the stream ended");
    }

    @Test
    @DisplayName("the page, the board, its events and its CSV show nothing without the class code")
    void readingNeedsTheCode() throws Exception {
        join("alice");
        for (String path : List.of("/", "/board.json", "/events", "/grades.csv")) {
            for (String query : List.of("", "?code=AAAAAA", "?code=", "?x=" + board.code())) {
                Answer a = getExactly(path + query);
                assertThat(a.status()).as(path + query).isEqualTo(403);
                assertThat(a.body()).as(path + query).doesNotContain("alice").doesNotContain(board.code())
                        .contains("open the address make class-board printed");
            }
        }
        assertThat(getExactly("/grades.csv?code=" + board.code().toLowerCase()).body()).contains("alice");
    }

    @Test
    @DisplayName("the page is served, and names reach it only as JSON text")
    void page() throws Exception {
        Answer page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Class board</title>", "new EventSource(\"/events\" + code)", "textContent")
                .doesNotContain("innerHTML");
        join("<img src=x onerror=alert(1)>");
        assertThat(get("/board.json").body()).contains("\"name\":\"<img src=x onerror=alert(1)>\"");
    }
}
