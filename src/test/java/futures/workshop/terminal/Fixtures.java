package futures.workshop.terminal;

import futures.workshop.runtime.Call;
import futures.workshop.runtime.Call.Outcome;
import java.util.List;

/** Recorded calls written by hand, in lesson seconds at time scale 1. */
final class Fixtures {
    private Fixtures() {}

    static Call returned(int id, String label, String worker, double from, double to) {
        return call(id, label, worker, from, to, Outcome.RETURNED, null);
    }

    static Call failed(int id, String label, String worker, double from, double to) {
        return call(id, label, worker, from, to, Outcome.FAILED,
                "java.lang.IllegalArgumentException: Called broken function");
    }

    static Call running(int id, String label, String worker, double from) {
        return call(id, label, worker, from, -1, Outcome.RUNNING, null);
    }

    static Call call(int id, String label, String worker, double from, double to, Outcome outcome, String error) {
        String function = label.substring(0, label.indexOf('('));
        return new Call(id, function, label, worker, "pool-1", id, nanos(from), to < 0 ? -1 : nanos(to),
                outcome, error);
    }

    static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    /**
     * The lesson's future.py (tasks of 3.1, 2.1, 1.1, 5.1 and 4.1 s, the last one failing) as
     * the pool runs it with 1, 2 and 5 workers, each run ending at the master's next poll: 16, 9
     * and 6 s, Python's own numbers.
     */
    static Comparison futurePy() {
        return Comparison.of("future.py with 1, 2 and 5 workers", List.of(
                new Comparison.Run("1 worker", Timeline.between(List.of(
                        returned(0, "slowAdd(3.1, 6, 7)", "worker-1", 0, 3.1),
                        returned(1, "slowDiff(2.1, 5, 2)", "worker-1", 3.1, 5.2),
                        returned(2, "slowAdd(1.1, 8, 1)", "worker-1", 5.2, 6.3),
                        returned(3, "slowDiff(5.1, 9, 2)", "worker-1", 6.3, 11.4),
                        failed(4, "brokenFunction(4.1)", "worker-1", 11.4, 15.5)), 0, nanos(16))),
                new Comparison.Run("2 workers", Timeline.between(List.of(
                        returned(0, "slowAdd(3.1, 6, 7)", "worker-1", 0, 3.1),
                        returned(1, "slowDiff(2.1, 5, 2)", "worker-2", 0, 2.1),
                        returned(2, "slowAdd(1.1, 8, 1)", "worker-2", 2.1, 3.2),
                        returned(3, "slowDiff(5.1, 9, 2)", "worker-1", 3.1, 8.2),
                        failed(4, "brokenFunction(4.1)", "worker-2", 3.2, 7.3)), 0, nanos(9))),
                new Comparison.Run("5 workers", Timeline.between(List.of(
                        returned(0, "slowAdd(3.1, 6, 7)", "worker-1", 0, 3.1),
                        returned(1, "slowDiff(2.1, 5, 2)", "worker-2", 0, 2.1),
                        returned(2, "slowAdd(1.1, 8, 1)", "worker-3", 0, 1.1),
                        returned(3, "slowDiff(5.1, 9, 2)", "worker-4", 0, 5.1),
                        failed(4, "brokenFunction(4.1)", "worker-5", 0, 4.1)), 0, nanos(6)))));
    }

    /**
     * Five tasks over three workers: worker-10 sorts last, #1 fails, #3 is still running. The
     * recorder lists calls in start order, so the list is shuffled to show that order does not matter.
     */
    static List<Call> lesson() {
        return List.of(
                returned(2, "slowAdd(1.1, 1, 2)", "worker-1", 3.1, 4.2),
                returned(0, "slowAdd(3.1, 1, 2)", "worker-1", 0.0, 3.1),
                returned(4, "slowFunction(5)", "worker-10", 0.0, 5.0),
                failed(1, "brokenFunction(2.1)", "worker-2", 0.0, 2.1),
                running(3, "slowDiff(4.1, 5, 1)", "worker-2", 2.1));
    }
}
