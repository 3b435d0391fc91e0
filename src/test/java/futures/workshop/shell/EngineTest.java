package futures.workshop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the kit's JShell engine writes a snippet's value. */
@DisplayName("Values at the kit's JShell prompt")
class EngineTest {

    @Test
    @DisplayName("a future in one line; a short list of futures on one line, a long one a future per line")
    void futures() {
        CompletableFuture<Integer> done = CompletableFuture.completedFuture(13);
        assertThat(Engine.show(done)).isEqualTo("Future[done: 13]");
        assertThat(Engine.show(List.of(done, new CompletableFuture<>())))
                .isEqualTo("[Future[done: 13], Future[not done yet]]");
        List<CompletableFuture<Integer>> many = List.of(done, done, done, done, done, done, done);
        assertThat(Engine.show(many)).isEqualTo("[\n" + "  Future[done: 13],\n".repeat(6) + "  Future[done: 13]\n]");
        assertThat(Engine.show(Map.of("a", done))).isEqualTo("{a=Future[done: 13]}");
    }

    @Test
    @DisplayName("everything else as JShell writes it: strings quoted, arrays spelled out, lists as toString")
    void otherValues() {
        assertThat(Engine.show("hi")).isEqualTo("\"hi\"");
        assertThat(Engine.show(new int[] {1, 2})).isEqualTo("int[2] { 1, 2 }");
        assertThat(Engine.show(List.of(1, 2))).isEqualTo("[1, 2]");
        assertThat(Engine.show(null)).isEqualTo("null");
    }
}
