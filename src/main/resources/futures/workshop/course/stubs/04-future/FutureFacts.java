// Step 4: what a future offers.                                                 15 points
//
// In Python a future answers four questions:
//   concurrent.futures:  f.done()    f.result()    f.exception()
//   multiprocessing:     r.ready()   r.get()       r.successful()   (and r.wait())
//
// Java's Future has isDone() and get(). get() waits, then returns the result, or throws an
// ExecutionException when the task threw: the task's own exception is its getCause().
// What Python calls exception() and successful() you build from those: that is this step.
//
// (Java 19 and later add future.state() -> RUNNING, SUCCESS, FAILED or CANCELLED, and
//  resultNow() / exceptionNow(), which never wait. This kit runs on Java 17, so use get().)
//
// What to do: write ready, successful and exception below, like Python's ready(),
// successful() and exception(). main() tries them on a working and a broken call.
//
// Run it:    make run EX=4              Check it:  make check EX=4
// In JShell: /open exercises/04-future/FutureFacts.java   then   FutureFacts.main()
// Stuck?     make hint EX=4

import static futures.workshop.lesson.Lesson.*;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

public class FutureFacts {

    /** True once the task has finished, whichever way: Python's ready() / done(). Never waits. */
    static boolean ready(Future<?> future) {
        // TODO: ask the future whether it has finished
        throw new UnsupportedOperationException("not done yet: write ready(future)");
    }

    /**
     * True when the finished task returned normally, false when it threw: Python's successful().
     * Like Python, a future that has not finished yet is an error: throw IllegalStateException
     * rather than wait.
     */
    static boolean successful(Future<?> future) throws InterruptedException {
        // TODO: not finished -> IllegalStateException; otherwise did get() throw?
        throw new UnsupportedOperationException("not done yet: write successful(future)");
    }

    /**
     * Waits for the task, then returns the exception it threw, or null when it returned
     * normally: Python's exception(). The task's own exception, not the ExecutionException
     * that wraps it.
     */
    static Throwable exception(Future<?> future) throws InterruptedException {
        // TODO: wait with get(); when it throws ExecutionException, return what the task threw
        throw new UnsupportedOperationException("not done yet: write exception(future)");
    }

    public static void main(String... args) throws Exception {
        try (var pool = pool(2)) {
            Future<Integer> good = pool.submit(() -> slowAdd(1, 6, 7));
            Future<Integer> bad = pool.submit(() -> brokenFunction(1));
            System.out.println("Ready straight after submit? " + ready(good));
            System.out.println("Exception of the good call: " + exception(good));
            System.out.println("Exception of the broken call: " + exception(bad));
            System.out.println("Ready now? " + ready(good) + " and " + ready(bad));
            System.out.println("Successful? " + successful(good) + " and " + successful(bad));
            System.out.println("Result of the good call: " + good.get());
        }
    }
}
