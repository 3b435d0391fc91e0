package futures.workshop.course;

import java.nio.file.Path;
import java.util.List;

/**
 * One exercise of the course, as listed in {@code exercises/info.toml}.
 *
 * @param step      its place in the course, from 1
 * @param name      short name, usable instead of the number: {@code make check EX=async}
 * @param title     what the learner does, in a few words
 * @param file      path of the exercise below {@code exercises/} (and {@code solutions/})
 * @param points    points for passing every check
 * @param checks    the class of checks that grades it
 * @param hints     the ladder of hints, gentlest first
 */
public record Exercise(int step, String name, String title, String file, int points, String checks,
                       List<String> hints) {

    /** The learner's class: the file's name without {@code .java}. */
    public String className() {
        String base = Path.of(file).getFileName().toString();
        return base.substring(0, base.length() - ".java".length());
    }

    /** "3 async", as lists and verdicts show it. */
    public String label() {
        return step + " " + name;
    }
}
