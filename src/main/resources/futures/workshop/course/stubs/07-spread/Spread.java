// Step 7: how are the calls spread over the workers?                            15 points
//
// The lesson ends with a question: with more calls than workers, which worker runs which
// call? Find out from what really happened: calls() tells, for every slow call, the worker
// that ran it, its task number (the order it was submitted in) and when it started.
//
// What to do:
//   1. submitMany: submit `calls` slow calls of different lengths (your choice of function
//      and seconds), all before waiting for any, and return their futures.
//   2. tasksByWorker: group the recorded calls by worker: worker name -> the task numbers
//      it ran, in the order it started them.
//   3. Run the program with several numbers of workers and calls, look at the table it
//      prints, and choose the answer the data shows in howAreCallsSpread().
//
// Run it:    make run EX=7 ARGS="2 10"   (workers, calls)     Check it:  make check EX=7
// In JShell: /open exercises/07-spread/Spread.java   then   Spread.main("3", "12")
// Stuck?     make hint EX=7

import static futures.workshop.lesson.Lesson.*;

import futures.workshop.runtime.Call;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class Spread {

    /** The candidate answers to the lesson's question. */
    enum Answer {
        /** task 0 to worker-1, task 1 to worker-2, ... and round again, whatever their lengths */
        IN_TURN,
        /** each task, in submission order, goes to whichever worker is free first */
        NEXT_FREE_WORKER,
        /** the first calls/workers tasks to worker-1, the next block to worker-2, ... */
        BLOCKS_OF_TASKS,
        /** no pattern: workers pick tasks at random */
        AT_RANDOM
    }

    /** Submits {@code calls} slow calls of different lengths, waiting for none; returns their futures. */
    static List<Future<Integer>> submitMany(ExecutorService pool, int calls) {
        // TODO: one pool.submit per call; vary the seconds so that some calls are longer
        throw new UnsupportedOperationException("not done yet: submit the calls in submitMany");
    }

    /** Worker name -> the task numbers that worker ran, in the order it started them. */
    static Map<String, List<Integer>> tasksByWorker(List<Call> calls) {
        // TODO: each Call has worker() and task(); keep the calls' order within a worker
        throw new UnsupportedOperationException("not done yet: group the calls by worker");
    }

    /** What the data shows. */
    static Answer howAreCallsSpread() {
        // TODO: run the program a few times, then return the answer the table supports
        throw new UnsupportedOperationException("not done yet: choose the answer the data shows");
    }

    public static void main(String... args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        clearCalls();
        try (var pool = pool(workers)) {
            for (Future<Integer> f : submitMany(pool, calls)) {
                f.get();
            }
        }
        System.out.println(calls + " calls on " + workers + " workers:");
        tasksByWorker(calls()).forEach((worker, tasks) -> System.out.println("  " + worker + " ran tasks " + tasks));
        System.out.println("Answer: " + howAreCallsSpread());
    }
}
