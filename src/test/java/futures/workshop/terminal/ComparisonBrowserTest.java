package futures.workshop.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import futures.workshop.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows the pictures in headless Chromium as a 1280 x 800 projector would (each SVG alone in a
 * frame of that size, as when the file is opened) and measures what the browser laid out: text
 * size on screen, every text inside its bar, panel and the window, and one time axis for all the
 * panels. Copies of the comparison made wrong on purpose (small text, labels too long, one panel
 * stretched) are measured on the same page and must be caught: proof that each measure can fail.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waits for Chromium: runs beside the rest
@DisplayName("The pictures on a 1280 x 800 projector, in a real browser")
@ExtendWith(TimeScaleOne.class)
class ComparisonBrowserTest {
    private static final double SMALLEST = 18; // CSS pixels: readable from the back of a room
    private static final String MEASURE = """
            function inside(b, box) {
              return b.left >= box.left - 0.5 && b.right <= box.right + 0.5 && b.top >= box.top - 0.5
                  && b.bottom <= box.bottom + 0.5;
            }
            function measure(frame) {
              var doc = frame.contentDocument, svg = doc.documentElement, picture = svg.getBoundingClientRect();
              var view = {left: 0, top: 0, right: frame.clientWidth, bottom: frame.clientHeight};
              var texts = doc.querySelectorAll('text'), smallest = 1e9, notes = [];
              for (var i = 0; i < texts.length; i++) {
                var t = texts[i], b = t.getBoundingClientRect(), what = '"' + t.textContent + '"';
                var size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
                smallest = Math.min(smallest, size);
                if (!inside(b, picture) || !inside(b, view)) { notes.push(what + ' leaves the picture'); }
                var panel = t.closest('g.panel');
                if (panel && !inside(b, panel.querySelector('rect.panel-box').getBoundingClientRect())) {
                  notes.push(what + ' leaves its panel');
                }
                if (t.classList.contains('label')
                    && !inside(b, t.parentNode.querySelector('rect.bar').getBoundingClientRect())) {
                  notes.push(what + ' leaves its bar');
                }
              }
              var axes = [];
              var panels = doc.querySelectorAll('g.panel');
              for (var p = 0; p < panels.length; p++) {
                var perSecond = [], zero = [];
                var bars = panels[p].querySelectorAll('rect.bar');
                for (var k = 0; k < bars.length; k++) {
                  var r = bars[k].getBoundingClientRect(), from = parseFloat(bars[k].getAttribute('data-from'));
                  var s = r.width / (parseFloat(bars[k].getAttribute('data-to')) - from);
                  perSecond.push(s);
                  zero.push(r.left - from * s);
                }
                axes.push({run: panels[p].getAttribute('data-run'), perSecond: perSecond, zero: zero});
              }
              return {window: [frame.clientWidth, frame.clientHeight], picture: [picture.width, picture.height],
                  texts: texts.length, smallest: smallest, notes: notes, axes: axes};
            }
            window.addEventListener('load', function () { // once every frame has loaded its picture
              var result = {};
              var frames = document.querySelectorAll('iframe');
              for (var f = 0; f < frames.length; f++) { result[frames[f].id] = measure(frames[f]); }
              document.getElementById('result').textContent = JSON.stringify(result);
            });
            """;

    @Test
    @DisplayName("text of 18 px or more, nothing cut or outside, and the same seconds at the same x in every panel")
    void onTheProjector(@TempDir Path dir) throws Exception {
        Path chromium = Chromium.find();
        String compare = Fixtures.futurePy().svg();
        Map<String, String> pictures = new LinkedHashMap<>();
        pictures.put("compare", compare);
        pictures.put("timeline", Timeline.of(Fixtures.lesson()).svg());
        // The widest common sans-serif face, where the fonts of this machine are narrower.
        pictures.put("wide", compare.replace("font-family=\"sans-serif\"", "font-family=\"DejaVu Sans, Verdana, sans-serif\""));
        pictures.put("small", compare.replaceAll("font-size=\"\\d+\"", "font-size=\"12\""));
        pictures.put("long", compare.replaceAll("(<text class=\"label\"[^>]*>)([^<]*)", "$1$2 and then some"));
        pictures.put("stretched", stretchBars(compare, "2 workers", 1.5));
        pictures.forEach((name, svg) -> assertThat(name.equals("compare") || !svg.equals(compare))
                .as("the copy '%s' differs from the picture", name).isTrue());
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
                + "body{margin:0} iframe{display:block;border:0;width:1280px;height:800px}</style></head><body>");
        for (Map.Entry<String, String> picture : pictures.entrySet()) {
            Files.writeString(dir.resolve(picture.getKey() + ".svg"), picture.getValue());
            page.append("<iframe id=\"").append(picture.getKey()).append("\" src=\"").append(picture.getKey())
                    .append(".svg\"></iframe>");
        }
        page.append("<pre id=\"result\"></pre><script>").append(MEASURE).append("</script></body></html>");
        Files.writeString(dir.resolve("page.html"), page);

        JsonNode result = Chromium.measure(chromium, dir.resolve("page.html"), dir);

        for (String name : pictures.keySet()) {
            assertThat(result.at("/" + name + "/texts").asInt()).as("texts laid out in %s", name).isGreaterThan(10);
        }
        for (String name : new String[] {"compare", "timeline", "wide"}) {
            JsonNode shown = result.get(name);
            assertThat(shown.at("/window/0").asInt()).isEqualTo(1280);
            assertThat(shown.at("/window/1").asInt()).isEqualTo(800);
            assertThat(shown.at("/picture/0").asDouble()).as("%s fills the window's width", name).isCloseTo(1280, within(1.0));
            assertThat(shown.get("smallest").asDouble()).as("smallest text of %s, in CSS px", name)
                    .isGreaterThanOrEqualTo(SMALLEST);
            assertThat(shown.get("notes")).as("texts of %s that do not fit", name).isEmpty();
        }
        assertOneAxis(result.get("compare"));
        assertThat(result.at("/compare/axes")).hasSize(3);

        assertThat(result.at("/small/smallest").asDouble()).as("text made small is caught").isLessThan(SMALLEST);
        assertThat(result.at("/long/notes").toString()).as("labels made too long are caught").contains("leaves its bar");
        assertThat(result.at("/stretched/axes/1/perSecond/0").asDouble())
                .as("a stretched panel is caught").isNotCloseTo(result.at("/compare/axes/1/perSecond/0").asDouble(), within(1.0));
    }

    /** Every bar of every panel: the same pixels per second, and second 0 at the same x. */
    private static void assertOneAxis(JsonNode shown) {
        double perSecond = shown.at("/axes/0/perSecond/0").asDouble();
        double zero = shown.at("/axes/0/zero/0").asDouble();
        for (JsonNode panel : shown.get("axes")) {
            assertThat(panel.get("perSecond")).hasSize(5);
            for (int i = 0; i < panel.get("perSecond").size(); i++) {
                assertThat(panel.at("/perSecond/" + i).asDouble()).as("pixels per second, %s", panel.get("run"))
                        .isCloseTo(perSecond, within(perSecond * 0.005));
                assertThat(panel.at("/zero/" + i).asDouble()).as("x of second 0, %s", panel.get("run"))
                        .isCloseTo(zero, within(1.0));
            }
        }
    }

    /** The picture with the bars of one panel made {@code factor} times as wide: a panel on an axis of its own. */
    private static String stretchBars(String svg, String run, double factor) {
        int from = svg.indexOf("data-run=\"" + run + "\"");
        int to = svg.indexOf("class=\"panel\"", from);
        Matcher m = Pattern.compile("(<rect class=\"bar[^>]*? width=\")([0-9.]+)\"").matcher(svg.substring(from, to));
        StringBuilder panel = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(panel, m.group(1) + Double.parseDouble(m.group(2)) * factor + "\"");
        }
        m.appendTail(panel);
        return svg.substring(0, from) + panel + svg.substring(to);
    }
}
