package futures.workshop.course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every exercise with where the learner stands, for {@code make list} and watch mode's
 * {@code l}: worked out from the files and the last check results in {@link Progress}, without
 * running the checker, so it answers at once.
 */
public final class Listing {
    /** Where the learner stands on one exercise. */
    public enum State {
        DONE("done"), NOT_DONE("not done"), NOT_STARTED("not started");

        private final String words;

        State(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * One exercise's line.
     *
     * @param exercise the exercise
     * @param state    done, not done, or not started
     * @param note     why, when it is not done (e.g. "last check failed")
     */
    public record Row(Exercise exercise, State state, String note) {
        public int points() {
            return state == State.DONE ? exercise.points() : 0;
        }
    }

    /** The narrowest terminal the kit expects. */
    private static final int COLUMNS = 80;

    private Listing() {}

    /** The rows of {@code course}, in course order. */
    public static List<Row> rows(Course course, Progress progress) {
        Progress.State saved = progress.read();
        List<Row> rows = new ArrayList<>();
        for (Exercise exercise : course.exercises()) {
            rows.add(row(exercise, progress.file(exercise), saved.result(exercise)));
        }
        return rows;
    }

    static Row row(Exercise exercise, Path file, Progress.Result last) {
        if (!Files.isRegularFile(file)) {
            return new Row(exercise, State.NOT_DONE, "file missing: make reset EX=" + exercise.step());
        }
        boolean unchanged = last != null && Objects.equals(last.sha256(), Progress.sha256(file));
        if (unchanged && last.checked() == Progress.Checked.PASSED) {
            return new Row(exercise, State.DONE, "");
        }
        if (Stubs.untouched(exercise, file)) {
            return new Row(exercise, State.NOT_STARTED, "");
        }
        if (!unchanged) {
            return new Row(exercise, State.NOT_DONE, last == null ? "not checked yet" : "changed since the last check");
        }
        return new Row(exercise, State.NOT_DONE, switch (last.checked()) {
            case NOT_COMPILED -> "does not compile";
            case MISSING -> "file missing";
            case NO_CLASS -> "no class to grade in it";
            default -> "last check failed";
        });
    }

    /** The exercises done, e.g. for what a check names next. */
    public static Set<Exercise> done(List<Row> rows) {
        return rows.stream().filter(r -> r.state() == State.DONE).map(Row::exercise).collect(Collectors.toSet());
    }

    /** The first exercise not done: where the learner should be working. */
    public static Exercise current(List<Row> rows) {
        return rows.stream().filter(r -> r.state() != State.DONE).map(Row::exercise).findFirst().orElse(null);
    }

    /** The rows as a table, then the score; within 80 columns where the titles allow it (watch mode's l too). */
    public static String text(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        int width = rows.stream().mapToInt(r -> r.exercise().label().length()).max().orElse(0);
        for (Row r : rows) {
            String line = String.format("  %-" + width + "s  %-11s  %2d/%-2d  %s", r.exercise().label(), r.state(),
                    r.points(), r.exercise().points(), r.exercise().title());
            String note = r.note().isEmpty() ? "" : "(" + r.note() + ")";
            if (note.isEmpty()) {
                out.append(line);
            } else if (line.length() + 2 + note.length() <= COLUMNS) {
                out.append(line).append("  ").append(note);
            } else { // under the title
                out.append(line).append('\n').append(" ".repeat(line.length() - r.exercise().title().length())).append(note);
            }
            out.append('\n');
        }
        long done = rows.stream().filter(r -> r.state() == State.DONE).count();
        int points = rows.stream().mapToInt(Row::points).sum();
        int total = rows.stream().mapToInt(r -> r.exercise().points()).sum();
        out.append("Score: ").append(points).append('/').append(total).append(" points, ")
                .append(done).append(" of ").append(rows.size()).append(" exercises done\n");
        Exercise next = current(rows);
        if (next != null) {
            out.append("Next: exercise ").append(next.label()).append(" (exercises/").append(next.file())
                    .append(")\n      make check EX=").append(next.step()).append(" grades it\n");
        }
        return out.toString();
    }
}
