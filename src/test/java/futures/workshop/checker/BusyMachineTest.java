package futures.workshop.checker;

import futures.workshop.sandbox.Folders;
import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.course.Course;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Verdicts do not depend on how busy the machine is: the solutions and the concurrency fixtures
 * (sequential, blocked too early, wrong worker count) are graded round after round while two
 * CPU-bound threads per core spin, and every round must give the same verdicts.
 *
 * <p>Two rounds in {@code make test} (IndependenceTest grades the solutions twice more under the same load); more by hand:
 * {@code ./mvnw -B -ntp test -Dtest=BusyMachineTest -Dworkshop.busyRounds=20}.
 */
@DisplayName("The checker on a busy machine")
class BusyMachineTest {
    static final String ROUNDS = "workshop.busyRounds";
    private static final List<String> CONCURRENCY = List.of("sequential", "blocked-too-early", "wrong-worker-count");
    /** Words each concurrency fixture's message must carry in every round. */
    private static final Map<String, String> NAMED = Map.of(
            "sequential/async", "sequential: the calls never overlapped",
            "blocked-too-early/async", "blocked too early",
            "wrong-worker-count/workers", "task(s) ran at once, on");

    private static Path work;
    private static Checker checker;
    private static CpuHogs hogs;

    @BeforeAll
    static void start() {
        work = Folders.newWorkDir();
        checker = new Checker(Grading.course(), work);
        hogs = new CpuHogs();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (hogs != null) {
            hogs.close();
        }
        if (checker != null) {
            checker.close();
        }
        Folders.deleteQuietly(work);
    }

    @Test
    @DisplayName("gives the same verdict every round while two CPU-bound threads per core spin")
    void sameVerdictsEveryRound() {
        int rounds = Integer.getInteger(ROUNDS, 2);
        Course course = checker.course();
        List<Map<String, String>> signatures = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long begin = System.nanoTime();
            Path folder = work.resolve("round-" + round);
            var solutions = CompletableFuture.supplyAsync(() -> checker.check(Grading.SOLUTIONS, "solutions", course.exercises()));
            Map<String, Verdict> verdicts = new LinkedHashMap<>(Grading.gradeCases(checker, folder, CONCURRENCY));
            solutions.join().forEach(v -> verdicts.put("solutions/" + v.exercise().name(), v));

            Map<String, String> signature = new LinkedHashMap<>();
            for (var entry : verdicts.entrySet()) {
                Verdict v = entry.getValue();
                signature.put(entry.getKey(), Grading.signature(v));
                boolean shouldPass = entry.getKey().startsWith("solutions/");
                String phrase = NAMED.get(entry.getKey());
                if (v.passed() != shouldPass || (phrase != null && !Grading.shown(v).contains(phrase))) {
                    wrong.add("round " + round + ", " + entry.getKey() + ":\n" + Grading.shown(v));
                }
            }
            signatures.add(signature);
            System.out.printf("busy machine, round %d of %d: %d verdicts in %d ms%n", round, rounds, verdicts.size(),
                    (System.nanoTime() - begin) / 1_000_000);
        }
        assertThat(wrong).as("wrong verdicts on a busy machine").isEmpty();
        for (int round = 2; round <= rounds; round++) {
            assertThat(signatures.get(round - 1)).as("round %d against round 1", round).isEqualTo(signatures.get(0));
        }
        assertThat(signatures.get(0)).hasSize(course.exercises().size() + NAMED.size());
    }
}
