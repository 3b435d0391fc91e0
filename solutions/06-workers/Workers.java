// Step 6: choose the number of workers on the command line.                   15 points
//
// In Python:   with ProcessPoolExecutor(max_workers=int(sys.argv[1])) as pool:
//
// This is step 5's program (solved for you below), with one change to make: the size of
// the pool comes from the first command-line argument, e.g.  make run EX=6 ARGS=4 .
// Without an argument, use one worker per processor, like ProcessPoolExecutor() does.
// A bad argument (not a whole number, zero, or negative) must not end in a stack trace:
// print a short usage message and end the program with a non-zero exit status.
//
// What to do: write workers(args), then use it where main() makes the pool.
// The checker runs your program with 1, 2 and 4 workers (and none) and watches how many
// tasks run at once; it also tries bad arguments.
//
// Run it:    make run EX=6 ARGS=2       Check it:  make check EX=6
// In JShell: /open exercises/06-workers/Workers.java   then   Workers.main("2")
// Stuck?     make hint EX=6

import static futures.workshop.lesson.Lesson.*;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class Workers {

    /**
     * The number of workers asked for: the first argument, or the number of processors when
     * there is none. For a bad argument, prints a usage message and exits with status 2.
     */
    static int workers(String[] args) {
        if (args.length == 0) {
            return Runtime.getRuntime().availableProcessors(); // like ProcessPoolExecutor()
        }
        try {
            int workers = Integer.parseInt(args[0].trim());
            if (workers > 0) {
                return workers;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage message: a learner should see this, not a stack trace
        }
        System.err.println("Usage: Workers [number of workers, 1 or more]; got '" + args[0] + "'");
        System.exit(2);
        return 0; // not reached
    }

    /**
     * Submits, in this order, without waiting for any of them:
     * slowAdd(3.1, 6, 7), slowDiff(2.1, 5, 2), slowAdd(1.1, 8, 1), slowDiff(5.1, 9, 2),
     * brokenFunction(4.1). Returns their futures in the same order.
     */
    static List<Future<Integer>> submitAll(ExecutorService pool) {
        return List.of(
                pool.submit(() -> slowAdd(3.1, 6, 7)),
                pool.submit(() -> slowDiff(2.1, 5, 2)),
                pool.submit(() -> slowAdd(1.1, 8, 1)),
                pool.submit(() -> slowDiff(5.1, 9, 2)),
                pool.submit(() -> brokenFunction(4.1)));
    }

    /**
     * Prints one line per task, "Task i has finished" or "Task i is running...", without
     * waiting for any task. Returns true when every task has finished.
     */
    static boolean printStatus(List<Future<Integer>> futures) {
        boolean allFinished = true;
        for (int i = 0; i < futures.size(); i++) {
            if (futures.get(i).isDone()) {
                System.out.println("Task " + i + " has finished");
            } else {
                allFinished = false;
                System.out.println("Task " + i + " is running...");
            }
        }
        return allFinished;
    }

    /**
     * Prints, for each finished task, "Task i was successful. Result is r", or "Task i failed!"
     * followed by " Error = <the exception's class> : <its message>".
     */
    static void printResults(List<Future<Integer>> futures) throws InterruptedException {
        for (int i = 0; i < futures.size(); i++) {
            try {
                Integer result = futures.get(i).get();
                System.out.println("Task " + i + " was successful. Result is " + result);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause(); // held safely in the future until now
                System.out.println("Task " + i + " failed!");
                System.out.println(" Error = " + cause.getClass() + " : " + cause.getMessage());
            }
        }
    }

    public static void main(String... args) throws Exception {
        quiet(true); // the slow functions print nothing, as in future.py: the table reads clearly
        int workers = workers(args);
        List<Future<Integer>> futures;
        try (var pool = pool(workers)) { // max_workers=int(sys.argv[1])
            futures = submitAll(pool);
            while (true) {
                System.out.println("\nHave the workers finished?");
                if (printStatus(futures)) {
                    break;
                }
                sleep(1);
            }
        }
        System.out.println("\nHere are the results.");
        printResults(futures);
    }
}
