package futures.workshop.checker;

import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.instructor.GradeReports;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code make check}: grades the learner's exercises and exits 0 only when every one passes.
 *
 * <pre>
 * check [EX] [--dir exercises] [--course exercises]   grade
 *       [--grades target/grades]                    where the grade reports go (XML, JSON)
 * path EX                                           the file of exercise EX (for make run)
 * </pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = run(args, out);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            out.println(e.getMessage());
            status = 2;
        }
        out.flush();
        System.exit(status);
    }

    static int run(String[] args, PrintStream out) {
        String which = null;
        Path dir = Path.of("exercises");
        Path courseDir = Path.of("exercises");
        Path grades = GradeReports.FOLDER;
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() ? "check" : rest.remove(0);
        if (command.equals("path")) { // make run: which file is exercise EX?
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("which exercise? make run EX=3");
            }
            out.println(courseDir.resolve(Course.load(courseDir).find(rest.get(0)).file()));
            return 0;
        }
        if (!command.equals("check")) {
            throw new IllegalArgumentException("unknown command '" + command + "': try check or path");
        }
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--dir" -> dir = Path.of(value(rest, ++i, a));
                case "--course" -> courseDir = Path.of(value(rest, ++i, a));
                case "--grades" -> grades = Path.of(value(rest, ++i, a));
                default -> {
                    if (a.startsWith("-") || which != null) {
                        throw new IllegalArgumentException("usage: check [EX] [--dir FOLDER]: '" + a + "' is not understood");
                    }
                    which = a.isBlank() ? null : a;
                }
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("There is no folder " + dir + ": run make check from the kit's top folder.");
        }
        Sandbox.debug("main started");
        Path courseFolder = courseDir;
        CompletableFuture<Course> reading = CompletableFuture.supplyAsync(() -> Course.load(courseFolder));
        Path work = Checker.newWorkDir();
        try (Checker checker = new Checker(reading, work)) { // starts sandboxes and JUnit while the course is read
            Course course;
            try {
                course = reading.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            Sandbox.debug("course read");
            List<Exercise> exercises = which == null ? course.exercises() : List.of(course.find(which));
            GradeReports reports = new GradeReports(grades);
            List<Verdict> verdicts = checker.check(dir, dir.toString(), exercises, reports.listener());
            reports.write(verdicts, dir.toString()); // for CI and GitHub Classroom: see README
            new Report(out, unicodeTerminal()).print(verdicts, dir.toString());
            if (dir.toAbsolutePath().normalize().equals(Path.of("exercises").toAbsolutePath().normalize())) {
                Session.remember(futures.workshop.course.Progress.of(Path.of("").toAbsolutePath()), verdicts, System.err);
            }
            return verdicts.stream().allMatch(Verdict::passed) ? 0 : 1;
        } finally {
            Checker.deleteWorkDir(work);
        }
    }

    /** Whether the learner's locale can show ✓ and ✗. */
    static boolean unicodeTerminal() {
        for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String value = System.getenv(name);
            if (value != null && !value.isEmpty()) {
                return value.toUpperCase(java.util.Locale.ROOT).replace("-", "").contains("UTF8");
            }
        }
        return false;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
