package futures.workshop.checker;

import futures.workshop.classlink.ClassLink;
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
import java.util.Optional;

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
    private volatile ClassLink.Sending lastSending = ClassLink.Sending.NONE;

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

    /**
     * Grades the given exercises in {@code exercises/}, remembers the verdicts and sends them to
     * the class board, if the kit joined one ({@link #boardNote()} says how that went).
     */
    public List<Verdict> check(List<Exercise> which) {
        ClassLink.warmUp(progress.top());
        List<Verdict> verdicts = checker.check(progress.exercises(), "exercises", which);
        lastSending = remember(progress, course, verdicts, null);
        return verdicts;
    }

    /**
     * After a {@link #check}: empty when the class board took the verdicts (or the kit joined
     * none), else the one line to show. Waits for the board at most {@link ClassLink#WAIT}.
     */
    public Optional<String> boardNote() {
        return lastSending.note(ClassLink.WAIT);
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
        boardNote().ifPresent(out::println);
    }

    /**
     * Records the verdicts of the learner's own folder in {@code progress}, then sends the
     * learner's state to the class board if the kit joined one (without waiting: the caller
     * asks the returned sending, after printing the report). A progress file that cannot be
     * written must not spoil a check: the reason goes to {@code warn} (if any) and the verdicts stand.
     */
    public static ClassLink.Sending remember(Progress progress, Course course, List<Verdict> verdicts, PrintStream warn) {
        Map<Exercise, Progress.Found> found = new LinkedHashMap<>();
        verdicts.forEach(v -> found.put(v.exercise(),
                new Progress.Found(Progress.Checked.valueOf(v.status().name()), v.points(), v.fault())));
        Progress.State state;
        try {
            state = progress.record(found);
        } catch (UncheckedIOException e) {
            if (warn != null) {
                warn.println("(progress not saved: " + e.getMessage() + ")");
            }
            return ClassLink.Sending.NONE;
        }
        try {
            return ClassLink.send(progress.top(), state, course);
        } catch (RuntimeException e) { // the board is extra: a check never fails for it
            return ClassLink.Sending.NONE;
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
