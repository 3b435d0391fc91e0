package futures.workshop.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The progress file")
class ProgressTest {
    @TempDir
    Path top;

    @Test
    @DisplayName("starts afresh when it is missing or damaged")
    void damaged() throws IOException {
        Exercise submit = TempKit.make(top).find("1");
        assertThat(Progress.of(top).read().hintsSeen(submit)).isZero();
        Files.createDirectories(top.resolve(".workshop"));
        Files.writeString(top.resolve(".workshop/progress.json"), "{ not json");
        assertThat(Progress.of(top).read().hintsSeen(submit)).isZero();
        Progress.of(top).update(s -> s.withHintsSeen(submit, 2));
        assertThat(Progress.of(top).read().hintsSeen(submit)).isEqualTo(2);
    }

    @Test
    @DisplayName("loses no update when threads change it at the same time")
    void concurrentUpdates() throws InterruptedException {
        Exercise submit = TempKit.make(top).find("1");
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int n = 0; n < 10; n++) {
                    Progress.of(top).update(s -> s.withHintsSeen(submit, s.hintsSeen(submit) + 1));
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(Progress.of(top).read().hintsSeen(submit)).isEqualTo(40);
    }
}
