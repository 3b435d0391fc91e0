package futures.workshop.instructor;

import futures.workshop.sandbox.Confinement;
import futures.workshop.sandbox.Folders;
import futures.workshop.checker.Checker;
import futures.workshop.course.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jline.terminal.Terminal;

/**
 * {@code make grade-class DIR=submissions/}: grades every learner's folder in {@code DIR} with
 * one shared checker and writes {@code grades.csv} and {@code grades.html}. Exit status 0 when
 * the sheet was written (whatever the grades).
 */
public final class GradeClass {
    public static final Path OUT = Path.of("target", "grades", "class");
    public static final int WORKERS = 4;
    public static final int LIMIT_SECONDS = 120;

    private GradeClass() {}

    /**
     * Grades every learner folder of {@code classDir} and writes the sheet to {@code out};
     * {@code workers} learners at once, each given {@code limitSeconds}; learner code in the
     * sandbox unless {@code sandbox} is false. {@code kit} is the kit's top folder.
     */
    public static int run(Path kit, Path classDir, Path out, Path courseDir, int workers, int limitSeconds, boolean sandbox,
                          Terminal terminal) throws IOException, InterruptedException {
        if (!Files.isDirectory(classDir)) {
            throw new IllegalArgumentException("There is no folder " + classDir + ": make grade-class DIR=... needs one folder per learner.");
        }
        List<Path> learners = ClassGrader.learners(classDir);
        if (learners.isEmpty()) {
            throw new IllegalArgumentException(classDir + " has no learner folders: put one copy of exercises/ per learner in it.");
        }
        Course course = Course.load(courseDir);
        long begin = System.nanoTime();
        Confinement confinement = ClassSandbox.forClass(kit, List.of(classDir, out), sandbox);
        var w = terminal.writer();
        w.println(confinement.describe());
        w.flush();
        Path work = Folders.newWorkDir();
        List<LearnerGrade> grades;
        try (Checker checker = new Checker(course, work, confinement)) {
            Progress progress = new Progress(terminal, course.totalPoints());
            ClassGrader grader = new ClassGrader(course.exercises(), ClassGrader.with(checker),
                    workers, limitSeconds * 1000L);
            grades = grader.grade(learners, progress);
            progress.done();
        } finally {
            Folders.deleteQuietly(work);
        }
        new ClassSheet(course.exercises(), grades, confinement.describe()).write(out);
        w.printf(Locale.ROOT, "Graded %d %s in %.1f s. Average %.1f/%d points.%n", grades.size(),
                grades.size() == 1 ? "learner" : "learners",
                (System.nanoTime() - begin) / 1e9,
                grades.stream().mapToInt(LearnerGrade::points).average().orElse(0), course.totalPoints());
        w.println("Grade sheet: " + out.resolve(ClassSheet.CSV) + " and " + out.resolve(ClassSheet.HTML));
        if (!confinement.sandboxed()) {
            w.println(confinement.describe());
        }
        w.flush();
        return 0;
    }
}
