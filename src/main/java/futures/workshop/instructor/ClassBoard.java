package futures.workshop.instructor;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import futures.workshop.classlink.Wire;
import futures.workshop.course.Course;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live class board: learners' kits post their verdicts ({@link Wire}), and a page shows one
 * row per learner, one column per step, updated as they arrive (server-sent events).
 *
 * <p>The JDK's own HTTP server (module jdk.httpserver) serves it: a handful of routes and one
 * event stream need nothing more, and learners' kits download nothing extra for it.
 *
 * <p>What it accepts: nothing without the class code; verdicts only with the token the learner
 * got on joining; bodies up to {@link Wire#MAX_BODY}; a limited rate of joins and failed
 * requests per address and of verdicts per learner. Whatever it refuses gets a 4xx with a
 * sentence saying why, and changes nothing.
 */
public final class ClassBoard implements AutoCloseable {
    /** How many pages may watch at once: each holds a thread. */
    static final int MAX_WATCHERS = 32;
    /** How often an idle event stream says it is still there (proxies close silent ones). */
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    /**
     * How much the board takes before it answers 429: per address, joins and refused requests
     * (a guessed class code, a forged token); per learner, verdict posts.
     */
    record Limits(double addressBurst, double addressPerSecond, double learnerBurst, double learnerPerSecond) {
        static final Limits CLASSROOM = new Limits(120, 2, 40, 10);
    }

    private final ClassRoll roll;
    private final HttpServer server;
    private final ExecutorService threads;
    private final List<URI> addresses;
    private final PrintStream log;
    private final Buckets byAddress;
    private final Buckets byLearner;
    private final AtomicInteger watchers = new AtomicInteger();
    private final byte[] page;

    private ClassBoard(ClassRoll roll, HttpServer server, List<URI> addresses, Limits limits, PrintStream log) throws IOException {
        this.roll = roll;
        this.server = server;
        this.addresses = addresses;
        this.log = log;
        this.byAddress = new Buckets(limits.addressBurst(), limits.addressPerSecond());
        this.byLearner = new Buckets(limits.learnerBurst(), limits.learnerPerSecond());
        try (InputStream in = ClassBoard.class.getResourceAsStream("class-board.html")) {
            if (in == null) {
                throw new IOException("the board's page is missing from the kit: make clean, then try again");
            }
            this.page = in.readAllBytes();
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_WATCHERS + 16, MAX_WATCHERS + 16, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "class-board-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.threads = pool;
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /**
     * Starts a board for {@code roll} on {@code host}:{@code port} (port 0: any free one). A port
     * that is taken is an {@link IllegalArgumentException} that says what to do.
     */
    static ClassBoard start(ClassRoll roll, String host, int port, Limits limits, PrintStream log) throws IOException {
        InetAddress address = listenAddress(host);
        // Answers leave at once: without TCP_NODELAY the body waits for the ACK of the headers,
        // which a learner's kit delays up to 40 ms. Read once, when the server's classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (BindException e) {
            throw new IllegalArgumentException("Port " + port + " on " + host + " is taken (" + e.getMessage() + "): another"
                    + " board or program has it. Stop that one, or try PORT=" + (port + 1) + ".");
        }
        int bound = server.getAddress().getPort();
        ClassBoard board = new ClassBoard(roll, server, shareAddresses(address, bound), limits, log);
        server.start();
        return board;
    }

    /** {@code host} as an address of this machine to listen on; anything else says what to give. */
    static InetAddress listenAddress(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress() || NetworkInterface.getByInetAddress(address) != null) {
                return address;
            }
        } catch (IOException e) {
            // as not this machine's
        }
        throw new IllegalArgumentException("LISTEN=" + host + " is no address of this machine: give one such as"
                + " LISTEN=127.0.0.1 (this machine only) or LISTEN=0.0.0.0 (every network it is on)");
    }

    /** The addresses learners can reach the board at: the one it listens on, or each of this machine's. */
    static List<URI> shareAddresses(InetAddress listening, int port) {
        List<InetAddress> found = new ArrayList<>();
        if (listening.isAnyLocalAddress()) {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (nic.isUp() && !nic.isLoopback()) {
                        Collections.list(nic.getInetAddresses()).stream()
                                .filter(a -> a instanceof Inet4Address && !a.isLinkLocalAddress()).forEach(found::add);
                    }
                }
            } catch (SocketException e) {
                // the loopback address below still works on this machine
            }
            found.add(InetAddress.getLoopbackAddress());
        } else {
            found.add(listening);
        }
        List<URI> out = new ArrayList<>();
        for (InetAddress a : found) {
            String host = a instanceof Inet4Address ? a.getHostAddress() : "[" + a.getHostAddress().replaceAll("%.*", "") + "]";
            out.add(URI.create("http://" + host + ":" + port));
        }
        return out;
    }

    /** The board's class file in the kit whose top folder is {@code top}, unless STATE= names another. */
    public static Path stateFile(Path top, Path given) {
        return given != null ? top.resolve(given) : top.resolve(".workshop").resolve("class-board").resolve("class.json");
    }

    /**
     * {@code make class-board}: the board of the class kept in {@code state} (a new class when
     * there is none, or {@code fresh}), on {@code listen}:{@code port}, until the process is stopped.
     */
    public static void serve(Path top, Path state, String listen, int port, boolean fresh, PrintStream out) throws Exception {
        listenAddress(listen); // before a new class is written
        Course course = Course.load(top.resolve("exercises"));
        ClassRoll roll = ClassRoll.open(state, course, fresh, Clock.systemDefaultZone());
        ClassBoard board = start(roll, listen, port, Limits.CLASSROOM, out);
        Runtime.getRuntime().addShutdownHook(new Thread(board::close, "class-board-stop"));
        URI first = board.addresses().get(0);
        out.println("Class board of class " + roll.code() + ", " + roll.size() + (roll.size() == 1 ? " learner" : " learners")
                + " so far (kept in " + top.relativize(state.toAbsolutePath()) + ").");
        out.println();
        out.println("  Open the page:   " + board.pageAddress());
        out.println("  Learners type:   " + board.joinCommand());
        if (board.addresses().size() > 1) {
            out.println("  (or BOARD= one of " + board.addresses().subList(1, board.addresses().size()) + ", whichever the class's network reaches)");
        }
        if (InetAddress.getByName(listen).isLoopbackAddress()) {
            out.println();
            out.println("It listens on " + listen + " only: learners on this machine can join, no one else. For a class on");
            out.println("the network: make class-board LISTEN=0.0.0.0 (every network of this machine) or LISTEN=<its address>.");
        }
        out.println();
        out.println("Ctrl-C stops the board; make class-board again goes on with the same class (NEW=yes starts another).");
        out.println("make class-board CSV=grades.csv exports the sheet, with the columns of make grade-class.");
        out.flush();
        new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook closes the board
    }

    /** {@code make class-board CSV=file}: the kept class as the grade sheet, without starting a board. */
    public static void exportCsv(Path top, Path state, Path csv, PrintStream out) throws IOException {
        if (!Files.isRegularFile(state)) {
            throw new IllegalArgumentException("There is no class board here yet (" + top.relativize(state.toAbsolutePath())
                    + "): make class-board starts one.");
        }
        ClassRoll roll = ClassRoll.open(state, Course.load(top.resolve("exercises")), false, Clock.systemDefaultZone());
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(csv)) {
            roll.writeCsv(file);
        }
        out.println("Wrote " + csv + ": " + roll.size() + (roll.size() == 1 ? " learner" : " learners") + " of class "
                + roll.code() + ", the columns of make grade-class.");
    }

    /** Where learners reach the board, the best guess first. */
    public List<URI> addresses() {
        return addresses;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    String code() {
        return roll.code();
    }

    /** The page's address, with the class code that opens it. */
    String pageAddress() {
        return addresses.get(0) + "/?code=" + roll.code();
    }

    /** What learners type to join, for the page and the terminal. */
    String joinCommand() {
        return "make join BOARD=" + addresses.get(0) + " CODE=" + roll.code() + " NAME=your-name";
    }

    @Override
    public void close() {
        roll.close();
        server.stop(0);
        threads.shutdownNow();
    }

    // ---- requests ----

    private void handle(HttpExchange http) throws IOException {
        try {
            String path = http.getRequestURI().getPath();
            String method = http.getRequestMethod();
            switch (path) {
                case "/" -> page(http, method);
                case "/board.json" -> get(http, method, () -> json(http, 200, board()));
                case "/events" -> get(http, method, () -> events(http));
                case "/grades.csv" -> get(http, method, () -> csv(http));
                case "/api/join" -> post(http, method, () -> join(http));
                case "/api/verdicts" -> post(http, method, () -> verdicts(http));
                default -> problem(http, 404, "there is nothing at " + clip(path) + ": the board is at /");
            }
        } catch (IOException e) {
            // the browser or kit went away mid-answer: nothing to tell anyone
        } catch (RuntimeException e) {
            log.println("class board: " + e);
            try {
                problem(http, 500, "the board failed (" + e.getClass().getSimpleName() + "); the instructor's terminal has more");
            } catch (IOException | RuntimeException ignored) {
                // the answer was under way already
            }
        } finally {
            http.close();
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private void page(HttpExchange http, String method) throws IOException {
        get(http, method, () -> {
            http.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            send(http, 200, page);
        });
    }

    /**
     * What the page shows is the class's (names, steps, the code itself): only for whoever has
     * the code, given as {@code ?code=K7QF9X} in the address make class-board prints.
     */
    private void get(HttpExchange http, String method, Action action) throws IOException {
        http.getResponseHeaders().set("Cache-Control", "no-store");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            http.getResponseHeaders().set("Allow", "GET");
            problem(http, 405, "only GET here");
        } else if (!roll.codeMatches(query(http, "code"))) {
            refused(http, 403, "this class board shows itself only with its class code: open the address make class-board"
                    + " printed, which ends in ?code=...");
        } else {
            action.run();
        }
    }

    /** The value of {@code name} in the request's query, or null. */
    static String query(HttpExchange http, String name) {
        String query = http.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) { // a stray %: no code, so a 403, not a 500
                    return null;
                }
            }
        }
        return null;
    }

    private void post(HttpExchange http, String method, Action action) throws IOException {
        if (!method.equals("POST")) {
            http.getResponseHeaders().set("Allow", "POST");
            problem(http, 405, "only POST here");
            return;
        }
        action.run();
    }

    private ClassRoll.Board board() {
        return roll.board(joinCommand());
    }

    private void join(HttpExchange http) throws IOException {
        if (!byAddress.take(address(http))) {
            tooMany(http);
            return;
        }
        Wire.Join join = body(http, Wire.Join.class);
        if (join == null) {
            return;
        }
        if (!roll.codeMatches(join.code())) {
            problem(http, 403, "the class code " + clip(String.valueOf(join.code())) + " is not this board's: check CODE="
                    + " against the code on the board's page");
            return;
        }
        try {
            Wire.Joined joined = roll.join(join.name(), join.token());
            log.println("+ " + joined.name() + " joined (" + roll.size() + (roll.size() == 1 ? " learner)" : " learners)"));
            json(http, 200, joined);
        } catch (ClassRoll.Refused r) {
            problem(http, r.status, r.getMessage());
        }
    }

    private void verdicts(HttpExchange http) throws IOException {
        String token = bearer(http.getRequestHeaders());
        String learner = roll.learner(token).orElse(null);
        if (learner == null) {
            refused(http, 401, ClassRoll.UNKNOWN_LEARNER);
            return;
        }
        if (!byLearner.take(learner.toLowerCase(Locale.ROOT))) {
            tooMany(http);
            return;
        }
        Wire.Verdicts verdicts = body(http, Wire.Verdicts.class);
        if (verdicts == null) {
            return;
        }
        if (!roll.codeMatches(verdicts.code())) {
            refused(http, 403, "the class code is not this board's: make join again with the code the board shows");
            return;
        }
        try {
            roll.update(token, verdicts.steps());
            http.sendResponseHeaders(204, -1);
        } catch (ClassRoll.Refused r) {
            refused(http, r.status, r.getMessage());
        }
    }

    /** A refused request counts against the sender's address, so guessing codes or tokens soon stops. */
    private void refused(HttpExchange http, int status, String message) throws IOException {
        if (!byAddress.take(address(http))) {
            tooMany(http);
            return;
        }
        problem(http, status, message);
    }

    /** The request's JSON as {@code type}, or null after answering why it cannot be read. */
    private <T> T body(HttpExchange http, Class<T> type) throws IOException {
        String contentType = http.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            refused(http, 415, "send JSON, with Content-Type: application/json");
            return null;
        }
        String length = http.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.strip()) > Wire.MAX_BODY) {
                refused(http, 413, "the body is over " + Wire.MAX_BODY + " bytes");
                return null;
            }
        } catch (NumberFormatException e) {
            refused(http, 400, "Content-Length is not a number");
            return null;
        }
        byte[] bytes = http.getRequestBody().readNBytes(Wire.MAX_BODY + 1);
        if (bytes.length > Wire.MAX_BODY) {
            refused(http, 413, "the body is over " + Wire.MAX_BODY + " bytes");
            return null;
        }
        T value = null;
        try {
            value = Wire.JSON.readValue(bytes, type); // null for an empty body
        } catch (IOException e) {
            // answered below
        }
        if (value == null) {
            refused(http, 400, "the body is not what the board reads: " + type.getSimpleName() + " as JSON (see Wire)");
        }
        return value;
    }

    private void tooMany(HttpExchange http) throws IOException {
        http.getResponseHeaders().set("Retry-After", "1");
        problem(http, 429, "too many requests: wait a moment; your next check sends everything again");
    }

    static String bearer(Headers headers) {
        String value = headers.getFirst("Authorization");
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() || token.length() > 100 ? null : token;
    }

    private static String address(HttpExchange http) {
        return http.getRemoteAddress().getAddress().getHostAddress();
    }

    // ---- answers ----

    /** The page's live feed: the whole board (a few kB) whenever it changes. */
    private void events(HttpExchange http) throws IOException {
        if (watchers.incrementAndGet() > MAX_WATCHERS) {
            watchers.decrementAndGet();
            problem(http, 503, "too many pages are watching this board (" + MAX_WATCHERS + "): close one");
            return;
        }
        try {
            Headers headers = http.getResponseHeaders();
            headers.set("Content-Type", "text/event-stream; charset=utf-8");
            headers.set("X-Accel-Buffering", "no");
            http.sendResponseHeaders(200, 0);
            OutputStream out = http.getResponseBody();
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            long seen = -1;
            while (!roll.closed()) {
                long now = roll.version();
                if (now != seen) {
                    seen = now;
                    out.write(("data: " + Wire.JSON.writeValueAsString(board()) + "\n\n").getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                roll.awaitChange(seen, KEEP_ALIVE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchers.decrementAndGet();
        }
    }

    private void csv(HttpExchange http) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        roll.writeCsv(bytes);
        http.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
        http.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"class-" + roll.code() + ".csv\"");
        send(http, 200, bytes.toByteArray());
    }

    private static void json(HttpExchange http, int status, Object value) throws IOException {
        http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        send(http, status, Wire.JSON.writeValueAsBytes(value));
    }

    private static void problem(HttpExchange http, int status, String message) throws IOException {
        json(http, status, new Wire.Problem(message));
    }

    private static void send(HttpExchange http, int status, byte[] body) throws IOException {
        Headers headers = http.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'");
        if (http.getRequestMethod().equals("HEAD")) {
            http.sendResponseHeaders(status, -1);
            return;
        }
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            http.getResponseBody().write(body);
        }
    }

    /** {@code text} without control characters and cut to 40, for quoting a request in an answer. */
    static String clip(String text) {
        String visible = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }

    /** Token buckets by key: {@code burst} at once, refilled at {@code perSecond}. */
    static final class Buckets {
        private static final int MAX_KEYS = 10_000;
        private final double burst;
        private final double perSecond;
        private final Map<String, double[]> buckets = new HashMap<>(); // key -> {tokens, last nanos}

        Buckets(double burst, double perSecond) {
            this.burst = burst;
            this.perSecond = perSecond;
        }

        synchronized boolean take(String key) {
            long now = System.nanoTime();
            if (buckets.size() > MAX_KEYS) { // forget the full ones: they are as new
                for (Iterator<double[]> it = buckets.values().iterator(); it.hasNext(); ) {
                    double[] b = it.next();
                    if (b[0] + (now - b[1]) / 1e9 * perSecond >= burst) {
                        it.remove();
                    }
                }
            }
            double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, now});
            b[0] = Math.min(burst, b[0] + (now - b[1]) / 1e9 * perSecond);
            b[1] = now;
            if (b[0] < 1) {
                return false;
            }
            b[0] -= 1;
            return true;
        }
    }

}
