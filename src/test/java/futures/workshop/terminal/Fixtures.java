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
