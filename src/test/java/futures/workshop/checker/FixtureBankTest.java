package futures.workshop.checker;

import futures.workshop.sandbox.Folders;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Wrong submissions, each a solution with one mistake (src/test/fixtures/mistakes.toml), graded by
 * one checker in a handful of runs at once, and the text a learner sees for each. The hanging
 * ones share a run, so their time limits pass side by side.
 */
@DisplayName("The checker on wrong submissions")
class FixtureBankTest {
    private static final List<String> CASES = List.of("hangs", "exits", "exits-by-reference", "exits-zero-on-bad-argument", "floods-output", "syntax-error",
            "broken-beside-solved", "sequential", "blocked-too-early", "wrong-worker-count", "crashes-on-bad-argument",
            "pool-never-shut-down", "swallowed-exception", "hard-coded", "exception-escapes-main", "renamed-method",
            "package-line", "empty-file", "renamed-class", "thread-flood", "own-executor", "usage-quotes-exception",
            "leak-beside-sequential", "gets-each-in-turn", "message-without-usage",
            // quoted by the session guide, with blocked-too-early and wrong-worker-count
            "python-call", "waits-inside-submit", "waits-inside-submit-declared", "seconds-left-out", "returns-the-wrapper",
            "prints-the-wrapper", "answers-in-turn");

    private static Path work;
    private static Checker checker;
    private static Map<String, Verdict> verdicts;

    @BeforeAll
    static void gradeEveryFixture() {
        work = Folders.newWorkDir();
        checker = new Checker(Grading.course(), work);
        verdicts = Grading.gradeCases(checker, work.resolve("fixtures"), CASES);
    }

    @AfterAll
    static void stop() {
        if (checker != null) {
            checker.close();
        }
        Folders.deleteQuietly(work);
    }

    /** The verdict of one fixture, e.g. {@code "hangs/async"}, as the learner reads it. */
    private static String failed(String fixture) {
        Verdict v = verdicts.get(fixture);
        assertThat(v).as("verdict of %s", fixture).isNotNull();
        String shown = Grading.shown(v);
        assertThat(v.passed()).as("%s must fail, but:%n%s", fixture, shown).isFalse();
        assertThat(shown).as(fixture).contains(v.exercise().label(), " 0/" + v.exercise().points());
        return shown;
    }

    /** The names of the failed checks, as an assertion that shows the whole verdict when it fails. */
    private static org.assertj.core.api.ListAssert<String> assertFailedChecks(String fixture) {
        Verdict v = verdicts.get(fixture);
        return assertThat(v.failures().stream().map(Verdict.CheckResult::name).toList())
                .as("failed checks of %s:%n%s", fixture, Grading.shown(v));
    }

    @Test
    @DisplayName("a syntax error: does not compile, with file:line:col and the source line")
    void syntaxError() {
        String shown = failed("syntax-error/async");
        Verdict v = verdicts.get("syntax-error/async");
        assertThat(v.status()).isEqualTo(Verdict.Status.NOT_COMPILED);
        assertThat(v.problems()).containsExactly("exercises/03-async/ApplyAsync.java:34:65: error: ';' expected\n"
                + "        Future<Integer> r2 = pool.submit(() -> slowAdd(1, 2, 3))\n" + " ".repeat(64) + "^");
        assertThat(shown).contains("does not compile (the other exercises are still graded)",
                "exercises/03-async/ApplyAsync.java:34:65: error: ';' expected");
    }

    @Test
    @DisplayName("a type error: does not compile, and the solved exercise beside it still passes")
    void typeErrorBesideASolvedExercise() {
        String shown = failed("broken-beside-solved/arguments");
        assertThat(verdicts.get("broken-beside-solved/arguments").status()).isEqualTo(Verdict.Status.NOT_COMPILED);
        assertThat(shown).contains("does not compile",
                "exercises/02-arguments/PoolAdd.java:25:48: error: incompatible types: java.lang.String cannot be converted to int",
                "return pool.submit(() -> slowAdd(1, 6, \"7\"));");
        Verdict solved = verdicts.get("broken-beside-solved/submit");
        assertThat(solved.passed()).as("exercise 1 graded in the same run:%n%s", Grading.shown(solved)).isTrue();
    }

    @Test
    @DisplayName("step 3 calling the functions itself: not submitted, and sequential")
    void sequential() {
        String shown = failed("sequential/async");
        assertThat(shown).contains("ran on main: it was called directly, not submitted",
                "sequential: the calls never overlapped; at most 1 ran at once",
                "look at:  exercises/03-async/ApplyAsync.java: submit both calls first");
    }

    @Test
    @DisplayName("step 3 asking for the first result before the second submit: blocked too early")
    void blockedTooEarly() {
        String shown = failed("blocked-too-early/async");
        assertFailedChecks("blocked-too-early/async").containsExactly("runs the two slowAdd calls at the same time");
        assertThat(shown).contains("blocked too early: the first future was asked for its result (get) before the second call was submitted",
                "submit both calls first, then call get() on each future");
    }

    @Test
    @DisplayName("step 6 ignoring its argument: the wrong number of tasks at once, named as such")
    void wrongWorkerCount() {
        String shown = failed("wrong-worker-count/workers");
        assertFailedChecks("wrong-worker-count/workers").isNotEmpty()
                .allMatch(name -> name.matches("with \\d worker\\(s\\) asked for, \\d task\\(s\\) run at once at the peak"));
        assertThat(shown).contains("task(s) ran at once, on").containsAnyOf(
                "does main make the pool with workers(args)? A pool of the default size ignores the argument",
                "the pool has more workers than asked for: make it with exactly workers(args) workers");
    }

    @Test
    @DisplayName("step 6 crashing on a bad argument: each crash with its own exception, and how to avoid that one")
    void crashesOnBadArgument() {
        String shown = failed("crashes-on-bad-argument/workers");
        assertThat(shown).contains("happened: the program crashed with java.lang.NumberFormatException: For input string: \"abc\"",
                "catch the NumberFormatException that Integer.parseInt throws for 'abc'",
                "at Workers.workers(Workers.java:36)");
        // "0" parses: what crashed is the pool, and the hint must not blame NumberFormatException
        String zero = shown.substring(shown.indexOf("a bad argument \"0\""));
        zero = zero.substring(0, zero.indexOf("\n    ", zero.indexOf("look at:")));
        assertThat(zero).contains("java.lang.IllegalArgumentException", "check the number before making the pool")
                .doesNotContain("NumberFormatException");
        assertFailedChecks("crashes-on-bad-argument/workers").hasSize(3)
                .allMatch(name -> name.startsWith("a bad argument"));
    }

    @Test
    @DisplayName("a pool never shut down: named, with the thread left running and the fix")
    void poolNeverShutDown() {
        String shown = failed("pool-never-shut-down/submit");
        assertThat(shown).contains("pool never shut down: pool-1-thread-1 still running afterwards, so the program would never end",
                "create the pool in try (var pool = ...) { ... }, or call pool.shutdown()");
    }

    @Test
    @DisplayName("a swallowed exception: task 4 printed as successful, and why that is wrong")
    void swallowedException() {
        String shown = failed("swallowed-exception/watch");
        assertThat(shown).contains("Task 4 was successful. Result is null",
                "the broken task's exception is held in its future; swallowing it hides the failure",
                "after \"Here are the results.\" it printed:\n          Task 0 was successful. Result is 13");
    }

    @Test
    @DisplayName("hangs: an endless loop, a future nobody completes, a task waiting behind itself and a deadlock")
    void hangs() {
        assertThat(failed("hangs/submit")).contains(
                "it hangs: still running after 5.0 s: a deadlock, worker-1 and worker-2 each wait for a lock another one holds",
                "look at:  exercises/01-submit/PoolSubmit.java:", "(BLOCKED)", "at PoolSubmit.lockBoth(PoolSubmit.java:")
                .doesNotContain("never completes");
        assertThat(failed("hangs/arguments")).contains("it hangs: still running after 5.0 s",
                "look at:  exercises/02-arguments/PoolAdd.java:34", "where it was stuck:", "at PoolAdd.main(PoolAdd.java:34)");
        assertThat(failed("hangs/async")).contains("it hangs: still running after 5.0 s, waiting for a future that never completes",
                "look at:  exercises/03-async/ApplyAsync.java:36", "at ApplyAsync.addTwoAtOnce(ApplyAsync.java:36)");
        assertThat(failed("hangs/future")).contains("it hangs: still running after 5.0 s, waiting for a future that never completes",
                "look at:  exercises/04-future/FutureFacts.java:63", "worker-1 (WAITING)", "at FutureFacts.lambda$main$");
    }

    @Test
    @DisplayName("System.exit and Runtime.halt: named, pointing at the learner's line")
    void exits() {
        assertThat(failed("exits/submit")).contains(
                "happened: the program called System.exit(0) and ended the JVM before the checks could finish",
                "look at:  exercises/01-submit/PoolSubmit.java:37: return from the method instead of exiting");
        assertThat(failed("exits/arguments")).contains(
                "happened: the program called Runtime.halt(0) and ended the JVM before the checks could finish",
                "look at:  exercises/02-arguments/PoolAdd.java:34: return from the method instead of exiting");
    }

    @Test
    @DisplayName("an exit on a worker, by reflection or through a method reference: each named with its status")
    void exitsElsewhere() {
        assertThat(failed("exits/async")).contains("the program called System.exit(3)",
                "look at:  exercises/03-async/ApplyAsync.java:34", "at ApplyAsync.lambda$addTwoAtOnce$");
        // reflection goes past the trap: the JVM really ends, and its status is still reported
        assertThat(failed("exits/future")).contains("the program called System.exit(4)",
                "look at:  exercises/04-future/FutureFacts.java:70");
        // what the program does after a trapped exit is not reported, as after a real one
        assertThat(failed("exits/watch")).contains("the program called System.exit(5)",
                "look at:  exercises/05-watch/WatchFutures.java:87").doesNotContain("still here after exit");
    }

    @Test
    @DisplayName("a bad argument that exits with status 0: named, pointing at the exit's line")
    void exitsZeroOnBadArgument() {
        assertThat(failed("exits-zero-on-bad-argument/workers")).contains(
                "happened: System.exit(0): that tells the shell all went well",
                "look at:  exercises/06-workers/Workers.java:45: after the usage message, System.exit(2)");
    }

    @Test
    @DisplayName("a usage exit through a method reference passes, like a plain System.exit")
    void exitByReferencePasses() {
        Verdict v = verdicts.get("exits-by-reference/workers");
        assertThat(v.passed()).as(Grading.shown(v)).isTrue();
    }

    @Test
    @DisplayName("an output flood: named, with the first lines and the printing line")
    void floodsOutput() {
        assertThat(failed("floods-output/async")).contains(
                "output flood: it printed more than 1 MiB of output (a print inside a loop that never ends?)",
                "first lines printed:", "Result one is 13", "look at:  exercises/03-async/ApplyAsync.java:45");
    }

    @Test
    @DisplayName("hard-coded output: printed results without a call on the pool are refused")
    void hardCoded() {
        assertThat(failed("hard-coded/arguments")).contains("hard-coded output?", "slowAdd(1, 6, 7)");
        assertThat(failed("hard-coded/watch")).contains("hard-coded output? no slow call at all");
    }

    @Test
    @DisplayName("an exception escaping main: its type, message, cause and line")
    void exceptionEscapesMain() {
        assertThat(failed("exception-escapes-main/future")).contains(
                "it threw java.util.concurrent.ExecutionException: java.lang.IllegalArgumentException: Called broken function",
                "look at:  exercises/04-future/FutureFacts.java:69", "Caused by: java.lang.IllegalArgumentException");
    }

    @Test
    @DisplayName("a renamed method: says which method the checks need")
    void renamedMethod() {
        assertThat(failed("renamed-method/submit")).contains(
                "PoolSubmit has no method submitSlowFunction(ExecutorService): keep the method the exercise gave you");
    }

    @Test
    @DisplayName("a package line, an empty file and a renamed class: each named, with what to do, and nothing else said")
    void noClassToGrade() {
        assertThat(failed("package-line/submit")).contains(
                "exercises/01-submit/PoolSubmit.java starts with \"package exercises;\": remove that line")
                .doesNotContain("ClassNotFoundException");
        assertThat(failed("empty-file/arguments")).contains(
                "exercises/02-arguments/PoolAdd.java has no class in it (is it empty?): make reset EX=2");
        assertThat(failed("renamed-class/async")).contains(
                "exercises/03-async/ApplyAsync.java declares class Async, but the checks look for class ApplyAsync")
                .doesNotContain("ClassNotFoundException");
        for (String fixture : List.of("package-line/submit", "empty-file/arguments", "renamed-class/async")) {
            assertThat(verdicts.get(fixture).status()).as(fixture).isEqualTo(Verdict.Status.NO_CLASS);
        }
    }

    @Test
    @DisplayName("a thousand threads left running: plain threads, not a pool, listed five and counted")
    void threadFlood() {
        String shown = failed("thread-flood/submit");
        assertThat(shown).contains("threads still running afterwards: Thread-", " and 995 more, so the program would never end",
                "make each thread you start end").doesNotContain("pool never shut down");
        assertThat(shown.lines().mapToInt(String::length).max().orElse(0)).as("longest line").isLessThan(200);
    }

    @Test
    @DisplayName("right answers written otherwise pass: the JDK's own pool in main, a usage line that quotes the parse error, other words")
    void correctVariantsPass() {
        for (String fixture : List.of("own-executor/arguments", "usage-quotes-exception/workers", "message-without-usage/workers")) {
            Verdict v = verdicts.get(fixture);
            assertThat(v.passed()).as("%s:%n%s", fixture, Grading.shown(v)).isTrue();
        }
    }

    @Test
    @DisplayName("a pool left open beside calls waited for in turn: the concurrency check names the mistake, the last check the pool")
    void leakDoesNotHideTheMistake() {
        String shown = failed("leak-beside-sequential/async");
        Verdict v = verdicts.get("leak-beside-sequential/async");
        Verdict.CheckResult atOnce = v.checks().stream().filter(c -> c.name().equals("runs the two slowAdd calls at the same time"))
                .findFirst().orElseThrow();
        assertThat(atOnce.passed()).isFalse();
        assertThat(atOnce.message()).contains("the calls never overlapped").doesNotContain("never shut down");
        assertThat(shown).contains("leaves no pool or thread running", "pool never shut down: pool-");
    }

    @Test
    @DisplayName("calls waited for one by one are blocked too early, not a hang: the checker's own waits do not count")
    void checkerWaitsAreNotTheProgramsTime() {
        String shown = failed("gets-each-in-turn/watch");
        assertThat(shown).contains("blocked too early: submitAll waited for a call to finish before returning")
                .doesNotContain("it hangs");
    }

    @Test
    @DisplayName("every mistake the session guide quotes prints the checker text the guide shows, and each one it shows is graded")
    void sessionGuide() {
        String guide = SessionGuide.text();
        List<String> quoted = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Grading.Mistake m : Grading.mistakes()) {
            if (m.guide() == null) {
                continue;
            }
            String block = SessionGuide.blockAfter(guide, m.guide());
            quoted.add(block);
            assertThat(m.replace()).as("the code graded for %s, which the guide quotes", m.name()).contains(m.guide());
            Verdict v = verdicts.get(m.name() + "/" + Grading.course().exercises().stream()
                    .filter(e -> e.file().equals(m.file())).findFirst().orElseThrow().name());
            String shown = Grading.shown(v, true);
            String missing = SessionGuide.firstMissing(block, shown);
            if (missing != null) {
                wrong.add(SessionGuide.FILE + ", the mistake `" + m.guide() + "` (case " + m.name() + " of " + Grading.MISTAKES
                        + "): the checker does not print\n" + missing + "\nthere; it prints:\n" + shown);
            }
        }
        assertThat(wrong).as("checker texts in the guide that the checker does not print").isEmpty();
        assertThat(SessionGuide.verdictBlocks(guide)).as("checker texts the guide shows: each needs a case in %s whose"
                + " guide = is the code quoted before it", Grading.MISTAKES).allMatch(quoted::contains);
    }

    @Test
    @DisplayName("grades every fixture case of mistakes.toml")
    void everyCaseIsGraded() {
        assertThat(Grading.cases().keySet()).containsExactlyInAnyOrderElementsOf(CASES);
    }
}
