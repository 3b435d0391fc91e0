// Step 2: a slow function of several arguments.                                 10 points
//
// In Python:   r = pool.submit(slow_add, 1, 6, 7)       # sleeps 1 s, returns 6 + 7
//
// In Java the lambda carries the arguments: the worker runs exactly the call you write
// inside () -> ..., so there is no separate list of arguments to get in the right order.
//
// What to do: make submitSlowAdd submit slowAdd(1, 6, 7) (sleep 1 second, add 6 and 7)
// to the pool and return its Future without waiting. main() prints "Result is 13".
//
// Run it:    make run EX=2              Check it:  make check EX=2
// In JShell: /open exercises/02-arguments/PoolAdd.java   then   PoolAdd.main()
// Stuck?     make hint EX=2

import static futures.workshop.lesson.Lesson.*;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class PoolAdd {

    /** Hands slowAdd(1, 6, 7) to a worker of the pool and returns its future straight away. */
    static Future<Integer> submitSlowAdd(ExecutorService pool) {
        // TODO: submit slowAdd with nsecs = 1, x = 6, y = 7 and return the Future
        throw new UnsupportedOperationException("not done yet: submit slowAdd(1, 6, 7) to the pool");
    }

    public static void main(String... args) throws Exception {
        System.out.println("Master process is PID " + pid());
        try (var pool = pool()) {
            Future<Integer> r = submitSlowAdd(pool);
            System.out.println("Result is " + r.get());
        }
    }
}
