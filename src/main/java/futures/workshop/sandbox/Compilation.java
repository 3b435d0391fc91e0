package futures.workshop.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of compiling one exercise on its own.
 *
 * @param classes  folder of the compiled classes, or null when it did not compile
 * @param errors   one {@code file:line:col: error: message} block per error, with the source line
 * @param exits    places that call {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt},
 *                 as {@code file:line}
 * @param shape    what the file declares: its package and its top-level classes
 */
public record Compilation(Path classes, List<String> errors, List<String> exits, Shape shape) {
    /** What a file declares, as javac read it: its package (null for none) and its top-level types. */
    public record Shape(String packageName, List<String> types) {
        public static final Shape UNKNOWN = new Shape(null, List.of());
    }

    public boolean ok() {
        return classes != null;
    }
}
