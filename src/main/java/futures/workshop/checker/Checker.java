package futures.workshop.checker;

import futures.workshop.sandbox.Sandbox;
import futures.workshop.sandbox.ExerciseCompiler;
import futures.workshop.sandbox.Compilation;
import futures.workshop.sandbox.Confinement;
import futures.workshop.sandbox.Folders;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.checker.Verdict.CheckResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades exercises: compiles each learner file on its own, then runs the exercise's JUnit checks
 * against it, all exercises in one JUnit run, classes in parallel. Not thread-confined: one
 * checker may grade several folders at once.
 */
public final class Checker implements AutoCloseable {
    /** The class that runs the checks exercises declare in info.toml (see {@code checks.DeclaredChecks}). */
    static final String DECLARED_CHECKS = "futures.workshop.checks.DeclaredChecks";

    private final CompletableFuture<Course> course;
    private final ExerciseCompiler compiler;
    private final Sandbox sandbox;
    private final Path workDir;
    private final CompletableFuture<Launcher> launcher;

    public Checker(Course course, Path workDir) {
        this(CompletableFuture.completedFuture(course), workDir, Confinement.STAGE_ONLY);
    }

    /** A checker whose learner code is kept to {@code confinement} (see {@code make grade-class}). */
    public Checker(Course course, Path workDir, Confinement confinement) {
        this(CompletableFuture.completedFuture(course), workDir, confinement);
    }

    /** A checker whose course is still being read: its sandboxes and JUnit start meanwhile. */
    public Checker(CompletableFuture<Course> course, Path workDir) {
        this(course, workDir, Confinement.STAGE_ONLY);
    }

    private Checker(CompletableFuture<Course> course, Path workDir, Confinement confinement) {
        String classPath = ExerciseCompiler.kitClassPath();
        this.course = course;
        this.compiler = new ExerciseCompiler(ExerciseCompiler.learnerClassPath());
        // other learners' copies, which the checker keeps while it grades them, are theirs too
        this.sandbox = new Sandbox(classPath, workDir.resolve("runs"), 2, confinement.hiding(workDir.resolve("learners")));
        this.workDir = workDir;
        // JUnit starts up while the learner's files compile
        this.launcher = CompletableFuture.supplyAsync(() -> LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build()));
    }

    public Course course() {
        return course.join();
    }

    /**
     * Grades the given exercises found in {@code folder}; {@code shownFolder} is how file names
     * are shown to the learner (e.g. {@code exercises}).
     */
    public List<Verdict> check(Path folder, String shownFolder, List<Exercise> which) {
        return check(folder, shownFolder, which, () -> new TestExecutionListener() {});
    }

    /**
     * {@link #check(Path, String, List)}, telling a listener from {@code listeners} about each JUnit
     * run of the checks as well (the grade reports' XML writer, for one). Exercises that are
     * missing or do not compile have no checks to run and do not reach it: their verdicts say why.
     *
     * <p>Exercises are graded in one JUnit run, unless several share a checks class: a class is
     * run once per JUnit run, so the second exercise of a class goes to a second run, side by side.
     */
    public List<Verdict> check(Path folder, String shownFolder, List<Exercise> which,
                               Supplier<TestExecutionListener> listeners) {
        Map<Exercise, Verdict> missing = new LinkedHashMap<>();
        List<Exercise> present = new ArrayList<>();
        for (Exercise exercise : which) {
            String shown = shownFolder + "/" + exercise.file();
            if (Files.isRegularFile(folder.resolve(exercise.file()))) {
                present.add(exercise);
            } else {
                missing.put(exercise, new Verdict(exercise, Verdict.Status.MISSING, List.of(),
                        List.of(shown + " is missing: restore it with make reset EX=" + exercise.step())));
            }
        }
        // A copy, made first: the files are compiled and run as they were when the check began,
        // whatever the learner's editor or the learner's own code does to the folder meanwhile.
        Path copy = snapshot(folder, present);
        Map<String, CompletableFuture<Compilation>> compiling =
                compileInOrder(copy, shownFolder, present.stream().map(Exercise::file).toList());
        Map<Exercise, CompletableFuture<Compilation>> compiled = new LinkedHashMap<>();
        List<Wave> waves = new ArrayList<>();
        Map<Exercise, Wave> waveOf = new LinkedHashMap<>();
        List<Submission> graded = new ArrayList<>();
        Set<Exercise> ungradable = new java.util.HashSet<>();
        for (Exercise exercise : present) {
            String shown = shownFolder + "/" + exercise.file();
            CompletableFuture<Compilation> compilation = compiling.get(exercise.file());
            compiled.put(exercise, compilation);
            if (exercise.checks() != null && exercise.checksClass().isEmpty()) {
                ungradable.add(exercise); // its verdict says the kit cannot grade it; the others are graded
                continue;
            }
            Submission submission = new Submission(exercise, copy, shown, compilation, sandbox);
            graded.add(submission);
            Wave wave = waves.stream().filter(w -> w.takes(exercise)).findFirst().orElseGet(() -> {
                Wave fresh = new Wave(UUID.randomUUID().toString());
                waves.add(fresh);
                return fresh;
            });
            wave.add(submission);
            waveOf.put(exercise, wave);
        }
        long begin = System.nanoTime();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = waves.size() - 1; i >= 0; i--) { // the first wave on this thread, the others beside it
            Wave wave = waves.get(i);
            TestExecutionListener listener = listeners.get();
            if (i == 0) {
                wave.run(this, listener);
            } else {
                running.add(CompletableFuture.runAsync(() -> wave.run(this, listener)));
            }
        }
        running.forEach(CompletableFuture::join);
        // The last check of every exercise, once all its runs are over: nothing left running.
        Map<String, List<CheckResult>> last = lastChecks(graded, listeners.get());
        Sandbox.debug("checks ran in %d ms, %d JUnit run(s)", (System.nanoTime() - begin) / 1_000_000, waves.size() + 1);
        Map<Exercise, List<CheckResult>> results = new LinkedHashMap<>();
        Map<Exercise, String> failures = new LinkedHashMap<>();
        waveOf.forEach((exercise, wave) -> {
            List<CheckResult> mine = new ArrayList<>(wave.results.getOrDefault(exercise.checksKey(), List.of()));
            if (!mine.isEmpty()) {
                mine.addAll(last.getOrDefault(exercise.key(), List.of()));
            }
            results.put(exercise, mine);
            if (wave.failure != null) {
                failures.put(exercise, wave.failure);
            }
        });

        Map<Exercise, Verdict> early = new LinkedHashMap<>(missing);
        compiled.forEach((exercise, compilation) -> {
            Compilation c = compilation.join();
            if (!c.ok()) {
                early.put(exercise, new Verdict(exercise, Verdict.Status.NOT_COMPILED, List.of(), c.errors()));
            } else if (!Submission.hasTheClass(c, exercise)) {
                early.put(exercise, new Verdict(exercise, Verdict.Status.NO_CLASS, List.of(),
                        List.of(Submission.noClass(exercise, shownFolder + "/" + exercise.file(), c.shape()))));
            }
        });
        Folders.deleteQuietly(copy);
        List<Verdict> verdicts = new ArrayList<>();
        for (Exercise exercise : which) {
            Verdict verdict = early.get(exercise);
            if (verdict == null && ungradable.contains(exercise)) {
                verdict = new Verdict(exercise, Verdict.Status.FAILED, List.of(), List.of("the kit cannot grade exercise "
                        + exercise.label() + ": info.toml names the checks class " + exercise.checks()
                        + ", which does not exist; whoever wrote the course fixes it (make verify-course says how)"));
            }
            if (verdict == null) {
                List<CheckResult> checks = results.getOrDefault(exercise, List.of());
                boolean passed = !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
                verdict = new Verdict(exercise, passed ? Verdict.Status.PASSED : Verdict.Status.FAILED, checks,
                        failures.containsKey(exercise) ? List.of(failures.get(exercise))
                                : checks.isEmpty() ? List.of("no checks ran for exercise " + exercise.label()
                                + ": name a checks class in info.toml, or declare submits/prints") : List.of());
            }
            verdicts.add(verdict);
        }
        return verdicts;
    }

    /** A copy of the exercises' files in {@code folder}, in a new folder of the checker's own. */
    private Path snapshot(Path folder, List<Exercise> present) {
        try {
            Path copy = Files.createTempDirectory(Files.createDirectories(workDir.resolve("learners")), "learner-");
            for (Exercise e : present) {
                Path to = copy.resolve(e.file());
                Files.createDirectories(to.getParent());
                Files.copy(folder.resolve(e.file()), to);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + folder + " to grade it: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@link LeftRunning} on every exercise that was graded: a JUnit run of its own, after the
     * others, so that every run of every exercise is over when it looks.
     */
    private Map<String, List<CheckResult>> lastChecks(List<Submission> graded, TestExecutionListener listener) {
        if (graded.isEmpty()) {
            return Map.of();
        }
        String run = UUID.randomUUID().toString();
        Submissions.registerGroup(run, graded);
        try {
            return runChecks(run, List.of(LeftRunning.class.getName()), listener);
        } catch (RuntimeException e) {
            return Map.of();
        } finally {
            Submissions.unregisterGroup(run);
        }
    }

    /** The exercises graded in one JUnit run: each checks class at most once. */
    private static final class Wave {
        final String run;
        final Set<String> checkClasses = new LinkedHashSet<>();
        final List<Submission> declared = new ArrayList<>();
        final List<Submission> byClass = new ArrayList<>();
        Map<String, List<CheckResult>> results = Map.of();
        String failure;

        Wave(String run) {
            this.run = run;
        }

        boolean takes(Exercise exercise) {
            return exercise.checks() == null || !checkClasses.contains(exercise.checks());
        }

        void add(Submission submission) {
            String checks = submission.exercise().checks();
            if (checks == null) {
                declared.add(submission);
            } else {
                checkClasses.add(checks);
                byClass.add(submission);
            }
        }

        void run(Checker checker, TestExecutionListener listener) {
            byClass.forEach(s -> Submissions.register(run, s.exercise().checks(), s));
            Set<String> classes = new LinkedHashSet<>(checkClasses);
            if (!declared.isEmpty()) {
                Submissions.registerGroup(run, declared);
                classes.add(DECLARED_CHECKS);
            }
            try {
                results = classes.isEmpty() ? Map.of() : checker.runChecks(run, classes, listener);
            } catch (RuntimeException e) { // JUnit could not even start them: a kit or course bug, said per exercise
                failure = "the checker could not run the checks: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            } finally {
                checkClasses.forEach(c -> Submissions.unregister(run, c));
                Submissions.unregisterGroup(run);
            }
        }
    }

    private Map<String, List<CheckResult>> runChecks(String run, Iterable<String> checkClasses,
                                                     TestExecutionListener listener) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter(Submissions.RUN, run)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .configurationParameter("junit.jupiter.execution.parallel.config.executor-service", "WORKER_THREAD_POOL");
        for (String checks : checkClasses) {
            request.selectors(DiscoverySelectors.selectClass(checks));
        }
        LauncherDiscoveryRequest discovery = request.build();
        Collector collector = new Collector();
        Launcher junit = launcher.join();
        TestPlan plan = junit.discover(discovery);
        junit.execute(plan, collector, listener);
        return collector.inPlanOrder(plan);
    }

    /** Collects every check's result as JUnit reports it, from whichever thread runs it. */
    private static final class Collector implements TestExecutionListener {
        private final Map<String, CheckResult> byId = new ConcurrentHashMap<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            boolean failedContainer = id.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
            if (id.isTest() || failedContainer) {
                String message = result.getThrowable().map(Collector::message).orElse(null);
                byId.put(id.getUniqueId(), new CheckResult(id.getDisplayName(),
                        result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, message,
                        result.getThrowable().filter(t -> t instanceof NotDoneYet).isPresent()));
            }
        }

        private static String message(Throwable t) {
            if (t instanceof AssertionError && t.getMessage() != null) {
                return t.getMessage().strip();
            }
            return "the check itself failed: " + t; // a kit bug, not the learner's
        }

        Map<String, List<CheckResult>> inPlanOrder(TestPlan plan) {
            Map<String, List<CheckResult>> out = new LinkedHashMap<>();
            for (TestIdentifier root : plan.getRoots()) {
                collect(plan, root, out);
            }
            return out;
        }

        private void collect(TestPlan plan, TestIdentifier id, Map<String, List<CheckResult>> out) {
            CheckResult result = byId.get(id.getUniqueId());
            if (result != null) {
                owner(plan, id).ifPresent(c -> out.computeIfAbsent(c, k -> new ArrayList<>()).add(result));
            }
            for (TestIdentifier child : plan.getChildren(id)) {
                collect(plan, child, out);
            }
        }

        /**
         * Whose check it is, as {@link Exercise#checksKey()}: the checks class, or the exercise a
         * container names ({@code exercise:<name>}), as declared checks and the last check do.
         */
        private static Optional<String> owner(TestPlan plan, TestIdentifier id) {
            for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
                Optional<String> declared = at.getSource()
                        .filter(s -> s instanceof UriSource u && "exercise".equals(u.getUri().getScheme()))
                        .map(s -> ((UriSource) s).getUri().toString());
                if (declared.isPresent()) {
                    return declared;
                }
            }
            return id.getSource().map(source -> source instanceof MethodSource m ? m.getClassName()
                    : source instanceof ClassSource c ? c.getClassName() : null);
        }
    }

    /** Stops the sandbox JVMs kept warm. */
    @Override
    public void close() {
        sandbox.close();
    }

    /**
     * Compiles the files on a new thread of their own, first all in one go (javac then reads the
     * JDK once for all of them), then on its own, in the given order, each that could not be.
     * Grading several folders at once, their files compile side by side.
     */
    private Map<String, CompletableFuture<Compilation>> compileInOrder(Path folder, String shownFolder, List<String> files) {
        Map<String, CompletableFuture<Compilation>> compiled = new LinkedHashMap<>();
        if (files.isEmpty()) {
            return compiled;
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "compiler");
            t.setDaemon(true);
            return t;
        });
        Path classes = workDir.resolve("classes");
        List<String> shown = files.stream().map(file -> shownFolder + "/" + file).toList();
        CompletableFuture<List<Compilation>> together = files.size() < 2 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> {
                    long begin = System.nanoTime();
                    List<Compilation> all = compiler.compileAll(files.stream().map(folder::resolve).toList(), classes, shown);
                    Sandbox.debug("compiled %d files together in %d ms, %d of them ok", files.size(),
                            (System.nanoTime() - begin) / 1_000_000, all.stream().filter(c -> c != null).count());
                    return all;
                }, thread);
        for (int i = 0; i < files.size(); i++) {
            int index = i;
            // the thread has finished the joint compile by the time this runs
            compiled.put(files.get(i), CompletableFuture.supplyAsync(() -> {
                List<Compilation> all = together.join();
                if (all != null && all.get(index) != null) {
                    return all.get(index);
                }
                long begin = System.nanoTime();
                Compilation c = compiler.compile(folder.resolve(files.get(index)), classes, shown.get(index));
                Sandbox.debug("compiled %s in %d ms", files.get(index), (System.nanoTime() - begin) / 1_000_000);
                return c;
            }, thread));
        }
        thread.shutdown(); // what is queued still runs; then the thread ends
        return compiled;
    }
}
