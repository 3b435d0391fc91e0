package futures.workshop.instructor;

import futures.workshop.course.Exercise;
import futures.workshop.lesson.Lesson;
import futures.workshop.runtime.Recorder;
import futures.workshop.sandbox.Folders;
import futures.workshop.sandbox.Learner;
import futures.workshop.terminal.Comparison;
import futures.workshop.terminal.Timeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;

/**
 * {@code make compare}: runs the reference solution of the step whose program takes the number
 * of workers (step 6, the lesson's future.py) once per worker count, one run after the other,
 * and draws the runs stacked on one time axis, so that the closing question's "more workers,
 * shorter run" shows in one picture. Saved as {@code target/compare/step<n>-compare.svg} and
 * {@code .txt}. Each run starts its clock as {@code main} is called and stops it when {@code main}
 * returns: the whole run, polling included, as Python's {@code time python future.py 2} measures.
 *
 * <p>Runs on the caller's thread. While a run lasts, {@code System.out} is replaced, so that the
 * program's own lines do not scroll the terminal; they are printed only if the run fails.
 */
public final class Compare {
    public static final Path OUT = Path.of("target", "compare");
    /** The step of the course whose {@code main} takes the number of workers. */
    public static final String STEP = "workers";
    public static final List<Integer> WORKERS = List.of(1, 2, 5);

    private Compare() {}

    /**
     * Runs {@code exercise}'s solution from {@code solutions} with each number of {@code workers},
     * prints the comparison on {@code terminal} and saves it in {@code out}.
     */
    public static Comparison run(Exercise exercise, Path solutions, List<Integer> workers, Path out, Terminal terminal)
            throws Exception {
        PrintWriter console = terminal.writer();
        Path work = Folders.newWorkDir();
        List<Comparison.Run> runs = new ArrayList<>();
        try {
            Learner solution = Demo.solution(exercise, solutions, work);
            console.printf("Step %d (%s): the reference solution with %s, one run after the other, at %s%n",
                    exercise.step(), exercise.name(), counted(workers), Demo.speed());
            for (int n : workers) {
                String name = n + (n == 1 ? " worker" : " workers");
                console.print("  " + name + ": running... ");
                console.flush();
                Comparison.Run run = new Comparison.Run(name, run(solution, n));
                console.println(run.wholeRun());
                runs.add(run);
            }
        } finally {
            Folders.deleteQuietly(work);
        }
        Comparison comparison = Comparison.of("Step " + exercise.step() + " with " + counted(workers)
                + ", on one time axis (lesson seconds)", runs);
        console.println();
        comparison.print(terminal);
        String name = "step" + exercise.step() + "-compare";
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + ".txt"), comparison.plain(100), StandardCharsets.UTF_8);
        comparison.writeSvg(out.resolve(name + ".svg"));
        console.println("saved: " + out.resolve(name + ".svg") + " (open it in a browser) and .txt");
        console.flush();
        return comparison;
    }

    /** One run of the program's main with {@code workers} as its argument, from its start to its end. */
    private static Timeline run(Learner solution, int workers) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Lesson.clearCalls(); // the recorder's clock starts here: time 0 of this run
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        try {
            solution.main(String.valueOf(workers));
            return Timeline.between(Lesson.calls(), 0, Recorder.global().now());
        } catch (Exception | Error e) {
            console.print(output.toString(StandardCharsets.UTF_8));
            throw e;
        } finally {
            System.setOut(console);
        }
    }

    /** "1, 2 and 5 workers". */
    static String counted(List<Integer> workers) {
        List<String> numbers = workers.stream().map(String::valueOf).toList();
        String all = numbers.size() == 1 ? numbers.get(0)
                : String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.get(numbers.size() - 1);
        return all + (numbers.size() == 1 && workers.get(0) == 1 ? " worker" : " workers");
    }
}
