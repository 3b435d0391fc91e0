package futures.workshop.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import futures.workshop.NeededTool;
import org.opentest4j.TestAbortedException;

/**
 * {@code tools/need}, which finds (or installs) the programs the browser and sandbox tests need,
 * run with a PATH of stand-ins: a fake browser and driver, a fake {@code apt-get} that records its
 * calls, a fake {@code id} and {@code sudo}. Nothing here installs anything for real.
 */
@DisplayName("Finding or installing Chromium and ChromeDriver for the browser tests (tools/need)")
class NeedTest {
    /** The few real programs the script calls. */
    private static final List<String> UTILITIES = List.of("id", "mktemp", "tail", "rm", "grep", "env", "true", "chmod");

    @TempDir
    Path dir;

    private Path fakes;
    private Path apt;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void pathOfStandIns() throws IOException {
        fakes = Files.createDirectories(dir.resolve("fakes"));
        Path utilities = Files.createDirectories(dir.resolve("utilities"));
        for (String name : UTILITIES) {
            for (String bin : List.of("/usr/bin/", "/bin/")) {
                if (Files.isExecutable(Path.of(bin + name))) {
                    Files.createSymbolicLink(utilities.resolve(name), Path.of(bin + name));
                    break;
                }
            }
        }
        apt = dir.resolve("apt-calls");
        env.put("PATH", fakes + ":" + utilities);
        env.put("HOME", dir.toString());
        env.put("WORKSHOP_NEED_PLACES", ""); // hide what this machine has off PATH
    }

    @Test
    @DisplayName("takes a browser on PATH, under any of its usual names")
    void onPath() throws Exception {
        Path browser = program("chromium-browser", "echo Chromium 1.0");
        assertThat(need("--no-install")).isEqualTo(new Result(0, browser.toString(), ""));
    }

    @Test
    @DisplayName("takes CHROMIUM from the environment, and refuses one that does not run")
    void fromTheEnvironment() throws Exception {
        program("chromium", "echo Chromium 1.0");
        Path mine = program("my-chrome", "echo Chrome 2.0");
        env.put("CHROMIUM", mine.toString());
        assertThat(need("--no-install").out()).isEqualTo(mine.toString());

        env.put("CHROMIUM", dir.resolve("nowhere").toString());
        Result r = need("--no-install");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("nowhere (from the environment) does not run");
    }

    @Test
    @DisplayName("passes over a stub that does not run, and says in one line what to install")
    void stubIsNotABrowser() throws Exception {
        program("chromium-browser", "echo 'requires the chromium snap' >&2; exit 1");
        Result r = need("--no-install");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).hasSize(1);
        assertThat(r.out()).contains("is not installed", "apt-get install chromium", "CHROMIUM=");
    }

    @Test
    @DisplayName("installs Debian's package as root, then finds the browser where the package put it")
    void installsAsRoot() throws Exception {
        program("id", "echo 0");
        Path installed = fakes.resolve("chromium");
        program("apt-get", "echo \"$@\" >> " + apt + "\n"
                + "case \"$*\" in *install*) printf '#!/bin/sh\\necho Chromium 9\\n' > " + installed
                + "; chmod +x " + installed + ";; esac");
        Result r = need();
        assertThat(r.status()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(installed.toString());
        assertThat(r.err()).contains("Installing Chromium or Google Chrome with apt-get");
        assertThat(Files.readString(apt)).contains("update", "install -y -qq chromium");
    }

    @Test
    @DisplayName("does not install without root when sudo asks for a password: it says so, and apt-get is not run")
    void noRights() throws Exception {
        program("id", "echo 1000");
        program("sudo", "exit 1");
        program("apt-get", "echo \"$@\" >> " + apt);
        Result r = need();
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("needs root", "sudo apt-get install chromium");
        assertThat(apt).doesNotExist();
    }

    @Test
    @DisplayName("uses sudo when it needs no password")
    void sudoWithoutPassword() throws Exception {
        program("id", "echo 1000");
        program("sudo", "[ \"$1\" = -n ] && shift; echo sudo >> " + apt + "; exec \"$@\"");
        program("apt-get", "echo \"$@\" >> " + apt + "; exit 100");
        Result r = need();
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("apt-get could not install it");
        assertThat(Files.readString(apt)).startsWith("sudo\n").contains("install -y -qq chromium");
    }

    @Test
    @DisplayName("says where it can install only with apt-get")
    void noAptGet() throws Exception {
        program("id", "echo 0");
        Result r = need();
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("only where apt-get is", "brew install --cask chromium");
    }

    @Test
    @DisplayName("a browser test without a browser is skipped with that line, and fails under CI")
    void skippedOrFailed() {
        env.put("CHROMIUM", "");
        assertThatThrownBy(() -> NeededTool.find("chromium", "the browser tests", env)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install chromium").hasMessageEndingWith("(the browser tests are skipped)");
        env.put("CHROMIUM_MISSING", "Chromium is not installed, and make could not install it");
        assertThatThrownBy(() -> NeededTool.find("chromium", "the browser tests", env)).isInstanceOf(TestAbortedException.class)
                .hasMessage("Chromium is not installed, and make could not install it (the browser tests are skipped)");
        env.put("CI", "true");
        assertThatThrownBy(() -> NeededTool.find("chromium", "the browser tests", env)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI must run the browser tests");
    }

    @Test
    @DisplayName("takes chromedriver on PATH, or CHROMEDRIVER from the environment")
    void driverOnPathOrFromTheEnvironment() throws Exception {
        Path driver = program("chromedriver", "echo ChromeDriver 1.0");
        assertThat(needDriver("--no-install")).isEqualTo(new Result(0, driver.toString(), ""));

        Path mine = program("my-chromedriver", "echo ChromeDriver 2.0");
        env.put("CHROMEDRIVER", mine.toString());
        assertThat(needDriver("--no-install").out()).isEqualTo(mine.toString());

        env.put("CHROMEDRIVER", dir.resolve("nowhere").toString());
        Result r = needDriver("--no-install");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("nowhere (from the environment) does not run");
    }

    @Test
    @DisplayName("installs Debian's chromium-driver as root for chromedriver, and says what to install where it cannot")
    void installsTheDriverAsRoot() throws Exception {
        Result missing = needDriver("--no-install");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.out()).contains("ChromeDriver is not installed", "apt-get install chromium-driver", "CHROMEDRIVER=");

        program("id", "echo 0");
        Path installed = fakes.resolve("chromedriver");
        program("apt-get", "echo \"$@\" >> " + apt + "\n"
                + "case \"$*\" in *install*) printf '#!/bin/sh\\necho ChromeDriver 9\\n' > " + installed
                + "; chmod +x " + installed + ";; esac");
        Result r = needDriver();
        assertThat(r.status()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(installed.toString());
        assertThat(r.err()).contains("Installing ChromeDriver with apt-get");
        assertThat(Files.readString(apt)).contains("update", "install -y -qq chromium-driver");
    }

    @Test
    @DisplayName("a browser test gets chromedriver from CHROMEDRIVER, or is skipped with CHROMEDRIVER_MISSING's line")
    void driverForTheTests() throws Exception {
        Path driver = program("my-chromedriver", "echo ChromeDriver 1.0");
        env.put("CHROMEDRIVER", driver.toString());
        assertThat(NeededTool.find("chromedriver", "the browser tests", env)).isEqualTo(driver);

        env.put("CHROMEDRIVER", "");
        env.put("CHROMEDRIVER_MISSING", "ChromeDriver is not installed, and make could not install it");
        assertThatThrownBy(() -> NeededTool.find("chromedriver", "the browser tests", env)).isInstanceOf(TestAbortedException.class)
                .hasMessage("ChromeDriver is not installed, and make could not install it (the browser tests are skipped)");
    }

    record Result(int status, String out, String err) {}

    private Result need(String... options) throws IOException, InterruptedException {
        return run("chromium", options);
    }

    private Result needDriver(String... options) throws IOException, InterruptedException {
        return run("chromedriver", options);
    }

    private Result run(String tool, String... options) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("tools/need");
        builder.command().add(tool);
        builder.command().addAll(List.of(options));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(p.waitFor(), out, err);
    }

    private Path program(String name, String body) throws IOException {
        Path file = fakes.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
