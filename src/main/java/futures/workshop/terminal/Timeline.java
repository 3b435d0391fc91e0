package futures.workshop.terminal;

import futures.workshop.runtime.Call;
import futures.workshop.runtime.Recorder;
import futures.workshop.runtime.TimeScale;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The answer to the lesson's last question, "how are the calls spread over the workers?": one
 * row per worker, each slow call a bar over time in the lesson's seconds, failed calls marked,
 * calls still running left open on the right.
 *
 * <p>Built once from the recorder's calls (a snapshot: it never changes afterwards), then drawn
 * as text for a terminal ({@link #render(Terminal)}, {@link #plain(int)}) or as an SVG picture
 * for a projector ({@link #writeSvg(Path)}). Drawing is deterministic: the same calls give the
 * same text, so tests and the checker can compare it. Any thread may call it.
 *
 * <pre>{@code
 * Timeline.of(Recorder.global().calls()).print(terminal);
 * }</pre>
 */
public final class Timeline {
    static final int DEFAULT_WIDTH = 80;
    private static final int MIN_AXIS = 10;
    private static final int FAILURES_SHOWN = 5;
    static final String AXIS_NAME = "seconds";

    private final List<Call> calls;
    private final List<Row> rows;
    private final double span;
    private final int peak;
    private final int running;

    /** One slow call placed on the time axis, in lesson seconds from the first start. */
    record Bar(Call call, double from, double to, int lane) {
        boolean open() {
            return call.running();
        }

        boolean failed() {
            return call.outcome() == Call.Outcome.FAILED;
        }

        /** Texts that may label the bar, longest first: "#3 slowDiff(1, 6, 7)", "#3 slowDiff", "#3". */
        List<String> labels() {
            String label = call.label() == null ? call.function() : call.label();
            if (call.task() < 0) {
                return List.of(label, String.valueOf(call.function()));
            }
            String tag = "#" + call.task();
            return List.of(tag + " " + label, tag + " " + call.function(), tag);
        }

        /** One line about the call, for tooltips and the list of failures. */
        String describe(String row) {
            String what = labels().get(0) + " on " + row + ", " + seconds(from) + " s to "
                    + (open() ? "now" : seconds(to) + " s");
            return switch (call.outcome()) {
                case RETURNED -> what + ", returned";
                case RUNNING -> what + ", still running";
                case FAILED -> what + ", failed: " + call.error();
            };
        }
    }

    /** A worker's row; calls that overlap on one worker (rare: nested calls) get extra lanes. */
    record Row(String name, int lanes, List<Bar> bars) {}

    /** The calls drawn from {@code first} to {@code last}, both in the calls' own nanoseconds. */
    private Timeline(List<Call> calls, long first, long last) {
        this.calls = calls;
        this.span = TimeScale.toLessonSeconds(last - first);
        this.rows = layout(calls, first, span);
        this.peak = peak(calls);
        this.running = (int) calls.stream().filter(Call::running).count();
    }

    /**
     * The timeline of these calls, e.g. {@code Timeline.of(Recorder.global().calls())}. Calls
     * still running end at the last moment the calls themselves tell of.
     */
    public static Timeline of(List<Call> calls) {
        return of(calls, Long.MIN_VALUE);
    }

    /**
     * The timeline of these calls with the calls still running drawn up to {@code now}, in the
     * calls' own nanoseconds: {@code Timeline.of(recorder.calls(), recorder.now())}.
     */
    public static Timeline of(List<Call> calls, long now) {
        List<Call> sorted = sorted(calls);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Call c : sorted) {
            first = Math.min(first, c.start());
            last = Math.max(last, end(c, now));
        }
        return sorted.isEmpty() ? new Timeline(sorted, 0, 0) : new Timeline(sorted, first, last);
    }

    /**
     * The timeline of a whole run, from {@code from} to {@code to} in the calls' own nanoseconds,
     * not only of its calls: {@code Timeline.between(recorder.calls(), 0, recorder.now())} after the
     * recorder was cleared as the run began, so that time 0 is the program's start and the wall
     * time is the whole run, waiting included. Calls still running are drawn up to {@code to}.
     */
    public static Timeline between(List<Call> calls, long from, long to) {
        List<Call> sorted = sorted(calls);
        long last = to;
        for (Call c : sorted) {
            if (c.start() < from) {
                throw new IllegalArgumentException("call " + c.label() + " started before the run it is drawn in");
            }
            last = Math.max(last, end(c, to)); // a clock read a little early must not cut a call
        }
        return new Timeline(sorted, from, last);
    }

    private static List<Call> sorted(List<Call> calls) {
        List<Call> sorted = new ArrayList<>(Objects.requireNonNull(calls, "calls"));
        sorted.sort(Comparator.comparingLong(Call::start).thenComparingInt(Call::id));
        return List.copyOf(sorted);
    }

    private static long end(Call c, long now) {
        return c.running() ? Math.max(c.start(), now) : c.end();
    }

    // ---- facts, also used by the summary line ----

    /** How many workers ran at least one call. */
    public int workers() {
        return rows.size();
    }

    /** The most calls running at the same moment. */
    public int peak() {
        return peak;
    }

    /** Lesson seconds from the first call's start to the last end (or the last start, for running calls). */
    public double wallTime() {
        return span;
    }

    /** The one-line summary, e.g. "2 workers used, peak 2 running at once, wall time 5.1 s". */
    public String summary() {
        if (calls.isEmpty()) {
            return "no slow calls recorded yet";
        }
        String text = workers() + (workers() == 1 ? " worker" : " workers") + " used, peak "
                + peak + " running at once, wall time " + seconds(span) + " s";
        return running == 0 ? text : text + " so far, " + running + " still running";
    }

    List<Row> rows() {
        return rows;
    }

    double axisEnd() {
        return span > 0 ? span : 1;
    }

    // ---- text ----

    /** The timeline as plain ASCII text, no escape codes, {@code width} columns wide: for logs and messages. */
    public String plain(int width) {
        return render(width, false).toString();
    }

    /**
     * The timeline for a terminal: colours and box-drawing characters when it has them, plain
     * ASCII otherwise; as wide as the terminal ({@value #DEFAULT_WIDTH} columns when unknown).
     */
    public String render(Terminal terminal) {
        AttributedString text = render(Terminals.width(terminal), Terminals.colours(terminal));
        return Terminals.colours(terminal) ? text.toAnsi(terminal) : text.toString();
    }

    /**
     * What {@code timeline()} in JShell does: prints the timeline of the calls recorded so far on
     * the console ({@link Terminals#systemOut()}) and writes it as an SVG picture to {@code svg},
     * saying where.
     */
    public static void show(Path svg) {
        List<Call> calls = Recorder.global().calls();
        long now = Recorder.global().now();
        Terminal terminal = Terminals.systemOut();
        Timeline timeline = of(calls, now);
        timeline.print(terminal);
        if (!calls.isEmpty()) {
            try {
                Path written = timeline.writeSvg(svg).toAbsolutePath();
                terminal.writer().println("picture for a projector: " + written + " (open it in a browser)");
            } catch (IOException e) {
                terminal.writer().println("could not write the picture " + svg + ": " + e.getMessage());
            }
            terminal.writer().flush();
        }
    }

    /** Writes {@link #render(Terminal)} to the terminal and flushes. */
    public void print(Terminal terminal) {
        terminal.writer().print(render(terminal));
        terminal.writer().flush();
    }

    /**
     * The timeline as styled text: with {@code colours}, coloured bars and box-drawing
     * characters; without, plain ASCII and no styles at all. Each line ends with a newline.
     */
    public AttributedString render(int width, boolean colours) {
        Glyphs g = Glyphs.of(colours);
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (calls.isEmpty()) {
            return out.append("Worker timeline: no slow calls recorded yet; run some, then ask again.\n")
                    .toAttributedString();
        }
        int nameWidth = nameWidth();
        int axis = Math.max(MIN_AXIS, width - nameWidth - 2);
        double end = axisEnd();

        out.append(wrap(title(), width, ""));
        appendRows(out, nameWidth, axis, end, g);
        appendAxis(out, nameWidth, axis, end, g);
        appendLegend(out, g, width);
        out.append(wrap(summary(), width, ""));
        appendFailures(out, g, width);
        return out.toAttributedString();
    }

    /** Columns for the longest row name, and for the axis's name below the rows. */
    int nameWidth() {
        int nameWidth = AXIS_NAME.length();
        for (Row row : rows) {
            nameWidth = Math.max(nameWidth, row.name().length());
        }
        return nameWidth;
    }

    /** A line per lane of each row, on an axis of {@code axis} columns that ends at {@code end} seconds. */
    void appendRows(AttributedStringBuilder out, int nameWidth, int axis, double end, Glyphs g) {
        for (Row row : rows) {
            for (int lane = 0; lane < row.lanes(); lane++) {
                char[] cells = new char[axis];
                AttributedStyle[] styles = new AttributedStyle[axis];
                Arrays.fill(cells, ' ');
                Arrays.fill(styles, AttributedStyle.DEFAULT);
                int used = 0;
                int shade = 0;
                for (Bar bar : row.bars()) {
                    if (bar.lane() != lane) {
                        continue;
                    }
                    int a = Math.max(column(bar.from(), end, axis), used);
                    int b = Math.max(column(bar.to(), end, axis), a + 1);
                    if (a >= axis) {
                        a = axis - 1; // a call that starts at the very end still gets its cell
                    }
                    b = Math.min(Math.max(b, a + 1), axis);
                    drawBar(cells, styles, a, b, bar, g, shade++);
                    used = b;
                }
                out.append(pad(lane == 0 ? row.name() : "", nameWidth)).append(' ').append(g.rowEdge);
                appendCells(out, cells, styles);
                out.append('\n');
            }
        }
    }

    /** Column of a moment on an axis of {@code axis} columns that ends at {@code end} seconds. */
    private static int column(double t, double end, int axis) {
        return (int) Math.round(t / end * axis);
    }

    private static void drawBar(char[] cells, AttributedStyle[] styles, int a, int b, Bar bar, Glyphs g, int shade) {
        int n = b - a;
        AttributedStyle style = g.style(bar, shade);
        String marker = bar.failed() ? g.failMark + " " : "";
        char close = bar.open() ? g.openEnd : g.barEnd;
        for (int i = a; i < b; i++) {
            cells[i] = g.fill;
            styles[i] = style;
        }
        if (n == 1) {
            cells[a] = bar.failed() ? g.failMark : bar.open() ? g.openEnd : g.single;
            return;
        }
        int from = a;
        int to = b;
        if (g.barStart != 0) {
            cells[from++] = g.barStart;
        }
        if (close != 0) {
            cells[--to] = close;
        }
        int room = to - from;
        String text = room >= marker.length() ? marker + fit(bar.labels(), room - marker.length())
                : marker.substring(0, room);
        for (int i = 0; i < text.length(); i++) {
            cells[from + i] = text.charAt(i);
        }
    }

    /** The longest label that fits, or the shortest one cut to the room. */
    private static String fit(List<String> labels, int room) {
        for (String label : labels) {
            if (label.length() <= room) {
                return label;
            }
        }
        String shortest = labels.get(labels.size() - 1);
        return shortest.substring(0, Math.max(0, room));
    }

    private static void appendCells(AttributedStringBuilder out, char[] cells, AttributedStyle[] styles) {
        int length = cells.length; // without trailing blanks: they only make copied text ragged
        while (length > 0 && cells[length - 1] == ' ' && styles[length - 1].equals(AttributedStyle.DEFAULT)) {
            length--;
        }
        int i = 0;
        while (i < length) {
            int j = i;
            while (j < length && styles[j].equals(styles[i])) {
                j++;
            }
            out.styled(styles[i], new String(cells, i, j - i));
            i = j;
        }
    }

    static void appendAxis(AttributedStringBuilder out, int nameWidth, int axis, double end, Glyphs g) {
        double step = tickStep(end, axis);
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        char[] line = new char[axis];
        Arrays.fill(line, g.axis);
        char[] labels = new char[axis];
        Arrays.fill(labels, ' ');
        List<double[]> ticks = new ArrayList<>();
        for (int k = 0; k * step <= end * (1 + 1e-9); k++) {
            int col = Math.min(column(k * step, end, axis), axis - 1);
            line[col] = g.tick;
            ticks.add(new double[] {k * step, col});
        }
        // Labels from the right, so that the last one (the length of the run) always shows.
        int limit = axis;
        for (int i = ticks.size() - 1; i >= 0; i--) {
            String label = String.format(Locale.ROOT, "%." + decimals + "f", ticks.get(i)[0]);
            int at = Math.min((int) ticks.get(i)[1], axis - label.length());
            if (at >= 0 && at + label.length() < limit || i == ticks.size() - 1) {
                label.getChars(0, label.length(), labels, Math.max(0, at));
                limit = at;
            }
        }
        out.append(pad("", nameWidth)).append(' ').append(g.corner).append(new String(line)).append('\n');
        String tail = new String(labels).stripTrailing();
        out.append(pad(AXIS_NAME, nameWidth)).append("  ").append(tail).append('\n');
    }

    /** A round step (1, 2 or 5 times a power of ten) that leaves room for the tick labels. */
    static double tickStep(double end, int axis) {
        int labelWidth = String.format(Locale.ROOT, "%.1f", end).length() + 3;
        double minimum = end * labelWidth / axis;
        double power = Math.pow(10, Math.floor(Math.log10(minimum)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= minimum * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** The key to the bars, broken between entries when the width needs it. */
    static void appendLegend(AttributedStringBuilder out, Glyphs g, int width) {
        boolean plain = g == Glyphs.PLAIN;
        List<AttributedString> entries = List.of(
                entry(plain ? "[#n call]" : "#n call", g.returned(0), " returned"),
                entry(plain ? "[x #n]" : g.failMark + " #n", g.failed(), " failed"),
                entry(plain ? "[#n ...>" : "#n " + g.openEnd, g.running(), " still running"));
        String start = "key: ";
        out.append(start);
        int column = start.length();
        for (int i = 0; i < entries.size(); i++) {
            AttributedString entry = entries.get(i);
            if (i > 0) {
                if (column + 2 + entry.columnLength() > width) {
                    out.append('\n').append(" ".repeat(start.length()));
                    column = start.length();
                } else {
                    out.append("  ");
                    column += 2;
                }
            }
            out.append(entry);
            column += entry.columnLength();
        }
        out.append('\n');
    }

    private static AttributedString entry(String sample, AttributedStyle style, String meaning) {
        return new AttributedStringBuilder().styled(style, sample).append(meaning).toAttributedString();
    }

    private void appendFailures(AttributedStringBuilder out, Glyphs g, int width) {
        int shown = 0;
        int failed = 0;
        for (Row row : rows) {
            for (Bar bar : row.bars()) {
                if (!bar.failed()) {
                    continue;
                }
                if (shown < FAILURES_SHOWN) {
                    out.styled(g == Glyphs.PLAIN ? AttributedStyle.DEFAULT : g.failText(), String.valueOf(g.failMark))
                            .append(wrap(" " + bar.describe(row.name()), width - 1, "  "));
                    shown++;
                }
                failed++;
            }
        }
        if (failed > shown) {
            out.append("... and ").append(String.valueOf(failed - shown)).append(" more failed calls\n");
        }
    }

    /** Breaks a long line at spaces so that no line is wider than {@code width}; ends with a newline. */
    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        String rest = text;
        int room = width;
        while (rest.length() > room) {
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= indent.length()) {
                cut = room; // one long word: cut it
            }
            out.append(rest, 0, cut).append('\n');
            rest = indent + rest.substring(cut).stripLeading();
            room = width;
        }
        return out.append(rest).append('\n').toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Seconds as the lesson prints them: 5.1, 0.25, 6 (at most two decimals). */
    static String seconds(double s) {
        return BigDecimal.valueOf(s).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    // ---- layout ----

    private static List<Row> layout(List<Call> calls, long first, double span) {
        long pools = calls.stream().map(Call::pool).filter(Objects::nonNull).distinct().count();
        Map<String, List<Call>> byRow = new TreeMap<>(NaturalOrder.INSTANCE);
        for (Call c : calls) {
            String name = pools > 1 && c.pool() != null ? c.pool() + "/" + c.worker() : c.worker();
            byRow.computeIfAbsent(String.valueOf(name), k -> new ArrayList<>()).add(c);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Call>> e : byRow.entrySet()) {
            List<Bar> bars = new ArrayList<>();
            List<Long> laneEnds = new ArrayList<>(); // real end of the last call in each lane
            for (Call c : e.getValue()) {
                int lane = 0;
                while (lane < laneEnds.size() && laneEnds.get(lane) > c.start()) {
                    lane++;
                }
                long end = c.running() ? Long.MAX_VALUE : c.end();
                if (lane == laneEnds.size()) {
                    laneEnds.add(end);
                } else {
                    laneEnds.set(lane, end);
                }
                double from = TimeScale.toLessonSeconds(c.start() - first);
                double to = c.running() ? span : TimeScale.toLessonSeconds(c.end() - first);
                bars.add(new Bar(c, from, to, lane));
            }
            rows.add(new Row(e.getKey(), laneEnds.size(), List.copyOf(bars)));
        }
        return List.copyOf(rows);
    }

    /** Most calls running at once: a sweep over starts and ends, ends first at equal times. */
    private static int peak(List<Call> calls) {
        Map<Long, int[]> changes = new TreeMap<>();
        for (Call c : calls) {
            changes.computeIfAbsent(c.start(), k -> new int[2])[1]++;
            if (!c.running()) {
                changes.computeIfAbsent(c.end(), k -> new int[2])[0]++;
            }
        }
        int now = 0;
        int peak = 0;
        for (int[] change : changes.values()) {
            now -= change[0];
            now += change[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }

    // ---- SVG ----

    /** Writes the timeline as an SVG picture (creating parent folders) and returns the file. */
    public Path writeSvg(Path file) throws IOException {
        return TimelineSvg.write(TimelineSvg.timeline(this), file);
    }

    /** The SVG picture as text. */
    public String svg() {
        return TimelineSvg.toText(TimelineSvg.timeline(this));
    }

    List<Call> calls() {
        return calls;
    }

    String title() {
        return "Worker timeline: " + calls.size() + (calls.size() == 1 ? " call" : " calls")
                + " over time, in lesson seconds";
    }

    /**
     * The characters and styles of one rendering: plain ASCII, or colours and box drawing. The
     * heavy box-drawing characters on purpose: JLine sends the light ones through the terminal's
     * alternate character set, which does not survive JShell's output path.
     */
    enum Glyphs {
        PLAIN('|', '+', '-', '+', '[', ']', '>', '=', '=', 'x'),
        FANCY('\u2503', '\u2517', '\u2501', '\u2533', (char) 0, (char) 0, '\u25b6', ' ', ' ', '\u2717');

        final char rowEdge;
        final char corner;
        final char axis;
        final char tick;
        final char barStart;
        final char barEnd;
        final char openEnd;
        final char fill;
        final char single;
        final char failMark;

        static Glyphs of(boolean colours) {
            return colours ? FANCY : PLAIN;
        }

        Glyphs(char rowEdge, char corner, char axis, char tick, char barStart, char barEnd, char openEnd,
               char fill, char single, char failMark) {
            this.rowEdge = rowEdge;
            this.corner = corner;
            this.axis = axis;
            this.tick = tick;
            this.barStart = barStart;
            this.barEnd = barEnd;
            this.openEnd = openEnd;
            this.fill = fill;
            this.single = single;
            this.failMark = failMark;
        }

        AttributedStyle style(Bar bar, int shade) {
            if (this == PLAIN) {
                return AttributedStyle.DEFAULT;
            }
            return bar.failed() ? failed() : bar.open() ? running() : returned(shade);
        }

        // Neighbouring bars of one worker alternate two greens, so that their edges show.
        AttributedStyle returned(int shade) {
            int green = shade % 2 == 0 ? AttributedStyle.GREEN : AttributedStyle.GREEN | AttributedStyle.BRIGHT;
            return AttributedStyle.DEFAULT.background(green).foreground(AttributedStyle.BLACK);
        }

        AttributedStyle failed() {
            return AttributedStyle.DEFAULT.background(AttributedStyle.RED)
                    .foreground(AttributedStyle.WHITE | AttributedStyle.BRIGHT).bold();
        }

        AttributedStyle running() {
            return AttributedStyle.DEFAULT.background(AttributedStyle.YELLOW).foreground(AttributedStyle.BLACK);
        }

        AttributedStyle failText() {
            return AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();
        }
    }

    @Override
    public String toString() {
        return plain(DEFAULT_WIDTH);
    }
}
