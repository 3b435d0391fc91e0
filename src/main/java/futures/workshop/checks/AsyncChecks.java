package futures.workshop.checks;

import futures.workshop.checker.Submission;
import futures.workshop.lesson.WorkerPool;
import futures.workshop.runtime.Call;
import futures.workshop.runtime.Task;
import futures.workshop.sandbox.Learner;
import futures.workshop.sandbox.Outcome;
import futures.workshop.sandbox.Scenario;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@ExerciseChecks
@DisplayName("two calls at the same time")
class AsyncChecks {
    private static final String METHOD = "addTwoAtOnce";
    private static final Set<String> LABELS = Set.of("slowAdd(1, 6, 7)", "slowAdd(1, 2, 3)");

    /** Calls addTwoAtOnce with a pool of two workers; the values it returned, as text. */
    record TwoAtOnce() implements Scenario {
        @Override
        public Serializable run(Learner learner) throws Exception {
            try (WorkerPool pool = new WorkerPool(2)) {
                List<?> values = (List<?>) learner.call(METHOD, new Class<?>[] {ExecutorService.class}, pool);
                return values == null ? null : values.stream().map(String::valueOf).collect(Collectors.toCollection(ArrayList::new));
            }
        }
    }

    /** The calls wait (up to a second) until both run: correct code always meets there. */
    private static Outcome run(Submission s) {
        return Expect.finished(s, s.run(new TwoAtOnce(), 2, List.of()), METHOD + "(pool)");
    }

    @Test
    @Order(1)
    @DisplayName("submits both slowAdd calls to the pool")
    void submitsBothCalls(Submission s) {
        List<Call> calls = run(s).calls();
        Expect.that(calls.stream().map(Call::label).collect(Collectors.toSet()).equals(LABELS) && calls.size() == 2,
                "two calls: slowAdd(1, 6, 7) and slowAdd(1, 2, 3)", Expect.describe(calls),
                s.file() + ": " + METHOD);
        calls.stream().filter(c -> c.pool() == null).findFirst().ifPresent(c -> Expect.that(false,
                "both calls run by workers of the pool given to " + METHOD,
                c.label() + " ran on " + c.worker() + (c.worker().equals("main") ? ": it was called directly, not submitted" : ", not a worker of that pool"),
                s.file() + ": pool.submit(() -> slowAdd(...)) for each call"));
    }

    @Test
    @Order(2)
    @DisplayName("runs the two slowAdd calls at the same time")
    void runsBothAtOnce(Submission s) {
        Outcome o = run(s);
        if (o.peak() >= 2) {
            return;
        }
        List<Task> tasks = o.tasks();
        boolean blockedEarly = tasks.size() >= 2 && tasks.get(0).asked() && tasks.get(0).firstGet() < tasks.get(1).submitted();
        Expect.that(false, "both calls running at the same moment (2 at the peak)",
                blockedEarly
                        ? "blocked too early: the first future was asked for its result (get) before the second call"
                                + " was submitted, so the second call only started once the first had finished"
                        : "sequential: the calls never overlapped; at most " + o.peak() + " ran at once",
                s.file() + ": submit both calls first, then call get() on each future",
                Expect.timeline(o.calls()));
    }

    @Test
    @Order(3)
    @DisplayName("returns both results in order: 13, then 5")
    void returnsBothResults(Submission s) {
        Object value = run(s).value();
        Expect.equal(value, List.of("13", "5"), "[13, 5]", String.valueOf(value),
                s.file() + ": return List.of(first result, second result)");
    }

    @Test
    @Order(4)
    @DisplayName("main prints \"Result one is 13\" and \"Result two is 5\"")
    void mainPrintsBoth(Submission s) {
        Outcome o = Expect.finished(s, s.run(new Runs.Main()), "main");
        List<String> lines = o.output().lines().map(String::strip).toList();
        Expect.that(lines.contains("Result one is 13") && lines.contains("Result two is 5"),
                "lines \"Result one is 13\" and \"Result two is 5\"",
                "the program printed:\n" + Expect.head(o.output(), 12), s.file() + ": main");
    }
}
