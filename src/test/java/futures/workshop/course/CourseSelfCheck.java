package futures.workshop.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rules a course must keep, rustlings-style: each rule returns its problems, every problem
 * worded as what is wrong and how to fix it. {@link CourseSelfCheckTest} runs them on the kit's
 * course (no problems allowed) and on a broken copy (each rule must speak up).
 */
final class CourseSelfCheck {
    private static final String TODO = "// TODO";

    private final Course course;
    private final Path exercises;
    private final Path solutions;

    CourseSelfCheck(Path exercises, Path solutions) {
        this.course = Course.load(exercises);
        this.exercises = exercises;
        this.solutions = solutions;
    }

    Course course() {
        return course;
    }

    /** Each exercise's file exists in exercises/ and in solutions/. */
    List<String> filesExist() {
        List<String> problems = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            for (Path root : List.of(exercises, solutions)) {
                if (!Files.isRegularFile(root.resolve(e.file()))) {
                    problems.add(where(e) + ": " + root.resolve(e.file()) + " is missing; create it, or fix 'file' in "
                            + Course.FILE);
                }
            }
        }
        return problems;
    }

    /** An exercise says what to change with a TODO; its solution has none left. */
    List<String> todos() {
        List<String> problems = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            Path exercise = exercises.resolve(e.file());
            Path solution = solutions.resolve(e.file());
            if (Files.isRegularFile(exercise) && !read(exercise).contains(TODO)) {
                problems.add(where(e) + ": " + exercise + " has no \"" + TODO
                        + "\" comment; mark the lines the learner must change");
            }
            if (Files.isRegularFile(solution) && read(solution).contains(TODO)) {
                problems.add(where(e) + ": " + solution + " still has a \"" + TODO
                        + "\"; resolve it in the solution (keep the explanatory comments)");
            }
        }
        return problems;
    }

    /** Enough hints to climb, and points to earn. */
    List<String> hintsAndPoints() {
        List<String> problems = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            if (e.hints().size() < 2) {
                problems.add(where(e) + ": " + e.hints().size() + " hint(s); give at least two in 'hints', gentlest first");
            }
            if (e.hints().stream().anyMatch(h -> h == null || h.isBlank())) {
                problems.add(where(e) + ": an empty hint in 'hints'; write it or remove it");
            }
            if (e.points() <= 0) {
                problems.add(where(e) + ": points = " + e.points() + "; set 'points' to a number above 0");
            }
        }
        return problems;
    }

    /** The checks class named by each exercise exists and has checks in it. */
    List<String> checksClasses() {
        List<String> problems = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            Class<?> type;
            try {
                type = Class.forName(e.checks());
            } catch (ClassNotFoundException | LinkageError x) {
                problems.add(where(e) + ": checks = \"" + e.checks() + "\" is not a class of the kit;"
                        + " write it under src/main/java/futures/workshop/checks/, or fix the name");
                continue;
            }
            if (!hasChecks(type)) {
                problems.add(where(e) + ": " + e.checks() + " has no @Test or @ParameterizedTest method;"
                        + " add the checks that grade this exercise");
            }
        }
        return problems;
    }

    /** solutions/ mirrors exercises/ path for path, and every exercise file is in the course. */
    List<String> treesMirror() {
        List<String> problems = new ArrayList<>();
        Set<String> inExercises = files(exercises);
        inExercises.remove(Course.FILE);
        Set<String> inSolutions = files(solutions);
        for (String path : inExercises) {
            if (!inSolutions.contains(path)) {
                problems.add(exercises.resolve(path) + " has no mirror: add " + solutions.resolve(path)
                        + " (the solved file), or remove it");
            }
        }
        for (String path : inSolutions) {
            if (!inExercises.contains(path)) {
                problems.add(solutions.resolve(path) + " has no mirror: add " + exercises.resolve(path)
                        + " (the file learners start from), or remove it");
            }
        }
        Set<String> listed = new HashSet<>();
        course.exercises().forEach(e -> listed.add(e.file()));
        for (String path : inExercises) {
            if (path.endsWith(".java") && !listed.contains(path)) {
                problems.add(exercises.resolve(path) + " belongs to no exercise: add an [[exercise]] with file = \""
                        + path + "\" to " + Course.FILE + ", or remove the file");
            }
        }
        return problems;
    }

    /** Names, class names, files and checks classes each belong to one exercise only. */
    List<String> unique() {
        List<String> problems = new ArrayList<>();
        duplicates("name", Exercise::name, problems);
        duplicates("class name", Exercise::className, problems);
        duplicates("file", Exercise::file, problems);
        duplicates("checks", Exercise::checks, problems);
        return problems;
    }

    private void duplicates(String what, Function<Exercise, String> key, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (Exercise e : course.exercises()) {
            String value = key.apply(e);
            if (!seen.add(value.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(where(e) + ": " + what + " \"" + value + "\" is used by an earlier exercise too;"
                        + " give each exercise its own (make check EX=... must find exactly one)");
            }
        }
    }

    private static boolean hasChecks(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(org.junit.jupiter.api.Test.class)
                        || m.isAnnotationPresent(org.junit.jupiter.params.ParameterizedTest.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String where(Exercise e) {
        return Course.FILE + ", exercise " + e.step() + " (\"" + e.name() + "\")";
    }

    private static Set<String> files(Path root) {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
