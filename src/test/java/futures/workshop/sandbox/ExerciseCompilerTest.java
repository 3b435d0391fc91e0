package futures.workshop.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Compiling a learner's files together must give what compiling each alone gives. */
@DisplayName("Compiling a learner's files together")
class ExerciseCompilerTest {
    private final ExerciseCompiler compiler = new ExerciseCompiler(ExerciseCompiler.learnerClassPath());
    private Path work;

    @BeforeEach
    void folder() {
        work = Folders.newWorkDir();
    }

    @AfterEach
    void clean() {
        Folders.deleteQuietly(work);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(work.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the solutions compile in one go, each with its own calls to System.exit")
    void solutions() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("solutions"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        List<String> shown = sources.stream().map(Path::toString).toList();
        List<Compilation> compiled = compiler.compileAll(sources, work.resolve("classes"), shown);
        assertThat(compiled).hasSize(sources.size()).doesNotContainNull().allMatch(Compilation::ok);
        for (int i = 0; i < sources.size(); i++) {
            String name = sources.get(i).getFileName().toString().replace(".java", ".class");
            assertThat(compiled.get(i).classes().resolve(name)).exists();
            assertThat(compiled.get(i).exits()).as(shown.get(i))
                    .isEqualTo(shown.get(i).endsWith("Workers.java") ? List.of(shown.get(i) + ":45 exit()") : List.of());
        }
    }

    @Test
    @DisplayName("a file that does not compile, or that names another file's class, is left to compile alone")
    void leftAlone() throws IOException {
        List<Path> sources = List.of(
                write("One.java", "public class One { static int one() { return 1; } }"),
                write("Broken.java", "public class Broken { int x = ; }"),
                write("Borrows.java", "public class Borrows { int two() { return One.one() + 1; } }"),
                write("Typo.java", "public class Typo { String s = 42; }"),
                write("Three.java", "public class Three { int three() { return 3; } }"));
        List<Compilation> compiled = compiler.compileAll(sources, work.resolve("classes"),
                sources.stream().map(Path::toString).toList());
        assertThat(compiled.get(0)).isNotNull();
        assertThat(compiled.get(4)).isNotNull();
        assertThat(compiled.get(0).classes().resolve("Three.class")).exists();
        assertThat(compiled.subList(1, 4)).containsOnlyNulls();
        // alone, the borrowing file does not compile: together it would have
        assertThat(compiler.compile(sources.get(2), work.resolve("alone"), "Borrows.java").errors())
                .singleElement().asString().contains("cannot find symbol");
    }
}
