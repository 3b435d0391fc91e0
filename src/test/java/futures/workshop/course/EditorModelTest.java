package futures.workshop.course;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.checker.Checker;
import futures.workshop.checker.Verdict;
import futures.workshop.sandbox.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The exercises as IntelliJ IDEA and VS Code's Java (Eclipse JDT LS) see them, through Maven, the
 * one part of an editor's import that runs here: each IDE sets its property while it imports
 * (IntelliJ {@code idea.maven.embedder.version}, Eclipse {@code m2e.version}). With it,
 * exercises/pom.xml makes every exercise folder a source folder compiled against the learner's
 * library alone, and the kit's pom leaves exercises/ out; without it, the kit's build never
 * compiles exercises/. Each Maven run works on a copy of the course in a folder of its own; the
 * runs of a test go at once, on C1 only (Maven lives for seconds), to keep make test short.
 */
@DisplayName("The exercises in an editor: exercises/pom.xml, and the kit's build without it")
@Execution(ExecutionMode.CONCURRENT) // Maven processes on copies of its own that mostly wait: beside the other tests
class EditorModelTest {
    private static final Path KIT = Path.of("").toAbsolutePath();
    private static final String INTELLIJ = "idea.maven.embedder.version=3.9.9";
    private static final String ECLIPSE = "m2e.version=2.7.0";
    private static final Course COURSE = Course.load(Path.of("exercises"));

    @TempDir
    Path top;

    record Ran(int status, String out) {}

    /** The kit's Maven Wrapper on {@code pom} below {@code dir}, with {@code args} (a=b: -Da=b), started at once. */
    private static CompletableFuture<Ran> maven(Path dir, String pom, String... args) {
        List<String> command = new ArrayList<>(List.of(KIT.resolve("mvnw").toString(), "-B", "-ntp", "-q", "-f",
                dir.resolve(pom).toString()));
        for (String a : args) {
            command.add(a.contains("=") ? "-D" + a : a);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        String options = System.getenv("MAVEN_OPTS");
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" + (options == null ? "" : " " + options));
        return CompletableFuture.supplyAsync(() -> {
            try {
                Process p = builder.start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    return new Ran(-1, "Maven did not finish in 2 minutes");
                }
                return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                return new Ran(-1, e.toString());
            }
        }, task -> new Thread(task, "maven " + pom).start()); // one thread per run: each waits for its process
    }

    /** A folder below {@code top} with exercises/, and the learner's library jar as the kit's build leaves it. */
    private Path copyCourse(String name) throws IOException {
        Path dir = top.resolve(name);
        Folders.copy(Path.of("exercises"), dir.resolve("exercises"), p -> true);
        Files.createDirectories(dir.resolve("target"));
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "futures-workshop-*-library.jar")) {
            int found = 0;
            for (Path jar : jars) {
                Files.copy(jar, dir.resolve("target").resolve(jar.getFileName()));
                found++;
            }
            assertThat(found).as("the kit's build wrote the learner's library as target/futures-workshop-*-library.jar").isOne();
        }
        return dir;
    }

    /** A copy with the kit's pom too. */
    private Path copyKit(String name) throws IOException {
        Path dir = copyCourse(name);
        Files.copy(Path.of("pom.xml"), dir.resolve("pom.xml"));
        return dir;
    }

    @Test
    @DisplayName("while IntelliJ or Eclipse imports: every exercise folder is a source folder, and the untouched exercises compile")
    void editorsCompileTheExercises() throws Exception {
        Path intellij = copyCourse("intellij");
        Path eclipse = copyCourse("eclipse");
        CompletableFuture<Ran> a = maven(intellij, "exercises/pom.xml", INTELLIJ, "compile");
        CompletableFuture<Ran> b = maven(eclipse, "exercises/pom.xml", ECLIPSE, "compile");
        for (Path dir : List.of(intellij, eclipse)) {
            Ran ran = (dir == intellij ? a : b).get();
            assertThat(ran.status()).as("%s: %s", dir.getFileName(), ran.out()).isZero();
            for (Exercise e : COURSE.exercises()) {
                assertThat(dir.resolve("target/editor/classes").resolve(e.className() + ".class"))
                        .as("%s: exercise %s, compiled", dir.getFileName(), e.label()).isRegularFile();
            }
            assertThat(dir.resolve("exercises")).as("nothing written into exercises/")
                    .isDirectoryNotContaining(p -> p.getFileName().toString().equals("target") || p.toString().endsWith(".class"));
        }
    }

    @Test
    @DisplayName("the editor's build fails on an exercise that reaches for the checker, or is half-written; the kit builds, and the checker grades the others")
    void libraryOnlyAndBrokenExercises() throws Exception {
        Path peeking = copyCourse("peeking");
        Files.writeString(peeking.resolve("exercises/01-submit/Peek.java"), """
                import futures.workshop.checker.Verdict;

                class Peek {
                    Verdict verdict;
                }
                """);
        Path halfWritten = copyKit("half-written");
        Exercise broken = COURSE.find("async");
        Exercise other = COURSE.find("submit");
        Path file = halfWritten.resolve("exercises").resolve(broken.file());
        Files.writeString(file, Files.readString(file).replaceFirst("\\}\\s*$", "") + "\n    static void half(\n");

        CompletableFuture<Ran> peek = maven(peeking, "exercises/pom.xml", INTELLIJ, "compile");
        CompletableFuture<Ran> editor = maven(halfWritten, "exercises/pom.xml", ECLIPSE, "compile");
        // the kit's pom, as make runs it: exercises/ is data (the stubs for make reset), never compiled
        CompletableFuture<Ran> kit = maven(halfWritten, "pom.xml", "resources:resources");

        Ran ran = peek.get();
        assertThat(ran.status()).as(ran.out()).isNotZero();
        assertThat(ran.out()).contains("Peek.java", "package futures.workshop.checker does not exist");
        ran = editor.get();
        assertThat(ran.status()).as(ran.out()).isNotZero();
        assertThat(ran.out()).contains(broken.className() + ".java");
        ran = kit.get();
        assertThat(ran.status()).as(ran.out()).isZero();
        assertThat(halfWritten.resolve("target/classes/futures/workshop/course/stubs").resolve(broken.file())).isRegularFile();
        for (Exercise e : COURSE.exercises()) {
            assertThat(Path.of("target/classes").resolve(e.className() + ".class"))
                    .as("this build of the kit (make test's) compiled no exercise").doesNotExist();
        }

        Path learner = top.resolve("learner");
        Folders.copy(Path.of("solutions"), learner, p -> true);
        Files.copy(file, learner.resolve(broken.file()), StandardCopyOption.REPLACE_EXISTING);
        Path work = Folders.newWorkDir();
        try (Checker checker = new Checker(COURSE, work)) {
            List<Verdict> verdicts = checker.check(learner, "exercises", List.of(other, broken));
            assertThat(verdicts).extracting(Verdict::status).containsExactly(Verdict.Status.PASSED, Verdict.Status.NOT_COMPILED);
        } finally {
            Folders.deleteQuietly(work);
        }
    }

    @Test
    @DisplayName("while IntelliJ or Eclipse imports the kit's pom, exercises/ is none of its folders")
    void kitWithoutExercises() throws Exception {
        // Read from the pom, not run: two more Maven runs cost make test seconds, and the kit's pom
        // without a property is run above (the stubs copied from exercises/, nothing compiled).
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        String stubs = pom.getElementsByTagName("kit.stubs").item(0).getTextContent();
        assertThat(stubs).as("the stubs' folder, as the command line builds").isEqualTo("exercises");
        org.w3c.dom.NodeList profiles = pom.getElementsByTagName("profile");
        List<String> activatedBy = new ArrayList<>();
        for (int i = 0; i < profiles.getLength(); i++) {
            org.w3c.dom.Element profile = (org.w3c.dom.Element) profiles.item(i);
            org.w3c.dom.NodeList names = profile.getElementsByTagName("name");
            org.w3c.dom.NodeList moved = profile.getElementsByTagName("kit.stubs");
            if (names.getLength() == 1 && moved.getLength() == 1) {
                assertThat(moved.item(0).getTextContent()).as("the stubs' folder while an IDE imports")
                        .startsWith("${project.build.directory}/");
                activatedBy.add(names.item(0).getTextContent());
            }
        }
        assertThat(activatedBy).containsExactlyInAnyOrder(INTELLIJ.split("=")[0], ECLIPSE.split("=")[0]);
    }

    @Test
    @DisplayName("solutions/ is no source folder: the editor's list is the course's exercise folders")
    void solutionsStayOut() throws IOException {
        String pom = Files.readString(Path.of("exercises", EditorProject.FILE));
        assertThat(EditorProject.listed(pom)).hasValue(EditorProject.folders(COURSE));
        assertThat(pom).doesNotContain("solutions");
    }
}
