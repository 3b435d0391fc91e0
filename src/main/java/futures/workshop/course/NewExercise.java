package futures.workshop.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make new-exercise NAME=diff FROM=2 [AFTER=3]}: a new step, made as a copy of another:
 * its exercise file, its solution and its info.toml entry, the class renamed after the step and
 * the opening comment renumbered. Placed after the last step, or after {@code AFTER}, in which
 * case the steps behind it move one place down and their opening comments say so. info.toml is
 * rewritten as text, so its comments and layout stay; a copy of the old one is kept in
 * {@code .workshop/backups/}. Runs on the caller's thread.
 */
public final class NewExercise {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,29}");

    private NewExercise() {}

    /** What was made: the new step, and the files to edit. */
    public record Made(Exercise from, int step, String name, Path exercise, Path solution, Path courseFile,
                       Path backup, List<Exercise> moved) {
        /** The author's next moves, in a few lines. */
        public String text(Path top) {
            StringBuilder out = new StringBuilder();
            String ex = top.relativize(exercise).toString();
            String so = top.relativize(solution).toString();
            String co = top.relativize(courseFile).toString();
            int width = Math.max(ex.length(), Math.max(so.length(), co.length()));
            out.append("Added step ").append(step).append(" \"").append(name).append("\", a copy of step ")
                    .append(from.label()).append(". Make it yours in these three files:\n")
                    .append(String.format(Locale.ROOT, "  %-" + width + "s  what learners start from: keep a // TODO and a%n", ex))
                    .append(String.format(Locale.ROOT, "  %-" + width + "s  \"not done yet\" exception where they write%n", ""))
                    .append(String.format(Locale.ROOT, "  %-" + width + "s  the same, solved%n", so))
                    .append(String.format(Locale.ROOT, "  %-" + width + "s  its entry: title, points, hints, what is checked%n", co));
            if (from.checks() != null) {
                out.append("Step ").append(from.step()).append(" is graded by ").append(from.checks()).append(", written for that step:")
                        .append(" the copy shares it while its methods and calls stay the same; otherwise declare")
                        .append(" submits/prints in its entry, or write a checks class of its own.\n");
            }
            if (!moved.isEmpty()) {
                out.append("Steps ").append(moved.get(0).step() + 1).append(" to ").append(moved.get(moved.size() - 1).step() + 1)
                        .append(" moved one place down; their opening comments say so.\n");
            }
            out.append("The old ").append(Course.FILE).append(" is kept as ").append(top.relativize(backup)).append(".\n")
                    .append("Then: make verify-course (the untouched file must fail with \"not done yet\", the solution pass),")
                    .append(" make check EX=").append(name).append(" CHECK_ARGS=\"--dir solutions\".\n");
            return out.toString();
        }
    }

    /**
     * Adds step {@code name} to the course below {@code top}, a copy of step {@code from} (a number
     * or a name; the last step when null), after step {@code after} (the last when null).
     */
    public static Made add(Path top, String name, String from, String after, Clock clock) {
        Path exercises = top.resolve("exercises");
        Path solutions = top.resolve("solutions");
        Course course = Course.load(exercises);
        List<Exercise> all = course.exercises();
        if (all.isEmpty()) {
            throw new IllegalArgumentException(exercises.resolve(Course.FILE) + " has no exercise to copy yet: write the first [[exercise]] by hand");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("NAME=" + (name == null ? "" : name) + ": a step's name is a short lower-case word"
                    + " (letters, digits, -), as learners type it: make check EX=diff");
        }
        for (Exercise e : all) {
            if (e.name().equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("NAME=" + name + ": step " + e.step() + " has that name already; choose another");
            }
        }
        Exercise source = from == null || from.isBlank() ? all.get(all.size() - 1) : course.find(from);
        int at = after == null || after.isBlank() ? all.size() : course.find(after).step(); // the new step comes after this one
        int step = at + 1;
        String className = className(name);
        for (Exercise e : all) {
            if (e.className().equals(className)) {
                throw new IllegalArgumentException("NAME=" + name + ": step " + e.step() + " has the class " + className
                        + " already; choose another name");
            }
        }
        String file = String.format(Locale.ROOT, "%02d-%s/%s.java", step, name, className);
        Path exercise = exercises.resolve(file);
        Path solution = solutions.resolve(file);
        for (Path p : List.of(exercise.getParent(), solution.getParent())) {
            if (Files.exists(p)) {
                throw new IllegalArgumentException(top.relativize(p) + " exists already: move it away, or choose another NAME");
            }
        }
        try {
            Path courseFile = exercises.resolve(Course.FILE);
            String toml = Files.readString(courseFile, StandardCharsets.UTF_8);
            String updated = withEntry(toml, source, at, name, file);
            List<Exercise> moved = all.subList(at, all.size());
            Path backup = backUp(top, courseFile, clock);

            String exerciseText = copyText(read(exercises.resolve(source.file())), source, step, file, className);
            String solutionText = copyText(read(solutions.resolve(source.file())), source, step, file, className);
            for (Exercise later : moved) { // renumbered in their opening comments
                for (Path root : List.of(exercises, solutions)) {
                    Path f = root.resolve(later.file());
                    if (Files.isRegularFile(f)) {
                        write(f, renumber(read(f), later, later.step() + 1));
                    }
                }
            }
            Files.createDirectories(exercise.getParent());
            Files.createDirectories(solution.getParent());
            write(exercise, exerciseText);
            write(solution, solutionText);
            write(courseFile, updated);
            EditorProject.update(Course.load(exercises), exercises); // editors see the new folder as sources
            return new Made(source, step, name, exercise, solution, courseFile, backup, List.copyOf(moved));
        } catch (IOException e) {
            throw new UncheckedIOException("could not add the step: " + e.getMessage(), e);
        }
    }

    /** {@code slow-diff} as a class name: {@code SlowDiff}. */
    static String className(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        if (!Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, "Step");
        }
        return out.toString();
    }

    /** The source's text as the new step's: its class renamed, its file and step numbers changed. */
    static String copyText(String text, Exercise source, int step, String file, String className) {
        String out = text.replace(source.file(), file)
                .replaceAll("\\b" + Pattern.quote(source.className()) + "\\b", Matcher.quoteReplacement(className));
        return renumber(out, source, step);
    }

    /** The opening comment's "// Step n:" and "make ... EX=n" as step {@code step}. */
    static String renumber(String text, Exercise exercise, int step) {
        String out = CourseCheck.STEP_LINE.matcher(text).replaceFirst(m -> Matcher.quoteReplacement(
                m.group().replaceFirst("Step \\d+:", "Step " + step + ":")));
        return Pattern.compile("(" + CourseCheck.MAKE_EX_COMMANDS + ")" + exercise.step() + "\\b").matcher(out)
                .replaceAll("$1" + step);
    }

    /**
     * The info.toml text with a copy of {@code source}'s entry, renamed, placed after the
     * {@code after}-th entry (0: first). Entries are the blocks that start with {@code [[exercise]]}.
     */
    static String withEntry(String toml, Exercise source, int after, String name, String file) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\[\\[exercise]]").matcher(toml);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        String head = toml.substring(0, starts.get(0));
        for (int i = 0; i < starts.size(); i++) {
            blocks.add(toml.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : toml.length()));
        }
        String copy = blocks.get(source.step() - 1);
        copy = copy.replaceFirst("(?m)^name\\s*=.*$", Matcher.quoteReplacement("name = \"" + name + "\""))
                .replaceFirst("(?m)^file\\s*=.*$", Matcher.quoteReplacement("file = \"" + file + "\""));
        if (!copy.endsWith("\n\n")) {
            copy = copy.endsWith("\n") ? copy + "\n" : copy + "\n\n";
        }
        if (after == blocks.size()) {
            String last = blocks.get(blocks.size() - 1);
            blocks.set(blocks.size() - 1, last.endsWith("\n\n") ? last : last.endsWith("\n") ? last + "\n" : last + "\n\n");
            copy = copy.stripTrailing() + "\n";
        }
        blocks.add(after, copy);
        return head + String.join("", blocks);
    }

    private static Path backUp(Path top, Path courseFile, Clock clock) throws IOException {
        return SafeWrites.backUp(top.resolve(Progress.FOLDER).resolve("backups"), Course.FILE, Files.readAllBytes(courseFile), clock);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        SafeWrites.replace(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
