package futures.workshop.browser;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import futures.workshop.NeededTool;

/**
 * Finding and driving headless Chromium for the browser tests.
 */
public final class Chromium {
    private static final long BROWSER_LIMIT_SECONDS = 120; // a hang guard, not a speed check

    private Chromium() {}

    /**
     * The browser; where there is none, the browser tests are skipped, or fail under CI
     * (see {@link NeededTool}).
     */
    public static Path find() {
        return NeededTool.find("chromium", "the browser tests");
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
                "--allow-file-access-from-files", // a page's script may then read the pictures it shows in frames
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
