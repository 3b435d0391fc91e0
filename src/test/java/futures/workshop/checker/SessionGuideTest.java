package futures.workshop.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the guide's quoted checker texts are compared with a verdict (FixtureBankTest grades the real ones). */
@DisplayName("Comparing the session guide's checker texts")
class SessionGuideTest {
    private static final String SHOWN = """
            ✗ 3 async         0/15  two calls at the same time
                ✗ runs the two slowAdd calls at the same time
                    happened: blocked too early
                    what the workers did:
                    Worker timeline: 2 calls over time, in lesson seconds
                    worker-1 |[#0 slowAdd(1, 6, 7)====]
                    worker-2 |             [#1 slowAdd(1, 2, 3)====]
                             ++-------+-------+
                    seconds   0.0     1.0     2.0
                    key: [#n call] returned  [x #n] failed  [#n ...> still running
                    2 workers used, peak 1 running at once, wall time 2.24 s
                ✓ main prints "Master process is PID 3137"
            """;

    @Test
    @DisplayName("the PID, the times and a timeline's bars and axis may differ; the rows, each word and the order may not")
    void masks() {
        String otherRun = SHOWN.replace("PID 3137", "PID 24716").replace("2.24 s", "2.67 s")
                .replace("|             [#1", "|                   [#1").replace("0.0     1.0     2.0", "0.0    0.5    1.0    1.5");
        assertThat(SessionGuide.firstMissing(otherRun, SHOWN)).isNull();
        assertThat(SessionGuide.firstMissing(SHOWN.replace("peak 1", "peak 2"), SHOWN)).contains("peak 2");
        assertThat(SessionGuide.firstMissing(SHOWN.replace("2 calls over", "3 calls over"), SHOWN)).contains("3 calls over");
        assertThat(SessionGuide.firstMissing(SHOWN.replace("        worker-2 |             [#1 slowAdd(1, 2, 3)====]\n", ""), SHOWN))
                .as("a worker's row left out").isNotNull();
        assertThat(SessionGuide.firstMissing(SHOWN.replace("✓ main", "✗ main"), SHOWN)).contains("✗ main");
    }

    @Test
    @DisplayName("a line ... leaves lines out; what is shown between cuts must be printed line for line, in order")
    void cuts() {
        String cut = """
                ✗ 3 async         0/15  two calls at the same time
                    ✗ runs the two slowAdd calls at the same time
                    ...
                        2 workers used, peak 1 running at once, wall time 2.2 s
                    ✓ main prints "Master process is PID 1"
                """;
        assertThat(SessionGuide.firstMissing(cut, SHOWN)).isNull();
        String wrongOrder = """
                        2 workers used, peak 1 running at once, wall time 2.2 s
                    ...
                    ✗ runs the two slowAdd calls at the same time
                """;
        assertThat(SessionGuide.firstMissing(wrongOrder, SHOWN)).contains("runs the two slowAdd calls");
        String gap = """
                ✗ 3 async         0/15  two calls at the same time
                        happened: blocked too early
                """;
        assertThat(SessionGuide.firstMissing(gap, SHOWN)).as("lines left out without a cut").contains("blocked too early");
    }
}
