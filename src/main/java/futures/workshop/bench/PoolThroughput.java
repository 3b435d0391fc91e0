package futures.workshop.bench;

import futures.workshop.lesson.Lesson;
import futures.workshop.lesson.WorkerPool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * first ones only warm up. Like a JMH throughput benchmark, without the harness: JMH forks too,
 * because on a small machine one JVM's figure depends on that JVM (where its threads landed, what
 * its JIT chose) by far more than the rounds inside it vary; {@link #forked} takes the median of
 * several JVMs.
 */
final class PoolThroughput {
    /**
     * Medians of tasks per second through the kit's pool and through the raw one, and the median
     * of each round's own ratio: the two pools of a round run back to back, so a slow spell of the
     * machine (another process, a stolen core) weighs on both sides of that round's ratio.
     */
    record Result(double kit, double raw, double ratio) {}

    private PoolThroughput() {}

    /**
     * {@link #measure} in {@code forks} JVMs of this JDK and class path, one after the other:
     * the fork with the median ratio.
     */
    static Result forked(int forks, int workers, int tasksPerRound, int warmUpRounds, int rounds)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Result> results = new ArrayList<>();
        for (int fork = 0; fork < forks; fork++) {
            Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    PoolThroughput.class.getName(), String.valueOf(workers), String.valueOf(tasksPerRound),
                    String.valueOf(warmUpRounds), String.valueOf(rounds))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (child.waitFor() != 0 || line.isEmpty()) {
                throw new IOException("a P5 fork ended with status " + child.exitValue() + " and printed: " + line);
            }
            String[] f = line.split(" ");
            results.add(new Result(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        }
        results.sort(Comparator.comparingDouble(Result::ratio));
        return results.get((results.size() - 1) / 2);
    }

    /** One fork: prints tasks/s of the kit's pool, of the raw pool, and the ratio. */
    public static void main(String[] args) throws Exception {
        Result r = measure(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        System.out.println(r.kit() + " " + r.raw() + " " + r.ratio());
    }

    static Result measure(int workers, int tasksPerRound, int warmUpRounds, int rounds)
            throws InterruptedException, ExecutionException {
        List<Double> kit = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        WorkerPool kitPool = Lesson.pool(workers);
        ExecutorService rawPool = Executors.newFixedThreadPool(workers);
        try {
            for (int round = 0; round < warmUpRounds + rounds; round++) {
                boolean kitFirst = round % 2 == 0;
                double first = kitFirst ? kitRound(kitPool, tasksPerRound) : tasksPerSecond(rawPool, tasksPerRound);
                double second = kitFirst ? tasksPerSecond(rawPool, tasksPerRound) : kitRound(kitPool, tasksPerRound);
                if (round >= warmUpRounds) {
                    double k = kitFirst ? first : second;
                    double r = kitFirst ? second : first;
                    kit.add(k);
                    raw.add(r);
                    ratios.add(k / r);
                }
            }
        } finally {
            kitPool.close();
            rawPool.shutdown();
        }
        return new Result(Stats.medianOf(kit), Stats.medianOf(raw), Stats.medianOf(ratios));
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
