package futures.workshop.cli;

import futures.workshop.checker.Checker;
import futures.workshop.classlink.ClassLink;
import futures.workshop.checker.GradeReports;
import futures.workshop.checker.Report;
import futures.workshop.checker.Session;
import futures.workshop.checker.Verdict;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Hints;
import futures.workshop.course.Listing;
import futures.workshop.course.Progress;
import futures.workshop.course.Reset;
import futures.workshop.sandbox.Folders;
import futures.workshop.sandbox.Learner;
import futures.workshop.sandbox.LearnerProgram;
import futures.workshop.sandbox.Sandbox;
import futures.workshop.terminal.Terminals;
import futures.workshop.terminal.Timeline;
import futures.workshop.watch.Watch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What learners type: {@code make check}, {@code run}, {@code timeline}, {@code watch}, {@code hint}, {@code list}, {@code reset}. */
final class LearnerCommands {
    private LearnerCommands() {}

    static List<Object> all(Kit.Context kit) {
        return List.of(new CheckCommand(kit), new RunCommand(kit), new TimelineCommand(kit), new WatchCommand(kit),
                new HintCommand(kit), new ListCommand(kit), new ResetCommand(kit), new JoinCommand(kit), new LeaveCommand(kit));
    }

    /** The learner's folder and progress; refuses to run anywhere but the kit's top folder. */
    static Progress progress(Kit.Context kit) {
        Progress progress = Progress.of(kit.top());
        if (!Files.isDirectory(progress.exercises())) {
            throw new IllegalArgumentException("There is no folder exercises/ here: run make from the kit's top folder.");
        }
        return progress;
    }

    @Command(name = "check", description = "Grades your exercises, all or one; exits 0 only when every one passes.")
    static final class CheckCommand extends KitCommand {
        @Option(names = "EX", paramLabel = "<exercise>", description = "a number or a name: make check EX=3")
        String which;
        @Option(names = "--dir", paramLabel = "<folder>", description = "the folder to grade (default: exercises)")
        Path dir;
        @Option(names = "--course", paramLabel = "<folder>", description = "where info.toml is (default: exercises)")
        Path courseDir;
        @Option(names = "--grades", paramLabel = "<folder>", description = "where the grade reports go (default: target/grades)")
        Path grades;

        CheckCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() {
            Path top = kit.top();
            Path folder = top.resolve(dir == null ? Path.of("exercises") : dir);
            Path courseFolder = top.resolve(courseDir == null ? Path.of("exercises") : courseDir);
            String shown = dir == null ? "exercises" : dir.toString();
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("There is no folder " + shown + ": run make check from the kit's top folder.");
            }
            Sandbox.debug("main started");
            if (folder.normalize().equals(top.resolve("exercises").normalize())) {
                ClassLink.warmUp(top);
            }
            CompletableFuture<Course> reading = CompletableFuture.supplyAsync(() -> Course.load(courseFolder));
            Path work = Folders.newWorkDir();
            try (Checker checker = new Checker(reading, work)) { // starts sandboxes and JUnit while the course is read
                Course course;
                try {
                    course = reading.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
                List<Exercise> exercises = which == null || which.isBlank() ? course.exercises() : List.of(course.find(which));
                GradeReports reports = new GradeReports(top.resolve(grades == null ? GradeReports.FOLDER : grades));
                List<Verdict> verdicts = checker.check(folder, shown, exercises, reports::listener);
                reports.write(verdicts, shown, folder, course.exercises()); // for CI and GitHub Classroom: see README
                boolean learners = folder.normalize().equals(top.resolve("exercises").normalize());
                // what passed before, for the next exercise to name; another folder has no record
                Set<Exercise> passed = learners ? Listing.done(Listing.rows(course, Progress.of(top))) : Set.of();
                // recorded and sent before the report is printed, so the board's answer has that long to arrive
                ClassLink.Sending sending = learners ? Session.remember(Progress.of(top), course, verdicts, System.err)
                        : ClassLink.Sending.NONE;
                new Report(kit.out(), Report.unicodeTerminal()).print(verdicts, shown, course.exercises(), passed);
                sending.note(ClassLink.WAIT).ifPresent(line -> kit.out().println(ClassLink.dim(line, Terminals.colours(Terminals.systemOut()))));
                return verdicts.stream().allMatch(Verdict::passed) ? 0 : 1;
            } finally {
                Folders.deleteQuietly(work);
            }
        }
    }

    /** A command that runs one of the learner's exercises as a program: {@code EX=6 ARGS=4}. */
    abstract static class ProgramCommand extends KitCommand {
        @Option(names = "EX", required = true, paramLabel = "<exercise>", description = "a number or a name")
        String which;
        @Parameters(paramLabel = "ARGS", description = "the program's arguments, as in ARGS=4")
        List<String> args = List.of();

        ProgramCommand(Kit.Context kit) {
            super(kit);
        }
    }

    @Command(name = "run", description = "Runs one exercise as a program, like python future.py 4.")
    static final class RunCommand extends ProgramCommand {
        RunCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            Learner program = program(kit, which);
            kit.endWithTheProgram();
            return runMain(program, args);
        }
    }

    @Command(name = "timeline", description = "Runs an exercise, then draws which worker ran which call (also target/timeline.svg).")
    static final class TimelineCommand extends ProgramCommand {
        TimelineCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            Learner program = program(kit, which);
            Thread drawer = new Thread(() -> {
                kit.out().println();
                Timeline.show(kit.top().resolve("target/timeline.svg"));
            }, "timeline");
            Runtime.getRuntime().addShutdownHook(drawer); // also after System.exit in the program
            kit.endWithTheProgram();
            return runMain(program, args);
        }
    }

    /** The learner's exercise, compiled and loaded; a file that does not compile ends the command. */
    private static Learner program(Kit.Context kit, String which) throws Exception {
        Progress progress = progress(kit);
        Exercise exercise = Course.load(progress.exercises()).find(which);
        Path source = progress.file(exercise);
        String shown = "exercises/" + exercise.file();
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException(shown + " is missing: make reset EX=" + exercise.step() + " puts it back");
        }
        Path work = Folders.newWorkDir();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteQuietly(work), "delete-classes"));
        try {
            return LearnerProgram.compile(source, shown, exercise.className(), work).load();
        } catch (LearnerProgram.NotCompiled e) {
            kit.out().println(e.getMessage() + ", so it cannot run yet:");
            e.errors().forEach(kit.out()::println);
            throw new Kit.Finished(1);
        }
    }

    /** Runs main as {@code java} would: an exception escaping it is printed, and the status is 1. */
    private static int runMain(Learner program, List<String> args) {
        try {
            program.main(args.toArray(String[]::new));
            return 0;
        } catch (Exception | Error e) {
            Learner.printTrace(e, System.err);
            return 1;
        }
    }

    @Command(name = "watch", description = "Grades the current exercise each time you save it (keys: h hint, c check, l list, q quit).")
    static final class WatchCommand extends KitCommand {

        WatchCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            progress(kit);
            return Watch.inTerminal(kit.top());
        }
    }

    @Command(name = "hint", description = "The next hint for an exercise (without EX: the current one).")
    static final class HintCommand extends KitCommand {
        @Option(names = "EX", paramLabel = "<exercise>", description = "a number or a name: make hint EX=3")
        String which;

        HintCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() {
            Progress progress = progress(kit);
            Course course = Course.load(progress.exercises());
            Exercise exercise = which == null || which.isBlank() ? Listing.current(Listing.rows(course, progress)) : course.find(which);
            if (exercise == null) {
                kit.out().println("Every exercise is done: no hints needed. make hint EX=3 shows the hints of one exercise.");
            } else {
                kit.out().print(Hints.next(progress, exercise, "make hint EX=" + exercise.step()));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Every exercise with its state (done / not done / not started) and points.")
    static final class ListCommand extends KitCommand {

        ListCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() {
            Progress progress = progress(kit);
            kit.out().print(Listing.text(Listing.rows(Course.load(progress.exercises()), progress)));
            ClassLink.membership(kit.top()).filter(ClassLink.Membership::sending).ifPresent(m -> kit.out().println(
                    "Your checks go to the class board at " + m.board() + " as " + m.name() + " (make leave stops it)."));
            return 0;
        }
    }

    @Command(name = "reset", description = "Puts an exercise's stub back, keeping yours as a backup in .workshop/backups/.")
    static final class ResetCommand extends KitCommand {
        @Option(names = "EX", required = true, paramLabel = "<exercise>", description = "a number or a name: make reset EX=3")
        String which;

        ResetCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() {
            Progress progress = progress(kit);
            kit.out().print(Reset.reset(progress, Course.load(progress.exercises()).find(which), Clock.systemDefaultZone()).text(kit.top()));
            return 0;
        }
    }

    @Command(name = "join", description = "Joins the instructor's class board: from now on your checks show up there.")
    static final class JoinCommand extends KitCommand {
        @Option(names = "BOARD", paramLabel = "<address>", description = "the board's address, as the instructor shows it")
        String board;
        @Option(names = "CODE", paramLabel = "<code>", description = "the class code")
        String code;
        @Option(names = "NAME", paramLabel = "<name>", description = "your name on the board")
        String name;

        JoinCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            Progress progress = progress(kit);
            kit.out().print(ClassLink.join(kit.top(), board, code, name, Course.load(progress.exercises())));
            return 0;
        }
    }

    @Command(name = "leave", description = "Stops sending your checks to the class board.")
    static final class LeaveCommand extends KitCommand {
        LeaveCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            kit.out().print(ClassLink.leave(progress(kit).top()));
            return 0;
        }
    }
}
