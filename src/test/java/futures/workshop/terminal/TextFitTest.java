package futures.workshop.terminal;

import static futures.workshop.terminal.Fixtures.failed;
import static futures.workshop.terminal.Fixtures.returned;
import static futures.workshop.terminal.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("Labels on the SVG pictures")
@ExtendWith(TimeScaleOne.class)
class TextFitTest {
    private static final double FONT = TimelineSvg.FONT;
    private static final String CALL = "#0 slowAdd(3.1, 6, 7)";

    @Test
    @DisplayName("keep what fits, and shorten the rest after a word with an ellipsis, never mid-word")
    void ellipsis() {
        assertThat(TextFit.shorten(CALL, FONT, TextFit.width(CALL, FONT), 2, true)).isEqualTo(CALL);
        double justShort = TextFit.width(CALL, FONT) - 1;
        assertThat(TextFit.shorten(CALL, FONT, justShort, 2, true)).isEqualTo("#0 slowAdd(3.1, 6\u2026");
        assertThat(TextFit.shorten(CALL, FONT, TextFit.width("#0 slowAdd(3.1\u2026", FONT), 2, true))
                .isEqualTo("#0 slowAdd(3.1\u2026");
        assertThat(TextFit.shorten(CALL, FONT, TextFit.width("#0 slowAdd(3.1\u2026", FONT) - 1, 2, true))
                .isEqualTo("#0 slowAdd\u2026");
        for (double room = 0; room < TextFit.width(CALL, FONT); room += 3) {
            String shown = TextFit.shorten(CALL, FONT, room, 2, true);
            assertThat(TextFit.width(shown, FONT)).as("width of %s", shown).isLessThanOrEqualTo(room);
            assertThat(shown).as("in %s px", room).isIn("", "#0 slowAdd\u2026", "#0 slowAdd(3.1\u2026",
                    "#0 slowAdd(3.1, 6\u2026", "#0 slowAdd(3.1, 6, 7\u2026");
        }
    }

    @Test
    @DisplayName("label a bar with the whole call, its beginning, its task number or nothing; a cross and an arrow while they fit")
    void barLabels() {
        Timeline timeline = Timeline.of(List.of(
                returned(0, "slowAdd(3.1, 6, 7)", "worker-1", 0, 3.1),
                failed(4, "brokenFunction(4.1)", "worker-2", 0, 4.1),
                running(3, "slowDiff(5.1, 9, 2)", "worker-3", 0)));
        Timeline.Bar add = bar(timeline, 0);
        Timeline.Bar broken = bar(timeline, 4);
        Timeline.Bar open = bar(timeline, 3);
        assertThat(TimelineSvg.label(add, 1000)).isEqualTo(CALL);
        assertThat(TimelineSvg.label(add, room("#0 slowAdd\u2026"))).isEqualTo("#0 slowAdd\u2026");
        assertThat(TimelineSvg.label(add, room("#0 slow"))).isEqualTo("#0");
        assertThat(TimelineSvg.label(add, room("#"))).isEmpty();
        assertThat(TimelineSvg.label(broken, 1000)).isEqualTo("\u2717 #4 brokenFunction(4.1)");
        assertThat(TimelineSvg.label(broken, room("\u2717 #4 broken"))).isEqualTo("\u2717 #4");
        assertThat(TimelineSvg.label(broken, room("#4"))).isEqualTo("#4");
        assertThat(TimelineSvg.label(open, 1000)).isEqualTo("#3 slowDiff(5.1, 9, 2) \u25b6");
        assertThat(TimelineSvg.label(open, room("#3 slowDiff\u2026 \u25b6"))).isEqualTo("#3 slowDiff\u2026 \u25b6");
    }

    @Test
    @DisplayName("break long lines at spaces, each line no wider than the room")
    void wrap() {
        String failure = "\u2717 #4 brokenFunction(4.1) on worker-2, 3.24 s to 7.34 s, failed: "
                + "java.lang.IllegalArgumentException: Called broken function";
        List<String> lines = TextFit.wrap(failure, FONT, 600);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo(failure);
        assertThat(lines).allSatisfy(line -> assertThat(TextFit.width(line, FONT)).isLessThanOrEqualTo(600));
        assertThat(TextFit.wrap("java.lang.IllegalArgumentException", FONT, 100))
                .singleElement().satisfies(word -> assertThat(word).endsWith("\u2026"));
    }

    @Test
    @DisplayName("estimate text at least as wide as the sans-serif faces installed here draw it")
    void estimateIsWideEnough() throws Exception {
        List<Path> faces = new ArrayList<>();
        for (String file : List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                "/usr/share/fonts/truetype/msttcorefonts/Arial.ttf", "/usr/share/fonts/truetype/msttcorefonts/Verdana.ttf",
                "/Library/Fonts/Arial.ttf", "/System/Library/Fonts/Supplemental/Verdana.ttf")) {
            if (Files.isRegularFile(Path.of(file))) {
                faces.add(Path.of(file));
            }
        }
        Assumptions.assumeFalse(faces.isEmpty(), "no known sans-serif font file on this machine");
        List<String> samples = new ArrayList<>(List.of(CALL, "\u2717 #4 brokenFunction(4.1)", "worker-10",
                "java.lang.IllegalArgumentException: Called broken function", "WWW %%% @@@", "il|.:;,'"));
        IntStream.rangeClosed(' ', '~').forEach(c -> samples.add(String.valueOf((char) c)));
        FontRenderContext context = new FontRenderContext(null, true, true);
        for (Path face : faces) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, face.toFile()).deriveFont((float) FONT);
            for (String text : samples) {
                double drawn = font.getStringBounds(text, context).getWidth();
                assertThat(TextFit.width(text, FONT)).as("%s in %s", text, face.getFileName()).isGreaterThanOrEqualTo(drawn);
            }
        }
    }

    /** Just the room for {@code text}: widths add up with rounding errors. */
    private static double room(String text) {
        return TextFit.width(text, FONT) + 0.01;
    }

    private static Timeline.Bar bar(Timeline timeline, int id) {
        return timeline.rows().stream().flatMap(r -> r.bars().stream()).filter(b -> b.call().id() == id).findFirst().orElseThrow();
    }
}
