package futures.workshop.cli;

import futures.workshop.course.Course;
import futures.workshop.instructor.ClassBoard;
import futures.workshop.instructor.Compare;
import futures.workshop.instructor.Demo;
import futures.workshop.instructor.GradeClass;
import futures.workshop.instructor.Plan;
import futures.workshop.runtime.TimeScale;
import futures.workshop.terminal.Terminals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What instructors type: {@code make plan}, {@code make demo}, {@code make compare} and {@code make grade-class}. */
final class InstructorCommands {
    private InstructorCommands() {}

    static List<Object> all(Kit.Context kit) {
        return List.of(new PlanCommand(kit), new DemoCommand(kit), new CompareCommand(kit), new GradeClassCommand(kit),
                new ClassBoardCommand(kit));
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
        @Mixin
        Rehearsal rehearsal = new Rehearsal();

        DemoCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            Course course = Course.load(kit.top().resolve("exercises"));
            rehearsal.run(() -> Demo.run(course, course.find(step), kit.top().resolve("solutions"), view, args,
                    kit.top().resolve(Demo.OUT)));
            return 0;
        }
    }

    /** SCALE=0.1 on make demo and make compare: a rehearsal at ten times the speed, in lesson seconds still. */
    static final class Rehearsal {
        @Option(names = "SCALE", paramLabel = "<factor>",
                description = "for a rehearsal: SCALE=0.1 runs ten times faster, every time still in lesson seconds (default: 1, real speed)")
        Double scale;

        interface Body {
            void run() throws Exception;
        }

        /** Runs {@code body} at the time scale SCALE (unset: as it is), then puts the scale back. */
        void run(Body body) throws Exception {
            if (scale != null && !(scale > 0 && Double.isFinite(scale))) {
                throw new IllegalArgumentException("SCALE needs a number above 0, such as 0.1 (ten times faster), not " + scale);
            }
            String before = System.getProperty(TimeScale.PROPERTY);
            if (scale != null) {
                System.setProperty(TimeScale.PROPERTY, scale.toString());
            }
            try {
                body.run();
            } finally {
                if (before == null) {
                    System.clearProperty(TimeScale.PROPERTY);
                } else {
                    System.setProperty(TimeScale.PROPERTY, before);
                }
            }
        }
    }

    @Command(name = "compare", description = "Runs step 6 (future.py) with 1, 2 and 5 workers and draws the runs on one time axis.")
    static final class CompareCommand extends KitCommand {
        @Option(names = "WORKERS", paramLabel = "<n,n,...>", converter = Counts.Reader.class,
                description = "the numbers of workers, a run each (default: 1,2,5)")
        Counts workers = new Counts(Compare.WORKERS);
        @Mixin
        Rehearsal rehearsal = new Rehearsal();

        CompareCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            workers.values().forEach(n -> Kit.positive(n, "WORKERS"));
            Course course = Course.load(kit.top().resolve("exercises"));
            rehearsal.run(() -> Compare.run(course.find(Compare.STEP), kit.top().resolve("solutions"), workers.values(),
                    kit.top().resolve(Compare.OUT), Terminals.systemOut()));
            return 0;
        }
    }

    /** WORKERS=1,2,5: one value, so that the usage line reads {@code WORKERS=<n,n,...>} as it is typed. */
    record Counts(List<Integer> values) {
        static final class Reader implements CommandLine.ITypeConverter<Counts> {
            @Override
            public Counts convert(String text) {
                List<Integer> counts = new ArrayList<>();
                for (String number : text.split(",", -1)) {
                    try {
                        counts.add(Integer.valueOf(number.strip()));
                    } catch (NumberFormatException e) {
                        throw new CommandLine.TypeConversionException("'" + number + "' is not a whole number");
                    }
                }
                return new Counts(List.copyOf(counts));
            }
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

    @Command(name = "class-board", description = "The live class board: learners who ran make join appear as they check; Ctrl-C stops it.")
    static final class ClassBoardCommand extends KitCommand {
        @Option(names = "PORT", paramLabel = "<port>", description = "the port to listen on (default: 8090)")
        int port = 8090;
        @Option(names = "LISTEN", paramLabel = "<address>",
                description = "where to listen: 127.0.0.1 (the default: this machine only), 0.0.0.0 (every network), or one address")
        String listen = "127.0.0.1";
        @Option(names = "NEW", paramLabel = "yes", description = "NEW=yes starts a new class (the old one is kept beside it)")
        String fresh;
        @Option(names = "CSV", paramLabel = "<file>", description = "write the board as a grade sheet and stop: CSV=grades.csv")
        Path csv;
        @Option(names = "STATE", paramLabel = "<file>", description = "the class file (default: .workshop/class-board/class.json)")
        Path state;

        ClassBoardCommand(Kit.Context kit) {
            super(kit);
        }

        @Override
        public Integer call() throws Exception {
            Path top = kit.top();
            Path file = ClassBoard.stateFile(top, state);
            if (csv != null) {
                ClassBoard.exportCsv(top, file, top.resolve(csv), kit.out());
                return 0;
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("PORT=" + port + " is no port: give one from 1024 to 65535, such as PORT=8090");
            }
            boolean startNew = fresh != null && switch (fresh.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "yes", "true", "1" -> true;
                case "no", "false", "0", "" -> false;
                default -> throw new IllegalArgumentException("NEW=" + fresh + ": say NEW=yes to start a new class");
            };
            ClassBoard.serve(top, file, listen, port, startNew, kit.out());
            return 0;
        }
    }
}
