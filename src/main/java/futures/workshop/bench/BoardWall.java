package futures.workshop.bench;

import futures.workshop.lesson.Lesson;
import futures.workshop.lesson.WorkerPool;
import futures.workshop.terminal.Board;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.jline.terminal.impl.DumbTerminal;

/**
 * P6: the lesson's future.py workload (tasks of 3.1, 2.1, 1.1, 5.1 and 4.1 s) on 5 workers at
 * real time, watched by the live board until it returns. Wall time divided by the longest task:
 * 1.0 would be a board that ends the instant the last task does. Python's polling loop: 1.18.
 */
final class BoardWall {
    static final double LONGEST = 5.1;

    private BoardWall() {}

    /** Seconds from the first submit to the board's return, one run. */
    static double once() throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the slow functions' lines
        try (DumbTerminal terminal = new DumbTerminal(InputStream.nullInputStream(), OutputStream.nullOutputStream());
             WorkerPool pool = Lesson.pool(5)) {
            long begin = System.nanoTime();
            List<Future<Integer>> futures = new ArrayList<>(List.of(
                    pool.submit(() -> Lesson.slowAdd(3.1, 6, 7)),
                    pool.submit(() -> Lesson.slowDiff(2.1, 5, 2)),
                    pool.submit(() -> Lesson.slowAdd(1.1, 8, 1)),
                    pool.submit(() -> Lesson.slowDiff(5.1, 9, 2)),
                    pool.submit(() -> Lesson.brokenFunction(4.1))));
            Board.watch(terminal, futures, List.of("slowAdd", "slowDiff", "slowAdd", "slowDiff", "brokenFunction"));
            return (System.nanoTime() - begin) / 1e9;
        } finally {
            System.setOut(out);
        }
    }
}
