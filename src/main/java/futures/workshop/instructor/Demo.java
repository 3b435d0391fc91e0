package futures.workshop.instructor;

import futures.workshop.checker.Compilation;
import futures.workshop.checker.ExerciseCompiler;
import futures.workshop.checker.Checker;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.lesson.Lesson;
import futures.workshop.lesson.WorkerPool;
import futures.workshop.runtime.TimeScale;
import futures.workshop.terminal.Timeline;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code make demo STEP=n}: runs the reference solution of step {@code n} at the lesson's real
 * speed for the projector. Steps whose solution hands back its futures ({@code submitAll}: 5 and
 * 6) are watched on the live board, then their results printed; the others run their
 * {@code main}. Every demo ends with the worker timeline of its calls, also saved as
 * {@code target/demo/step<n>-<w>-workers.svg} and {@code .txt}.
 *
 * <pre>
 * Demo STEP [ARGS...]     ARGS go to main; for steps 5 and 6 the first one is the number of workers
 * </pre>
 * Runs on the main thread; the solution's tasks run on a {@link WorkerPool}.
 */
public final class Demo {
    static final Path OUT = Path.of("target", "demo");

    private Demo() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].isBlank()) {
            System.out.println("which step? make demo STEP=5 (1 to 7; ARGS=2 sets the workers of steps 5 and 6)");
            System.exit(2);
        }
        Course course = Course.load(Path.of("exercises"));
        Exercise exercise;
        try {
            exercise = course.find(args[0]);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.exit(2);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        run(exercise, Path.of("solutions"), rest, OUT);
        System.exit(0);
    }

    static void run(Exercise exercise, Path solutions, String[] args, Path out) throws Exception {
        Path source = solutions.resolve(exercise.file());
        Path work = Checker.newWorkDir();
        try {
            Compilation compiled = new ExerciseCompiler(ExerciseCompiler.learnerClassPath())
                    .compile(source, work, source.toString());
            if (!compiled.ok()) {
                throw new IllegalStateException(source + " does not compile:\n" + String.join("\n", compiled.errors()));
            }
            System.out.printf("Demo of step %s (%s), the reference solution %s, at %s%n%n", exercise.label(),
                    exercise.title(), source, TimeScale.factor() == 1 ? "the lesson's real speed" : TimeScale.factor() + " x real time");
            try (URLClassLoader loader = new URLClassLoader(new URL[] {compiled.classes().toUri().toURL()},
                    Demo.class.getClassLoader())) {
                Class<?> solution = Class.forName(exercise.className(), true, loader);
                Lesson.clearCalls();
                int workers = watchable(solution) ? board(solution, args) : runMain(solution, args);
                System.out.println();
                Lesson.timeline();
                save(exercise, workers, out);
            }
        } finally {
            Checker.deleteWorkDir(work);
        }
    }

    private static boolean watchable(Class<?> solution) {
        return method(solution, "submitAll", ExecutorService.class) != null;
    }

    /** Steps 5 and 6: submit, watch the futures on the live board, then print their results. */
    private static int board(Class<?> solution, String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        List<Future<?>> futures;
        try (WorkerPool pool = Lesson.pool(workers)) {
            System.out.println("submitAll(pool) with a pool of " + workers + " worker(s); the board follows the futures:");
            futures = cast(invoke(method(solution, "submitAll", ExecutorService.class), pool));
            Lesson.board(futures);
        }
        Method results = method(solution, "printResults", List.class);
        if (results != null) {
            System.out.println("\nprintResults(futures):");
            invoke(results, futures);
        }
        return workers;
    }

    /** The other steps: the solution's own main. */
    private static int runMain(Class<?> solution, String[] args) throws Exception {
        System.out.println("main(" + String.join(", ", args) + "):");
        invoke(method(solution, "main", String[].class), (Object) args);
        return Lesson.calls().stream().map(c -> c.worker()).distinct().toList().size();
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

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method m = type.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method method, Object... args) throws Exception {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Future<?>> cast(Object futures) {
        return (List<Future<?>>) futures;
    }
}
