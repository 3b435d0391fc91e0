package futures.workshop.checker;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.sandbox.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One exercise broken in each way the kit knows, beside the others solved: every other
 * exercise's verdict and points must be those of the all-correct run. Two breakages share a
 * folder, each in an exercise of its own, so a folder holds five clean exercises to compare. All folders are graded by
 * one checker at once, while two CPU-bound threads per core spin, as on a busy machine where a
 * sandbox JVM is most likely to serve one exercise's run after another's.
 */
@DisplayName("One exercise's fault never changes another's verdict")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependenceTest {
    /** Where each breakage goes: the body of a method of the solution, found by its one line. */
    record Breakage(String file, String find, String replace) {}

    private static final String SUBMIT = "01-submit/PoolSubmit.java";
    private static final String SUBMIT_LINE = "        return pool.submit(() -> slowFunction(5));\n";
    private static final String ADD = "02-arguments/PoolAdd.java";
    private static final String ADD_LINE = "        return pool.submit(() -> slowAdd(1, 6, 7));\n";
    private static final String FUTURE = "04-future/FutureFacts.java";
    private static final String FUTURE_LINE = "            future.get();\n            return null;\n";

    static final Map<String, Breakage> BREAKAGES = new LinkedHashMap<>();

    /**
     * The breakages graded together, each in an exercise of its own, so that the others of the
     * folder stand beside two broken ones: fewer folders, the same proof for each.
     */
    static final List<List<String>> FOLDERS = List.of(
            List.of("hang", "out of memory"),
            List.of("future that never completes", "thread flood"),
            List.of("future that never completes, spinning on the common pool", "deadlock"),
            List.of("exit", "halt"),
            List.of("file damage", "halt by reflection, past the trap"),
            List.of("a thread left calling slow functions", "future that never completes, in exercise 4"));

    /** The same breakage in exercise 2, whose method hands slowAdd(1, 6, 7) to the pool. */
    private static Breakage inExercise2(Breakage b) {
        return new Breakage(ADD, ADD_LINE, b.replace().replace("slowFunction(5)", "slowAdd(1, 6, 7)"));
    }

    static {
        BREAKAGES.put("hang", new Breakage(SUBMIT, SUBMIT_LINE, """
                        while (true) {
                            Thread.onSpinWait();
                        }
                """));
        BREAKAGES.put("future that never completes", new Breakage(SUBMIT, SUBMIT_LINE, """
                        return new java.util.concurrent.CompletableFuture<>();
                """));
        BREAKAGES.put("future that never completes, spinning on the common pool", new Breakage(SUBMIT, SUBMIT_LINE, """
                        return java.util.concurrent.CompletableFuture.<Integer>supplyAsync(() -> {
                            while (true) {
                                Thread.onSpinWait();
                            }
                        });
                """));
        BREAKAGES.put("future that never completes, in exercise 4", new Breakage(FUTURE, FUTURE_LINE, """
                            new java.util.concurrent.CompletableFuture<Void>().get();
                            return null;
                """));
        BREAKAGES.put("a thread left calling slow functions", new Breakage(SUBMIT, SUBMIT_LINE, """
                        java.util.concurrent.CompletableFuture.runAsync(() -> { // a daemon of the common pool, never stopped
                            while (true) {
                                slowFunction(1);
                            }
                        });
                        return pool.submit(() -> slowFunction(5));
                """));
        BREAKAGES.put("exit", new Breakage(SUBMIT, SUBMIT_LINE, """
                        System.exit(0);
                        return null;
                """));
        BREAKAGES.put("halt", inExercise2(new Breakage(SUBMIT, SUBMIT_LINE, """
                        Runtime.getRuntime().halt(1);
                        return null;
                """)));
        BREAKAGES.put("halt by reflection, past the trap", inExercise2(new Breakage(SUBMIT, SUBMIT_LINE, """
                        try {
                            Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 3);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                        return null;
                """)));
        BREAKAGES.put("out of memory", inExercise2(new Breakage(SUBMIT, SUBMIT_LINE, """
                        java.util.List<long[]> hoard = new java.util.ArrayList<>();
                        while (true) {
                            hoard.add(new long[1_000_000]);
                        }
                """)));
        BREAKAGES.put("thread flood", inExercise2(new Breakage(SUBMIT, SUBMIT_LINE, """
                        for (int i = 0; i < 2000; i++) {
                            Thread t = new Thread(() -> {
                                try {
                                    Thread.sleep(Long.MAX_VALUE);
                                } catch (InterruptedException e) {
                                    // asked to stop
                                }
                            });
                            t.setDaemon(i % 2 == 0); // daemon threads do not hold the program, but outlive the run
                            t.start();
                        }
                        return pool.submit(() -> slowFunction(5));
                """)));
        BREAKAGES.put("deadlock", inExercise2(new Breakage(SUBMIT, SUBMIT_LINE, """
                        Object a = new Object();
                        Object b = new Object();
                        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
                        Runnable ab = () -> { synchronized (a) { both.countDown(); await(both); synchronized (b) { } } };
                        Runnable ba = () -> { synchronized (b) { both.countDown(); await(both); synchronized (a) { } } };
                        pool.submit(ab);
                        pool.submit(ba);
                        return pool.submit(() -> slowFunction(5));
                    }

                    private static void await(java.util.concurrent.CountDownLatch latch) {
                        try {
                            latch.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                """)));
        BREAKAGES.put("file damage", new Breakage(SUBMIT, SUBMIT_LINE, """
                        try { // the other exercises' files, by the paths make run would see them
                            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of("exercises/02-arguments/PoolAdd.java"));
                            java.nio.file.Files.writeString(java.nio.file.Path.of("exercises/03-async/ApplyAsync.java"), "class Broken {");
                        } catch (java.io.IOException e) {
                            // nothing to damage here
                        }
                        return pool.submit(() -> slowFunction(5));
                """));
    }

    private Path work;
    private Checker checker;
    private CpuHogs hogs;
    private final Map<String, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
    private final Map<String, String> kitFiles = new LinkedHashMap<>();

    @BeforeAll
    void gradeEveryBreakage() throws Exception {
        for (String file : List.of("02-arguments/PoolAdd.java", "03-async/ApplyAsync.java")) {
            kitFiles.put(file, Files.readString(Path.of("exercises", file)));
        }
        hogs = new CpuHogs();
        work = Folders.newWorkDir();
        checker = new Checker(Grading.course(), work);
        Course course = checker.course();
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("all correct", solutions(work.resolve("all-correct")));
        assertThat(FOLDERS.stream().flatMap(List::stream).sorted().toList()).as("every breakage in a folder")
                .isEqualTo(BREAKAGES.keySet().stream().sorted().toList());
        for (int n = 0; n < FOLDERS.size(); n++) {
            Path folder = solutions(work.resolve("broken-" + n));
            for (String name : FOLDERS.get(n)) {
                Breakage b = BREAKAGES.get(name);
                Path file = folder.resolve(b.file());
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as("the line to break in %s", file).contains(b.find());
                Files.writeString(file, text.replace(b.find(), b.replace()), StandardCharsets.UTF_8);
                folders.put(name, folder);
            }
        }
        // all at once: the time limits of the hanging ones pass side by side
        ExecutorService threads = Executors.newFixedThreadPool(folders.size());
        Map<Path, CompletableFuture<List<Verdict>>> runs = new LinkedHashMap<>();
        folders.values().stream().distinct().forEach(folder -> runs.put(folder, CompletableFuture.supplyAsync(
                () -> checker.check(folder, "exercises", course.exercises()), threads)));
        folders.forEach((name, folder) -> {
            Map<String, Verdict> byExercise = new LinkedHashMap<>();
            runs.get(folder).join().forEach(v -> byExercise.put(v.exercise().file(), v));
            verdicts.put(name, byExercise);
        });
        threads.shutdown();
        // then the same checker, whose warm sandbox JVMs served all of the above, grades the solutions again
        Map<String, Verdict> after = new LinkedHashMap<>();
        checker.check(folders.get("all correct"), "exercises", course.exercises()).forEach(v -> after.put(v.exercise().file(), v));
        verdicts.put(AFTERWARDS, after);
    }

    private static final String AFTERWARDS = "all correct, graded again afterwards";

    @org.junit.jupiter.api.Test
    @DisplayName("the solutions graded again afterwards, in the JVMs that ran every breakage, keep every verdict")
    void nothingLingers() {
        Map<String, Verdict> correct = verdicts.get("all correct");
        verdicts.get(AFTERWARDS).forEach((file, v) -> assertThat(Grading.signature(v)).as("%s:%n%s", file, Grading.shown(v))
                .isEqualTo(Grading.signature(correct.get(file))));
        assertThat(verdicts.get(AFTERWARDS).values()).allMatch(Verdict::passed);
    }

    private static Path solutions(Path to) throws IOException {
        Folders.copy(Grading.SOLUTIONS, to, p -> true);
        return to;
    }

    @AfterAll
    void stop() throws Exception {
        if (hogs != null) {
            hogs.close();
        }
        if (checker != null) {
            checker.close();
        }
        Folders.deleteQuietly(work);
        // if learner code ever reached the kit's own files, put them back (and the test has failed)
        for (Map.Entry<String, String> f : kitFiles.entrySet()) {
            Path file = Path.of("exercises", f.getKey());
            if (!Files.exists(file) || !Files.readString(file).equals(f.getValue())) {
                Files.writeString(file, f.getValue());
            }
        }
    }

    List<String> breakages() {
        return List.copyOf(BREAKAGES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    @DisplayName("every other exercise keeps the verdict and points of the all-correct run")
    void othersUnchanged(String breakage) throws IOException {
        Map<String, Verdict> correct = verdicts.get("all correct");
        Map<String, Verdict> broken = verdicts.get(breakage);
        String brokenFile = BREAKAGES.get(breakage).file();
        if (!breakage.equals("file damage")) { // the damage is to the others; the exercise itself is solved
            assertThat(broken.get(brokenFile).passed()).as("the broken exercise itself fails:%n%s",
                    Grading.shown(broken.get(brokenFile))).isFalse();
        }
        List<String> brokenBeside = FOLDERS.stream().filter(f -> f.contains(breakage)).findFirst().orElseThrow()
                .stream().map(b -> BREAKAGES.get(b).file()).toList();
        for (Exercise e : checker.course().exercises()) {
            if (brokenBeside.contains(e.file())) {
                continue; // broken here, by this breakage or the one beside it
            }
            Verdict mine = broken.get(e.file());
            Verdict theirs = correct.get(e.file());
            assertThat(Grading.signature(mine)).as("%s beside %s:%n%s", e.label(), breakage, Grading.shown(mine))
                    .isEqualTo(Grading.signature(theirs));
            assertThat(mine.points()).isEqualTo(theirs.points());
        }
        for (Map.Entry<String, String> f : kitFiles.entrySet()) {
            assertThat(Path.of("exercises", f.getKey())).as("the kit's own file, untouched by learner code").hasContent(f.getValue());
        }
    }
}
