package futures.workshop.checker;

import futures.workshop.sandbox.Compilation;
import futures.workshop.sandbox.Sandbox;
import futures.workshop.course.Exercise;
import futures.workshop.sandbox.Outcome;
import futures.workshop.sandbox.Request;
import futures.workshop.sandbox.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A learner's compiled exercise, as the checks see it: run a {@link Scenario} with it in a child
 * JVM and get the {@link Outcome}. Outcomes are kept, so several checks can look at different
 * sides of one run without running it again.
 */
public final class Submission {
    /** Real time a scenario may take before it counts as hanging. */
    public static final long TIME_LIMIT_MS = 5000;
    /** How long a slow call waits at a rendezvous for the others. */
    public static final long RENDEZVOUS_CAP_MS = 1000;

    private final Exercise exercise;
    private final Path folder;
    private final String shownFile;
    private final CompletableFuture<Compilation> compilation;
    private final Sandbox sandbox;
    private final Map<Key, CompletableFuture<Outcome>> runs = new ConcurrentHashMap<>();

    private record Key(Scenario scenario, int rendezvous, List<String> jvmOptions) {}

    /**
     * {@code compilation} may still be under way: checks that need the classes wait for it.
     * {@code folder} is the copy of the learner's folder the runs get as their own.
     */
    Submission(Exercise exercise, Path folder, String shownFile, CompletableFuture<Compilation> compilation, Sandbox sandbox) {
        this.exercise = exercise;
        this.folder = folder;
        this.shownFile = shownFile;
        this.compilation = compilation;
        this.sandbox = sandbox;
    }

    /** The compiled classes; a check of a file that does not compile is aborted (its verdict says why). */
    private Path classes() {
        Compilation compiled = compilation.join();
        if (!compiled.ok()) {
            Assumptions.abort(shownFile + " does not compile");
        }
        if (!hasTheClass(compiled, exercise)) {
            Assumptions.abort(shownFile + " has no class " + exercise.className());
        }
        return compiled.classes();
    }

    /** Whether the compiled file holds the exercise's class, in no package, where the sandbox loads it from. */
    static boolean hasTheClass(Compilation compiled, Exercise exercise) {
        return Files.isRegularFile(compiled.classes().resolve(exercise.className() + ".class"));
    }

    /**
     * Why a file that compiles holds no class the checks can load, in the learner's words: a
     * package line (editors add one), an empty file, or a class of another name.
     */
    static String noClass(Exercise exercise, String shown, Compilation.Shape shape) {
        String name = exercise.className();
        if (shape.packageName() != null) {
            return shown + " starts with \"package " + shape.packageName() + ";\": remove that line (an editor may add one)."
                    + " The exercises live in no package, and the checks look for class " + name + " there.";
        }
        if (shape.types().isEmpty()) {
            return shown + " has no class in it (is it empty?): make reset EX=" + exercise.step()
                    + " puts the exercise back and keeps your file as a backup.";
        }
        return shown + " declares " + (shape.types().size() == 1 ? "class " : "classes ") + String.join(", ", shape.types())
                + ", but the checks look for class " + name + ", the file's name: rename it back to " + name + ".";
    }

    public Exercise exercise() {
        return exercise;
    }

    /** The learner's file as the learner would type it, e.g. {@code exercises/03-async/ApplyAsync.java}. */
    public String file() {
        return shownFile;
    }

    /**
     * Where the learner's file calls {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt},
     * as {@code file:line halt()}: a JVM that stopped without a word was most likely stopped there.
     */
    public List<String> exits() {
        return compilation.join().exits();
    }

    /**
     * Starts the scenario's run in the background, when the file compiled, so that the checks that
     * need it find it done, or under way: the runs of one exercise then overlap, as the runs of
     * exercises graded by classes of their own do.
     */
    public void prefetch(Scenario scenario) {
        compilation.thenAcceptAsync(c -> {
            if (c.ok()) {
                try {
                    run(scenario);
                } catch (RuntimeException | Error e) {
                    // the check that needs the run says what happened
                }
            }
        }, PREFETCH);
    }

    private static final java.util.concurrent.ExecutorService PREFETCH = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "prefetch");
        t.setDaemon(true);
        return t;
    });

    /**
     * The outcomes of every run made so far, in no particular order, once those under way have
     * ended; runs that could not be made (the file does not compile) are left out.
     */
    public List<Outcome> outcomes() {
        List<Outcome> out = new java.util.ArrayList<>();
        for (CompletableFuture<Outcome> run : runs.values()) {
            try {
                out.add(run.join());
            } catch (RuntimeException e) {
                // that run's own check says what happened
            }
        }
        return out;
    }

    /** Runs the scenario (once; later calls get the same outcome). */
    public Outcome run(Scenario scenario) {
        return run(scenario, 0, List.of());
    }

    /**
     * Runs the scenario with a rendezvous: the first slow calls wait until {@code rendezvous} of
     * them run at once (see {@code Request}). {@code jvmOptions} go to the child JVM, e.g.
     * {@code -XX:ActiveProcessorCount=3}.
     */
    public Outcome run(Scenario scenario, int rendezvous, List<String> jvmOptions) {
        Key key = new Key(scenario, rendezvous, List.copyOf(jvmOptions));
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> existing = runs.putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (java.util.concurrent.CompletionException e) { // as if this call had made the run
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        try {
            Request request = new Request(classes().toString(), exercise.className(), scenario, TIME_LIMIT_MS, rendezvous, RENDEZVOUS_CAP_MS);
            mine.complete(sandbox.run(request, jvmOptions, folder));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }
}
