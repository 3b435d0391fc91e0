package futures.workshop.terminal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Draws a {@link Timeline} as an SVG picture for a projector: a DOM tree written by the JDK's
 * XML transformer, so names and error messages are escaped properly. Every call is one
 * {@code <rect class="bar ...">} with a {@code <title>} tooltip and a clipped text label.
 */
final class TimelineSvg {
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final int PLOT_WIDTH = 800;
    private static final int LANE = 30;
    private static final int BAR = 22;
    private static final int TOP = 44;
    private static final String[] GREENS = {"#2e7d32", "#43a047"};
    private static final String RED = "#c62828";
    private static final String AMBER = "#f9a825";

    private TimelineSvg() {}

    static Path write(Timeline timeline, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            transform(document(timeline), out);
        }
        return file;
    }

    static String toText(Timeline timeline) {
        StringWriter out = new StringWriter();
        try {
            transform(document(timeline), out);
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

    private static Document document(Timeline timeline) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not configured", e);
        }
        int nameWidth = 90;
        int lanes = 0;
        for (Timeline.Row row : timeline.rows()) {
            nameWidth = Math.max(nameWidth, row.name().length() * 8 + 24);
            lanes += row.lanes();
        }
        int left = nameWidth;
        int axisY = TOP + Math.max(lanes, 1) * LANE + 6;
        int failures = (int) timeline.calls().stream()
                .filter(c -> c.outcome() == futures.workshop.runtime.Call.Outcome.FAILED).count();
        int height = axisY + 86 + Math.min(failures, 5) * 18;
        int width = left + PLOT_WIDTH + 40;

        Element svg = doc.createElementNS(SVG, "svg");
        doc.appendChild(svg);
        svg.setAttribute("width", Integer.toString(width));
        svg.setAttribute("height", Integer.toString(height));
        svg.setAttribute("viewBox", "0 0 " + width + " " + height);
        svg.setAttribute("font-family", "sans-serif");
        svg.setAttribute("font-size", "13");
        child(svg, "title").setTextContent(timeline.title());
        Element background = child(svg, "rect");
        background.setAttribute("class", "background");
        background.setAttribute("width", "100%");
        background.setAttribute("height", "100%");
        background.setAttribute("fill", "white");
        text(svg, "heading", 12, 26, timeline.title()).setAttribute("font-size", "16");

        double end = timeline.axisEnd();
        double step = Timeline.tickStep(end, PLOT_WIDTH / 8);
        Element grid = group(svg, "grid");
        Element axis = group(svg, "axis");
        line(axis, left, axisY, left + PLOT_WIDTH, axisY, "#333");
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        for (int k = 0; k * step <= end * (1 + 1e-9); k++) {
            double x = left + k * step / end * PLOT_WIDTH;
            line(grid, x, TOP - 4, x, axisY, "#e0e0e0");
            line(axis, x, axisY, x, axisY + 6, "#333");
            text(axis, "tick", x, axisY + 20, String.format(Locale.ROOT, "%." + decimals + "f", k * step))
                    .setAttribute("text-anchor", "middle");
        }
        text(axis, "unit", left + PLOT_WIDTH + 8, axisY + 20, "s");

        Element defs = child(svg, "defs");
        Element calls = group(svg, "calls");
        int lane0 = 0;
        for (Timeline.Row row : timeline.rows()) {
            double rowY = TOP + lane0 * LANE;
            text(svg, "worker", left - 10, rowY + 19, row.name()).setAttribute("text-anchor", "end");
            int shade = 0;
            for (Timeline.Bar bar : row.bars()) {
                double x = left + bar.from() / end * PLOT_WIDTH;
                double w = Math.max(2, (bar.open() ? end : bar.to()) / end * PLOT_WIDTH + left - x);
                double y = rowY + (bar.lane()) * LANE + (LANE - BAR) / 2.0;
                String kind = bar.failed() ? "failed" : bar.open() ? "running" : "returned";
                String fill = bar.failed() ? RED : bar.open() ? AMBER : GREENS[shade++ % 2];

                Element g = group(calls, "call " + kind);
                g.setAttribute("data-call", Integer.toString(bar.call().id()));
                child(g, "title").setTextContent(bar.describe(row.name()));
                Element rect = child(g, "rect");
                rect.setAttribute("class", "bar " + kind);
                rect.setAttribute("x", num(x));
                rect.setAttribute("y", num(y));
                rect.setAttribute("width", num(w));
                rect.setAttribute("height", Integer.toString(BAR));
                rect.setAttribute("rx", "3");
                rect.setAttribute("fill", fill);

                String clipId = "clip-" + bar.call().id();
                Element clip = child(defs, "clipPath");
                clip.setAttribute("id", clipId);
                Element area = child(clip, "rect");
                area.setAttribute("x", num(x));
                area.setAttribute("y", num(y));
                area.setAttribute("width", num(w));
                area.setAttribute("height", Integer.toString(BAR));
                String label = (bar.failed() ? "\u2717 " : "") + bar.labels().get(0) + (bar.open() ? " \u25b6" : "");
                Element t = text(g, "label", x + 5, y + 15.5, label);
                t.setAttribute("clip-path", "url(#" + clipId + ")");
                t.setAttribute("fill", bar.open() ? "black" : "white");
            }
            lane0 += row.lanes();
        }

        double legendY = axisY + 46;
        Element legend = group(svg, "legend");
        double x = left;
        x = key(legend, x, legendY, GREENS[0], "returned");
        x = key(legend, x, legendY, RED, "\u2717 failed");
        key(legend, x, legendY, AMBER, "\u25b6 still running");
        text(svg, "summary", 12, legendY + 24, timeline.summary());
        int shown = 0;
        for (Timeline.Row row : timeline.rows()) {
            for (Timeline.Bar bar : row.bars()) {
                if (bar.failed() && shown < 5) {
                    text(svg, "failure", 12, legendY + 42 + 18 * shown++, "\u2717 " + bar.describe(row.name()))
                            .setAttribute("fill", RED);
                }
            }
        }
        return doc;
    }

    private static double key(Element legend, double x, double y, String colour, String what) {
        Element swatch = child(legend, "rect");
        swatch.setAttribute("class", "key");
        swatch.setAttribute("x", num(x));
        swatch.setAttribute("y", num(y - 11));
        swatch.setAttribute("width", "14");
        swatch.setAttribute("height", "14");
        swatch.setAttribute("fill", colour);
        text(legend, "key", x + 20, y, what);
        return x + 40 + what.length() * 8;
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(SVG, name);
        parent.appendChild(e);
        return e;
    }

    private static Element group(Element parent, String cls) {
        Element g = child(parent, "g");
        g.setAttribute("class", cls);
        return g;
    }

    private static Element text(Element parent, String cls, double x, double y, String content) {
        Element t = child(parent, "text");
        t.setAttribute("class", cls);
        t.setAttribute("x", num(x));
        t.setAttribute("y", num(y));
        t.setTextContent(content);
        return t;
    }

    private static void line(Element parent, double x1, double y1, double x2, double y2, String colour) {
        Element l = child(parent, "line");
        l.setAttribute("x1", num(x1));
        l.setAttribute("y1", num(y1));
        l.setAttribute("x2", num(x2));
        l.setAttribute("y2", num(y2));
        l.setAttribute("stroke", colour);
    }

    private static String num(double v) {
        return Timeline.seconds(v); // two decimals at most, no exponent: fine for pixels too
    }
}
