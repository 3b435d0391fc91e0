package futures.workshop.checks;

import futures.workshop.checker.Submission;
import futures.workshop.runtime.Call;
import futures.workshop.sandbox.Outcome;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Checks for the exercises that submit one slow call and print its result (steps 1 and 2). */
@ExerciseChecks
abstract class OneCallChecks {
    private final String method;
    private final String label;
    private final String value;
    private final Runs.SubmitAndCollect submit;

    OneCallChecks(String method, String label, String value) {
        this.method = method;
        this.label = label;
        this.value = value;
        this.submit = new Runs.SubmitAndCollect(method, 2, null);
    }

    private Runs.Submitted submitted(Submission s) {
        return (Runs.Submitted) Expect.finished(s, s.run(submit), method + "(pool)").value();
    }

    @Test
    @Order(1)
    @DisplayName("hands the call to a worker of the pool")
    void handsTheCallToAWorker(Submission s) {
        Runs.Submitted result = submitted(s);
        List<Call> calls = s.run(submit).calls();
        Expect.that(!calls.isEmpty(), label + " run by a worker of the pool",
                "no slow function was called", s.file() + ": " + method + " should call pool.submit(() -> " + label + ")");
        Call call = calls.get(0);
        Expect.that(!call.worker().equals("main"), label + " run by a worker of the pool",
                call.label() + " ran on the main thread: it was called directly, not submitted",
                s.file() + ": pass a lambda to pool.submit(() -> ...) instead of calling the function yourself");
        Expect.that(result.pool().equals(call.pool()), label + " run by a worker of the pool given to " + method,
                call.label() + " ran on " + call.worker() + ", a thread of another pool",
                s.file() + ": use the pool passed in as the parameter; don't create your own");
        Expect.that(calls.size() == 1 && call.label().equals(label), "exactly one call: " + label,
                Expect.describe(calls), s.file() + ": check the function and its arguments");
    }

    @Test
    @Order(2)
    @DisplayName("returns the future without waiting for the result")
    void returnsWithoutWaiting(Submission s) {
        Runs.Submitted result = submitted(s);
        Expect.that(result.futures() == 1, method + " to return the Future that submit gives back",
                "it returned null", s.file() + ": return pool.submit(...)");
        Expect.that(result.returnedEarly(), method + " to return while the call is still running",
                "blocked too early: it waited for the slow call to finish before returning",
                s.file() + ": return the future; main asks for the result with get()");
    }

    @Test
    @Order(3)
    @DisplayName("the future holds the function's result")
    void futureHoldsTheResult(Submission s) {
        Runs.Submitted result = submitted(s);
        Expect.equal(result.values(), List.of(value), "future.get() to give " + value,
                "it gave " + String.join(", ", result.values()), s.file() + ": submit " + label + ", not another call");
    }

    @Test
    @Order(4)
    @DisplayName("main prints the master's PID and the result")
    void mainPrintsPidAndResult(Submission s) {
        Outcome o = Expect.finished(s, s.run(new Runs.Main()), "main");
        String pidLine = "Master process is PID " + o.pid();
        String resultLine = "Result is " + value;
        Expect.that(o.output().lines().anyMatch(l -> l.strip().equals(pidLine)), "a line \"" + pidLine + "\"",
                "the program printed:\n" + Expect.head(o.output(), 10), s.file() + ": main, first line");
        Expect.that(o.output().lines().anyMatch(l -> l.strip().equals(resultLine)), "a line \"" + resultLine + "\"",
                "the program printed:\n" + Expect.head(o.output(), 10), s.file() + ": main prints r.get()");
        // the right line without the call behind it is a hard-coded answer
        Expect.that(o.calls().stream().anyMatch(c -> c.label().equals(label) && c.pool() != null),
                "main to print the result of " + label + ", run by a worker of the pool",
                "hard-coded output? main printed \"" + resultLine + "\", but ran " + Expect.describe(o.calls()),
                s.file() + ": main is done for you: keep its call to " + method + "(pool) and r.get()");
    }
}
