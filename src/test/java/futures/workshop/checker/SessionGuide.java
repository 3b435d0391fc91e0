package futures.workshop.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checker texts that the session guide quotes for typical mistakes, and whether a verdict
 * prints them. The guide quotes a mistake's code in backticks, then what the checker says in the
 * next fenced block; a line "..." in that block leaves out lines the guide does not show. What
 * differs from run to run is masked on both sides: the PID, times in seconds, and the bars and
 * axis of a worker timeline (its rows stay, one per worker).
 */
final class SessionGuide {
    static final Path FILE = Path.of("docs/session-guide.md");
    /** A line of the guide's blocks that stands for lines left out. */
    static final String CUT = "...";

    private static final Pattern FENCE = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```$");
    private static final Pattern VERDICT = Pattern.compile("^[✓✗] \\d+ ");
    private static final Pattern PID = Pattern.compile("PID \\d+");
    private static final Pattern SECONDS = Pattern.compile("\\b\\d+(?:\\.\\d+)? s\\b");
    private static final Pattern WORKER_ROW = Pattern.compile("^(\\s*worker-\\d+ \\|)");

    private SessionGuide() {}

    static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fenced block after {@code `code`}, which the guide must quote exactly once. */
    static String blockAfter(String guide, String code) {
        String quoted = "`" + code + "`";
        int at = guide.indexOf(quoted);
        if (at < 0 || guide.indexOf(quoted, at + 1) >= 0) {
            throw new IllegalStateException(FILE + " must quote " + quoted + " exactly once, followed by what the checker"
                    + " says about it; or change guide = in " + Grading.MISTAKES);
        }
        Matcher block = FENCE.matcher(guide);
        if (!block.find(at)) {
            throw new IllegalStateException(FILE + ": no fenced block after " + quoted);
        }
        return block.group(1);
    }

    /** Every fenced block of the guide that is a checker's verdict: it starts with ✓ or ✗ and a step. */
    static List<String> verdictBlocks(String guide) {
        List<String> blocks = new ArrayList<>();
        Matcher block = FENCE.matcher(guide);
        while (block.find()) {
            if (VERDICT.matcher(block.group(1)).find()) {
                blocks.add(block.group(1));
            }
        }
        return blocks;
    }

    /**
     * Null when {@code shown} prints every line of {@code block}: each stretch between cuts
     * line for line, the stretches in order; otherwise the first line of the block that is not
     * printed where it should be, as compared (masked).
     */
    static String firstMissing(String block, String shown) {
        List<String> printed = masked(shown);
        List<List<String>> stretches = new ArrayList<>(List.of(new ArrayList<>()));
        for (String line : masked(block)) {
            if (line.strip().equals(CUT)) {
                stretches.add(new ArrayList<>());
            } else {
                stretches.get(stretches.size() - 1).add(line);
            }
        }
        int from = 0;
        for (List<String> stretch : stretches) {
            int best = -1;
            int matched = -1;
            for (int start = from; start + stretch.size() <= printed.size() && matched < stretch.size(); start++) {
                int n = 0;
                while (n < stretch.size() && printed.get(start + n).equals(stretch.get(n))) {
                    n++;
                }
                if (n > matched) {
                    matched = n;
                    best = start;
                }
            }
            if (matched < stretch.size()) {
                return matched < 0 ? stretch.get(0) : stretch.get(matched);
            }
            from = best + stretch.size();
        }
        return null;
    }

    /** The lines with what changes between runs masked (see the class comment). */
    static List<String> masked(String text) {
        List<String> lines = new ArrayList<>();
        int picture = -1; // the indent of the timeline being read, or -1
        for (String raw : text.lines().toList()) {
            String line = raw.stripTrailing();
            int indent = line.length() - line.stripLeading().length();
            if (picture >= 0 && (indent < picture || line.strip().startsWith("key:") || line.strip().equals(CUT))) {
                picture = -1;
            }
            if (picture >= 0) {
                Matcher row = WORKER_ROW.matcher(line);
                line = row.find() ? row.group(1) + "<bars>" : " ".repeat(indent) + "<axis>";
            } else {
                line = SECONDS.matcher(PID.matcher(line).replaceAll("PID <pid>")).replaceAll("<time> s");
            }
            if (line.contains("Worker timeline:")) {
                picture = indent;
            }
            lines.add(line);
        }
        return lines;
    }
}
