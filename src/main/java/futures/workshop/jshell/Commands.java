package futures.workshop.jshell;

import futures.workshop.checker.Report;
import futures.workshop.checker.Session;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Hints;
import futures.workshop.course.Progress;
import futures.workshop.lesson.Lesson;
import futures.workshop.terminal.Board;
import futures.workshop.terminal.Timeline;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;

/**
 * What the kit's JShell adds to the learner's library ({@link Lesson}): pictures of the calls and
 * futures, and the exercises without leaving the prompt. {@code make jshell} imports these
 * statically, next to {@code Lesson.*}; they run in JShell's engine JVM, whose working directory
 * is the kit's top folder.
 */
public final class Commands {
    /** What a report printed here tells the learner to type next. */
    private static final Report.Commands IN_JSHELL = new Report.Commands(n -> "check it with check(" + n + ")", n -> "hint(" + n + ")");

    private Commands() {}

    /**
     * Draws the calls so far as a worker timeline (one row per worker, a bar per call, failed
     * calls marked) and writes the same picture to {@code target/timeline.svg}.
     */
    public static void timeline() {
        Timeline.show(Path.of("target", "timeline.svg"));
    }

    /**
     * Shows the futures as a live table until all are done (running, finished, failed, seconds),
     * then their results: the lesson's "have the workers finished?" without polling.
     */
    public static void board(List<? extends Future<?>> futures) {
        Board.show(futures, List.of());
    }

    /** {@link #board(List)} with a name for each future, e.g. {@code List.of("3.1 s", "2.1 s")}. */
    public static void board(List<? extends Future<?>> futures, List<String> labels) {
        Board.show(futures, labels);
    }

    /**
     * Grades exercise {@code exercise} of {@code exercises/} and prints the verdict, as
     * {@code make check EX=3} does. The first call starts the checker (a few seconds); it stays
     * warm for the rest of the session.
     */
    public static void check(int exercise) {
        Session.shared().checkAndPrint(Integer.toString(exercise), System.out, IN_JSHELL);
    }

    /** Grades every exercise, as {@code make check} does. */
    public static void check() {
        Session.shared().checkAndPrint(null, System.out, IN_JSHELL);
    }

    /** Prints the next hint of exercise {@code exercise}, as {@code make hint EX=3} does. */
    public static void hint(int exercise) {
        Progress progress = Progress.of(Path.of("").toAbsolutePath());
        try {
            Exercise which = Course.load(progress.exercises()).find(Integer.toString(exercise));
            System.out.print(Hints.next(progress, which, "hint(" + exercise + ")"));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.out.println(e.getMessage());
        }
    }

    /** Prints what the kit has loaded and where to go next. */
    public static void help() {
        System.out.print(Help.text(Path.of("").toAbsolutePath()));
    }
}
