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
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules a course must keep that can be seen without running anything, rustlings-style: each
 * rule returns its problems, every problem worded as what is wrong and how to fix it.
 * {@code make verify-course} runs them, then grades every stub and solution; the kit's own tests
 * run them on the kit's course (no problems allowed) and on a broken copy (each must speak up).
 */
public final class CourseCheck {
    private static final String TODO = "// TODO";

    private final Course course;
    private final Path exercises;
    private final Path solutions;

    public CourseCheck(Path exercises, Path solutions) {
        this.course = Course.load(exercises);
        this.exercises = exercises;
        this.solutions = solutions;
    }

    public Course course() {
        return course;
    }

    /** Every problem every rule finds, in course order within each rule. */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        all.addAll(filesExist());
        all.addAll(todos());
        all.addAll(hintsAndPoints());
        all.addAll(grading());
        all.addAll(treesMirror());
        all.addAll(unique());
        all.addAll(headers());
        all.addAll(editorProject());
        return all;
    }

    /** exercises/pom.xml, the editors' view of the exercises, lists the course's folders, in course order. */
    public List<String> editorProject() {
        return EditorProject.problems(course, exercises);
    }

    /** Each exercise's file exists in exercises/ and in solutions/. */
    public List<String> filesExist() {
        List<String> problems = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            for (Path root : List.of(exercises, solutions)) {
                if (!Files.isRegularFile(root.resolve(e.file()))) {
                    problems.add(where(e) + ": " + shown(root.resolve(e.file())) + " is missing; create it, or fix 'file' in "
                            + Course.FILE);
                }
            }
        }
        return problems;
    }

    /** An exercise says what to change with a TODO; its solution has none left. */
    public List<String> todos() {
        List<String> problems = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            Path exercise = exercises.resolve(e.file());
            Path solution = solutions.resolve(e.file());
            if (Files.isRegularFile(exercise) && !read(exercise).contains(TODO)) {
                problems.add(where(e) + ": " + shown(exercise) + " has no \"" + TODO
                        + "\" comment; mark the lines the learner must change");
            }
            if (Files.isRegularFile(solution) && read(solution).contains(TODO)) {
                problems.add(where(e) + ": " + shown(solution) + " still has a \"" + TODO
                        + "\"; resolve it in the solution (keep the explanatory comments)");
            }
        }
        return problems;
    }

    /** A hint to start the climb, and points to earn. */
    public List<String> hintsAndPoints() {
        List<String> problems = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            if (e.hints().isEmpty()) {
                problems.add(where(e) + ": no hints; add hints = [\"...\"], gentlest first (questions and Javadoc pointers)");
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

    /**
     * Something grades each exercise: a checks class that exists and has checks, or checks
     * declared in full; not both.
     */
    public List<String> grading() {
        List<String> problems = new ArrayList<>();
        course.exercises().forEach(e -> problems.addAll(grading(e)));
        return problems;
    }

    /** The exercises whose grading is in order: these can be graded to see whether stub and solution behave. */
    public List<Exercise> gradable() {
        return course.exercises().stream().filter(e -> grading(e).isEmpty()).toList();
    }

    private List<String> grading(Exercise e) {
        List<String> problems = new ArrayList<>();
        Exercise.Declared d = e.declared();
        if (e.checks() == null && d.isEmpty()) {
            problems.add(where(e) + ": nothing grades it; declare submits = { method = ..., call = ..., value = ... }"
                    + " and prints = [...], or name a checks class (see the top of " + Course.FILE + ")");
            return problems;
        }
        if (e.checks() != null && !d.isEmpty()) {
            problems.add(where(e) + ": both checks = \"" + e.checks() + "\" and submits/prints; keep one of them");
        }
        if (e.checks() != null) {
            checksClassProblem(e).ifPresent(problems::add);
        }
        if (d.submits() != null) {
            Exercise.Submits s = d.submits();
            for (String[] field : new String[][] {{"method", s.method()}, {"call", s.call()}, {"value", s.value()}}) {
                if (field[1] == null || field[1].isBlank()) {
                    problems.add(where(e) + ": submits has no " + field[0] + "; write submits = { method = \"...\","
                            + " call = \"slowAdd(1, 6, 7)\", value = \"13\" }");
                }
            }
        }
        if (d.prints().stream().anyMatch(l -> l == null || l.isBlank())) {
            problems.add(where(e) + ": an empty line in 'prints'; write the line main prints, or remove it");
        }
        return problems;
    }

    private static Optional<String> checksClassProblem(Exercise e) {
        Optional<Class<?>> loaded = e.checksClass();
        if (loaded.isEmpty()) {
            return Optional.of(where(e) + ": checks = \"" + e.checks() + "\" is not a class of the kit;"
                    + " write it under src/main/java/futures/workshop/checks/, or fix the name");
        }
        if (!hasChecks(loaded.get())) {
            return Optional.of(where(e) + ": " + e.checks() + " has no @Test or @ParameterizedTest method;"
                    + " add the checks that grade this exercise");
        }
        return Optional.empty();
    }

    /**
     * An exercise's opening comment agrees with info.toml where it repeats it: the step and its
     * points ("// Step 3: ...  15 points"), and the exercise in "make check EX=3".
     */
    public List<String> headers() {
        List<String> problems = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            for (Path root : List.of(exercises, solutions)) {
                Path file = root.resolve(e.file());
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String text = read(file);
                Matcher m = STEP_LINE.matcher(text);
                if (m.find()) {
                    if (Integer.parseInt(m.group(1)) != e.step()) {
                        problems.add(shown(file) + ": its first line says Step " + m.group(1) + ", but it is step " + e.step()
                                + " of the course; write // Step " + e.step() + ":");
                    }
                    if (m.group(2) != null && Integer.parseInt(m.group(2)) != e.points()) {
                        problems.add(shown(file) + ": its first line says " + m.group(2) + " points, but " + Course.FILE
                                + " gives " + e.points() + "; make them agree");
                    }
                }
                Matcher x = MAKE_EX.matcher(text);
                while (x.find()) {
                    String named = x.group(1);
                    if (!named.equals(Integer.toString(e.step())) && !named.equalsIgnoreCase(e.name())) {
                        problems.add(shown(file) + ": it says make ... EX=" + named + ", but it is exercise " + e.step()
                                + " (\"" + e.name() + "\"); write EX=" + e.step());
                        break;
                    }
                }
            }
        }
        return problems;
    }

    /** "// Step 3: two calls at the same time.       15 points" */
    static final Pattern STEP_LINE = Pattern.compile("^// Step (\\d+):.*?(?:\\b(\\d+) points)?\\s*$", Pattern.MULTILINE);
    /** "make run EX=3", "make check EX=async" */
    /** The make commands an exercise's opening comment may name with its number. */
    static final String MAKE_EX_COMMANDS = "make (?:run|check|hint|timeline) EX=";
    static final Pattern MAKE_EX = Pattern.compile(MAKE_EX_COMMANDS + "([\\w-]+)");

    /** solutions/ mirrors exercises/ path for path, and every exercise file is in the course. */
    public List<String> treesMirror() {
        List<String> problems = new ArrayList<>();
        Set<String> inExercises = files(exercises);
        inExercises.remove(Course.FILE);
        inExercises.remove(EditorProject.FILE);
        Set<String> inSolutions = files(solutions);
        for (String path : inExercises) {
            if (!inSolutions.contains(path)) {
                problems.add(shown(exercises.resolve(path)) + " has no mirror: add " + shown(solutions.resolve(path))
                        + " (the solved file), or remove it");
            }
        }
        for (String path : inSolutions) {
            if (!inExercises.contains(path)) {
                problems.add(shown(solutions.resolve(path)) + " has no mirror: add " + shown(exercises.resolve(path))
                        + " (the file learners start from), or remove it");
            }
        }
        Set<String> listed = new HashSet<>();
        course.exercises().forEach(e -> listed.add(e.file()));
        for (String path : inExercises) {
            if (path.endsWith(".java") && !listed.contains(path)) {
                problems.add(shown(exercises.resolve(path)) + " belongs to no exercise: add an [[exercise]] with file = \""
                        + path + "\" to " + Course.FILE + ", or remove the file");
            }
        }
        return problems;
    }

    /** Names, class names and files each belong to one exercise only. */
    public List<String> unique() {
        List<String> problems = new ArrayList<>();
        duplicates("name", Exercise::name, problems);
        duplicates("class name", Exercise::className, problems);
        duplicates("file", Exercise::file, problems);
        return problems;
    }

    private void duplicates(String what, Function<Exercise, String> key, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (Exercise e : course.exercises()) {
            String value = key.apply(e);
            if (value != null && !seen.add(value.toLowerCase(java.util.Locale.ROOT))) {
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

    /** A path as the author types it, from the kit's top folder: exercises/03-async/ApplyAsync.java. */
    private String shown(Path file) {
        Path top = exercises.toAbsolutePath().normalize().getParent();
        Path f = file.toAbsolutePath().normalize();
        return top != null && f.startsWith(top) ? top.relativize(f).toString() : file.toString();
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
