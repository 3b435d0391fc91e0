package futures.workshop.checks;

import futures.workshop.checker.Submission;
import futures.workshop.checker.Submissions;
import futures.workshop.course.Exercise;
import futures.workshop.runtime.Call;
import futures.workshop.sandbox.Outcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The common checks, for every exercise that declares them in info.toml instead of naming a checks
 * class of its own: one container per such exercise, whose checks come from its {@code submits}
 * and {@code prints}. A new step that only hands a call to a pool and prints its result needs no
 * Java at all.
 *
 * <pre>
 * submits = { method = "submitSlowAdd", call = "slowAdd(1, 6, 7)", value = "13" }
 * prints = ["Master process is PID {pid}", "Result is 13"]
 * </pre>
 */
@ExtendWith(Submissions.class)
@DisplayName("checks declared in info.toml")
public class DeclaredChecks {
    @TestFactory
    Stream<DynamicNode> declared(Submissions.Group declared) {
        return declared.submissions().stream().map(s -> DynamicContainer.dynamicContainer(s.exercise().label(),
                URI.create(s.exercise().key()), checks(s).stream()));
    }

    private static List<DynamicNode> checks(Submission s) {
        Exercise.Declared d = s.exercise().declared();
        List<DynamicNode> checks = new ArrayList<>();
        // the checks below run one after the other: their runs start now, side by side
        if (d.submits() != null) {
            Submits submits = new Submits(s, d.submits());
            s.prefetch(submits.scenario());
            checks.add(DynamicTest.dynamicTest("hands the call to a worker of the pool", submits::handsTheCallToAWorker));
            checks.add(DynamicTest.dynamicTest("returns the future without waiting for the result", submits::returnsWithoutWaiting));
            checks.add(DynamicTest.dynamicTest("the future holds the function's result", submits::futureHoldsTheResult));
        }
        if (!d.prints().isEmpty()) {
            s.prefetch(new Runs.Main());
            String lines = d.prints().stream().map(l -> "\"" + l.replace("{pid}", "<pid>") + "\"").collect(Collectors.joining(" and "));
            checks.add(DynamicTest.dynamicTest("main prints " + lines, () -> mainPrints(s, d)));
        }
        return checks;
    }

    /** The checks of {@code submits}: one call handed to the pool given, its future returned at once. */
    private record Submits(Submission s, Exercise.Submits declared) {
        private Runs.SubmitAndCollect scenario() {
            return new Runs.SubmitAndCollect(declared.method(), 2, null);
        }

        private Runs.Submitted submitted() {
            return (Runs.Submitted) Expect.finished(s, s.run(scenario()), declared.method() + "(pool)").value();
        }

        void handsTheCallToAWorker() {
            Runs.Submitted result = submitted();
            String label = declared.call();
            String method = declared.method();
            List<Call> calls = s.run(scenario()).calls();
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

        void returnsWithoutWaiting() {
            Runs.Submitted result = submitted();
            Expect.that(result.futures() == 1, declared.method() + " to return the Future that submit gives back",
                    "it returned null", s.file() + ": return pool.submit(...)");
            Expect.that(result.returnedEarly(), declared.method() + " to return while the call is still running",
                    "blocked too early: it waited for the slow call to finish before returning",
                    s.file() + ": return the future; main asks for the result with get()");
        }

        void futureHoldsTheResult() {
            Runs.Submitted result = submitted();
            Expect.equal(result.values(), List.of(declared.value()), "future.get() to give " + declared.value(),
                    "it gave " + String.join(", ", result.values()), s.file() + ": submit " + declared.call() + ", not another call");
        }
    }

    /** main prints each declared line; with {@code submits}, the result comes from the call on a pool. */
    private static void mainPrints(Submission s, Exercise.Declared d) {
        Outcome o = Expect.finished(s, s.run(new Runs.Main()), "main");
        for (String declared : d.prints()) {
            String line = declared.replace("{pid}", Long.toString(o.pid()));
            Expect.that(o.output().lines().anyMatch(l -> l.strip().equals(line)), "a line \"" + line + "\"",
                    "the program printed:\n" + Expect.head(o.output(), 10), s.file() + ": main");
        }
        if (d.submits() != null) {
            // the right lines without the call behind them are written out by hand
            String label = d.submits().call();
            String last = d.prints().get(d.prints().size() - 1).replace("{pid}", Long.toString(o.pid()));
            List<Call> made = o.calls().stream().filter(c -> c.label().equals(label)).toList();
            boolean onlyOnMain = !made.isEmpty() && made.stream().allMatch(c -> c.worker().equals("main"));
            Expect.that(!onlyOnMain,
                    "main to get the result of " + label + " from a worker",
                    label + " ran on the main thread: main called it itself, it was not submitted",
                    s.file() + ": main is done for you: keep its call to " + d.submits().method() + "(pool) and r.get()");
            Expect.that(!made.isEmpty(), "main to print the result of " + label + ", run by a worker of the pool",
                    "hard-coded output? main printed \"" + last + "\", but ran " + Expect.describe(o.calls()),
                    s.file() + ": main is done for you: keep its call to " + d.submits().method() + "(pool) and r.get()");
        }
    }
}
