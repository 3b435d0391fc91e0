package futures.workshop.instructor;

import futures.workshop.sandbox.Confinement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox a class is graded in: bubblewrap on Linux, got with {@code tools/need bwrap} (which
 * installs Debian's package when it may), hiding the class folder and the grade sheet from
 * learner code; elsewhere, or when that fails, a partial one that says why.
 */
final class ClassSandbox {
    private ClassSandbox() {}

    static Confinement forClass(Path kit, List<Path> hidden, boolean wanted) {
        if (!wanted) {
            return Confinement.partial("the sandbox was turned off (--no-sandbox)");
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Confinement.partial("bubblewrap, the sandbox the kit uses, is for Linux only");
        }
        try {
            Process need = new ProcessBuilder(kit.resolve("tools/need").toString(), "bwrap")
                    .redirectError(ProcessBuilder.Redirect.INHERIT) // "Installing bubblewrap..." reaches the instructor
                    .start();
            String said = new String(need.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (need.waitFor() != 0) {
                return Confinement.partial(said);
            }
            Confinement confinement = Confinement.bubblewrap(Path.of(said));
            for (Path h : hidden) {
                confinement = confinement.hiding(h); // created if missing: bubblewrap hides what exists
            }
            return confinement;
        } catch (IOException e) {
            return Confinement.partial("tools/need could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Confinement.partial("interrupted");
        }
    }
}
