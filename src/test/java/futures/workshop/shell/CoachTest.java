package futures.workshop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Python-to-Java coach, fed error blocks as JShell 17 and 25 print them (the same text on
 * both). The whole kit's JShell is tried in {@code KitJShellTest}.
 */
@DisplayName("The Python-to-Java coach")
class CoachTest {

    /** The lines the coach prints for JShell's lines. */
    static List<String> coached(int java, String... jshell) {
        Coach coach = new Coach(java);
        List<String> out = new ArrayList<>();
        for (String line : jshell) {
            out.addAll(coach.lines(line));
        }
        return out;
    }

    /** JShell's block for "cannot find symbol" at {@code source}. */
    static String[] notFound(String symbol, String source) {
        return new String[] {"|  Error:", "|  cannot find symbol", "|    symbol:   " + symbol, "|  " + source, "|  ^---^"};
    }

    /** The advice lines only. */
    static List<String> advice(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith(Coach.PREFIX)).map(l -> l.substring(Coach.PREFIX.length())).toList();
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(delimiterString = "¦", quoteCharacter = '`', textBlock = """
            method result()                               ¦ r.result()                      ¦ r.get() waits for the task and returns its value (Python's result())
            method done()                                 ¦ r.done()                        ¦ r.isDone() says whether the task has finished, without waiting
            method ready()                                ¦ futures.get(0).ready()          ¦ futures.get(0).isDone() says whether the task has finished, without waiting
            method append(java.util.concurrent.Future<java.lang.Integer>) ¦ futures.append(r) ¦ futures.add(x) adds to a list (Python's append)
            method len(java.util.List<java.util.concurrent.Future<java.lang.Integer>>) ¦ len(futures) ¦ futures.size() is Python's len(futures)
            method len(java.lang.String)                  ¦ len(name)                       ¦ name.length() is Python's len(name)
            method print(java.lang.String)                ¦ print("hi")                     ¦ System.out.println(...) prints a line (Python's print)
            variable slowAdd                              ¦ pool.submit(slowAdd, 1, 6, 7)   ¦ hand over a call, not a function and its arguments: pool.submit(() -> slowAdd(1, 6, 7))
            method slow_add(int,int,int)                  ¦ slow_add(1, 6, 7)               ¦ the lesson's functions are camelCase in Java: slowAdd(...), not slow_add(...)
            variable None                                 ¦ r = None                        ¦ null is Python's None
            variable True                                 ¦ boolean b = True                ¦ true is Python's True
            variable time                                 ¦ time.sleep(1)                   ¦ sleep(1) sleeps for the lesson's seconds (time.sleep(1)); time() reads the lesson's clock (time.time())
            variable os                                   ¦ os.getpid()                     ¦ pid() is the process id (os.getpid())
            variable max_workers                          ¦ pool(max_workers=5)             ¦ pool(5) makes a pool of 5 workers (ProcessPoolExecutor(max_workers=5))
            method isDone()                               ¦ futures.get(0).isDone()         ¦ isDone() is Future's: a list made with var futures = new ArrayList<>() holds Objects; declare List<Future<Integer>> futures = new ArrayList<>();
            """)
    void pythonHabits(String symbol, String source, String expected) {
        assertThat(advice(coached(17, notFound(symbol.strip(), source.strip())))).containsExactly(expected.strip());
    }

    @Test
    @DisplayName("the advice comes right after JShell's block, which is printed as it was")
    void afterTheBlock() {
        String[] block = notFound("method result()", "r.result()");
        List<String> out = coached(17, block);
        assertThat(out).startsWith(block).hasSize(block.length + 1);
    }

    @Test
    @DisplayName("successful() and exception(): newer Javas get their newer methods named too")
    void newerMethods() {
        assertThat(advice(coached(17, notFound("method successful()", "r.successful()"))))
                .containsExactly("there is no successful(): r.get() throws an ExecutionException when the task failed");
        assertThat(advice(coached(25, notFound("method successful()", "r.successful()")))).singleElement()
                .asString().endsWith("; or ask r.state() == Future.State.SUCCESS");
        assertThat(advice(coached(25, notFound("method exception()", "r.exception()")))).singleElement()
                .asString().endsWith("; or r.exceptionNow() once it is done");
    }

    @Test
    @DisplayName("futures = [] and a Future where its value belongs")
    void otherCompileErrors() {
        assertThat(advice(coached(17, "|  Error:", "|  illegal start of expression", "|  var futures = [];", "|                ^")))
                .containsExactly("no [] lists: List<Future<Integer>> futures = new ArrayList<>(); then futures.add(...)");
        assertThat(advice(coached(17, "|  Error:",
                "|  incompatible types: java.util.concurrent.Future<java.lang.Integer> cannot be converted to int",
                "|  int r = pool.submit(() -> slowAdd(1, 6, 7));", "|          ^---------------------------^")))
                .containsExactly("submit gives a Future, not its value: get() waits for the value, int r = pool.submit(...).get();");
        assertThat(advice(coached(17, "|  Error:",
                "|  incompatible types: no instance(s) of type variable(s) T exist so that java.util.concurrent.Future<T> conforms to int",
                "|  int x = pool(1).submit(() -> slowAdd(1, 2, 3));", "|          ^------------------------------------^")))
                .containsExactly("submit gives a Future, not its value: get() waits for the value, int r = pool.submit(...).get();");
    }

    @Test
    @DisplayName("exceptions at the prompt: wait(), a closed pool, a failed task, a cancelled one")
    void exceptions() {
        assertThat(advice(coached(17, "|  Exception java.lang.IllegalMonitorStateException: current thread is not owner",
                "|        at Object.wait (Native Method)"))).containsExactly(
                "wait() is Object's method for locks, not Python's wait: future.get() waits for a future to finish");
        assertThat(advice(coached(17, "|  Exception java.util.concurrent.RejectedExecutionException: Task x rejected from y")))
                .containsExactly("a closed pool takes no new tasks: make a new one, try (var pool = pool(2)) { ... }");
        assertThat(advice(coached(17, "|  Exception java.util.concurrent.RejectedExecutionException: pool-1 is closed and "
                + "takes no new tasks: make a new pool, try (var pool = pool(2)) { ... }")))
                .as("the kit's own pool already says it").isEmpty();
        assertThat(advice(coached(17, "|  Exception java.util.concurrent.ExecutionException: "
                + "java.lang.IllegalArgumentException: Called broken function"))).singleElement().asString()
                .startsWith("the task failed and get() passed its exception on");
        assertThat(advice(coached(17, "|  Exception java.util.concurrent.CancellationException"))).singleElement()
                .asString().contains("isCancelled()");
    }

    @Test
    @DisplayName("no advice for errors that are not Python habits, nor for ordinary output")
    void silentOtherwise() {
        assertThat(advice(coached(17, notFound("variable futurez", "futurez.size()")))).isEmpty();
        assertThat(advice(coached(17, notFound("method frobnicate()", "r.frobnicate()")))).isEmpty();
        assertThat(advice(coached(17, "|  Exception java.lang.ArithmeticException: / by zero"))).isEmpty();
        assertThat(coached(17, "r ==> Future[done: 13]", "|  created method watch(int)", "|  ^ not a caret block"))
                .containsExactly("r ==> Future[done: 13]", "|  created method watch(int)", "|  ^ not a caret block");
    }
}
