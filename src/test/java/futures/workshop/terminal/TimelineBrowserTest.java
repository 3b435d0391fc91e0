package futures.workshop.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import futures.workshop.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the timeline's SVG in headless Chromium and measures
 * the bars the browser actually laid out. The same page carries a copy whose bars have no width,
 * which must be reported as not drawn: proof that the measurement can fail.
 */
@Execution(ExecutionMode.CONCURRENT) // mostly waits for Chromium: runs beside the rest
@DisplayName("The worker timeline's SVG in a real browser")
@ExtendWith(TimeScaleOne.class)
public class TimelineBrowserTest {
    private static final String MEASURE = """
            function measure(id) {
              var bars = document.getElementById(id).querySelectorAll('rect.bar');
              var drawn = 0, notes = [];
              for (var i = 0; i < bars.length; i++) {
                var r = bars[i], b = r.getBBox(), box = r.getBoundingClientRect(), st = getComputedStyle(r);
                var hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                var ok = b.width > 0 && b.height > 0 && box.width > 0 && st.fill !== 'none'
                    && st.visibility !== 'hidden' && st.display !== 'none' && parseFloat(st.opacity) > 0
                    && hit !== null && r.parentNode.contains(hit);
                if (ok) { drawn++; } else {
                  notes.push('call ' + r.parentNode.getAttribute('data-call') + ': ' + b.width + 'x' + b.height
                      + ', fill ' + st.fill + ', under the centre ' + (hit && hit.tagName));
                }
              }
              return {bars: bars.length, drawn: drawn, notes: notes};
            }
            document.getElementById('result').textContent =
                JSON.stringify({good: measure('good'), broken: measure('broken')});
            """;

    @Test
    @DisplayName("draws a visible bar for every call, and calls a picture whose bars have no width broken")
    void barsAreDrawn(@TempDir Path dir) throws Exception {
        Path chromium = Chromium.find();
        Path svg = Timeline.of(Fixtures.lesson()).writeSvg(dir.resolve("timeline.svg"));
        String good = Files.readString(svg).replaceFirst("^<\\?xml[^>]*\\?>", "");
        String broken = good.replaceAll("(<rect class=\"bar[^\"]*\"[^>]*?) width=\"[^\"]*\"", "$1 width=\"0\"");
        assertThat(broken).as("the broken copy differs from the picture").isNotEqualTo(good);
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                + "<div id=\"good\">" + good + "</div><div id=\"broken\">" + broken + "</div>"
                + "<pre id=\"result\"></pre><script>" + MEASURE + "</script></body></html>");

        JsonNode result = Chromium.measure(chromium, page, dir);

        int calls = Fixtures.lesson().size();
        assertThat(result.at("/good/bars").asInt()).as("bars in the picture").isEqualTo(calls);
        assertThat(result.at("/good/drawn").asInt())
                .as("bars the browser drew; problems: %s", result.at("/good/notes")).isEqualTo(calls);
        assertThat(result.at("/broken/bars").asInt()).isEqualTo(calls);
        assertThat(result.at("/broken/drawn").asInt()).as("bars of zero width count as drawn").isZero();
    }
}
