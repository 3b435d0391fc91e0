package futures.workshop.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The lesson's step scripts in {@code jshell/} ({@code step3-async.jsh}), which help() and make plan name. */
public final class StepScripts {
    private static final Pattern NAME = Pattern.compile("step(\\d+)-.*\\.jsh");

    /** A script and the step it belongs to. */
    public record Script(int step, String file) {}

    private StepScripts() {}

    /** The scripts in {@code folder}, in step order; none when it cannot be read. */
    public static List<Script> in(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> NAME.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> new Script(Integer.parseInt(m.group(1)), m.group()))
                    .sorted(Comparator.comparingInt(Script::step).thenComparing(Script::file))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The first script of {@code step}, if there is one. */
    public static Optional<String> of(List<Script> scripts, int step) {
        return scripts.stream().filter(s -> s.step() == step).map(Script::file).findFirst();
    }
}
