package futures.workshop.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code exercises/pom.xml}, the exercises as editors see them (IntelliJ IDEA, VS Code's Java):
 * each exercise folder a source folder of its own, because exercise files have no package. Its
 * list of folders is the course's, in course order, between two marker comments: written by
 * {@code make new-exercise}, checked by {@code make verify-course}. The kit's build never reads it.
 */
public final class EditorProject {
    /** Its name in exercises/. */
    public static final String FILE = "pom.xml";
    static final String START = "<!-- the exercise folders: written by make new-exercise -->";
    static final String END = "<!-- end of the exercise folders -->";
    private static final Pattern LIST = Pattern.compile("(?s)(" + Pattern.quote(START) + "\\R)(.*?)([ \\t]*" + Pattern.quote(END) + ")");
    private static final Pattern SOURCE = Pattern.compile("<source>\\s*([^<]*?)\\s*</source>");

    private EditorProject() {}

    /** The folders below exercises/ that hold the course's files, in course order, each once. */
    public static List<String> folders(Course course) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Exercise e : course.exercises()) {
            int slash = e.file().lastIndexOf('/');
            out.add(slash < 0 ? "." : e.file().substring(0, slash));
        }
        return List.copyOf(out);
    }

    /** The folders the editor project lists; empty when it has no list between its markers. */
    public static Optional<List<String>> listed(String pom) {
        Matcher m = LIST.matcher(pom);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        Matcher s = SOURCE.matcher(m.group(2));
        while (s.find()) {
            out.add(s.group(1));
        }
        return Optional.of(out);
    }

    /** The pom's text with {@code folders} as its list, indented as its end marker. */
    static String withFolders(String pom, List<String> folders) {
        Matcher m = LIST.matcher(pom);
        if (!m.find()) {
            throw new IllegalArgumentException("exercises/" + FILE + " has lost its markers " + START + " and " + END
                    + ": put them back around the <source> lines of build-helper-maven-plugin");
        }
        String indent = m.group(3).substring(0, m.group(3).indexOf('<'));
        StringBuilder list = new StringBuilder();
        folders.forEach(f -> list.append(indent).append("<source>").append(f).append("</source>\n"));
        return pom.substring(0, m.start(2)) + list + pom.substring(m.end(2));
    }

    /**
     * What is wrong with the editor project in {@code exercises}, as fixes; nothing when the course
     * has none (a course may do without editors).
     */
    static List<String> problems(Course course, Path exercises) {
        Path pom = exercises.resolve(FILE);
        if (!Files.isRegularFile(pom)) {
            return List.of();
        }
        String where = "exercises/" + FILE;
        Optional<List<String>> listed = listed(read(pom));
        if (listed.isEmpty()) {
            return List.of(where + " has no list of exercise folders between " + START + " and " + END
                    + "; put the markers back around the <source> lines");
        }
        List<String> wanted = folders(course);
        if (listed.get().equals(wanted)) {
            return List.of();
        }
        return List.of(where + " lists the source folders " + listed.get() + ", but the course's are " + wanted
                + "; editors would miss an exercise or see a stray folder. Write <source>folder</source> for each, in the"
                + " order of " + Course.FILE + " (make new-exercise does this for a new step)");
    }

    /** Rewrites the list of the editor project in {@code exercises}, if there is one, as the course's. */
    static void update(Course course, Path exercises) throws IOException {
        Path pom = exercises.resolve(FILE);
        if (Files.isRegularFile(pom)) {
            String text = read(pom);
            String updated = withFolders(text, folders(course));
            if (!updated.equals(text)) {
                SafeWrites.replace(pom, updated.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
