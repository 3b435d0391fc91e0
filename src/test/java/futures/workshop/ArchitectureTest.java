package futures.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;

/**
 * The kit's rooms stand on each other in one direction: the learner's library at the ground, the
 * checker above it, the tools on top. Read from the compiled classes (every class, descriptor and
 * signature they name), so a fully qualified name in code counts as much as an import.
 */
@DisplayName("The kit's layers")
class ArchitectureTest {
    /** Each room's floor: a room may use rooms on lower floors, and its own. */
    static final Map<String, Integer> FLOORS = Map.ofEntries(
            Map.entry("lesson", 0), Map.entry("runtime", 0), // the learner's library
            Map.entry("course", 1), Map.entry("sandbox", 1), Map.entry("terminal", 1), Map.entry("shell", 1),
            Map.entry("classlink", 2), // a learner's kit sending its verdicts to the class board
            Map.entry("checker", 3),
            Map.entry("checks", 4),
            Map.entry("watch", 5), Map.entry("jshell", 5), Map.entry("instructor", 5),
            Map.entry("bench", 6),
            Map.entry("cli", 7));

    /** The two packages of the learner's library are one room. */
    static boolean allowed(String from, String to) {
        Integer a = FLOORS.get(from);
        Integer b = FLOORS.get(to);
        if (a == null || b == null) {
            return false; // a new room must be given its floor here
        }
        return from.equals(to) || b < a || a == 0 && b == 0;
    }

    @Test
    @DisplayName("every room uses only rooms below it; the learner's library uses nothing else of the kit")
    void roomsStandOnLowerRooms() {
        Set<String> wrong = violations(Path.of("target/classes"));
        assertThat(wrong).as("arrows running up or sideways (room -> room it uses: class)").isEmpty();
        assertThat(FLOORS.keySet()).as("rooms found in target/classes")
                .containsAll(rooms(Path.of("target/classes")));
    }

    @Test
    @DisplayName("a class of the library that names the checker is caught (the scan can fail)")
    void catchesAnArrowRunningUp(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src/futures/workshop/lesson/Up.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package futures.workshop.lesson;\n"
                + "public class Up { Object verdict(futures.workshop.checker.Verdict v) { return v; } }\n");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("classes").toString(),
                "-cp", "target/classes", source.toString());
        assertThat(status).isZero();
        assertThat(violations(dir.resolve("classes"))).containsExactly("lesson -> checker: futures/workshop/lesson/Up");
    }

    /** "from -> to: class" for every use of a room that {@link #allowed} forbids. */
    static Set<String> violations(Path classes) {
        Set<String> out = new TreeSet<>();
        Pattern room = Pattern.compile("futures/workshop/([a-z]+)/(?=[A-Z])"); // a class, not a folder in a message
        for (Path file : classFiles(classes)) {
            String name = classes.relativize(file).toString().replace(".class", "");
            Matcher own = room.matcher(name);
            if (!own.lookingAt()) {
                continue;
            }
            for (String constant : utf8Constants(file)) {
                Matcher m = room.matcher(constant);
                while (m.find()) {
                    if (!allowed(own.group(1), m.group(1))) {
                        out.add(own.group(1) + " -> " + m.group(1) + ": " + name.replaceAll("\\$.*", ""));
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> rooms(Path classes) {
        Set<String> out = new TreeSet<>();
        for (Path file : classFiles(classes)) {
            Path relative = classes.relativize(file);
            if (relative.getNameCount() > 3) {
                out.add(relative.getName(2).toString());
            }
        }
        return out;
    }

    private static List<Path> classFiles(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text constants of a class file: the names, descriptors and signatures it uses. */
    private static List<String> utf8Constants(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            ClassReader reader = new ClassReader(bytes);
            List<String> out = new ArrayList<>();
            for (int i = 1; i < reader.getItemCount(); i++) {
                int offset = reader.getItem(i); // just after the entry's tag
                if (offset > 0 && bytes[offset - 1] == 1) { // CONSTANT_Utf8: a length, then the text
                    // modified UTF-8 reads as UTF-8 for the ASCII names looked for here
                    out.add(new String(bytes, offset + 2, reader.readUnsignedShort(offset), StandardCharsets.UTF_8));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
