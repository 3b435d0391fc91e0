package futures.workshop.cli;

import futures.workshop.checker.Checker;
import futures.workshop.checker.Verdict;
import futures.workshop.course.Course;
import futures.workshop.course.CourseCheck;
import futures.workshop.course.Exercise;
import futures.workshop.course.NewExercise;
import futures.workshop.course.Stubs;
import futures.workshop.sandbox.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What course authors type: {@code make new-exercise} and {@code make verify-course}. */
final class AuthorCommands {
    private AuthorCommands() {}

    static List<Object> all(Kit.Context kit) {
        return List.of(new NewExerciseCommand(kit), new VerifyCourseCommand(kit));
    }

    @Command(name = "new-exercise", description = "Adds a step to the course, a copy of another: its exercise, solution and info.toml entry.")
    static final class NewExerciseCommand extends KitCommand {
        @Option(names = "NAME", required = true, paramLabel = "<name>", description = "the new step's name, a short word: NAME=diff")
        String name;
        @Option(names = "FROM", paramLabel = "<step>", description = "the step to copy, a number or a name (default: the last)")
        String from;
        @Option(names = "AFTER", paramLabel = "<step>", description = "the step it comes after (default: the last)")
        String after;

        NewExerciseCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() {
            LearnerCommands.progress(kit);
            NewExercise.Made made = NewExercise.add(kit.top(), name, from, after, Clock.systemDefaultZone());
            kit.out().print(made.text(kit.top()));
            return 0;
        }
    }

    @Command(name = "verify-course", description = "Checks the whole course: files, hints, grading, every stub fails, every solution passes.")
    static final class VerifyCourseCommand extends KitCommand {

        VerifyCourseCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() {
            LearnerCommands.progress(kit);
            Path exercises = kit.top().resolve("exercises");
            Path solutions = kit.top().resolve("solutions");
            CourseCheck rules = new CourseCheck(exercises, solutions);
            Course course = rules.course();
            List<String> problems = new ArrayList<>(rules.problems());
            problems.addAll(staleCopies(course));
            problems.addAll(graded(rules.gradable(), course, exercises, solutions));
            if (problems.isEmpty()) {
                kit.out().printf("The course is ready: %d exercises, %d points. Every file is in place, every untouched"
                        + " exercise fails with \"not done yet\" and every solution passes.%n",
                        course.exercises().size(), course.totalPoints());
                return 0;
            }
            kit.out().println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the course:");
            problems.forEach(p -> kit.out().println("  - " + p.replace("\n", "\n    ")));
            return 1;
        }

        /**
         * Every exercise whose grading is in order graded twice: as shipped (must fail, with "not
         * done yet" only) and solved (must pass).
         */
        private List<String> graded(List<Exercise> which, Course course, Path exercises, Path solutions) {
            List<Exercise> gradable = which.stream()
                    .filter(e -> Files.isRegularFile(exercises.resolve(e.file())) && Files.isRegularFile(solutions.resolve(e.file())))
                    .toList();
            List<String> problems = new ArrayList<>();
            if (gradable.isEmpty()) {
                return problems;
            }
            Path work = Folders.newWorkDir();
            try (Checker checker = new Checker(course, work)) {
                var solved = CompletableFuture.supplyAsync(() -> checker.check(solutions, "solutions", gradable));
                List<Verdict> stubs = checker.check(exercises, "exercises", gradable);
                for (Verdict v : stubs) {
                    if (v.passed()) {
                        problems.add("exercises/" + v.exercise().file() + " passes as shipped: leave the learner's part"
                                + " undone, with throw new UnsupportedOperationException(\"not done yet: ...\")");
                    } else if (!v.notDoneYet()) {
                        problems.add("exercises/" + v.exercise().file() + " must fail with \"not done yet\" as shipped, but "
                                + v.shortReason() + "; keep the stub compiling, and throw new UnsupportedOperationException("
                                + "\"not done yet: ...\") where the learner writes");
                    }
                }
                for (Verdict v : solved.join()) {
                    if (!v.passed()) {
                        problems.add("solutions/" + v.exercise().file() + " fails its checks: " + v.reason()
                                + "\nfix the solution, or what info.toml checks");
                    }
                }
            } finally {
                Folders.deleteQuietly(work);
            }
            return problems;
        }

        /**
         * In the kit's own folder: the copy of each exercise the kit was built with (what make reset
         * puts back) is the file as it is now.
         */
        private List<String> staleCopies(Course course) {
            List<String> problems = new ArrayList<>();
            if (!builtHere()) {
                return problems;
            }
            for (Exercise e : course.exercises()) {
                Path file = kit.top().resolve("exercises").resolve(e.file());
                try {
                    if (Files.isRegularFile(file) && !Arrays.equals(Stubs.bytes(e), Files.readAllBytes(file))) {
                        problems.add("exercises/" + e.file() + " differs from the copy the kit was built with (what make"
                                + " reset puts back); rebuild it: touch exercises/info.toml, then any make command");
                    }
                } catch (IllegalStateException x) {
                    problems.add(x.getMessage());
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }
            return problems;
        }

        /** Whether this program runs from the build of the course being checked (not another kit's). */
        private boolean builtHere() {
            try {
                URL location = Stubs.class.getProtectionDomain().getCodeSource().getLocation();
                return Path.of(location.toURI()).toAbsolutePath().normalize()
                        .startsWith(kit.top().resolve("target").toAbsolutePath().normalize());
            } catch (URISyntaxException | RuntimeException e) {
                return false;
            }
        }
    }
}
