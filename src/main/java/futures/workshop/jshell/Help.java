package futures.workshop.jshell;

import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.StepScripts;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The text of {@link Commands#help()}: the helpers, then the step scripts and exercises found in the kit. */
final class Help {
    private Help() {}

    static final String HELPERS = """
            futures-workshop: what is loaded
              slowFunction(nsecs)        sleeps, returns nsecs          (slow_function)
              slowAdd(nsecs, x, y)       sleeps, returns x + y          (slow_add)
              slowDiff(nsecs, x, y)      sleeps, returns x - y          (slow_diff)
              brokenFunction(nsecs)      sleeps, throws IllegalArgumentException (broken_function)
              pid()                      this process's id              (os.getpid())
              pool() / pool(n)           n named workers, closes like a with block
              sleep(seconds)             sleeps the lesson's seconds    (time.sleep)
              time()                     the lesson's clock, in seconds (time.time)
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
            """;

    /** The whole text for the kit whose top folder is {@code top}. */
    static String text(Path top) {
        StringBuilder text = new StringBuilder(HELPERS);
        List<String> scripts = StepScripts.in(top.resolve("jshell")).stream().map(StepScripts.Script::file).toList();
        if (!scripts.isEmpty()) {
            text.append("\nEach step of the lesson, ready to /open:\n");
            scripts.forEach(s -> text.append("  /open jshell/").append(s).append('\n'));
        }
        try {
            List<Exercise> exercises = Course.load(top.resolve("exercises")).exercises();
            text.append("Exercises: exercises/, ").append(exercises.size()).append(" of them")
                    .append(" (make check grades them; make help lists everything).\n");
            if (!exercises.isEmpty()) {
                text.append("  check(1) / check()         grade exercise 1 / all of them, like make check\n")
                        .append("  hint(1)                    the next hint for exercise 1, like make hint EX=1\n");
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            text.append("Exercises: ").append(e.getMessage()).append('\n');
        }
        return text.toString();
    }
}
