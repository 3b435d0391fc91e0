package futures.workshop.instructor;

import futures.workshop.checker.Checker;
import futures.workshop.course.Course;
import futures.workshop.terminal.Terminals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.terminal.Terminal;

/**
 * {@code make grade-class DIR=submissions/}: grades every learner's folder in {@code DIR} with
 * one shared checker and writes {@code grades.csv} and {@code grades.html}.
 *
 * <pre>
 * GradeClass DIR [--out target/grades/class] [--workers 4] [--limit 120] [--course exercises]
 * </pre>
 * Exit status 0 when the sheet was written (whatever the grades), 2 on bad usage.
 */
public final class GradeClass {
    static final Path OUT = Path.of("target", "grades", "class");
    static final int WORKERS = 4;
    static final int LIMIT_SECONDS = 120;

    private GradeClass() {}

    public static void main(String[] args) throws Exception {
        Terminal terminal = Terminals.systemOut();
        int status;
        try {
            status = run(args, terminal);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            terminal.writer().println(e.getMessage());
            status = 2;
        }
        terminal.writer().flush();
        System.exit(status);
    }

    static int run(String[] args, Terminal terminal) throws IOException, InterruptedException {
        Path classDir = null;
        Path out = OUT;
        Path courseDir = Path.of("exercises");
        int workers = WORKERS;
        int limit = LIMIT_SECONDS;
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--out" -> out = Path.of(value(rest, ++i, a));
                case "--course" -> courseDir = Path.of(value(rest, ++i, a));
                case "--workers" -> workers = number(value(rest, ++i, a), a);
                case "--limit" -> limit = number(value(rest, ++i, a), a);
                default -> {
                    if (a.startsWith("-") || classDir != null) {
                        throw new IllegalArgumentException("usage: GradeClass DIR [--out DIR] [--workers N] [--limit SECONDS]: '"
                                + a + "' is not understood");
                    }
                    classDir = Path.of(a);
                }
            }
        }
        if (classDir == null || classDir.toString().isBlank()) {
            throw new IllegalArgumentException("which class? make grade-class DIR=submissions/ (one folder per learner, each a copy of exercises/)");
        }
        if (!Files.isDirectory(classDir)) {
            throw new IllegalArgumentException("There is no folder " + classDir + ": make grade-class DIR=... needs one folder per learner.");
        }
        List<Path> learners = ClassGrader.learners(classDir);
        if (learners.isEmpty()) {
            throw new IllegalArgumentException(classDir + " has no learner folders: put one copy of exercises/ per learner in it.");
        }
        Course course = Course.load(courseDir);
        long begin = System.nanoTime();
        Path work = Checker.newWorkDir();
        List<LearnerGrade> grades;
        try (Checker checker = new Checker(course, work)) {
            Progress progress = new Progress(terminal, course.totalPoints());
            ClassGrader grader = new ClassGrader(course.exercises(), ClassGrader.with(checker),
                    workers, limit * 1000L);
            grades = grader.grade(learners, progress);
            progress.done();
        } finally {
            Checker.deleteWorkDir(work);
        }
        new ClassSheet(course.exercises(), grades).write(out);
        var w = terminal.writer();
        w.printf(Locale.ROOT, "Graded %d learners in %.1f s. Average %.1f/%d points.%n", grades.size(),
                (System.nanoTime() - begin) / 1e9,
                grades.stream().mapToInt(LearnerGrade::points).average().orElse(0), course.totalPoints());
        w.println("Grade sheet: " + out.resolve(ClassSheet.CSV) + " and " + out.resolve(ClassSheet.HTML));
        w.flush();
        return 0;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int number(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs a whole number above 0, not '" + text + "'");
    }
}
