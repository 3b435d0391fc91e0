package futures.workshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tools/kit, the launcher every make target goes through, with its speed machinery switched off. */
@DisplayName("tools/kit with WORKSHOP_FAST=0")
class ToolsKitTest {
    private static KitTest.Ran kit(List<String> args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("tools/kit");
        builder.command().addAll(args);
        builder.environment().put("WORKSHOP_FAST", "0");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = builder.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new KitTest.Ran(p.exitValue(), out);
    }

    @Test
    @DisplayName("grades the solutions without making a class archive, and answers a bad argument the same way")
    void withoutSpeedMachinery(@TempDir Path grades) throws Exception {
        KitTest.Ran check = kit(List.of("check", "EX=2", "--dir", "solutions", "--grades", grades.toString()));
        assertThat(check.status()).as(check.out()).isZero();
        assertThat(check.out()).contains("2 arguments", "10/10").doesNotContain("Preparing");
        assertThat(grades.resolve("autograding.json")).exists();
        KitTest.Ran bad = kit(List.of("reset"));
        assertThat(bad.status()).isEqualTo(Kit.USAGE);
        assertThat(bad.out()).startsWith("make reset needs EX=<exercise>");
        assertThat(Files.exists(Path.of("exercises/info.toml"))).isTrue();
    }
}
