package futures.workshop.classlink;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.Map;

/**
 * What learners' kits and the class board say to each other: JSON over HTTP, in both directions
 * read and written with one mapper. A learner sends only the state of each step (passed or not,
 * points, the name of the failed check), never code or output.
 *
 * <pre>
 * POST /api/join      {"code": "K7QF9X", "name": "alice", "token": null}  → {"token": "...", "name": "alice"}
 * POST /api/verdicts  Authorization: Bearer TOKEN
 *                     {"code": "K7QF9X", "steps": {"submit": {"status": "passed", "points": 10, "fault": null, "at": "..."}}}
 * any error           4xx {"error": "what is wrong and what to do"}
 * </pre>
 */
public final class Wire {
    /** The longest request body the board reads (the whole course's steps fit many times over). */
    public static final int MAX_BODY = 16 * 1024;
    /** The longest name, in characters: fits a board's column on a projector. */
    public static final int MAX_NAME = 40;
    /** The longest fault: a check's name. */
    public static final int MAX_FAULT = 160;

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    /** Checked, but still the stub as shipped: the board shows it as not tried. */
    public static final String NOT_STARTED = "not-started";

    /** Strict: a field the other side does not know is a malformed request, not something to skip. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Wire() {}

    /** @param token the learner's earlier token on this board, to join again under the same name; or null */
    public record Join(String code, String name, String token) {}

    public record Joined(String token, String name) {}

    /**
     * One step's last check.
     *
     * @param status {@link #PASSED}, {@link #FAILED} or {@link #NOT_STARTED}
     * @param points the points it earned
     * @param fault  the first failed check's name (null when passed)
     * @param at     when it was checked, an ISO instant: the board keeps the latest per step
     */
    public record Step(String status, int points, String fault, String at) {}

    /** @param steps by step name, as in info.toml */
    public record Verdicts(String code, Map<String, Step> steps) {}

    public record Problem(String error) {}

    /**
     * The name as the board keeps it: trimmed, in Unicode's composed form; null when it is empty,
     * too long or holds a control character. The board escapes it wherever it shows it.
     */
    public static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String clean = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (clean.isEmpty() || clean.codePointCount(0, clean.length()) > MAX_NAME) {
            return null;
        }
        boolean printable = clean.codePoints().allMatch(c -> !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.LINE_SEPARATOR
                && Character.getType(c) != Character.PARAGRAPH_SEPARATOR);
        return printable ? clean : null;
    }

    /** What a learner is told when {@link #cleanName} refuses a name. */
    public static String nameRule() {
        return "a name of 1 to " + MAX_NAME + " characters, without control characters, e.g. NAME=alice";
    }
}
