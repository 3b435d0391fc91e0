package futures.workshop.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The time scale")
class TimeScaleTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(TimeScale.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(TimeScale.PROPERTY);
        } else {
            System.setProperty(TimeScale.PROPERTY, before);
        }
    }

    private static void scale(String value) {
        System.setProperty(TimeScale.PROPERTY, value);
    }

    @Test
    @DisplayName("is 1 (real time) when the property is not set or blank")
    void defaultIsRealTime() {
        System.clearProperty(TimeScale.PROPERTY);
        assertThat(TimeScale.factor()).isEqualTo(1.0);
        scale("  ");
        assertThat(TimeScale.factor()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("reads the factor from the property each time it is asked, spaces allowed")
    void readsTheProperty() {
        scale("0.01");
        assertThat(TimeScale.factor()).isEqualTo(0.01);
        scale(" 0.5 ");
        assertThat(TimeScale.factor()).isEqualTo(0.5);
        scale("1e-3");
        assertThat(TimeScale.factor()).isEqualTo(0.001);
    }

    @ParameterizedTest(name = "-Dworkshop.timeScale={0} is refused")
    @ValueSource(strings = {"fast", "0", "-1", "NaN", "Infinity", "0,01"})
    @DisplayName("refuses a value that is not a positive number, naming the property, the value and a good value")
    void refusesBadValues(String value) {
        scale(value);
        assertThatThrownBy(TimeScale::factor)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dworkshop.timeScale=" + value)
                .hasMessageContaining("not a positive number")
                .hasMessageContaining("0.01");
    }

    @Test
    @DisplayName("turns the lesson's seconds into scaled nanoseconds and back")
    void convertsBothWays() {
        scale("0.01");
        assertThat(TimeScale.toNanos(5)).isEqualTo(50_000_000L);
        assertThat(TimeScale.toNanos(3.1)).isEqualTo(31_000_000L);
        assertThat(TimeScale.toLessonSeconds(50_000_000L)).isCloseTo(5.0, within(1e-9));
        scale("1");
        assertThat(TimeScale.toNanos(2)).isEqualTo(2_000_000_000L);
    }

    @Test
    @DisplayName("sleeps at least the scaled time")
    void sleepsAtLeastTheScaledTime() {
        scale("0.001");
        long start = System.nanoTime();
        TimeScale.sleep(20); // 20 ms of real time
        // A lower bound only: Thread.sleep never wakes early, so this cannot be flaky.
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(20_000_000L);
    }

    @Test
    @DisplayName("sleeps for the scaled time, not the lesson's: an hour at 1e-6 is over in milliseconds")
    void sleepIsScaled() {
        scale("1e-6");
        // The limit only stops a hang if scaling were ignored: it is 15,000 times the 3.6 ms expected.
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> TimeScale.sleep(3600));
    }

    @ParameterizedTest(name = "sleep({0}) is refused")
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    @DisplayName("refuses to sleep a negative or non-finite number of seconds")
    void refusesBadSleeps(double seconds) {
        assertThatThrownBy(() -> TimeScale.sleep(seconds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot sleep for " + seconds);
    }

    @Test
    @DisplayName("an interrupted sleep ends with CancellationException and keeps the interrupt")
    void interruptCancels() {
        scale("1");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> TimeScale.sleep(60)).isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // leave the test thread clean for the next test
        }
    }
}
