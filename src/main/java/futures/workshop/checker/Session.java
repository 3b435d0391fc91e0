package futures.workshop.checker;

import futures.workshop.sandbox.Folders;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Listing;
import futures.workshop.course.Progress;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One warm {@link Checker} for a long-lived process (watch mode, the kit's JShell), grading the
 * learner's {@code exercises/} and remembering each verdict in {@link Progress} the way
 * {@code make check} does. The first check pays for starting the compiler and the sandbox JVMs;
 * later ones reuse them. Like the checker it wraps, it may be used from any thread.
 */
public final class Session implements AutoCloseable {
    private static Session shared;

    private final Progress progress;
    private final Course course;
    private final Path workDir;
    private final Checker checker;

    /** A session for the kit whose top folder is {@code top}; its sandbox JVMs start now, in the background. */
    public Session(Path top) {
        this.progress = Progress.of(top);
        this.course = Course.load(progress.exercises());
        this.workDir = Folders.newWorkDir();
        this.checker = new Checker(course, workDir);
    }

    /**
     * The session of this JVM, for JShell's {@code check()}: made on first use in the working
     * directory (the kit's top folder), closed when the JVM ends.
     */
    public static synchronized Session shared() {
        if (shared == null) {
            Session session = new Session(Path.of("").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(session::close, "workshop-session-close"));
            shared = session;
        }
        return shared;
    }

    public Course course() {
        return course;
    }

    public Progress progress() {
        return progress;
    }

    /** Grades the given exercises in {@code exercises/} and remembers the verdicts. */
    public List<Verdict> check(List<Exercise> which) {
        List<Verdict> verdicts = checker.check(progress.exercises(), "exercises", which);
        remember(progress, verdicts, null);
        return verdicts;
    }

    /**
     * Grades one exercise ({@code "3"}, {@code "async"}) or, with {@code null}, all of them, and
     * prints the verdicts as {@code make check} does, naming {@code commands} in what to do next;
     * a wrong name prints the list of names.
     */
    public void checkAndPrint(String which, PrintStream out, Report.Commands commands) {
        List<Exercise> exercises;
        try {
            exercises = which == null ? course.exercises() : List.of(course.find(which));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return;
        }
        List<Verdict> verdicts = check(exercises);
        new Report(out, Report.unicodeTerminal(), commands).print(verdicts, "exercises", course.exercises(),
                Listing.done(Listing.rows(course, progress)));
    }

    /**
     * Records the verdicts of the learner's own folder in {@code progress}. A progress file that
     * cannot be written must not spoil a check: the reason goes to {@code warn} (if any) and the
     * verdicts stand.
     */
    public static void remember(Progress progress, List<Verdict> verdicts, PrintStream warn) {
        Map<Exercise, Progress.Checked> checked = new LinkedHashMap<>();
        verdicts.forEach(v -> checked.put(v.exercise(), Progress.Checked.valueOf(v.status().name())));
        try {
            progress.recordChecks(checked);
        } catch (UncheckedIOException e) {
            if (warn != null) {
                warn.println("(progress not saved: " + e.getMessage() + ")");
            }
        }
    }

    /** Stops the sandbox JVMs and deletes the compiled classes. */
    @Override
    public void close() {
        try {
            checker.close();
        } finally {
            Folders.deleteQuietly(workDir);
        }
    }
}
