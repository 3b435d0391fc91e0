package futures.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Starts the kit's JShell for real, through {@code make jshell} (so with exactly its flags, class
 * path, startup script and class archive) on the JDK running the tests, types the issue's two
 * lines, {@code /open}s every type-along script in {@code jshell/}, then types what a Python
 * programmer first types, and reads what JShell printed. One JShell session serves all the tests;
 * the lesson's seconds are scaled by 0.01.
 */
@DisplayName("The kit's JShell (make jshell), fed the lesson non-interactively")
@Execution(ExecutionMode.CONCURRENT) // a process of its own that mostly waits: beside the other tests
class KitJShellTest {
    private static final String HABITS = "-- Python habits from here on --";
    private static final List<String> INPUT = List.of(
            "var pool = Executors.newFixedThreadPool(2); var r = pool.submit(() -> slowAdd(1, 6, 7)); r.get()",
            "pool.submit(() -> brokenFunction(1)).get()",
            "pool.shutdown()",
            "help()",
            "/open jshell/step1-submit.jsh",
            "/open jshell/step2-arguments.jsh",
            "/open jshell/step3-async.jsh",
            // "right after submit, isDone() is false" needs a task longer than a busy machine's pause
            "System.setProperty(\"workshop.timeScale\", \"0.5\")",
            "/open jshell/step4-future.jsh",
            "System.setProperty(\"workshop.timeScale\", \"0.01\")",
            "/open jshell/step5-watch.jsh",
            "/open jshell/step6-workers.jsh",
            "/open jshell/step7-spread.jsh",
            "check(1)",
            "System.out.println(\"" + HABITS + "\")",
            // as a Python programmer first types: futures at the prompt, then Python habits
            "var p = pool(1)",
            "var f = p.submit(() -> slowAdd(0, 6, 7))",
            "f.get()",
            "f",
            "var broken = p.submit(() -> brokenFunction(0))",
            "while (!broken.isDone()) sleep(0.1);",
            "broken",
            "f.result()",
            "f.done()",
            "f.exception()",
            "f.wait()",
            "List<Future<Integer>> futures = new ArrayList<>()",
            "futures.append(f)",
            "len(futures)",
            "var xs = []",
            "p.submit(slowAdd, 1, 6, 7)",
            "int x = p.submit(() -> slowAdd(0, 1, 2))",
            "p.close()",
            "p.submit(() -> 1)",
            "CompletableFuture.completedFuture(\"hi\")",
            "/exit");

    /** What the lesson's part of the session printed, and what the Python habits' part did. */
    private static String output;
    private static String habits;

    @BeforeAll
    static void runTheLessonThroughMakeJshell() throws Exception {
        String all = makeJshell(INPUT);
        int at = all.lastIndexOf(HABITS);
        assertThat(at).as("the line between the two parts in:%n%s", all).isNotNegative();
        output = all.substring(0, at);
        habits = all.substring(at);
    }

    /**
     * Runs {@code make jshell} with the given lines on its standard input and returns everything
     * it printed. {@code -o target/futures-workshop.jar} keeps make from starting Maven inside this
     * Maven run: the classes are already compiled.
     */
    static String makeJshell(List<String> lines) throws IOException, InterruptedException {
        Process make = new ProcessBuilder("make", "-s", "-o", "target/futures-workshop.jar", "jshell",
                "JAVA_HOME=" + System.getProperty("java.home"),
                "JSHELL_ARGS=-R-Dworkshop.timeScale=0.01")
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (OutputStream in = make.getOutputStream()) {
            in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!make.waitFor(3, TimeUnit.MINUTES)) {
            make.descendants().forEach(ProcessHandle::destroyForcibly);
            make.destroyForcibly();
            throw new AssertionError("make jshell did not finish within 3 minutes");
        }
        String text = printed.join();
        assertThat(make.exitValue()).as("exit status of make jshell; it printed:%n%s", text).isZero();
        return text;
    }

    /** What the given step's script printed: from its heading to the next step's heading. */
    private static String step(int n) {
        int from = output.indexOf("Step " + n + ":");
        assertThat(from).as("heading of step %d in:%n%s", n, output).isNotNegative();
        int to = output.indexOf("Step " + (n + 1) + ":", from);
        return output.substring(from, to < 0 ? output.length() : to);
    }

    @Test
    @DisplayName("prints the banner, then the prompt, with no compile error and no unexpected exception")
    void opensCleanly() {
        assertThat(output).contains("|  futures-workshop: the lesson's helpers", "Type help() to see them", "jshell> ");
        assertThat(output).as("a snippet that did not compile").doesNotContain("|  Error:");
        // Exactly one exception reaches the prompt: the one the issue's second line asks for.
        assertThat(Pattern.compile("\\|  Exception ").matcher(output).results().count())
                .as("exceptions shown at the prompt in:%n%s", output).isEqualTo(1);
    }

    @Test
    @DisplayName("the issue's lines need no import: slowAdd(1, 6, 7) gives 13 with its sleep and wake lines")
    void submitWithoutImports() {
        assertThat(output).containsPattern("pool-1-thread-1 \\(PID \\d+\\) going to sleep for 1 second\\(s\\)")
                .containsPattern("pool-1-thread-1 \\(PID \\d+\\) waking up")
                .containsPattern("\\$\\d+ ==> 13");
    }

    @Test
    @DisplayName("the broken function's get() shows ExecutionException caused by IllegalArgumentException")
    void brokenFunctionAtThePrompt() {
        assertThat(output).contains(
                "|  Exception java.util.concurrent.ExecutionException: java.lang.IllegalArgumentException: Called broken function",
                "|  Caused by: java.lang.IllegalArgumentException: Called broken function");
    }

    @Test
    @DisplayName("check(1) grades exercise 1 from the prompt, its code run in a sandbox JVM")
    void checkFromThePrompt() {
        // the learner's own file: the stub says "not done yet", a solved one passes; either way
        // the sandbox JVM ran it, which needs the kit's whole class path inside JShell's engine
        assertThat(output).containsPattern("(not done yet: submit slowFunction\\(5\\) to the pool|[✓+] 1 submit +10/10)")
                .doesNotContain("stopped the JVM");
        // what comes next, in JShell's words
        assertThat(output).containsPattern("(check it with check\\(\\d\\)|Every exercise passes)");
    }

    @Test
    @DisplayName("help() lists the helpers and points to the step scripts")
    void help() {
        assertThat(output).contains("slowAdd(nsecs, x, y)", "/open jshell/step1-submit.jsh");
    }

    @Test
    @DisplayName("step 1: submit then get, and its Pool.apply counterpart, both give slowFunction(5)'s 5")
    void step1() {
        assertThat(step(1)).containsPattern("Master process is PID \\d+")
                .containsPattern("worker-1 \\(PID \\d+\\) going to sleep for 5 second\\(s\\)");
        assertThat(count(step(1), "Result is 5")).isEqualTo(2);
    }

    @Test
    @DisplayName("step 2: slowAdd(1, 6, 7) gives 13 through submit and through the apply counterpart")
    void step2() {
        assertThat(count(step(2), "Result is 13")).isEqualTo(2);
    }

    @Test
    @DisplayName("step 3: two submits, then two gets, give 13 and 5, also through CompletableFuture")
    void step3() {
        assertThat(count(step(3), "Result one is 13")).isEqualTo(2);
        assertThat(count(step(3), "Result two is 5")).isEqualTo(2);
        assertThat(step(3)).contains("worker-2 (PID");
        // In lesson seconds like everything else, so at least the 1 s the calls sleep, not 0.0 s.
        assertThat(seconds(step(3), "Two 1-second calls took ([0-9.]+) s")).hasSize(2)
                .allSatisfy(took -> assertThat(took).isGreaterThanOrEqualTo(1.0));
    }

    @Test
    @DisplayName("step 4: isDone before and after get, the failure's cause, ready and successful")
    void step4() {
        assertThat(step(4)).contains(
                "Right after submit, r.isDone() is false",
                "r.get() waits, then returns 13",
                "Now r.isDone() is true",
                "broken.get() threw ExecutionException; getCause() is java.lang.IllegalArgumentException: Called broken function",
                "r successful: true",
                "broken successful: false",
                "state() (RUNNING, SUCCESS, FAILED, CANCELLED)");
    }

    @Test
    @DisplayName("step 5: future.py watches five tasks finish, then prints the four results and the failure")
    void step5() {
        assertThat(step(5)).contains(
                "Have the workers finished?",
                "Task 3 is running...",
                "Task 0 was successful. Result is 13",
                "Task 1 was successful. Result is 3",
                "Task 2 was successful. Result is 9",
                "Task 3 was successful. Result is 7",
                "Task 4 failed!",
                " Error = class java.lang.IllegalArgumentException : Called broken function");
    }

    @Test
    @DisplayName("step 5 has future.py's shape line for line: its slow functions are quiet, as the lesson's are")
    void step5Shape() {
        List<String> lines = step(5).lines().skip(1) // the heading
                .map(line -> line.replaceAll("\\p{Cntrl}", "").replaceFirst("^(jshell> )+", "").strip())
                .filter(line -> !line.isEmpty() && !line.startsWith("quiet("))
                .toList();
        assertThat(lines).as("step 5's output").isNotEmpty().allMatch(line -> line.matches(
                "Have the workers finished\\?|Task \\d (is running\\.\\.\\.|has finished|failed!|was successful\\. Result is -?\\d+)"
                        + "|Here are the results\\.|Error = class java\\.lang\\.IllegalArgumentException : Called broken function"
                        + "|\\|  .*"), "a line of future.py's output");
        assertThat(lines).startsWith("Have the workers finished?").contains("Here are the results.");
    }

    @Test
    @DisplayName("step 6: the same run with the number of workers as a parameter, on five workers, in lesson seconds")
    void step6() {
        assertThat(step(6)).contains("Task 4 failed!", "With 5 worker(s) the whole run took").doesNotContain("going to sleep");
        assertThat(seconds(step(6), "With 5 worker\\(s\\) the whole run took ([0-9.]+) s")).singleElement()
                .satisfies(took -> assertThat(took).as("lesson seconds: the longest task is 5.1 s").isGreaterThanOrEqualTo(5.1));
    }

    /** The numbers that the pattern's group 1 finds in the text. */
    private static List<Double> seconds(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        List<Double> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(Double.parseDouble(m.group(1)));
        }
        return found;
    }

    @Test
    @DisplayName("step 7: nine tasks on three workers, each worker's tasks read from calls()")
    void step7() {
        String step7 = step(7);
        assertThat(step7).contains("9 tasks on 3 worker(s), from calls():");
        // Three workers start tasks 0, 1 and 2 at once; every task is listed exactly once.
        for (int worker = 1; worker <= 3; worker++) {
            assertThat(step7).containsPattern("worker-" + worker + " ran task " + (worker - 1) + " ");
        }
        Matcher tasks = Pattern.compile("task (\\d) \\(").matcher(step7);
        assertThat(tasks.results().map(m -> m.group(1)).sorted().toList())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    @DisplayName("futures print their state, value or failure, call and worker in one line")
    void futuresExplainThemselves() {
        assertThat(habits).contains(
                "f ==> Future[done: 13, from slowAdd(0, 6, 7) on worker-1]",
                "broken ==> Future[failed: IllegalArgumentException: Called broken function, in brokenFunction(0) on worker-1]");
        // from JDK 22 on, JShell refuses the kit's engine: Java's own text, shortened, has no value
        assertThat(habits).contains(Runtime.version().feature() < 22 ? "==> Future[done: \"hi\"]" : "==> Future[done]");
    }

    @Test
    @DisplayName("each Python habit gets its Java answer next to JShell's error")
    void pythonHabits() {
        assertThat(habits).contains(
                "|  Java: f.get() waits for the task and returns its value (Python's result())",
                "|  Java: f.isDone() says whether the task has finished, without waiting",
                "|  Java: f.get() throws an ExecutionException when the task failed; its getCause() is the task's exception",
                "|  Java: wait() is Object's method for locks, not Python's wait: future.get() waits for a future to finish",
                "|  Java: futures.add(x) adds to a list (Python's append)",
                "|  Java: futures.size() is Python's len(futures)",
                "|  Java: no [] lists: List<Future<Integer>> futures = new ArrayList<>(); then futures.add(...)",
                "|  Java: hand over a call, not a function and its arguments: pool.submit(() -> slowAdd(1, 6, 7))",
                "|  Java: submit gives a Future, not its value: get() waits for the value, int r = pool.submit(...).get();");
    }

    @Test
    @DisplayName("a closed pool says how to make a new one")
    void closedPool() {
        assertThat(habits).containsPattern(
                "Exception java.util.concurrent.RejectedExecutionException: pool-\\d+ is closed and takes no new tasks: "
                        + "make a new pool, try \\(var pool = pool\\(2\\)\\) \\{ \\.\\.\\. \\}");
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
