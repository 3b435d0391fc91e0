package futures.workshop;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A program some tests need and the kit does not ship (Chromium, ChromeDriver, bubblewrap), found
 * the way {@code make test} finds it: {@code tools/need} looks for it, and installs it where it may,
 * before Maven starts, and passes it on as {@code TOOL} (say {@code CHROMIUM}), or why there is none
 * as {@code TOOL_MISSING}. Run from Maven alone, the same script is asked without installing. With
 * none, the tests that need it are skipped with the line that says what to install; under CI
 * ({@code CI=true}) they fail instead: CI must run them.
 */
public final class NeededTool {
    private NeededTool() {}

    /** {@code tool} as tools/need names it: chromium, chromedriver, bwrap. */
    public static Path find(String tool, String whatNeedsIt) {
        return find(tool, whatNeedsIt, System.getenv());
    }

    /** {@link #find(String, String)} as if the environment were {@code env} (for the kit's own tests). */
    public static Path find(String tool, String whatNeedsIt, Map<String, String> env) {
        String variable = tool.toUpperCase(Locale.ROOT);
        String given = env.get(variable);
        if (given != null && !given.isBlank() && Files.isExecutable(Path.of(given))) {
            return Path.of(given);
        }
        String why = env.get(variable + "_MISSING"); // make test asked already, and says why not
        if (why == null || why.isBlank()) {
            try {
                ProcessBuilder builder = new ProcessBuilder("tools/need", tool, "--no-install")
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
                why = "interrupted while looking for " + tool;
            }
        }
        if ("true".equals(env.get("CI"))) {
            return fail("CI must run " + whatNeedsIt + ", but: " + why);
        }
        return Assumptions.abort(why + " (" + whatNeedsIt + " are skipped)");
    }
}
