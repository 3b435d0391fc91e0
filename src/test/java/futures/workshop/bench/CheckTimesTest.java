package futures.workshop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** P2's baseline is a Maven project that calls the kit: it must keep compiling as the kit changes. */
@DisplayName("make bench P2's Maven baseline")
class CheckTimesTest {
    @Test
    @DisplayName("writes a test that compiles against the kit as it is now")
    void baselineCompiles(@TempDir Path dir) throws Exception {
        Path project = CheckTimes.mavenProject(Path.of("").toAbsolutePath(), dir);
        Path test = project.resolve("src/test/java/bench/SameChecksTest.java");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-proc:none", "-d",
                dir.resolve("classes").toString(), "-cp", System.getProperty("java.class.path"), test.toString());
        assertThat(status).as("javac on %s:%n%s", test, errors).isZero();
    }
}
