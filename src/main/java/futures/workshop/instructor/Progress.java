package futures.workshop.instructor;

import futures.workshop.terminal.Terminals;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;

/**
 * Shows a class being graded: a line per learner as they finish and, on a real terminal, a
 * progress bar below them, redrawn in place with JLine's {@link Display}. On a dumb terminal, a
 * pipe or a CI log, only the lines. Runs on the thread that watches the grading.
 */
final class Progress implements ClassGrader.Listener {
    private final Terminal terminal;
    private final PrintWriter out;
    private final Display display;
    private final long begin = System.nanoTime();
    private final int maxPoints;

    Progress(Terminal terminal, int maxPoints) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.maxPoints = maxPoints;
        this.display = Terminals.inPlace(terminal) ? new Display(terminal, false) : null;
        if (display != null) {
            display.resize(terminal.getHeight(), terminal.getWidth());
        }
    }

    @Override
    public void started(int learners) {
        out.println("Grading " + learners + " learners...");
        out.flush();
        tick(0, learners, 0);
    }

    @Override
    public void finished(LearnerGrade grade, int done, int learners, int running) {
        String line = String.format(Locale.ROOT, "[%" + digits(learners) + "d/%d] %-20s %3d/%d points  %5.1f s%s",
                done, learners, grade.learner(), grade.points(), maxPoints, grade.millis() / 1000.0,
                grade.problem() == null ? "" : "  " + grade.problem());
        printAbove(line);
        tick(done, learners, running);
    }

    /** The console says the final score too, as the sheet will. */
    @Override
    public void rechecked(LearnerGrade before, LearnerGrade after) {
        String line = String.format(Locale.ROOT, "      %-20s %3d/%d points after its failed exercises were checked again,"
                + " alone (first %d)", after.learner(), after.points(), maxPoints, before.points());
        printAbove(line);
    }

    /** Like JLine's LineReader#printAbove: clears the bar, prints, and lets the next tick draw it again below. */
    private void printAbove(String line) {
        if (display != null) {
            display.update(List.of(), 0);
        }
        out.println(line);
        out.flush();
        if (display != null) {
            display.reset();
        }
    }

    @Override
    public void tick(int done, int learners, int running) {
        if (display == null) {
            return;
        }
        int width = Math.max(20, terminal.getWidth() - 1);
        String text = String.format(Locale.ROOT, " %d/%d learners, %d being graded, %.0f s", done, learners, running,
                (System.nanoTime() - begin) / 1e9);
        int barWidth = Math.max(10, Math.min(40, width - text.length() - 2));
        int filled = learners == 0 ? barWidth : barWidth * done / learners;
        AttributedStringBuilder bar = new AttributedStringBuilder().append("[")
                .style(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN)).append("#".repeat(filled))
                .style(AttributedStyle.DEFAULT).append(".".repeat(barWidth - filled)).append("]").append(text);
        AttributedString line = bar.toAttributedString();
        display.update(List.of(line.columnSubSequence(0, Math.min(line.columnLength(), width))), -1);
        terminal.flush();
    }

    /** Ends the bar's line so that what follows starts below it. */
    void done() {
        if (display != null) {
            display.update(List.of(), 0);
        }
        out.flush();
    }

    private static int digits(int n) {
        return Integer.toString(n).length();
    }
}
