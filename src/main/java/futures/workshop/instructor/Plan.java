package futures.workshop.instructor;

import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code make plan}: the session at a glance, read from the course, so that it never repeats by
 * hand what info.toml says: each step with its minutes, its type-along script in {@code jshell/}
 * (matched by step number), its exercise file and the command that demonstrates it.
 */
public final class Plan {
    private Plan() {}

    public static String text(Course course, Path jshell) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"step", "minutes", "JShell", "exercise", "demo"});
        int minutes = 0;
        for (Exercise e : course.exercises()) {
            minutes += e.minutes();
            rows.add(new String[] {e.label(), e.minutes() > 0 ? Integer.toString(e.minutes()) : "-",
                    script(jshell, e.step()), "exercises/" + e.file(), "make demo STEP=" + e.step()});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "The session at a glance: %d steps, %d minutes, %d points (from exercises/%s)%n",
                course.exercises().size(), minutes, course.totalPoints(), Course.FILE));
        for (String[] row : rows) {
            out.append(String.format(Locale.ROOT, "  %-" + widths[0] + "s  %" + widths[1] + "s  %-" + widths[2] + "s  %-"
                    + widths[3] + "s  %s%n", (Object[]) row));
        }
        out.append("Learners: make jshell, then make check EX=n and make hint EX=n; make demo after they have tried.\n");
        return out.toString();
    }

    /** {@code /open jshell/step3-async.jsh} for step 3, or "-" when there is none. */
    private static String script(Path jshell, int step) {
        try (Stream<Path> files = Files.list(jshell)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("step" + step + "-") && n.endsWith(".jsh"))
                    .sorted().findFirst().map(n -> "/open jshell/" + n).orElse("-");
        } catch (IOException e) {
            return "-";
        }
    }
}
