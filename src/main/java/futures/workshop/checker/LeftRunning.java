package futures.workshop.checker;

import futures.workshop.sandbox.Outcome;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * The last check of every exercise, run by the checker once all the exercise's other checks and
 * runs are over: no run left a pool or a thread running that the program started. Its own
 * check, after the others, so that it never hides the check that names the mistake behind it.
 */
@ExtendWith(Submissions.class)
@DisplayName("the last check of each exercise")
public class LeftRunning {
    static final String NAME = "leaves no pool or thread running when it is over";

    @TestFactory
    Stream<DynamicNode> last(Submissions.Group last) {
        return last.submissions().stream().map(s -> DynamicContainer.dynamicContainer(s.exercise().label(),
                URI.create(s.exercise().key()), Stream.of(DynamicTest.dynamicTest(NAME, () -> nothingLeftRunning(s)))));
    }

    static void nothingLeftRunning(Submission s) {
        for (Outcome o : s.outcomes()) {
            if (o.ending() != Outcome.Ending.RETURNED || o.leaked().isEmpty()) {
                continue;
            }
            List<String> leaked = o.leaked();
            boolean pools = leaked.stream().allMatch(LeftRunning::poolThread);
            String names = capped(leaked, 5);
            throw new AssertionFailedError("expected: nothing left running when the program is over\n"
                    + "happened: " + (pools ? "pool never shut down: " + names + " still running afterwards, so the program would never end"
                            : "threads still running afterwards: " + names + ", so the program would never end") + "\n"
                    + "look at:  " + s.file() + (pools ? ": create the pool in try (var pool = ...) { ... }, or call pool.shutdown()"
                            : ": make each thread you start end (join it), or hand the work to a pool and close it"));
        }
    }

    /** A worker of a pool: the kit's, {@code Executors}' or the fork-join pools'. */
    private static boolean poolThread(String name) {
        return name.matches("worker-\\d+|pool-\\d+-thread-\\d+|ForkJoinPool.*");
    }

    /** The first {@code shown} of a list, then how many more: a list of 5,000 threads is not a message. */
    static String capped(List<String> names, int shown) {
        return names.size() <= shown ? String.join(", ", names)
                : String.join(", ", names.subList(0, shown)) + String.format(Locale.ROOT, " and %,d more", names.size() - shown);
    }
}
