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
 */
public record Compilation(Path classes, List<String> errors, List<String> exits) {
    public boolean ok() {
        return classes != null;
    }
}
