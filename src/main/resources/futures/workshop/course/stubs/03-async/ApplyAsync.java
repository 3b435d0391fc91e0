// Step 3: two calls at the same time.                                           15 points
//
// In Python:   r1 = pool.submit(slow_add, 1, 6, 7)     # or pool.apply_async(slow_add, [1, 6, 7])
//              r2 = pool.submit(slow_add, 1, 2, 3)
//              print(f"Result one is {r1.result()}")
//              print(f"Result two is {r2.result()}")
//
// submit does not wait for the function to finish: it returns at once, so the master can
// submit a second call while the first one runs. Waiting happens only where you ask a
// future for its result. Two one-second calls then take just over one second, not two.
//
// What to do: make addTwoAtOnce run slowAdd(1, 6, 7) and slowAdd(1, 2, 3) at the same time
// on the pool, and return both results in that order: [13, 5].
// The checker watches the workers: if the second call only starts after the first has
// finished, it will tell you.
//
// Run it:    make run EX=3              Check it:  make check EX=3
// In JShell: /open exercises/03-async/ApplyAsync.java   then   ApplyAsync.main()
// Stuck?     make hint EX=3

import static futures.workshop.lesson.Lesson.*;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class ApplyAsync {

    /** Runs slowAdd(1, 6, 7) and slowAdd(1, 2, 3) side by side; returns [13, 5]. */
    static List<Integer> addTwoAtOnce(ExecutorService pool) throws InterruptedException, ExecutionException {
        // TODO: submit both calls first; only then ask each future for its result
        throw new UnsupportedOperationException("not done yet: submit both slowAdd calls, then get both results");
    }

    public static void main(String... args) throws Exception {
        System.out.println("Master process is PID " + pid());
        try (var pool = pool(2)) {
            List<Integer> results = addTwoAtOnce(pool);
            System.out.println("Result one is " + results.get(0));
            System.out.println("Result two is " + results.get(1));
        }
    }
}
