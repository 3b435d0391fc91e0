package futures.workshop.instructor;

import futures.workshop.checker.Checker;
import futures.workshop.checker.Verdict;
import futures.workshop.course.Exercise;
import futures.workshop.lesson.WorkerPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * Grades a whole class: every learner's folder (a copy of {@code exercises/}) is one task
 * submitted to a {@link WorkerPool}, and the calling thread watches the futures the way the
 * lesson's {@code future.py} does: asks each one {@code isDone()} every so often, reports the
 * finished ones, and gives up on a learner whose grading runs past the time limit
 * ({@code cancel(true)}). A learner's code runs in the checker's sandbox JVMs, never in this
 * one, so a broken, empty, huge or hanging submission costs at most its own grade.
 *
 * <p>Runs on the calling thread (watching) and the pool's workers (grading); similar to
 * {@link java.util.concurrent.ExecutorService#invokeAll(java.util.Collection, long, TimeUnit)},
 * with a time limit per task rather than for all of them.
 */
public final class ClassGrader {
    /** Larger exercise files are not compiled: nobody writes 256 KiB for these exercises. */
    static final long MAX_FILE_BYTES = 256 * 1024;
    private static final long POLL_MILLIS = 50;

    /** Grades some exercises of one learner's folder; must be safe to call from several threads at once. */
    @FunctionalInterface
    public interface Grader {
        List<Verdict> grade(Path folder, String learner, List<Exercise> which) throws Exception;
    }

    /** Hears about the class's progress, on the thread that called {@link #grade}. */
    public interface Listener {
        void started(int learners);

        void finished(LearnerGrade grade, int done, int learners, int running);

        void tick(int done, int learners, int running);

        /** A learner's grade changed when their failed exercises were checked again, alone. */
        default void rechecked(LearnerGrade before, LearnerGrade after) {}
    }

    private final List<Exercise> exercises;
    private final Grader grader;
    private final int workers;
    private final long limitMillis;

    /**
     * @param workers      learners graded at the same time
     * @param limitMillis  time a learner's grading may take before it counts as hanging
     */
    public ClassGrader(List<Exercise> exercises, Grader grader, int workers, long limitMillis) {
        this.exercises = List.copyOf(exercises);
        this.grader = grader;
        this.workers = workers;
        this.limitMillis = limitMillis;
    }

    /** A grader that runs the checker on each folder: one warm checker shared by every learner. */
    public static Grader with(Checker checker) {
        return (folder, learner, exercises) -> {
            List<Verdict> tooLarge = new ArrayList<>();
            List<Exercise> rest = new ArrayList<>();
            for (Exercise e : exercises) {
                Path file = folder.resolve(e.file());
                long size = Files.isRegularFile(file) ? Files.size(file) : 0;
                if (size > MAX_FILE_BYTES) {
                    tooLarge.add(new Verdict(e, Verdict.Status.NOT_COMPILED, List.of(), List.of(
                            learner + "/" + e.file() + " is " + size / 1024 + " KiB, more than the "
                                    + MAX_FILE_BYTES / 1024 + " KiB an exercise may have: not compiled")));
                } else {
                    rest.add(e);
                }
            }
            List<Verdict> verdicts = new ArrayList<>(checker.check(folder, learner, rest));
            verdicts.addAll(tooLarge);
            verdicts.sort((a, b) -> Integer.compare(a.exercise().step(), b.exercise().step()));
            return verdicts;
        };
    }

    /** The learners' folders in {@code classDir}, in natural order (learner-2 before learner-10). */
    public static List<Path> learners(Path classDir) {
        try (Stream<Path> entries = Files.list(classDir)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> naturalOrder(a.getFileName().toString(), b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the learners in " + classDir + ": " + e.getMessage(), e);
        }
    }

    /** Grades every learner, {@code workers} at a time; one grade per learner, in folder order. */
    public List<LearnerGrade> grade(List<Path> folders, Listener listener) throws InterruptedException {
        int n = folders.size();
        List<Future<LearnerGrade>> futures = new ArrayList<>();
        AtomicLongArray started = new AtomicLongArray(n); // set by the worker that starts a learner
        LearnerGrade[] grades = new LearnerGrade[n];
        listener.started(n);
        WorkerPool pool = new WorkerPool(Math.max(1, workers));
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                Path folder = folders.get(i);
                String learner = folder.getFileName().toString();
                futures.add(pool.submit(() -> {
                    started.set(index, System.nanoTime());
                    List<Verdict> verdicts = grader.grade(folder, learner, exercises);
                    return new LearnerGrade(learner, verdicts, null, millisSince(started.get(index)));
                }));
            }
            int done = 0;
            while (done < n) {
                // Have the workers finished? Ask every future, never wait on one.
                List<Integer> finished = new ArrayList<>();
                int running = 0;
                for (int i = 0; i < n; i++) {
                    if (grades[i] != null) {
                        continue;
                    }
                    Future<LearnerGrade> future = futures.get(i);
                    String learner = folders.get(i).getFileName().toString();
                    long since = started.get(i);
                    if (future.isDone()) {
                        grades[i] = outcome(future, learner, since);
                    } else if (since != 0 && millisSince(since) > limitMillis) {
                        future.cancel(true);
                        grades[i] = LearnerGrade.notGraded(learner, String.format(Locale.ROOT,
                                "grading took longer than the time limit of %.0f s and was stopped", limitMillis / 1000.0),
                                millisSince(since));
                    } else {
                        running += since != 0 ? 1 : 0;
                        continue;
                    }
                    finished.add(i);
                }
                for (int i : finished) {
                    listener.finished(grades[i], ++done, n, running);
                }
                if (done < n) {
                    listener.tick(done, n, running);
                    Thread.sleep(POLL_MILLIS);
                }
            }
            recheckFailures(pool, folders, grades, listener);
        } finally {
            // Cancelled learners may still be unwinding: do not wait for them.
            pool.shutdownNow();
        }
        return List.of(grades);
    }

    /**
     * Checks each failed exercise once more, one learner at a time, once the class is done: the
     * grader's own load (several learners at once on a few cores) must not cost anybody points.
     * A wrong answer fails again; only the second verdict counts. An untouched stub ("not done
     * yet") cannot come out otherwise, so it is not checked again.
     */
    private void recheckFailures(WorkerPool pool, List<Path> folders, LearnerGrade[] grades, Listener listener)
            throws InterruptedException {
        for (int i = 0; i < grades.length; i++) {
            LearnerGrade g = grades[i];
            List<Exercise> failed = g.verdicts().stream()
                    .filter(v -> v.status() == Verdict.Status.FAILED && !v.notDoneYet()).map(Verdict::exercise).toList();
            if (g.problem() != null || failed.isEmpty()) {
                continue;
            }
            Path folder = folders.get(i);
            Future<List<Verdict>> again = pool.submit(() -> grader.grade(folder, g.learner(), failed));
            try {
                List<Verdict> second = again.get(limitMillis, TimeUnit.MILLISECONDS);
                List<Verdict> merged = new ArrayList<>();
                for (Verdict v : g.verdicts()) {
                    merged.add(second.stream().filter(s -> s.exercise().step() == v.exercise().step())
                            .findFirst().orElse(v));
                }
                grades[i] = new LearnerGrade(g.learner(), merged, null, g.millis());
                if (grades[i].points() != g.points()) {
                    listener.rechecked(g, grades[i]);
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                again.cancel(true); // keep the first verdicts
            }
        }
    }

    private static LearnerGrade outcome(Future<LearnerGrade> future, String learner, long started) throws InterruptedException {
        try {
            return future.get(); // done: returns at once
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return LearnerGrade.notGraded(learner, "the grader failed on this folder: " + cause, millisSince(started));
        } catch (CancellationException e) {
            return LearnerGrade.notGraded(learner, "grading was cancelled", millisSince(started));
        }
    }

    private static long millisSince(long nanos) {
        return nanos == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    public List<Exercise> exercises() {
        return exercises;
    }

    /** learner-2 before learner-10: numbers compare as numbers (padded to the same length). */
    private static int naturalOrder(String a, String b) {
        return padNumbers(a).compareTo(padNumbers(b));
    }

    private static String padNumbers(String name) {
        return java.util.regex.Pattern.compile("\\d+").matcher(name)
                .replaceAll(m -> "0".repeat(Math.max(0, 20 - m.group().length())) + m.group());
    }
}
