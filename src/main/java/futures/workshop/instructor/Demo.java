package futures.workshop.instructor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.lesson.Lesson;
import futures.workshop.lesson.WorkerPool;
import futures.workshop.runtime.TimeScale;
import futures.workshop.sandbox.Folders;
import futures.workshop.sandbox.Learner;
import futures.workshop.sandbox.LearnerProgram;
import futures.workshop.terminal.Board;
import futures.workshop.terminal.Terminals;
import futures.workshop.terminal.Timeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.lang.model.element.Name;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * {@code make demo STEP=n}: runs the reference solution of step {@code n} at the lesson's real
 * speed for the projector. By default its own {@code main}, so the projector shows what the
 * lesson prints (step 5's "Have the workers finished?" once a second, then the results); with
 * {@link View#BOARD}, a step whose solution hands back its futures ({@code submitAll}) is watched
 * on the live board instead, then its results printed. Every demo ends with the worker timeline
 * of its calls, also saved as {@code target/demo/step<n>-<w>-workers.svg} and {@code .txt}. Runs
 * on the caller's thread; the solution's tasks run on a {@link WorkerPool}.
 */
public final class Demo {
    public static final Path OUT = Path.of("target", "demo");

    /** How a demo shows its step: {@code make demo STEP=5 VIEW=board}. */
    public enum View {
        /** The solution's own main, with ARGS as its arguments: what the lesson prints. */
        MAIN,
        /** submitAll on a pool of ARGS workers, watched on the live board. */
        BOARD
    }

    private Demo() {}

    /**
     * Shows {@code exercise}'s solution from {@code solutions}; {@code args} go to main, or for the
     * board give its number of workers. {@code course} is where another step is looked for when
     * this one's main takes no arguments.
     */
    public static void run(Course course, Exercise exercise, Path solutions, View view, List<String> args, Path out)
            throws Exception {
        Path source = solutions.resolve(exercise.file());
        Path work = Folders.newWorkDir();
        try {
            Learner solution = solution(exercise, solutions, work);
            boolean hasFutures = method(solution, "submitAll", ExecutorService.class) != null;
            if (view == View.BOARD && !hasFutures) {
                throw new IllegalArgumentException("VIEW=board: step " + exercise.step() + "'s solution hands back no futures"
                        + " (it has no submitAll) for the board to watch; make demo STEP=" + exercise.step() + " runs its main");
            }
            if (view == View.MAIN && !args.isEmpty() && !mainReadsArguments(source)) {
                throw new IllegalArgumentException(unreadArguments(course, exercise, solutions, hasFutures, args));
            }
            System.out.printf("Demo of step %s (%s), the reference solution %s, at %s%n%n", exercise.label(),
                    exercise.title(), source, speed());
            Lesson.clearCalls();
            int workers = view == View.BOARD ? board(solution, args) : runMain(solution, args);
            System.out.println();
            Timeline.show(Path.of("target", "timeline.svg"));
            save(exercise, workers, out);
        } finally {
            Folders.deleteQuietly(work);
        }
    }

    /** The reference solution of {@code exercise}, compiled into {@code work} and loaded. */
    static Learner solution(Exercise exercise, Path solutions, Path work) throws ClassNotFoundException {
        Path source = solutions.resolve(exercise.file());
        try {
            return LearnerProgram.compile(source, source.toString(), exercise.className(), work).load();
        } catch (LearnerProgram.NotCompiled e) {
            throw new IllegalStateException(e.getMessage() + ":\n" + String.join("\n", e.errors()), e);
        }
    }

    /** The speed of a demo, said once: under a time scale every time shown is still in lesson seconds. */
    static String speed() {
        return TimeScale.factor() == 1 ? "the lesson's real speed"
                : TimeScale.factor() + " x real time (all times shown are lesson seconds)";
    }

    /** The board: submitAll on a pool of ARGS workers, watched until done, then printResults. */
    private static int board(Learner solution, List<String> args) throws Exception {
        int workers = args.isEmpty() ? Runtime.getRuntime().availableProcessors() : workers(args.get(0));
        List<Future<?>> futures;
        Terminals.systemOut(); // made now: the board's clock starts when it has a terminal, not at the submits
        try (WorkerPool pool = Lesson.pool(workers)) {
            System.out.println("submitAll(pool) with a pool of " + workers + " worker(s); the board follows the futures:");
            futures = cast(solution.call("submitAll", new Class<?>[] {ExecutorService.class}, pool));
            Board.show(futures, List.of());
        }
        if (method(solution, "printResults", List.class) != null) {
            System.out.println("\nprintResults(futures):");
            solution.call("printResults", new Class<?>[] {List.class}, futures);
        }
        return workers;
    }

    private static int workers(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("ARGS=" + text + ": the board's number of workers is a whole number above 0,"
                + " as in make demo STEP=5 VIEW=board ARGS=2");
    }

    /** The solution's own main, as the lesson runs it; the workers are those its calls ran on. */
    private static int runMain(Learner solution, List<String> args) throws Exception {
        System.out.println("main(" + String.join(", ", args) + "):");
        solution.main(args.toArray(String[]::new));
        return (int) Lesson.calls().stream().map(c -> c.worker()).distinct().count();
    }

    /**
     * What to type instead when ARGS would be lost on a main that ignores them: the next step whose
     * main reads its arguments, and the board for a step that has futures to watch.
     */
    private static String unreadArguments(Course course, Exercise exercise, Path solutions, boolean hasFutures,
                                          List<String> args) {
        String given = String.join(" ", args);
        String quoted = args.size() > 1 ? "\"" + given + "\"" : given;
        StringBuilder text = new StringBuilder("ARGS=" + given + ": step " + exercise.step() + "'s main takes no arguments.");
        List<String> instead = new java.util.ArrayList<>();
        readingStep(course, exercise, solutions).ifPresent(other -> instead.add("make demo STEP=" + other.step()
                + " ARGS=" + quoted + " (step " + other.step() + "'s main reads them)"));
        if (hasFutures) {
            instead.add("make demo STEP=" + exercise.step() + " VIEW=board ARGS=" + quoted + " (the live board with that many workers)");
        }
        text.append(instead.isEmpty() ? " Leave ARGS out." : " Try " + String.join(" or ", instead) + ".");
        return text.toString();
    }

    /** The first step after {@code exercise} (else before it) whose solution's main reads its arguments. */
    private static Optional<Exercise> readingStep(Course course, Exercise exercise, Path solutions) {
        List<Exercise> all = course.exercises();
        int here = all.indexOf(exercise);
        for (int k = 1; k < all.size(); k++) {
            Exercise other = all.get((here + k) % all.size());
            Path source = solutions.resolve(other.file());
            if (Files.isRegularFile(source) && mainReadsArguments(source)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a {@code main} in {@code source} uses its parameter: read from the source with javac's
     * parser, since every main declares {@code String... args} whether it reads them or not.
     */
    static boolean mainReadsArguments(Path source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostic -> { }, List.of("-proc:none"), null,
                    files.getJavaFileObjects(source.toFile()));
            AtomicBoolean reads = new AtomicBoolean();
            for (CompilationUnitTree unit : task.parse()) {
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree method, Void unused) {
                        if (method.getName().contentEquals("main") && method.getParameters().size() == 1
                                && method.getBody() != null) {
                            Name parameter = method.getParameters().get(0).getName();
                            new TreeScanner<Void, Void>() {
                                @Override
                                public Void visitIdentifier(IdentifierTree name, Void unused) {
                                    if (name.getName().contentEquals(parameter)) {
                                        reads.set(true);
                                    }
                                    return null;
                                }
                            }.scan(method.getBody(), null);
                        }
                        return super.visitMethod(method, unused);
                    }
                }.scan(unit, null);
            }
            return reads.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the timeline as text and SVG: what docs/ shows of real runs. */
    private static void save(Exercise exercise, int workers, Path out) throws IOException {
        Files.createDirectories(out);
        String name = "step" + exercise.step() + "-" + workers + "-workers";
        Timeline timeline = Timeline.of(Lesson.calls());
        Files.writeString(out.resolve(name + ".txt"), timeline.plain(100), StandardCharsets.UTF_8);
        timeline.writeSvg(out.resolve(name + ".svg"));
        System.out.println("saved: " + out.resolve(name + ".txt") + " and .svg");
    }

    private static Method method(Learner learner, String name, Class<?>... parameters) {
        try {
            return learner.type().getDeclaredMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Future<?>> cast(Object futures) {
        return (List<Future<?>>) futures;
    }
}
