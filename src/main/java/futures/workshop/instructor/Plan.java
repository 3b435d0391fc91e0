package futures.workshop.instructor;

import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.StepScripts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<StepScripts.Script> scripts = StepScripts.in(jshell);
        for (Exercise e : course.exercises()) {
            minutes += e.minutes();
            rows.add(new String[] {e.label(), e.minutes() > 0 ? Integer.toString(e.minutes()) : "-",
                    StepScripts.of(scripts, e.step()).map(n -> "/open jshell/" + n).orElse("-"), "exercises/" + e.file(), "make demo STEP=" + e.step()});
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
        course.exercises().stream().filter(e -> e.name().equals(Compare.STEP)).findFirst().ifPresent(e -> out.append(
                "Closing question: make compare, step " + e.step() + " with " + Compare.counted(Compare.WORKERS)
                        + " on one time axis.\n"));
        return out.toString();
    }
}
