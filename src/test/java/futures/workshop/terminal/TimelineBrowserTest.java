package futures.workshop.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the timeline's SVG in headless Chromium (Debian's {@code chromium} package) and measures
 * the bars the browser actually laid out. The same page carries a copy whose bars have no width,
 * which must be reported as not drawn: proof that the measurement can fail.
 */
@DisplayName("The worker timeline's SVG in a real browser")
@ExtendWith(TimeScaleOne.class)
public class TimelineBrowserTest {
    private static final long BROWSER_LIMIT_SECONDS = 120; // a hang guard, not a speed check

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

    /** Finding and driving Debian's headless Chromium. */
    public static final class Chromium { // also used by the class grade sheet's test
        private Chromium() {}

        /** The browser, or a failure that says how to install it: this test never skips. */
        public static Path find() {
            List<Path> candidates = new ArrayList<>();
            String configured = System.getenv("CHROMIUM");
            if (configured != null && !configured.isBlank()) {
                candidates.add(Path.of(configured));
            }
            candidates.add(Path.of("/usr/bin/chromium"));
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "chromium"));
                    candidates.add(Path.of(dir, "chromium-browser"));
                }
            }
            for (Path candidate : candidates) {
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            return fail("this test opens the timeline's SVG in headless Chromium, which is not installed. "
                    + "On Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y chromium "
                    + "(CI's .ci/run installs it), or set CHROMIUM=/path/to/chromium");
        }

        /** Loads the page, lets its script run, and returns the JSON it left in {@code <pre id="result">}. */
        public static JsonNode measure(Path chromium, Path page, Path dir) throws IOException, InterruptedException {
            Path profile = Files.createDirectories(dir.resolve("profile"));
            Path dom = dir.resolve("dom.html");
            Path log = dir.resolve("chromium.log");
            Process browser = new ProcessBuilder(chromium.toString(),
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1200,1200",
                    "--dump-dom", page.toUri().toString())
                    .redirectOutput(dom.toFile())
                    .redirectError(log.toFile())
                    .start();
            if (!browser.waitFor(BROWSER_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                browser.descendants().forEach(ProcessHandle::destroyForcibly);
                browser.destroyForcibly();
                fail("Chromium did not finish within " + BROWSER_LIMIT_SECONDS + " s; its log:\n" + tail(log));
            }
            String html = Files.readString(dom, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL).matcher(html);
            if (!m.find() || m.group(1).isBlank()) {
                fail("Chromium (exit " + browser.exitValue() + ") did not run the measuring script; its log:\n"
                        + tail(log) + "\nthe page it returned:\n" + html);
            }
            String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            return new ObjectMapper().readTree(json);
        }

        private static String tail(Path log) throws IOException {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
    }
}
