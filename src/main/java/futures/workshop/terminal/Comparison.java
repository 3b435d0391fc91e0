package futures.workshop.terminal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Several runs of one program stacked on one time axis, one panel per run, each named and with
 * its whole run time: {@code make compare} shows step 6 with 1, 2 and 5 workers this way, so
 * that "more workers, shorter run" shows at a glance. Drawn as text ({@link #plain(int)},
 * {@link #render(Terminal)}) or as an SVG picture ({@link #writeSvg(Path)}); like {@link
 * Timeline}, a snapshot that always draws the same. Times are lesson seconds, whatever the time
 * scale the runs were made at.
 *
 * <pre>{@code
 * Comparison.of("future.py", List.of(new Comparison.Run("1 worker", Timeline.between(calls, 0, end))));
 * }</pre>
 */
public final class Comparison {
    private final String title;
    private final List<Run> runs;

    /**
     * One run: its name ("2 workers") and its timeline, best made with {@link Timeline#between}
     * so that its wall time is the whole run.
     */
    public record Run(String name, Timeline timeline) {
        public Run {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(timeline, "timeline");
        }

        /** "2 workers: whole run 9.0 s". */
        public String heading() {
            return name + ": " + wholeRun();
        }

        /** "whole run 9.0 s", in lesson seconds. */
        public String wholeRun() {
            return "whole run " + String.format(Locale.ROOT, "%.1f", timeline.wallTime()) + " s";
        }
    }

    private Comparison(String title, List<Run> runs) {
        this.title = title;
        this.runs = runs;
    }

    public static Comparison of(String title, List<Run> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one run");
        }
        return new Comparison(Objects.requireNonNull(title, "title"), List.copyOf(runs));
    }

    public String title() {
        return title;
    }

    public List<Run> runs() {
        return runs;
    }

    /** The one axis of every panel: up to the end of the longest run, in lesson seconds. */
    public double axisEnd() {
        return runs.stream().mapToDouble(r -> r.timeline().axisEnd()).max().orElse(1);
    }

    /** The comparison as plain ASCII text, {@code width} columns wide. */
    public String plain(int width) {
        return render(width, false).toString();
    }

    /** The comparison for a terminal, as {@link Timeline#render(Terminal)} draws a timeline. */
    public String render(Terminal terminal) {
        AttributedString text = render(Terminals.width(terminal), Terminals.colours(terminal));
        return Terminals.colours(terminal) ? text.toAnsi(terminal) : text.toString();
    }

    /** Writes {@link #render(Terminal)} to the terminal and flushes. */
    public void print(Terminal terminal) {
        terminal.writer().print(render(terminal));
        terminal.writer().flush();
    }

    /** A heading line per run above its workers' rows; one axis under the last run, then the key. */
    public AttributedString render(int width, boolean colours) {
        Timeline.Glyphs g = Timeline.Glyphs.of(colours);
        int nameWidth = runs.stream().mapToInt(r -> r.timeline().nameWidth()).max().orElse(0);
        int axis = Math.max(10, width - nameWidth - 2);
        double end = axisEnd();
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.append(Timeline.wrap(title, width, ""));
        for (Run run : runs) {
            out.styled(colours ? AttributedStyle.BOLD : AttributedStyle.DEFAULT, run.heading()).append('\n');
            run.timeline().appendRows(out, nameWidth, axis, end, g);
        }
        Timeline.appendAxis(out, nameWidth, axis, end, g);
        Timeline.appendLegend(out, g, width);
        return out.toAttributedString();
    }

    /** Writes the comparison as an SVG picture (creating parent folders) and returns the file. */
    public Path writeSvg(Path file) throws IOException {
        return TimelineSvg.write(TimelineSvg.comparison(this), file);
    }

    /** The SVG picture as text. */
    public String svg() {
        return TimelineSvg.toText(TimelineSvg.comparison(this));
    }

    @Override
    public String toString() {
        return plain(Timeline.DEFAULT_WIDTH);
    }
}
