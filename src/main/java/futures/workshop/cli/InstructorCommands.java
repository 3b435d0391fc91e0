package futures.workshop.cli;

import futures.workshop.course.Course;
import futures.workshop.instructor.Demo;
import futures.workshop.instructor.GradeClass;
import futures.workshop.instructor.Plan;
import futures.workshop.terminal.Terminals;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What instructors type: {@code make demo} and {@code make grade-class}. */
final class InstructorCommands {
    private InstructorCommands() {}

    static List<Object> all(Kit.Context kit) {
        return List.of(new PlanCommand(kit), new DemoCommand(kit), new GradeClassCommand(kit));
    }

    @Command(name = "plan", description = "The session at a glance, from the course: each step's minutes, JShell script, exercise and demo.")
    static final class PlanCommand extends KitCommand {

        PlanCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() {
            Course course = Course.load(kit.top().resolve("exercises"));
            kit.out().print(Plan.text(course, kit.top().resolve("jshell")));
            return 0;
        }
    }

    @Command(name = "demo", description = "Runs a step's reference solution at real speed as the lesson shows it (or on the live board), then its timeline.")
    static final class DemoCommand extends KitCommand {
        @Option(names = "STEP", required = true, paramLabel = "<step>", description = "a number or a name: make demo STEP=5")
        String step;
        @Option(names = "VIEW", paramLabel = "<view>", description = "main (the default): the solution's own main; board: its futures on the live board")
        Demo.View view = Demo.View.MAIN;
        @Parameters(paramLabel = "ARGS", description = "main's arguments; with VIEW=board, the number of workers")
        List<String> args = List.of();

        DemoCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            Course course = Course.load(kit.top().resolve("exercises"));
            Demo.run(course, course.find(step), kit.top().resolve("solutions"), view, args, kit.top().resolve(Demo.OUT));
            return 0;
        }
    }

    @Command(name = "grade-class", description = "Grades every learner folder in DIR at once; writes grades.csv and grades.html.")
    static final class GradeClassCommand extends KitCommand {
        @Option(names = "DIR", required = true, paramLabel = "<folder>", description = "the class folder, one copy of exercises/ per learner")
        Path classDir;
        @Option(names = "--out", paramLabel = "<folder>", description = "where the sheet goes (default: target/grades/class)")
        Path out = GradeClass.OUT;
        @Option(names = "--workers", paramLabel = "<n>", description = "learners graded at once (default: 4)")
        int workers = GradeClass.WORKERS;
        @Option(names = "--limit", paramLabel = "<seconds>", description = "time one learner may take (default: 120)")
        int limit = GradeClass.LIMIT_SECONDS;
        @Option(names = "--course", paramLabel = "<folder>", description = "where info.toml is (default: exercises)")
        Path courseDir = Path.of("exercises");
        @Option(names = "--no-sandbox", description = "run learner code without bubblewrap (isolation is then partial)")
        boolean noSandbox;

        GradeClassCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            Kit.positive(workers, "--workers");
            Kit.positive(limit, "--limit");
            Path top = kit.top();
            return GradeClass.run(top, top.resolve(classDir), top.resolve(out), top.resolve(courseDir), workers, limit,
                    !noSandbox, Terminals.systemOut());
        }
    }
}
