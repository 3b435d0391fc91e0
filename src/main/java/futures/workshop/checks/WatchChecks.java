package futures.workshop.checks;

import futures.workshop.checker.Submission;
import futures.workshop.runtime.Call;
import futures.workshop.sandbox.Learner;
import futures.workshop.sandbox.Outcome;
import futures.workshop.sandbox.Scenario;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@ExerciseChecks
@DisplayName("watch futures finish, one failing")
class WatchChecks {
    static final List<String> LABELS = List.of("slowAdd(3.1, 6, 7)", "slowDiff(2.1, 5, 2)", "slowAdd(1.1, 8, 1)",
            "slowDiff(5.1, 9, 2)", "brokenFunction(4.1)");
    static final List<String> RESULTS = List.of(
            "Task 0 was successful. Result is 13",
            "Task 1 was successful. Result is 3",
            "Task 2 was successful. Result is 9",
            "Task 3 was successful. Result is 7",
            "Task 4 failed!",
            "Error = class java.lang.IllegalArgumentException : Called broken function");

    /** printStatus on hand-made futures, some finished, some not: what it printed and returned. */
    record Status(boolean allDone) implements Scenario {
        @Override
        public Serializable run(Learner l) throws Exception {
            List<Future<Integer>> futures = allDone
                    ? List.of(Runs.done(13), Runs.done(3), Runs.done(9), Runs.done(7), Runs.failed(new IllegalArgumentException("x")))
                    : List.of(Runs.done(13), Runs.running(), Runs.failed(new IllegalArgumentException("x")), Runs.done(7), Runs.running());
            Answer[] answer = new Answer[1];
            String printed = Runs.printed(() -> l.call("printStatus", new Class<?>[] {List.class}, futures), answer);
            return new ArrayList<Serializable>(List.of(answer[0], printed));
        }
    }

    /** printResults on hand-made finished futures: four results and the broken one. */
    record Results() implements Scenario {
        @Override
        public Serializable run(Learner l) throws Exception {
            List<Future<Integer>> futures = List.of(Runs.done(13), Runs.done(3), Runs.done(9), Runs.done(7),
                    Runs.failed(new IllegalArgumentException("Called broken function")));
            Answer[] answer = new Answer[1];
            String printed = Runs.printed(() -> l.call("printResults", new Class<?>[] {List.class}, futures), answer);
            return new ArrayList<Serializable>(List.of(answer[0], printed));
        }
    }

    private static final Runs.SubmitAndCollect SUBMIT = new Runs.SubmitAndCollect("submitAll", 5, null);

    @Test
    @Order(1)
    @DisplayName("submits the five calls of future.py, in order")
    void submitsTheFiveCalls(Submission s) {
        Outcome o = Expect.finished(s, s.run(SUBMIT), "submitAll(pool)");
        List<Call> calls = new ArrayList<>(o.calls());
        calls.sort(Comparator.comparingInt(Call::task));
        Expect.that(calls.stream().noneMatch(c -> c.pool() == null), "every call run by a worker of the pool",
                Expect.describe(calls), s.file() + ": submitAll: pool.submit(() -> ...) for each call");
        Expect.equal(calls.stream().map(Call::label).toList(), LABELS, "in submission order: " + String.join(", ", LABELS),
                Expect.describe(calls), s.file() + ": submitAll");
    }

    @Test
    @Order(2)
    @DisplayName("submits them all before waiting for any")
    void submitsAllBeforeWaiting(Submission s) {
        Runs.Submitted r = (Runs.Submitted) Expect.finished(s, s.run(SUBMIT), "submitAll(pool)").value();
        Expect.that(r.futures() == 5, "five futures returned", r.futures() < 0 ? "null" : r.futures() + " futures",
                s.file() + ": submitAll returns one future per call");
        Expect.that(r.returnedEarly(), "submitAll to return while the calls are still running",
                "blocked too early: submitAll waited for a call to finish before returning",
                s.file() + ": submitAll must not call get(); main waits, with printStatus");
    }

    @Test
    @Order(3)
    @DisplayName("printStatus says which tasks are running, without waiting")
    void printStatusSaysWhoRuns(Submission s) {
        Outcome o = Expect.finished(s, s.run(new Status(false)), "printStatus(futures)");
        List<?> r = (List<?>) o.value();
        Answer answer = (Answer) r.get(0);
        String printed = (String) r.get(1);
        Expect.notDoneYet(s, answer);
        List<String> expected = List.of("Task 0 has finished", "Task 1 is running...", "Task 2 has finished",
                "Task 3 has finished", "Task 4 is running...");
        Expect.that(!answer.blocked(), "printStatus to return at once",
                "blocked: it waited for an unfinished task", s.file() + ": printStatus: isDone() never waits; get() does");
        Expect.equal(lines(printed), expected, String.join(" | ", expected),
                String.join(" | ", lines(printed)), s.file() + ": printStatus (a failed task has finished too)");
        Expect.equal(answer, Answer.returned(false), "false while some tasks run", answer.toString(),
                s.file() + ": printStatus's return value");
    }

    @Test
    @Order(4)
    @DisplayName("printStatus returns true when every task has finished")
    void printStatusTrueAtTheEnd(Submission s) {
        Outcome o = Expect.finished(s, s.run(new Status(true)), "printStatus(futures)");
        Answer answer = (Answer) ((List<?>) o.value()).get(0);
        Expect.notDoneYet(s, answer);
        Expect.equal(answer, Answer.returned(true), "true once all have finished", answer.toString(),
                s.file() + ": printStatus's return value");
    }

    @Test
    @Order(5)
    @DisplayName("printResults prints each result, and the failure with its type and message")
    void printResultsShowsFailure(Submission s) {
        Outcome o = Expect.finished(s, s.run(new Results()), "printResults(futures)");
        List<?> r = (List<?>) o.value();
        Answer answer = (Answer) r.get(0);
        Expect.notDoneYet(s, answer);
        List<String> printed = lines((String) r.get(1));
        Expect.that(!answer.threw(java.util.concurrent.ExecutionException.class),
                "the failure printed, not thrown", "printResults threw " + answer.thrown(),
                s.file() + ": printResults: catch ExecutionException around get()");
        Expect.equal(printed, RESULTS, String.join(" | ", RESULTS), String.join(" | ", printed),
                s.file() + ": printResults" + (printed.contains("Task 4 failed!") ? ""
                        : ": the broken task's exception is held in its future; swallowing it hides the failure"));
    }

    @Test
    @Order(6)
    @DisplayName("main watches the workers until all have finished, then prints the results")
    void mainWatchesThenReports(Submission s) {
        // the calls wait until the first round of status lines is out, so it must show them running
        Outcome o = Expect.finished(s, s.run(new Runs.MainHeldUntil("Task 4 ")), "main");
        List<String> lines = lines(o.output());
        List<Call> calls = o.calls();
        boolean onMain = calls.stream().anyMatch(c -> c.worker().equals("main"));
        Expect.that(calls.size() == LABELS.size() && !onMain, "the five calls run by the pool's workers",
                calls.isEmpty() ? "hard-coded output? no slow call at all"
                        : onMain ? "called on the main thread, not submitted: " + Expect.describe(calls)
                        : calls.size() + " calls, not five: " + Expect.describe(calls),
                s.file() + ": main and submitAll");
        long polls = lines.stream().filter(l -> l.equals("Have the workers finished?")).count();
        Expect.that(polls >= 2 && lines.contains("Task 3 is running..."),
                "several rounds of \"Have the workers finished?\" while the tasks run",
                polls + " round(s)", s.file() + ": printStatus");
        int results = lines.indexOf("Here are the results.");
        Expect.that(results >= 0 && lines.subList(results + 1, lines.size()).equals(RESULTS),
                "after \"Here are the results.\": " + String.join(" | ", RESULTS),
                printedResults(o.output()), s.file() + ": printResults");
    }

    /** What a learner needs to compare: the lines after "Here are the results.", else the start of the output. */
    static String printedResults(String output) {
        List<String> lines = output.lines().toList();
        int results = lines.stream().map(String::strip).toList().indexOf("Here are the results.");
        return results < 0 ? "the program printed:\n" + Expect.head(output, 60)
                : "after \"Here are the results.\" it printed:\n" + Expect.head(String.join("\n", lines.subList(results + 1, lines.size())), 20);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
