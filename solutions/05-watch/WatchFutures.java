// Step 5: watch futures finish, one of them failing (the lesson's future.py).   20 points
//
// Five calls go to the pool at once. While they run, the master asks every second
// "have the workers finished?"; then it prints each result, or the failure held in the
// future. brokenFunction throws, but the pool and the other tasks carry on: its
// exception waits in its future until somebody asks.
//
// What to do: write the three methods below. main() is done. The output should read:
//
//   Have the workers finished?
//   Task 0 is running...
//   Task 1 has finished
//   ...
//   Here are the results.
//   Task 0 was successful. Result is 13
//   ...
//   Task 4 failed!
//    Error = class java.lang.IllegalArgumentException : Called broken function
//
// (Python prints  Error = <class 'ValueError'> : Called broken function; in Java,
//  e.getClass() prints "class java.lang.IllegalArgumentException".)
//
// Run it:    make run EX=5              Check it:  make check EX=5
// In JShell: /open exercises/05-watch/WatchFutures.java   then   WatchFutures.main()
// Stuck?     make hint EX=5

import static futures.workshop.lesson.Lesson.*;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class WatchFutures {

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
        List<Future<Integer>> futures;
        try (var pool = pool()) {
            futures = submitAll(pool);
            while (true) {
                System.out.println("\nHave the workers finished?");
                if (printStatus(futures)) {
                    break;
                }
                sleep(1); // the lesson's seconds: time.sleep(1)
            }
        }
        System.out.println("\nHere are the results.");
        printResults(futures);
    }
}
