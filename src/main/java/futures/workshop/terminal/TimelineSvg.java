package futures.workshop.terminal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Draws a {@link Timeline}, or a {@link Comparison} of several, as an SVG picture for a
 * projector: a DOM tree written by the JDK's XML transformer, so names and error messages are
 * escaped properly. Every call is one {@code <rect class="bar ...">} with a {@code <title>}
 * tooltip and a label shortened to fit its bar.
 *
 * <p>The picture is {@value #WIDTH} units wide and as wide as the window that shows it
 * ({@code width="100%"} and a viewBox, no fixed height): on a 1280 x 800 projector one unit is
 * one pixel, and text is {@value #FONT} pixels high or more.
 */
final class TimelineSvg {
    static final double WIDTH = 1280;
    static final double FONT = 20;
    static final double HEADING = 26;
    static final double PANEL_HEADING = 22;
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final double MARGIN = 20;
    private static final double GAP = 12; // between a row's name and its bars, and around the key's entries
    private static final double PAD = 6; // between a bar's edge and its label
    private static final double LANE = 44;
    private static final double BAR = 36;
    private static final double MAX_NAMES = WIDTH * 0.22; // longer worker names are shortened
    private static final int FAILURES_SHOWN = 5;
    // Dark enough for white text from the back of a room; neighbouring bars alternate the two.
    private static final String[] GREENS = {"#2e7d32", "#1b5e20"};
    private static final String RED = "#c62828";
    private static final String AMBER = "#f9a825";
    private static final String RUN = "#dcebf7";
    private static final String FAIL_MARK = "\u2717 ";
    private static final String OPEN_MARK = " \u25b6";

    private TimelineSvg() {}

    static Path write(Document picture, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            transform(picture, out);
        }
        return file;
    }

    static String toText(Document picture) {
        StringWriter out = new StringWriter();
        try {
            transform(picture, out);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void transform(Document doc, Writer out) throws IOException {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot write the timeline as SVG: " + e.getMessage(), e);
        }
    }

    /** One timeline: heading, a row per worker, the axis, the key, the summary and the failures. */
    static Document timeline(Timeline timeline) {
        Picture p = new Picture(timeline.title());
        double y = p.heading(timeline.title(), MARGIN);
        Plot plot = Plot.of(List.of(timeline), timeline.axisEnd());
        double bottom = p.rows(p.svg, timeline, plot, y + 8);
        y = p.axis(plot, bottom + 6);
        y = p.legend(y + 14, false);
        y = p.lines("summary", timeline.summary(), y + 6, "black");
        List<String> failures = new ArrayList<>();
        for (Timeline.Row row : timeline.rows()) {
            for (Timeline.Bar bar : row.bars()) {
                if (bar.failed()) {
                    failures.add(FAIL_MARK + bar.describe(row.name()));
                }
            }
        }
        for (String failure : failures.subList(0, Math.min(failures.size(), FAILURES_SHOWN))) {
            y = p.lines("failure", failure, y, RED);
        }
        if (failures.size() > FAILURES_SHOWN) {
            y = p.lines("failure", "\u2026 and " + (failures.size() - FAILURES_SHOWN) + " more failed calls", y, RED);
        }
        return p.finish(y + MARGIN);
    }

    /**
     * Runs stacked on one axis: a panel per run with its heading ("2 workers: whole run 9.0 s"),
     * a band as long as the whole run, and its workers' rows; the axis under the last panel.
     */
    static Document comparison(Comparison comparison) {
        Picture p = new Picture(comparison.title());
        double y = p.heading(comparison.title(), MARGIN);
        List<Timeline> timelines = comparison.runs().stream().map(Comparison.Run::timeline).toList();
        Plot plot = Plot.of(timelines, comparison.axisEnd());
        for (Comparison.Run run : comparison.runs()) {
            y += 10;
            Element panel = p.group(p.svg, "panel");
            panel.setAttribute("data-run", run.name());
            Element box = child(panel, "rect");
            box.setAttribute("class", "panel-box");
            Element heading = p.text(panel, "panel-heading", MARGIN + 10, y + 8 + PANEL_HEADING,
                    TextFit.shorten(run.heading(), PANEL_HEADING * TextFit.BOLD, WIDTH - 2 * MARGIN - 20, 0));
            heading.setAttribute("font-size", num(PANEL_HEADING));
            heading.setAttribute("font-weight", "bold");
            double top = y + 18 + PANEL_HEADING;
            double seconds = run.timeline().wallTime();
            Element band = child(panel, "rect");
            band.setAttribute("class", "run");
            band.setAttribute("data-seconds", num(seconds));
            band.setAttribute("x", num(plot.x(0)));
            band.setAttribute("y", num(top));
            band.setAttribute("width", num(plot.x(seconds) - plot.x(0)));
            band.setAttribute("height", num(Math.max(lanes(run.timeline()), 1) * LANE));
            band.setAttribute("fill", RUN);
            child(band, "title").setTextContent(run.heading());
            double bottom = p.rows(panel, run.timeline(), plot, top);
            box.setAttribute("x", num(MARGIN));
            box.setAttribute("y", num(y));
            box.setAttribute("width", num(WIDTH - 2 * MARGIN));
            box.setAttribute("height", num(bottom + 6 - y));
            box.setAttribute("rx", "6");
            box.setAttribute("fill", "#f7f7f7");
            box.setAttribute("stroke", "#d0d0d0");
            y = bottom + 6;
        }
        y = p.axis(plot, y + 4);
        y = p.legend(y + 14, true);
        return p.finish(y + MARGIN);
    }

    /**
     * Where the seconds go across: from {@code left} to {@code right} for 0 to {@code end}
     * seconds, the same for every panel of a picture.
     */
    private record Plot(double left, double right, double end, double step) {
        static Plot of(List<Timeline> timelines, double end) {
            // The axis's name goes left of the first tick label ("0.0" at most), centred on the plot's left edge.
            double names = TextFit.width(Timeline.AXIS_NAME, FONT) + TextFit.width("0.00", FONT) / 2;
            for (Timeline t : timelines) {
                for (Timeline.Row row : t.rows()) {
                    names = Math.max(names, TextFit.width(row.name(), FONT));
                }
            }
            double left = MARGIN + Math.min(names, MAX_NAMES) + GAP;
            double room = WIDTH - MARGIN - left;
            double step = Timeline.tickStep(end, (int) (room / (FONT * 0.65)));
            // Room on the right for half of the widest tick label, which is centred on its tick.
            double right = WIDTH - MARGIN - TextFit.width(tick(Math.floor(end / step) * step, step), FONT) / 2;
            return new Plot(left, right, end, step);
        }

        double x(double seconds) {
            return left + seconds / end * (right - left);
        }

        int ticks() {
            return (int) Math.floor(end / step * (1 + 1e-9));
        }

        double nameRoom() {
            return left - GAP - MARGIN;
        }

        /** The width of the label "0" or "0.0" under the first tick. */
        double firstTick() {
            return TextFit.width(tick(0, step), FONT);
        }
    }

    private static int lanes(Timeline timeline) {
        return timeline.rows().stream().mapToInt(Timeline.Row::lanes).sum();
    }

    private static String tick(double seconds, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", seconds);
    }

    /** The document being drawn, and the drawing steps both pictures share. */
    private static final class Picture {
        final Document doc;
        final Element svg;

        Picture(String title) {
            try {
                doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("the JDK's XML parser is not configured", e);
            }
            svg = doc.createElementNS(SVG, "svg");
            doc.appendChild(svg);
            // As wide as the window, as high as the width allows; whole when the window is wider.
            svg.setAttribute("width", "100%");
            svg.setAttribute("preserveAspectRatio", "xMidYMin meet");
            svg.setAttribute("font-family", "sans-serif");
            svg.setAttribute("font-size", num(FONT));
            child(svg, "title").setTextContent(title);
            Element background = child(svg, "rect");
            background.setAttribute("class", "background");
            background.setAttribute("width", "100%");
            background.setAttribute("height", "100%");
            background.setAttribute("fill", "white");
        }

        Document finish(double height) {
            svg.setAttribute("viewBox", "0 0 " + num(WIDTH) + " " + num(Math.ceil(height)));
            return doc;
        }

        /** The heading, broken into lines when long; returns the y below it. */
        double heading(String title, double y) {
            for (String line : TextFit.wrap(title, HEADING * TextFit.BOLD, WIDTH - 2 * MARGIN)) {
                y += HEADING * 1.25;
                Element t = text(svg, "heading", MARGIN, y, line);
                t.setAttribute("font-size", num(HEADING));
                t.setAttribute("font-weight", "bold");
            }
            return y;
        }

        /**
         * The timeline's rows from {@code top}, over the grid: names on the left, a bar per call;
         * returns the bottom.
         */
        double rows(Element parent, Timeline timeline, Plot plot, double top) {
            double bottom = top + Math.max(lanes(timeline), 1) * LANE;
            grid(group(parent, "grid"), plot, top, bottom);
            Element names = group(parent, "workers");
            Element calls = group(parent, "calls");
            int lane0 = 0;
            for (Timeline.Row row : timeline.rows()) {
                double rowY = top + lane0 * LANE;
                text(names, "worker", plot.left() - GAP, rowY + LANE / 2 + FONT * 0.35,
                        TextFit.shorten(row.name(), FONT, plot.nameRoom(), 0)).setAttribute("text-anchor", "end");
                int shade = 0;
                for (Timeline.Bar bar : row.bars()) {
                    bar(calls, row, bar, plot, rowY + bar.lane() * LANE + (LANE - BAR) / 2,
                            bar.failed() ? RED : bar.open() ? AMBER : GREENS[shade++ % 2]);
                }
                lane0 += row.lanes();
            }
            return bottom;
        }

        private void bar(Element calls, Timeline.Row row, Timeline.Bar bar, Plot plot, double y, String fill) {
            double x = plot.x(bar.from());
            double w = Math.max(2, plot.x(bar.to()) - x);
            String kind = bar.failed() ? "failed" : bar.open() ? "running" : "returned";
            Element g = group(calls, "call " + kind);
            g.setAttribute("data-call", Integer.toString(bar.call().id()));
            child(g, "title").setTextContent(bar.describe(row.name()));
            Element rect = child(g, "rect");
            rect.setAttribute("class", "bar " + kind);
            rect.setAttribute("data-from", num(bar.from()));
            rect.setAttribute("data-to", num(bar.to()));
            rect.setAttribute("x", num(x));
            rect.setAttribute("y", num(y));
            rect.setAttribute("width", num(w));
            rect.setAttribute("height", num(BAR));
            rect.setAttribute("rx", "4");
            rect.setAttribute("fill", fill);
            rect.setAttribute("stroke", "white"); // so that neighbouring bars show their edges
            String label = label(bar, w - 2 * PAD);
            if (!label.isEmpty()) {
                text(g, "label", x + PAD, y + BAR / 2 + FONT * 0.35, label)
                        .setAttribute("fill", bar.open() ? "black" : "white");
            }
        }

        /** Vertical lines at the ticks, from {@code top} to {@code bottom}. */
        private void grid(Element grid, Plot plot, double top, double bottom) {
            for (int k = 0; k <= plot.ticks(); k++) {
                double x = plot.x(k * plot.step());
                line(grid, x, top, x, bottom, "#d8d8d8");
            }
        }

        /** The axis line at {@code y}, its ticks and their labels, and its name; returns the y below. */
        double axis(Plot plot, double y) {
            Element axis = group(svg, "axis");
            line(axis, plot.left(), y, plot.right(), y, "#333");
            double labels = y + 8 + FONT;
            for (int k = 0; k <= plot.ticks(); k++) {
                double x = plot.x(k * plot.step());
                line(axis, x, y, x, y + 6, "#333");
                text(axis, "tick", x, labels, tick(k * plot.step(), plot.step())).setAttribute("text-anchor", "middle");
            }
            text(axis, "unit", plot.left() - plot.firstTick() / 2 - GAP / 2, labels, Timeline.AXIS_NAME)
                    .setAttribute("text-anchor", "end");
            return labels + FONT * 0.35;
        }

        /** The key to the colours, broken into lines when needed, with the whole run's band for {@code runs}; returns the y below. */
        double legend(double y, boolean runs) {
            Element legend = group(svg, "legend");
            List<String[]> entries = new ArrayList<>();
            entries.add(new String[] {GREENS[0], "returned"});
            entries.add(new String[] {RED, FAIL_MARK + "failed"});
            entries.add(new String[] {AMBER, "still running" + OPEN_MARK});
            if (runs) {
                entries.add(new String[] {RUN, "the whole run, until the program ended"});
            }
            double x = MARGIN;
            double baseline = y + FONT;
            for (String[] entry : entries) {
                double width = FONT + 8 + TextFit.width(entry[1], FONT);
                if (x > MARGIN && x + width > WIDTH - MARGIN) {
                    x = MARGIN;
                    baseline += FONT * 1.5;
                }
                Element swatch = child(legend, "rect");
                swatch.setAttribute("class", "key");
                swatch.setAttribute("x", num(x));
                swatch.setAttribute("y", num(baseline - FONT * 0.8));
                swatch.setAttribute("width", num(FONT * 0.9));
                swatch.setAttribute("height", num(FONT * 0.9));
                swatch.setAttribute("fill", entry[0]);
                text(legend, "key", x + FONT + 8, baseline, entry[1]);
                x += width + 2 * GAP;
            }
            return baseline + FONT * 0.35;
        }

        /** {@code text} as lines of its own below {@code y}, broken to the picture's width; returns the y below. */
        double lines(String cls, String text, double y, String colour) {
            for (String line : TextFit.wrap(text, FONT, WIDTH - 2 * MARGIN)) {
                y += FONT * 1.35;
                text(svg, cls, MARGIN, y, line).setAttribute("fill", colour);
            }
            return y + FONT * 0.35;
        }

        Element group(Element parent, String cls) {
            Element g = child(parent, "g");
            g.setAttribute("class", cls);
            return g;
        }

        Element text(Element parent, String cls, double x, double y, String content) {
            Element t = child(parent, "text");
            t.setAttribute("class", cls);
            t.setAttribute("x", num(x));
            t.setAttribute("y", num(y));
            t.setTextContent(content);
            return t;
        }

        private void line(Element parent, double x1, double y1, double x2, double y2, String colour) {
            Element l = child(parent, "line");
            l.setAttribute("x1", num(x1));
            l.setAttribute("y1", num(y1));
            l.setAttribute("x2", num(x2));
            l.setAttribute("y2", num(y2));
            l.setAttribute("stroke", colour);
        }
    }

    /**
     * The bar's label as wide as {@code room} allows: the whole call ("#3 slowDiff(5.1, 9, 2)"),
     * else its beginning and an ellipsis ("#3 slowDiff(5.1…"), else its task number alone, else nothing
     * (the tooltip still has it). A failed call keeps its cross, a running one its arrow, while they fit.
     */
    static String label(Timeline.Bar bar, double room) {
        List<String> labels = bar.labels();
        String whole = labels.get(0);
        String tag = labels.get(labels.size() - 1);
        String before = bar.failed() ? FAIL_MARK : "";
        String after = bar.open() ? OPEN_MARK : "";
        double marks = TextFit.width(before + after, FONT);
        String text = TextFit.shorten(whole, FONT, room - marks, tag.length(), true);
        if (text.isEmpty() && TextFit.fits(tag, FONT, room - marks)) {
            text = tag;
        }
        if (!text.isEmpty()) {
            return before + text + after;
        }
        return TextFit.fits(tag, FONT, room) ? tag : "";
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(SVG, name);
        parent.appendChild(e);
        return e;
    }

    private static String num(double v) {
        return Timeline.seconds(v); // two decimals at most, no exponent: fine for pixels too
    }
}
