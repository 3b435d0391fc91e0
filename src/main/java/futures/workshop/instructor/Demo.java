package futures.workshop.instructor;

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
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code make demo STEP=n}: runs the reference solution of step {@code n} at the lesson's real
 * speed for the projector. Steps whose solution hands back its futures ({@code submitAll}) are
 * watched on the live board, then their results printed; the others run their {@code main}.
 * Every demo ends with the worker timeline of its calls, also saved as
 * {@code target/demo/step<n>-<w>-workers.svg} and {@code .txt}. Runs on the caller's thread; the
 * solution's tasks run on a {@link WorkerPool}.
 */
public final class Demo {
    public static final Path OUT = Path.of("target", "demo");

    private Demo() {}

    /** Shows {@code exercise}'s solution from {@code solutions}; {@code args} go to main (for a board: the workers). */
    public static void run(Exercise exercise, Path solutions, List<String> args, Path out) throws Exception {
        Path source = solutions.resolve(exercise.file());
        Path work = Folders.newWorkDir();
        try {
            Learner solution = solution(exercise, solutions, work);
            System.out.printf("Demo of step %s (%s), the reference solution %s, at %s%n%n", exercise.label(),
                    exercise.title(), source, speed());
            Lesson.clearCalls();
            int workers = method(solution, "submitAll", ExecutorService.class) != null
                    ? board(solution, args) : runMain(solution, args);
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

    /** Steps that submit and hand back their futures: watch them on the live board, then print their results. */
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
        throw new IllegalArgumentException("ARGS=" + text + ": the number of workers is a whole number above 0, as in make demo STEP=5 ARGS=2");
    }

    /** The other steps: the solution's own main. */
    private static int runMain(Learner solution, List<String> args) throws Exception {
        System.out.println("main(" + String.join(", ", args) + "):");
        solution.main(args.toArray(String[]::new));
        return (int) Lesson.calls().stream().map(c -> c.worker()).distinct().count();
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
