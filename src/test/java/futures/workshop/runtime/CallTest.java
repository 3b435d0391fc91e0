package futures.workshop.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.runtime.Call.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A recorded call")
class CallTest {
    private static Call call(long start, long end) {
        Outcome outcome = end < 0 ? Outcome.RUNNING : Outcome.RETURNED;
        return new Call(0, "f", "f()", "worker-1", "pool-1", 0, start, end, outcome, null);
    }

    @Test
    @DisplayName("overlaps another call that ran during part of its time")
    void overlapping() {
        assertThat(call(0, 10).overlaps(call(5, 15))).isTrue();
        assertThat(call(5, 15).overlaps(call(0, 10))).isTrue();
        assertThat(call(0, 10).overlaps(call(2, 3))).isTrue();
    }

    @Test
    @DisplayName("does not overlap a call that started when it ended, or later")
    void oneAfterTheOther() {
        assertThat(call(0, 10).overlaps(call(10, 20))).isFalse();
        assertThat(call(20, 30).overlaps(call(0, 10))).isFalse();
    }

    @Test
    @DisplayName("still running, overlaps every call that started after it")
    void stillRunning() {
        assertThat(call(5, -1).overlaps(call(1000, 2000))).isTrue();
        assertThat(call(5, -1).overlaps(call(0, 5))).isFalse();
        assertThat(call(5, -1).running()).isTrue();
    }
}
