package futures.workshop.course;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ordered list of exercises, read from {@code exercises/info.toml}: its order is the
 * course's order, so adding an exercise means adding one entry there.
 */
public record Course(List<Exercise> exercises) {
    public static final String FILE = "info.toml";

    /** One {@code [[exercise]]} table as written in the file; the step comes from its position. */
    private record Entry(String name, String title, String file, int points, String checks, List<String> hints,
                         Exercise.Submits submits, List<String> prints, Integer minutes) {}

    private record Document(@JsonProperty("exercise") List<Entry> exercise) {}

    /** Reads the course from {@code <exercisesDir>/info.toml}. */
    public static Course load(Path exercisesDir) {
        Path file = exercisesDir.resolve(FILE);
        Document doc;
        try {
            doc = TomlMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(file.toFile(), Document.class);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new UncheckedIOException("cannot find " + file + ": run make from the kit's top folder", e);
            }
            throw new UncheckedIOException(file + " cannot be read: " + e.getMessage(), e);
        }
        List<Exercise> exercises = new ArrayList<>();
        for (Entry e : doc.exercise() == null ? List.<Entry>of() : doc.exercise()) {
            String where = file + ", exercise " + (exercises.size() + 1);
            if (e.name() == null || e.name().isBlank()) {
                throw new IllegalArgumentException(where + " has no name: add name = \"...\" (a short word, as in make check EX=word)");
            }
            if (e.file() == null || !e.file().endsWith(".java")) {
                throw new IllegalArgumentException(where + " (\"" + e.name() + "\") needs file = \"NN-" + e.name()
                        + "/ClassName.java\": the exercise's path below exercises/");
            }
            String checks = e.checks() == null || e.checks().isBlank() ? null
                    : e.checks().contains(".") ? e.checks() : Exercise.CHECKS_PACKAGE + e.checks();
            exercises.add(new Exercise(exercises.size() + 1, e.name(), e.title() == null ? e.name() : e.title(), e.file(),
                    e.points(), checks,
                    new Exercise.Declared(e.submits(), e.prints()),
                    e.hints() == null ? List.of() : List.copyOf(e.hints()), e.minutes() == null ? 0 : e.minutes()));
        }
        return new Course(List.copyOf(exercises));
    }

    /**
     * The exercise a learner means by {@code which}: its number ({@code 3}), its name
     * ({@code async}) or its class ({@code ApplyAsync}), any case.
     */
    public Exercise find(String which) {
        String wanted = which.trim().toLowerCase(Locale.ROOT);
        for (Exercise e : exercises) {
            if (Integer.toString(e.step()).equals(wanted) || e.name().equalsIgnoreCase(wanted)
                    || e.className().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Exercise e : exercises) {
            known.append(known.length() == 0 ? "" : ", ").append(e.step()).append(" (").append(e.name()).append(')');
        }
        throw new IllegalArgumentException("There is no exercise '" + which + "'. Try one of: " + known);
    }

    public int totalPoints() {
        return exercises.stream().mapToInt(Exercise::points).sum();
    }
}
