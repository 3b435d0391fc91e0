package futures.workshop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Java's own future text, shortened in JShell's lines, read from real futures' toString. */
@DisplayName("Java's future text at the prompt")
class ValueLinesTest {

    @Test
    @DisplayName("done, failed, not done, cancelled: CompletableFuture and FutureTask, alone and in a list")
    void shortened() {
        CompletableFuture<Integer> done = CompletableFuture.completedFuture(1);
        CompletableFuture<Integer> failed = CompletableFuture.failedFuture(new IllegalArgumentException("Called broken function"));
        CompletableFuture<Integer> waiting = new CompletableFuture<>();
        waiting.thenApply(x -> x); // a dependent: "Not completed, 1 dependents"
        CompletableFuture<Integer> cancelled = new CompletableFuture<>();
        cancelled.cancel(true);
        FutureTask<Integer> task = new FutureTask<>(() -> 2);
        assertThat(ValueLines.shorten("r ==> " + done)).isEqualTo("r ==> Future[done]");
        assertThat(ValueLines.shorten("$3 ==> " + failed)) // JDK 25's text names the class only
                .matches("\\$3 ==> Future\\[failed: IllegalArgumentException(: Called broken function)?]");
        assertThat(ValueLines.shorten("w ==> " + waiting)).isEqualTo("w ==> Future[not done yet]");
        assertThat(ValueLines.shorten("c ==> " + cancelled)).isEqualTo("c ==> Future[cancelled]");
        assertThat(ValueLines.shorten("t ==> " + task)).isEqualTo("t ==> Future[not done yet]");
        task.run();
        assertThat(ValueLines.shorten("fs ==> [" + task + ", " + done + "]")).isEqualTo("fs ==> [Future[done], Future[done]]");
    }

    @Test
    @DisplayName("other lines are left as they are")
    void others() {
        assertThat(ValueLines.shorten("x ==> java.util.concurrent.ThreadPoolExecutor@1b6d3586[Running, pool size = 0]"))
                .isEqualTo("x ==> java.util.concurrent.ThreadPoolExecutor@1b6d3586[Running, pool size = 0]");
        assertThat(ValueLines.shorten("r ==> Future[done: 13]")).isEqualTo("r ==> Future[done: 13]");
    }
}
