package futures.workshop.terminal;

import static futures.workshop.terminal.Fixtures.returned;
import static futures.workshop.terminal.TimelineTest.byClass;
import static futures.workshop.terminal.TimelineTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import futures.workshop.runtime.TimeScale;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("Runs compared on one time axis")
@ExtendWith(TimeScaleOne.class)
class ComparisonTest {

    @Test
    @DisplayName("stack the runs as text: a heading with the whole run per run, its workers' rows, one axis")
    void text() throws Exception {
        assertThat(Fixtures.futurePy().plain(100)).isEqualTo("""
                future.py with 1, 2 and 5 workers
                1 worker: whole run 16.0 s
                worker-1 |[#0 slowAdd=====][#1========][#2==][#3 slowDiff(5.1, 9, 2)=====][x #4 brokenFunction==]
                2 workers: whole run 9.0 s
                worker-1 |[#0 slowAdd=====][#3 slowDiff(5.1, 9, 2)=====]
                worker-2 |[#1========][#2==][x #4 brokenFunction==]
                5 workers: whole run 6.0 s
                worker-1 |[#0 slowAdd=====]
                worker-2 |[#1========]
                worker-3 |[#2==]
                worker-4 |[#3 slowDiff(5.1, 9, 2)=====]
                worker-5 |[x #4 brokenFunction==]
                         ++----------+-----------+----------+----------+----------+-----------+----------+---------+
                seconds   0          2           4          6          8          10          12         14       16
                key: [#n call] returned  [x #n] failed  [#n ...> still running
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Fixtures.futurePy().print(new DumbTerminal(InputStream.nullInputStream(), bytes));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(Fixtures.futurePy().plain(80));
    }

    @Test
    @DisplayName("time a run from its start, waiting included, in lesson seconds whatever the time scale")
    void wholeRun() {
        System.setProperty(TimeScale.PROPERTY, "0.01"); // recorded 100 times faster than the lesson's seconds
        Timeline run = Timeline.between(List.of(returned(0, "slowAdd(3.1, 6, 7)", "worker-1", 0.005, 0.036)),
                0, Fixtures.nanos(0.04));
        assertThat(run.wallTime()).isCloseTo(4.0, within(1e-9));
        assertThat(run.rows().get(0).bars().get(0).from()).isCloseTo(0.5, within(1e-9));
        assertThat(new Comparison.Run("1 worker", run).heading()).isEqualTo("1 worker: whole run 4.0 s");
        assertThat(run.summary()).endsWith("wall time 4 s");
        assertThatThrownBy(() -> Timeline.between(List.of(returned(0, "slowAdd(1, 6, 7)", "worker-1", 0, 1)),
                Fixtures.nanos(0.5), Fixtures.nanos(2))).hasMessageContaining("started before the run");
    }

    @Test
    @DisplayName("draw the runs as panels on one x scale: the same second is the same column in every panel")
    void oneAxis(@TempDir Path dir) throws Exception {
        Document doc = parse(java.nio.file.Files.readAllBytes(Fixtures.futurePy().writeSvg(dir.resolve("compare.svg"))));
        List<Element> panels = byClass(doc, "g", "panel");
        assertThat(panels).extracting(p -> p.getAttribute("data-run")).containsExactly("1 worker", "2 workers", "5 workers");
        assertThat(byClass(doc, "text", "panel-heading")).extracting(Element::getTextContent)
                .containsExactly("1 worker: whole run 16.0 s", "2 workers: whole run 9.0 s", "5 workers: whole run 6.0 s");
        List<Integer> rows = new ArrayList<>();
        List<double[]> scales = new ArrayList<>(); // pixels per second, and where second 0 is
        for (Element panel : panels) {
            rows.add(descendants(panel, "text", "worker").size());
            for (Element bar : descendants(panel, "rect", "bar")) {
                double from = number(bar, "data-from");
                double perSecond = number(bar, "width") / (number(bar, "data-to") - from);
                scales.add(new double[] {perSecond, number(bar, "x") - from * perSecond});
            }
            Element run = descendants(panel, "rect", "run").get(0);
            scales.add(new double[] {number(run, "width") / number(run, "data-seconds"), number(run, "x")});
        }
        assertThat(rows).containsExactly(1, 2, 5);
        assertThat(scales).hasSize(3 * 5 + 3);
        for (double[] scale : scales) {
            assertThat(scale[0]).as("pixels per second").isCloseTo(scales.get(0)[0], within(scales.get(0)[0] * 0.002));
            assertThat(scale[1]).as("x of second 0").isCloseTo(scales.get(0)[1], within(0.5));
        }
        List<String> ticks = byClass(doc, "text", "tick").stream().map(Element::getTextContent).toList();
        assertThat(ticks).as("one axis, under the last panel").containsExactly("0", "2", "4", "6", "8", "10", "12", "14", "16");
    }

    @Test
    @DisplayName("scale to the window with text of 20 px at 1280 px wide, every text inside its bar, panel and picture")
    void fitsTheWindow(@TempDir Path dir) throws Exception {
        for (Path file : List.of(Fixtures.futurePy().writeSvg(dir.resolve("compare.svg")),
                Timeline.of(Fixtures.lesson()).writeSvg(dir.resolve("timeline.svg")))) {
            Document doc = parse(java.nio.file.Files.readAllBytes(file));
            Element svg = doc.getDocumentElement();
            assertThat(svg.getAttribute("width")).isEqualTo("100%");
            assertThat(svg.hasAttribute("height")).as("a fixed height would stop it from scaling").isFalse();
            assertThat(svg.getAttribute("viewBox")).startsWith("0 0 1280 ");
            assertThat(svg.getAttribute("preserveAspectRatio")).endsWith("meet");
            double height = Double.parseDouble(svg.getAttribute("viewBox").split(" ")[3]);
            assertThat(height).as("fits a 1280 x 800 window without shrinking").isLessThanOrEqualTo(800);
            NodeList texts = doc.getElementsByTagNameNS("*", "text");
            assertThat(texts.getLength()).isGreaterThan(10);
            for (int i = 0; i < texts.getLength(); i++) {
                Element t = (Element) texts.item(i);
                double size = t.hasAttribute("font-size") ? number(t, "font-size") : number(svg, "font-size");
                assertThat(size).as("font size of %s", t.getTextContent()).isGreaterThanOrEqualTo(18);
                double[] span = span(t, size);
                assertThat(span[0]).as("left of %s", t.getTextContent()).isGreaterThanOrEqualTo(0);
                assertThat(span[1]).as("right of %s", t.getTextContent()).isLessThanOrEqualTo(1280);
                Element panel = ancestor(t, "panel");
                if (panel != null) {
                    Element box = descendants(panel, "rect", "panel-box").get(0);
                    assertThat(span[0]).isGreaterThanOrEqualTo(number(box, "x"));
                    assertThat(span[1]).isLessThanOrEqualTo(number(box, "x") + number(box, "width"));
                }
                if (t.getAttribute("class").equals("label")) {
                    Element bar = descendants((Element) t.getParentNode(), "rect", "bar").get(0);
                    assertThat(span[0]).isGreaterThanOrEqualTo(number(bar, "x"));
                    assertThat(span[1]).as("right of %s", t.getTextContent())
                            .isLessThanOrEqualTo(number(bar, "x") + number(bar, "width"));
                }
            }
        }
    }

    /** Left and right of a text as estimated for the widest fonts, by its anchor. */
    private static double[] span(Element t, double size) {
        double width = TextFit.width(t.getTextContent(), "bold".equals(t.getAttribute("font-weight")) ? size * TextFit.BOLD : size);
        double x = number(t, "x");
        return switch (t.getAttribute("text-anchor")) {
            case "end" -> new double[] {x - width, x};
            case "middle" -> new double[] {x - width / 2, x + width / 2};
            default -> new double[] {x, x + width};
        };
    }

    private static Element ancestor(Element e, String cls) {
        for (org.w3c.dom.Node n = e.getParentNode(); n instanceof Element a; n = a.getParentNode()) {
            if (List.of(a.getAttribute("class").split(" ")).contains(cls)) {
                return a;
            }
        }
        return null;
    }

    private static List<Element> descendants(Element root, String tag, String cls) {
        List<Element> found = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                found.add(e);
            }
        }
        return found;
    }

    private static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }
}
