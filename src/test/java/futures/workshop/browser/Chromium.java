package futures.workshop.browser;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Finding and driving headless Chromium for the browser tests. {@code make test} finds the browser
 * (installing Debian's package when it can) through {@code tools/need chromium} and passes it in
 * {@code CHROMIUM}; run from Maven alone, the same script is asked without installing.
 */
public final class Chromium {
    private static final long BROWSER_LIMIT_SECONDS = 120; // a hang guard, not a speed check

    private Chromium() {}

    /**
     * The browser. Where there is none, the test is skipped with the line {@code tools/need} wrote,
     * which says what to install; under CI ({@code CI=true}) it fails instead: CI must run it.
     * {@code make test} passes the browser in {@code CHROMIUM}, or why there is none in
     * {@code CHROMIUM_MISSING}.
     */
    public static Path find() {
        return find(System.getenv());
    }

    /** {@link #find()} as if the environment were {@code env} (for the kit's own tests). */
    static Path find(Map<String, String> env) {
        String given = env.get("CHROMIUM");
        if (given != null && !given.isBlank() && Files.isExecutable(Path.of(given))) {
            return Path.of(given);
        }
        String why = env.get("CHROMIUM_MISSING"); // make test asked already, and says why not
        if (why == null || why.isBlank()) {
            try {
                ProcessBuilder builder = new ProcessBuilder("tools/need", "chromium", "--no-install")
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.environment().clear();
                builder.environment().putAll(env);
                Process need = builder.start();
                String out = new String(need.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (need.waitFor() == 0) {
                    return Path.of(out);
                }
                why = out;
            } catch (IOException e) {
                why = "tools/need could not run (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                why = "interrupted while looking for Chromium";
            }
        }
        if ("true".equals(env.get("CI"))) {
            return fail("CI must run the browser tests, but: " + why);
        }
        return Assumptions.abort(why);
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
