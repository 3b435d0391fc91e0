package futures.workshop.checks;

import futures.workshop.checker.Submission;
import futures.workshop.sandbox.Learner;
import futures.workshop.sandbox.Scenario;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@ExerciseChecks
@DisplayName("what a future offers")
class FutureChecks {
    private static final IllegalArgumentException BROKEN = new IllegalArgumentException("Called broken function");

    /**
     * Calls ready, successful and exception on futures made by hand (finished, failed, never
     * finishing, finishing later), each with a time bound; the answers by question.
     */
    record Questions() implements Scenario {
        @Override
        public Serializable run(Learner l) throws Exception {
            Class<?>[] future = {Future.class};
            Future<Integer> done = Runs.done(13);
            Future<Integer> failed = Runs.failed(new IllegalArgumentException("Called broken function"));
            Future<Integer> running = Runs.running();
            LinkedHashMap<String, Answer> answers = new LinkedHashMap<>();
            answers.put("ready(running)", Runs.bounded(() -> l.call("ready", future, running)));
            answers.put("ready(done)", Runs.bounded(() -> l.call("ready", future, done)));
            answers.put("ready(failed)", Runs.bounded(() -> l.call("ready", future, failed)));
            answers.put("successful(done)", Runs.bounded(() -> l.call("successful", future, done)));
            answers.put("successful(failed)", Runs.bounded(() -> l.call("successful", future, failed)));
            answers.put("successful(running)", Runs.bounded(() -> l.call("successful", future, running)));
            answers.put("exception(done)", Runs.bounded(() -> l.call("exception", future, done)));
            answers.put("exception(failed)", Runs.bounded(() -> l.call("exception", future, failed)));
            // fails a moment after the question is asked: exception() must wait for it
            CompletableFuture<Integer> later = new CompletableFuture<>();
            FutureTask<Object> ask = new FutureTask<>(() -> l.call("exception", future, later));
            Thread asker = new Thread(ask, "asker");
            asker.setDaemon(true);
            asker.start();
            Thread.sleep(50);
            later.completeExceptionally(new IllegalArgumentException("Called broken function"));
            answers.put("exception(later)", Runs.bounded(() -> Runs.result(ask)));
            return answers;
        }
    }

    private static Answer answer(Submission s, String question) {
        Object value = Expect.finished(s, s.run(new Questions()), "ready, successful and exception").value();
        return (Answer) ((java.util.Map<?, ?>) value).get(question);
    }

    private static void expect(Submission s, String question, Answer expected, String lookAt) {
        Answer got = answer(s, question);
        Expect.notDoneYet(s, got);
        Expect.equal(got, expected, question + " returns " + expected.value(),
                got.blocked() ? "blocked: it was still waiting after " + Runs.BLOCKED_MS / 1000.0 + " s" : got.toString(),
                s.file() + ": " + lookAt);
    }

    private static void expect(Submission s, String question, Object returns, String lookAt) {
        expect(s, question, Answer.returned(returns), lookAt);
    }

    @Test
    @Order(1)
    @DisplayName("ready() tells a finished future from a running one, without waiting")
    void readyTellsFinishedFromRunning(Submission s) {
        expect(s, "ready(running)", false, "ready must not wait: ask isDone()");
        expect(s, "ready(done)", true, "ready: isDone()");
        expect(s, "ready(failed)", true, "a task that threw has finished too");
    }

    @Test
    @Order(2)
    @DisplayName("successful() is true when the task returned and false when it threw")
    void successfulTellsReturnedFromThrew(Submission s) {
        expect(s, "successful(done)", true, "successful");
        expect(s, "successful(failed)", false, "successful: does get() throw an ExecutionException?");
    }

    @Test
    @Order(3)
    @DisplayName("successful() on an unfinished future throws IllegalStateException instead of waiting")
    void successfulRefusesUnfinished(Submission s) {
        expect(s, "ready(done)", true, "ready: isDone()"); // reports "not done yet" first
        Answer got = answer(s, "successful(running)");
        Expect.that(got.threw(IllegalStateException.class),
                "successful(running) throws IllegalStateException, like Python's ValueError for a result not ready",
                got.blocked() ? "blocked: it waited for the unfinished task" : got.toString(),
                s.file() + ": successful: check isDone() first, and throw new IllegalStateException(...) when it is false");
    }

    @Test
    @Order(4)
    @DisplayName("exception() gives the task's own exception, not the ExecutionException around it")
    void exceptionUnwraps(Submission s) {
        Answer got = answer(s, "exception(failed)");
        Expect.that(!got.returnedA(java.util.concurrent.ExecutionException.class),
                "exception(failed) returns " + BROKEN, got.toString().replace("returned: ", "returned "),
                s.file() + ": exception: return e.getCause(), the exception the task threw");
        expect(s, "exception(failed)", BROKEN, "exception");
    }

    @Test
    @Order(5)
    @DisplayName("exception() is null when the task returned normally")
    void exceptionNullOnSuccess(Submission s) {
        expect(s, "exception(done)", (Object) null, "exception");
    }

    @Test
    @Order(6)
    @DisplayName("exception() waits for a task that has not finished yet")
    void exceptionWaits(Submission s) {
        expect(s, "exception(later)", BROKEN,
                "exception: get() waits for the task; don't check isDone() first here");
    }

    @Test
    @Order(7)
    @DisplayName("main runs from start to end")
    void mainRuns(Submission s) {
        Expect.finished(s, s.run(new Runs.Main()), "main");
    }
}
