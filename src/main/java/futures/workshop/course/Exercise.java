package futures.workshop.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One exercise of the course, as listed in {@code exercises/info.toml}.
 *
 * @param step      its place in the course, from 1
 * @param name      short name, usable instead of the number: {@code make check EX=async}
 * @param title     what the learner does, in a few words
 * @param file      path of the exercise below {@code exercises/} (and {@code solutions/})
 * @param points    points for passing every check
 * @param checks    the class of checks that grades it, for a step that needs a kind of check of
 *                  its own; null when {@code declared} says what to check
 * @param declared  the common checks written in info.toml ({@code submits}, {@code prints}); empty
 *                  when a checks class grades it
 * @param hints     the ladder of hints, gentlest first
 * @param minutes   how long the session gives the step ({@code make plan}); 0 when not said
 */
public record Exercise(int step, String name, String title, String file, int points, String checks,
                       Declared declared, List<String> hints, int minutes) {

    /** Where the kit's checks classes live: info.toml may name one by its simple name. */
    public static final String CHECKS_PACKAGE = "futures.workshop.checks.";

    /**
     * The common checks an exercise may declare in info.toml instead of a checks class.
     *
     * @param submits the method that hands one call to the pool it is given, or null
     * @param prints  lines that main must print ({@code {pid}} stands for the process id); empty for none
     */
    public record Declared(Submits submits, List<String> prints) {
        public Declared {
            prints = prints == null ? List.of() : List.copyOf(prints);
        }

        public boolean isEmpty() {
            return submits == null && prints.isEmpty();
        }
    }

    /**
     * {@code submits = { method = "submitSlowAdd", call = "slowAdd(1, 6, 7)", value = "13" }}: the
     * method takes the pool ({@code ExecutorService}), hands this one call to a worker of that pool
     * and returns its {@code Future} without waiting; the future's value, as text.
     */
    public record Submits(String method, String call, String value) {}

    /** The learner's class: the file's name without {@code .java}. */
    public String className() {
        String base = Path.of(file).getFileName().toString();
        return base.endsWith(".java") ? base.substring(0, base.length() - ".java".length()) : base;
    }

    /** "3 async", as lists and verdicts show it. */
    public String label() {
        return step + " " + name;
    }

    /**
     * What grades this exercise, as the checker keys it: its checks class, or
     * {@code exercise:<name>} for declared checks (as their containers name their source).
     */
    public String checksKey() {
        return checks != null ? checks : key();
    }

    /**
     * The checks class info.toml names, loaded without running its static code; empty when it
     * names none, or one that is not there (a course being written may name one not yet written).
     */
    public Optional<Class<?>> checksClass() {
        if (checks == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(checks, false, Exercise.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** {@code exercise:<name>}: how checks that are not a class of their own say whose they are. */
    public String key() {
        return "exercise:" + name;
    }
}
