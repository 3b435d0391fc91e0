package futures.workshop.bench;

import futures.workshop.lesson.Lesson;
import futures.workshop.lesson.WorkerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Trivial tasks per second through the kit's {@link WorkerPool}, recording as it always does,
 * and through a plain {@link Executors#newFixedThreadPool(int)} with as many workers. Each
 * round submits a batch of tasks that return a number, then gets every future, like the
 * lesson's submit-then-get; rounds alternate between the two pools (and which goes first), the
 * first ones only warm up. Runs on the calling thread; similar in spirit to a JMH throughput
 * benchmark, without the harness.
 */
final class PoolThroughput {
    /** Medians of tasks per second: through the kit's pool, and through the raw one. */
    record Result(int workers, double kit, double raw) {
        double ratio() {
            return kit / raw;
        }
    }

    private PoolThroughput() {}

    static Result measure(int workers, int tasksPerRound, int warmUpRounds, int rounds)
            throws InterruptedException, ExecutionException {
        List<Double> kit = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        WorkerPool kitPool = Lesson.pool(workers);
        ExecutorService rawPool = Executors.newFixedThreadPool(workers);
        try {
            for (int round = 0; round < warmUpRounds + rounds; round++) {
                boolean kitFirst = round % 2 == 0;
                double first = kitFirst ? kitRound(kitPool, tasksPerRound) : tasksPerSecond(rawPool, tasksPerRound);
                double second = kitFirst ? tasksPerSecond(rawPool, tasksPerRound) : kitRound(kitPool, tasksPerRound);
                if (round >= warmUpRounds) {
                    kit.add(kitFirst ? first : second);
                    raw.add(kitFirst ? second : first);
                }
            }
        } finally {
            kitPool.close();
            rawPool.shutdown();
        }
        return new Result(workers, Stats.medianOf(kit), Stats.medianOf(raw));
    }

    /** A round through the kit's pool, starting from an empty record so every task is recorded. */
    private static double kitRound(WorkerPool pool, int tasks) throws InterruptedException, ExecutionException {
        Lesson.clearCalls();
        return tasksPerSecond(pool, tasks);
    }

    /**
     * Submits {@code tasks} trivial tasks while every worker is held at a gate, opens the gate and
     * gets every result: tasks per second from the first submit to the last result. Holding the
     * workers keeps the run in one regime: with free workers, whether each submit has to wake
     * one up depends on a race between the submitting thread and the workers, which made the
     * same pool swing between about 0.8 and 3 million tasks per second on a busy 2-core machine.
     */
    private static double tasksPerSecond(ExecutorService pool, int tasks)
            throws InterruptedException, ExecutionException {
        int workers = ((ThreadPoolExecutor) pool).getCorePoolSize();
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            pool.execute(() -> {
                held.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        held.await();
        List<Future<Integer>> futures = new ArrayList<>(tasks);
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            int x = i;
            futures.add(pool.submit(() -> x + 1));
        }
        gate.countDown();
        long sum = 0;
        for (Future<Integer> future : futures) {
            sum += future.get();
        }
        long elapsed = System.nanoTime() - start;
        if (sum != (long) tasks * (tasks + 1) / 2) {
            throw new IllegalStateException("the pool lost results: sum " + sum);
        }
        return tasks / (elapsed / 1e9);
    }
}
