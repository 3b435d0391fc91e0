package futures.workshop.course;

import java.util.List;

/**
 * The ladder of hints of each exercise ({@code hints} in info.toml), one rung at a time: every
 * call shows the next hint and remembers in {@link Progress} how far the learner got. Runs on
 * the caller's thread; used by {@code make hint} and JShell's {@code hint(n)}.
 */
public final class Hints {
    private Hints() {}

    /**
     * The text for the learner: the next hint of {@code exercise}, or where to look once they are
     * all seen. {@code again} is how to ask for the next one, e.g. {@code make hint EX=3}.
     */
    public static String next(Progress progress, Exercise exercise, String again) {
        List<String> ladder = exercise.hints();
        String where = progress.top().relativize(progress.file(exercise)).toString();
        if (ladder.isEmpty()) {
            return "Exercise " + exercise.label() + " has no hints. Read the comments at the top of " + where
                    + " and the README.\n";
        }
        int seen = progress.update(state -> state.withHintsSeen(exercise,
                Math.min(state.hintsSeen(exercise) + 1, ladder.size() + 1))).hintsSeen(exercise);
        StringBuilder text = new StringBuilder();
        if (seen <= ladder.size()) {
            text.append("Hint ").append(seen).append(" of ").append(ladder.size()).append(" for exercise ")
                    .append(exercise.label()).append(" (").append(where).append("):\n")
                    .append(wrap(ladder.get(seen - 1), "  ")).append('\n');
            text.append(seen < ladder.size()
                    ? "Still stuck? " + again + " gives the next hint.\n"
                    : "That was the last hint. Still stuck? Read the Javadoc it names, and the README.\n");
            return text.toString();
        }
        text.append("You have seen all ").append(ladder.size()).append(" hints for exercise ")
                .append(exercise.label()).append(". Here they are again:\n");
        for (int i = 0; i < ladder.size(); i++) {
            text.append(wrap((i + 1) + ". " + ladder.get(i), "  ")).append('\n');
        }
        text.append(wrap("Next: the Javadoc they name (java.util.concurrent), the comments at the top of " + where
                + ", and the README. Or ask the instructor.", "")).append('\n');
        return text.toString();
    }

    /** Wraps within 80 columns, the narrowest terminal the kit expects (watch mode's h too), each line indented. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 80) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(word);
        }
        return out.append(line).toString();
    }
}
