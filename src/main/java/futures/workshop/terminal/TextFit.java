package futures.workshop.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits text into a width on the SVG pictures, which are written without knowing the viewer's
 * font. Widths are estimated on the wide side: each character counts as wide as in the widest
 * of the common sans-serif faces, so that text estimated to fit does fit in any of them. Text
 * that does not fit is shortened with an ellipsis, never cut mid-letter.
 */
final class TextFit {
    static final String ELLIPSIS = "\u2026";
    private static final double MARGIN = 1.04; // hinting and rounding in the browser
    /** How much wider bold text may be: DejaVu Sans Bold's "i", "f" and "t" are a quarter wider than Book's. */
    static final double BOLD = 1.25;

    private TextFit() {}

    /** The width of {@code text} at {@code fontSize}, in the same units: never less than a browser draws. */
    static double width(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += em(text.charAt(i));
        }
        return em * fontSize * MARGIN;
    }

    static boolean fits(String text, double fontSize, double room) {
        return width(text, fontSize) <= room;
    }

    /**
     * Widths of the characters from space to "~" in thousandths of an em: for each, the widest of
     * DejaVu Sans (Linux's usual sans-serif), Liberation Sans (Arial's metrics: Windows, and
     * Chromium on Linux) and Verdana. The first two measured from their font files (java.awt's
     * advances); Verdana, not installed on the build machine, from its known advance widths.
     */
    private static final short[] ASCII = {
        352, 403, 509, 838, 637, 1088, 780, 275, 455, 455, 637, 838, 364, 435, 364, 455, 637, 637, 637, 637,
        637, 637, 637, 637, 637, 637, 455, 455, 838, 838, 838, 556, 1015, 685, 687, 722, 771, 667, 611, 778,
        752, 424, 500, 692, 558, 863, 749, 788, 667, 788, 722, 685, 620, 732, 685, 989, 686, 667, 686, 455,
        455, 455, 838, 637, 637, 613, 635, 550, 635, 615, 352, 635, 634, 278, 345, 591, 278, 974, 634, 612,
        635, 635, 427, 521, 395, 634, 592, 818, 592, 592, 525, 636, 455, 636, 838};

    /** Width of one character in ems; 1 for any other than ASCII (the ellipsis, the cross and the arrow are narrower). */
    private static double em(char c) {
        return c >= ' ' && c <= '~' ? ASCII[c - ' '] / 1000.0 : 1.0;
    }

    /**
     * {@code text} if it fits in {@code room}, else its longest beginning that fits with an
     * ellipsis after it, keeping more than {@code keep} characters; "" when not even that fits.
     */
    static String shorten(String text, double fontSize, double room, int keep) {
        return shorten(text, fontSize, room, keep, false);
    }

    /**
     * {@link #shorten(String, double, double, int)}, but with {@code atWords} cut only before a
     * space, a comma or a bracket: "slowAdd(3.1…", never "slowAdd(3.…" or "slowA…".
     */
    static String shorten(String text, double fontSize, double room, int keep, boolean atWords) {
        if (fits(text, fontSize, room)) {
            return text;
        }
        for (int cut = text.length() - 1; cut > keep; cut--) {
            if (atWords && " ,()".indexOf(text.charAt(cut)) < 0) {
                continue;
            }
            String kept = text.substring(0, cut).replaceAll("[ ,(]+$", "");
            if (kept.length() > keep && fits(kept + ELLIPSIS, fontSize, room)) {
                return kept + ELLIPSIS;
            }
        }
        return "";
    }

    /**
     * Lines of at most {@code room} wide, broken at spaces; a word too long for a line of its
     * own is shortened with an ellipsis.
     */
    static List<String> wrap(String text, double fontSize, double room) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String joined = line.length() == 0 ? word : line + " " + word;
            if (fits(joined, fontSize, room)) {
                line.setLength(0);
                line.append(joined);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            line.setLength(0);
            line.append(shorten(word, fontSize, room, 0));
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
