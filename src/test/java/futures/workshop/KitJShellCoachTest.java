package futures.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's JShell as a Python programmer first types into it: futures print as one line each,
 * and each Python habit gets one line of Java advice under JShell's own error. Through
 * {@code make jshell}, as {@link KitJShellTest} does.
 */
@DisplayName("The kit's JShell, typed into with Python habits")
class KitJShellCoachTest {
    private static String output;

    @BeforeAll
    static void typeLikeAPythonProgrammer() throws Exception {
        output = KitJShellTest.makeJshell(List.of(
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
                "/exit"));
    }

    @Test
    @DisplayName("futures print their state, value or failure, call and worker in one line")
    void futuresExplainThemselves() {
        assertThat(output).contains(
                "f ==> Future[done: 13, from slowAdd(0, 6, 7) on worker-1]",
                "broken ==> Future[failed: IllegalArgumentException: Called broken function, in brokenFunction(0) on worker-1]");
        // from JDK 22 on, JShell refuses the kit's engine: Java's own text, shortened, has no value
        assertThat(output).contains(Runtime.version().feature() < 22 ? "==> Future[done: \"hi\"]" : "==> Future[done]");
    }

    @Test
    @DisplayName("each Python habit gets its Java answer next to JShell's error")
    void pythonHabits() {
        assertThat(output).contains(
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
        assertThat(output).containsPattern(
                "Exception java.util.concurrent.RejectedExecutionException: pool-\\d+ is closed and takes no new tasks: "
                        + "make a new pool, try \\(var pool = pool\\(2\\)\\) \\{ \\.\\.\\. \\}");
    }
}
