package futures.workshop.lesson;

/** The text of {@link Lesson#help()}, kept apart so the entry point stays short. */
final class Help {
    private Help() {}

    static final String TEXT = """
            futures-workshop: what is loaded
              slowFunction(nsecs)        sleeps, returns nsecs          (slow_function)
              slowAdd(nsecs, x, y)       sleeps, returns x + y          (slow_add)
              slowDiff(nsecs, x, y)      sleeps, returns x - y          (slow_diff)
              brokenFunction(nsecs)      sleeps, throws IllegalArgumentException (broken_function)
              pid()                      this process's id              (os.getpid())
              pool() / pool(n)           n named workers, closes like a with block
              sleep(seconds)             sleeps the lesson's seconds    (time.sleep)
              calls() / clearCalls()     who ran which slow call, and when
              timeline()                 those calls as bars per worker (+ target/timeline.svg)
              board(futures)             live table of futures until all are done, then results
            Also in scope: java.util.concurrent (ExecutorService, Executors, Future,
            CompletableFuture, ExecutionException, ...).

            Try:
              var pool = pool(2);
              var r = pool.submit(() -> slowAdd(1, 6, 7));
              r.get()
              pool.close()

            Each step of the lesson, ready to /open:
              /open jshell/step1-submit.jsh   ... /open jshell/step7-spread.jsh
            Exercises: exercises/ (make check grades them; make help lists everything).
              check(3) / check()         grade exercise 3 / all of them, like make check
              hint(3)                    the next hint for exercise 3, like make hint EX=3
            """;
}
