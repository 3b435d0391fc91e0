package futures.workshop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times whole commands as a learner types them (P2, P4): each command is run once to warm
 * caches and builds, then the commands take turns, so a change in the machine's load hits
 * both sides of a ratio alike.
 */
final class CheckTimes {
    private CheckTimes() {}

    /** The exercise timed by P2 and P4: step 3, the first with a concurrency verdict. */
    static final String EXERCISE = "3";

    /** A command line and the folder it runs in. */
    record Command(List<String> argv, Path dir) {}

    /** Median wall time of each command, in nanoseconds, interleaved over {@code runs} rounds. */
    static long[] medians(List<Command> commands, int runs) throws IOException, InterruptedException {
        List<List<Long>> samples = new ArrayList<>();
        for (Command command : commands) {
            time(command); // warm: builds, class archives, file cache
            samples.add(new ArrayList<>());
        }
        for (int round = 0; round < runs; round++) {
            for (int i = 0; i < commands.size(); i++) {
                samples.get(i).add(time(commands.get(i)));
            }
        }
        long[] medians = new long[commands.size()];
        for (int i = 0; i < medians.length; i++) {
            medians[i] = Stats.median(samples.get(i));
        }
        return medians;
    }

    /** Runs a command once, untimed: the first run of a baseline, which may download what it needs. */
    static void once(Command command) throws IOException, InterruptedException {
        time(command);
    }

    private static long time(Command command) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        Process p = new ProcessBuilder(command.argv()).directory(command.dir().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command.argv()));
        }
        long took = System.nanoTime() - begin;
        if (p.exitValue() != 0) { // a command that failed fast would give a flattering ratio
            throw new IOException(String.join(" ", command.argv()) + " failed with status " + p.exitValue()
                    + ": run it by hand in " + command.dir() + " to see why");
        }
        return took;
    }

    /** {@code make -s check EX=...} on the solutions, as a learner's check is started. */
    static List<String> makeCheck(String exercise) {
        List<String> command = new ArrayList<>(List.of("make", "-s", "check", "CHECK_ARGS=--dir solutions"));
        if (exercise != null) {
            command.add("EX=" + exercise);
        }
        return command;
    }

    /**
     * A throw-away Maven project whose one test grades the same exercise with the same checks,
     * for {@code mvn -o -q test}: what a kit built on plain Maven would make learners wait for.
     */
    static Path mavenProject(Path kit, Path into) throws IOException {
        Path test = into.resolve("src/test/java/bench/SameChecksTest.java");
        Files.createDirectories(test.getParent());
        List<String> libraries = List.of(Files.readString(kit.resolve("target/classpath.txt")).strip().split(java.io.File.pathSeparator));
        StringBuilder dependencies = new StringBuilder();
        for (String jar : libraries) {
            dependencies.append(dependency(jar));
        }
        dependencies.append("<dependency><groupId>bench.local</groupId><artifactId>kit</artifactId><version>1</version>"
                + "<scope>system</scope><systemPath>" + kit.resolve("target/futures-workshop.jar").toAbsolutePath()
                + "</systemPath></dependency>");
        Files.writeString(into.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId><artifactId>same-checks</artifactId><version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>%s</dependencies>
                  <build><plugins>
                    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.15.0</version></plugin>
                    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version></plugin>
                    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.5.0</version></plugin>
                  </plugins></build>
                </project>
                """.formatted(dependencies), StandardCharsets.UTF_8);
        Files.writeString(test, """
                package bench;

                import static org.assertj.core.api.Assertions.assertThat;

                import futures.workshop.checker.Checker;
                import futures.workshop.checker.Verdict;
                import futures.workshop.course.Course;
                import futures.workshop.sandbox.Folders;
                import java.nio.file.Path;
                import java.util.List;
                import org.junit.jupiter.api.Test;

                class SameChecksTest {
                    @Test
                    void gradesTheExercise() {
                        Path kit = Path.of("%s");
                        Course course = Course.load(kit.resolve("exercises"));
                        Path work = Folders.newWorkDir();
                        try (Checker checker = new Checker(course, work)) {
                            List<Verdict> verdicts = checker.check(kit.resolve("solutions"), "solutions",
                                    List.of(course.find("%s")));
                            assertThat(verdicts).allMatch(Verdict::passed);
                        } finally {
                            Folders.deleteQuietly(work);
                        }
                    }
                }
                """.formatted(kit.toAbsolutePath().toString().replace("\\\\", "/"), EXERCISE), StandardCharsets.UTF_8);
        return into;
    }

    /**
     * A library from the local Maven repository, by its real coordinates (read from its path), so
     * that Surefire sees JUnit among them and picks its JUnit Platform provider.
     */
    private static String dependency(String jar) {
        Path path = Path.of(jar);
        int repo = -1;
        for (int i = 0; i < path.getNameCount(); i++) {
            if (path.getName(i).toString().equals("repository")) {
                repo = i;
            }
        }
        int n = path.getNameCount();
        if (repo < 0 || n - repo < 5) {
            throw new IllegalStateException("not in a Maven repository: " + jar);
        }
        String version = path.getName(n - 2).toString();
        String artifact = path.getName(n - 3).toString();
        String group = path.subpath(repo + 1, n - 3).toString().replace(java.io.File.separatorChar, '.');
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>"
                + version + "</version></dependency>";
    }
}
