// Step 1: submit one slow function to a pool of workers.                        10 points
//
// In Python:   with ProcessPoolExecutor() as pool:
//                  r = pool.submit(slow_function, 5)
//                  print(f"Result is {r.result()}")
//
// pool.submit(...) hands a task to one of the pool's workers and gives you back a Future
// at once: a placeholder for the result. future.get() waits for the result and returns it.
// (Python's older pool.apply(f, [5]) does both in one go: submit, then wait.)
//
// What to do: make submitSlowFunction hand slowFunction(5) to the pool and return the
// Future, without waiting for the result. main() is done: it asks the future for the result.
//
// Run it:    make run EX=1              Check it:  make check EX=1
// In JShell: /open exercises/01-submit/PoolSubmit.java   then   PoolSubmit.main()
// Stuck?     make hint EX=1

import static futures.workshop.lesson.Lesson.*;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class PoolSubmit {

    /** Hands slowFunction(5) to a worker of the pool and returns its future straight away. */
    static Future<Integer> submitSlowFunction(ExecutorService pool) {
        // TODO: submit slowFunction(5) to the pool and return the Future you get back
        throw new UnsupportedOperationException("not done yet: submit slowFunction(5) to the pool");
    }

    public static void main(String... args) throws Exception {
        System.out.println("Master process is PID " + pid());
        try (var pool = pool()) { // like Python's with-block: closing waits for the work
            Future<Integer> r = submitSlowFunction(pool);
            System.out.println("Result is " + r.get());
        }
    }
}
