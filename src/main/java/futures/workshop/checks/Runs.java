package futures.workshop.checks;

import futures.workshop.lesson.WorkerPool;
import futures.workshop.runtime.Gate;
import futures.workshop.runtime.Recorder;
import futures.workshop.sandbox.Learner;
import futures.workshop.sandbox.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Scenarios that several exercises share. They run in the sandbox JVM, on the learner's code. */
final class Runs {
    private Runs() {}

    /** How long a call on a hand-made future may take before it counts as blocked. */
    static final long BLOCKED_MS = 1000;

    /** Runs the learner's {@code main} with these arguments. */
    record Main(String... args) implements Scenario {
        @Override
        public Serializable run(Learner learner) throws Exception {
            learner.main(args);
            return null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Main m && Arrays.equals(args, m.args);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args);
        }

        @Override
        public String toString() {
            return "main(" + String.join(" ", args) + ")";
        }
    }

    /**
     * Runs {@code main(args)} with every slow call held (up to two seconds) until the program has
     * printed {@code marker}: e.g. until its first round of status lines is out, so that round
     * always finds the calls running, however slow the machine.
     */
    record MainHeldUntil(String marker, String... args) implements Scenario {
        @Override
        public Serializable run(Learner learner) throws Exception {
            CountDownLatch seen = new CountDownLatch(1);
            PrintStream captured = System.out;
            StringBuilder printed = new StringBuilder();
            System.setOut(new PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    captured.write(b);
                    note(String.valueOf((char) b));
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    captured.write(b, off, len);
                    note(new String(b, off, len, StandardCharsets.UTF_8));
                }

                private synchronized void note(CharSequence text) {
                    if (seen.getCount() > 0) {
                        printed.append(text);
                        if (printed.indexOf(marker) >= 0) {
                            seen.countDown();
                        }
                    }
                }
            }, true, StandardCharsets.UTF_8));
            Recorder.global().gate(holdUntil(seen, 2000));
            try {
                learner.main(args);
            } finally {
                System.setOut(captured);
            }
            return null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MainHeldUntil m && marker.equals(m.marker) && Arrays.equals(args, m.args);
        }

        @Override
        public int hashCode() {
            return marker.hashCode() * 31 + Arrays.hashCode(args);
        }

        @Override
        public String toString() {
            return "main(" + String.join(" ", args) + ") held until \"" + marker + "\"";
        }
    }

    /**
     * What a method that should submit calls and return their futures did.
     *
     * @param futures       how many futures it returned, -1 for null
     * @param returnedEarly it returned while every slow call was still held back, so it waited for none
     * @param values        each future's value as text, or "failed: type: message"
     * @param pool          the name of the pool handed to the method
     */
    record Submitted(int futures, boolean returnedEarly, ArrayList<String> values, String pool) implements Serializable {}

    /**
     * Calls {@code method(ExecutorService[, int])} with a pool of {@code workers} workers and
     * collects its futures' values. Slow calls are held at the gate until the method has returned
     * (up to a second), so a method that waits for a result inside is caught for certain.
     *
     * @param count passed as the second argument when not null
     */
    record SubmitAndCollect(String method, int workers, Integer count) implements Scenario {
        @Override
        public Serializable run(Learner learner) throws Exception {
            CountDownLatch returned = new CountDownLatch(1);
            Recorder recorder = Recorder.global();
            recorder.gate(holdUntil(returned, 1000));
            try (WorkerPool pool = new WorkerPool(workers)) {
                Object result = count == null
                        ? learner.call(method, new Class<?>[] {ExecutorService.class}, pool)
                        : learner.call(method, new Class<?>[] {ExecutorService.class, int.class}, pool, count);
                boolean early = recorder.calls().stream().allMatch(c -> c.running());
                returned.countDown();
                List<?> futures = result instanceof Future<?> f ? List.of(f) : (List<?>) result;
                ArrayList<String> values = new ArrayList<>();
                if (futures != null) {
                    for (Object f : futures) {
                        values.add(valueOf((Future<?>) f));
                    }
                }
                return new Submitted(futures == null ? -1 : futures.size(), early, values, pool.name());
            }
        }
    }

    /**
     * A gate that holds each slow call until {@code latch} opens, or {@code capMs} pass; after the
     * first such wait that runs out it holds nobody. A program that waits for its own calls then
     * loses one cap, not one per call: the checker's waits must not push it past its time limit.
     */
    static Gate holdUntil(CountDownLatch latch, long capMs) {
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean();
        return running -> {
            if (!open.get() && !latch.await(capMs, TimeUnit.MILLISECONDS)) {
                open.set(true);
            }
        };
    }

    static String valueOf(Future<?> future) throws InterruptedException {
        if (future == null) {
            return "null future";
        }
        try {
            return String.valueOf(future.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return "failed: " + cause.getClass().getName() + ": " + cause.getMessage();
        } catch (TimeoutException e) {
            return "never finished";
        }
    }

    /** Calls {@code body} on another thread and waits at most {@link #BLOCKED_MS} for its answer. */
    static Answer bounded(Callable<Object> body) throws InterruptedException {
        FutureTask<Object> task = new FutureTask<>(body);
        Thread thread = new Thread(task, "learner-call");
        thread.setDaemon(true);
        thread.start();
        try {
            return Answer.returned(task.get(BLOCKED_MS, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return Answer.threw(e.getCause());
        } catch (TimeoutException e) {
            return Answer.BLOCKED;
        }
    }

    /** {@code future.get()}, throwing what the task threw rather than the ExecutionException around it. */
    static Object result(Future<?> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }

    /** Runs {@code body}, returning what it printed to System.out; the run's own capture is restored. */
    static String printed(Callable<Object> body, Answer[] outcome) throws InterruptedException {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            outcome[0] = bounded(body);
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** A future that has finished by throwing {@code failure}, as pool.submit would give. */
    static <T> Future<T> failed(RuntimeException failure) {
        FutureTask<T> task = new FutureTask<>(() -> {
            throw failure;
        });
        task.run();
        return task;
    }

    /** A future that has finished with {@code value}. */
    static <T> Future<T> done(T value) {
        FutureTask<T> task = new FutureTask<>(() -> value);
        task.run();
        return task;
    }

    /** A future that never finishes (nobody runs it). */
    static <T> Future<T> running() {
        return new FutureTask<>(() -> null);
    }
}
