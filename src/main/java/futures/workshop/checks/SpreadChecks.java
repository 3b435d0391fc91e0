package futures.workshop.checks;

import futures.workshop.checker.Submission;
import futures.workshop.runtime.Call;
import futures.workshop.sandbox.Learner;
import futures.workshop.sandbox.Outcome;
import futures.workshop.sandbox.Scenario;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@ExerciseChecks
@DisplayName("how the calls are spread over the workers")
class SpreadChecks {
    private static final int WORKERS = 3;
    private static final int CALLS = 9;
    private static final Runs.SubmitAndCollect SUBMIT = new Runs.SubmitAndCollect("submitMany", WORKERS, CALLS);

    /** tasksByWorker on calls made by hand, listed in start order. */
    record Grouping() implements Scenario {
        @Override
        public Serializable run(Learner l) throws Exception {
            String[][] runs = {{"worker-1", "0"}, {"worker-2", "1"}, {"worker-2", "2"}, {"worker-1", "3"},
                {"worker-3", "4"}, {"worker-2", "5"}};
            List<Call> calls = new ArrayList<>();
            for (String[] r : runs) {
                int task = Integer.parseInt(r[1]);
                calls.add(new Call(task, "slowAdd", "slowAdd(1, 0, 0)", r[0], "pool-1", task,
                        task * 10L, task * 10L + 5, Call.Outcome.RETURNED, null));
            }
            Map<?, ?> grouped = (Map<?, ?>) l.call("tasksByWorker", new Class<?>[] {List.class}, calls);
            TreeMap<String, ArrayList<String>> out = new TreeMap<>();
            if (grouped != null) {
                grouped.forEach((worker, tasks) -> {
                    ArrayList<String> list = new ArrayList<>();
                    ((List<?>) tasks).forEach(t -> list.add(String.valueOf(t)));
                    out.put(String.valueOf(worker), list);
                });
            }
            return out;
        }
    }

    /** The learner's answer to the lesson's question. */
    record Answer() implements Scenario {
        @Override
        public Serializable run(Learner l) throws Exception {
            return String.valueOf(l.call("howAreCallsSpread", new Class<?>[0]));
        }
    }

    @Test
    @Order(1)
    @DisplayName("submitMany submits as many calls as asked, all before waiting")
    void submitsAllCalls(Submission s) {
        Outcome o = Expect.finished(s, s.run(SUBMIT), "submitMany(pool, " + CALLS + ")");
        Runs.Submitted r = (Runs.Submitted) o.value();
        Expect.that(r.futures() == CALLS && o.calls().size() == CALLS, CALLS + " calls and " + CALLS + " futures",
                o.calls().size() + " calls and " + Math.max(r.futures(), 0) + " futures",
                s.file() + ": submitMany: one pool.submit per call, for calls = " + CALLS);
        Expect.that(o.calls().stream().allMatch(c -> r.pool().equals(c.pool())), "every call run by a worker of the pool",
                Expect.describe(o.calls()), s.file() + ": submitMany: pool.submit(() -> ...)");
        Expect.that(r.returnedEarly(), "submitMany to return while the calls run",
                "blocked too early: it waited for a call before returning", s.file() + ": submitMany must not call get()");
    }

    @Test
    @Order(2)
    @DisplayName("the calls are not all of the same length")
    void callsDiffer(Submission s) {
        Outcome o = Expect.finished(s, s.run(SUBMIT), "submitMany(pool, " + CALLS + ")");
        long lengths = o.calls().stream().map(c -> seconds(c.label())).distinct().count();
        Expect.that(lengths >= 2, "at least two different lengths, so that some workers free up sooner",
                "every call sleeps the same: " + Expect.describe(o.calls()),
                s.file() + ": submitMany: make the seconds depend on the call's number");
    }

    @Test
    @Order(3)
    @DisplayName("tasksByWorker lists each worker's tasks in the order it started them")
    void groupsByWorker(Submission s) {
        Object grouped = Expect.finished(s, s.run(new Grouping()), "tasksByWorker(calls)").value();
        Map<String, List<String>> expected = new TreeMap<>(Map.of("worker-1", List.of("0", "3"),
                "worker-2", List.of("1", "2", "5"), "worker-3", List.of("4")));
        Expect.equal(grouped, expected, "for calls (worker, task) in start order (1,0) (2,1) (2,2) (1,3) (3,4) (2,5): "
                        + expected, String.valueOf(grouped),
                s.file() + ": tasksByWorker: use Call#worker and Call#task, and keep the calls' order");
    }

    @Test
    @Order(4)
    @DisplayName("the answer is the one the data shows")
    void answersFromTheData(Submission s) {
        Object answer = Expect.finished(s, s.run(new Answer()), "howAreCallsSpread()").value();
        Expect.equal(answer, "NEXT_FREE_WORKER", "the answer your runs show", answer
                        + " does not fit what the workers did",
                "make run EX=7 ARGS=\"2 10\" and ARGS=\"3 10\": after a long call, which worker takes the next task?");
    }

    @Test
    @Order(5)
    @DisplayName("main prints which worker ran which task")
    void mainPrintsTable(Submission s) {
        Outcome o = Expect.finished(s, s.run(new Runs.Main(Integer.toString(WORKERS), Integer.toString(CALLS))), "main");
        long rows = o.output().lines().filter(l -> l.strip().matches("worker-\\d+ ran tasks \\[.*]")).count();
        long used = o.calls().stream().map(Call::worker).distinct().count();
        Expect.that(rows == used && used > 0, "one line per worker used (" + used + "), like \"worker-1 ran tasks [0, 3, 5]\"",
                "the program printed:\n" + Expect.head(o.output(), 20), s.file() + ": main and tasksByWorker");
    }

    private static String seconds(String label) {
        Matcher m = Pattern.compile("\\(([^,)]*)").matcher(label);
        return m.find() ? m.group(1) : label;
    }
}
