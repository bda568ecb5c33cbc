package dlbasics.plot;

import java.awt.Color;

/**
 * The course's colours: matplotlib's {@code Spectral} colour map, whose ends are the dark red
 * {@code #9e0142} (label 0) and the blue-violet {@code #5e4fa2} (label 1). Filled regions use lighter
 * tints of the same two colours so the points stay visible on top of them.
 */
final class Palette {
    static final Color CLASS0 = new Color(0x9e, 0x01, 0x42);
    static final Color CLASS1 = new Color(0x5e, 0x4f, 0xa2);
    static final Color REGION0 = tint(CLASS0, 0.55);
    static final Color REGION1 = tint(CLASS1, 0.55);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color MISTAKE = new Color(0xd6, 0x27, 0x28);

    private Palette() {
    }

    /** Classes 2..9 of a K-class plot (after CLASS0 and CLASS1): the rest of the Spectral-like set, then they repeat. */
    private static final Color[] MORE = {new Color(0x3d, 0x9f, 0x4a), new Color(0xf4, 0x8c, 0x1e), new Color(0x2a, 0x9d, 0xc4),
            new Color(0xc9, 0xb0, 0x00), new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f),
            new Color(0x17, 0xbe, 0xcf)};

    /** The colour of label 0 or 1 (above 0.5 counts as 1, as the course's 0/1 labels), or of class index k &gt;= 2. */
    static Color point(double label) {
        return label < 1.5 ? (label > 0.5 ? CLASS1 : CLASS0) : MORE[((int) label - 2) % MORE.length];
    }

    /** The region colour of a label: {@link #point}'s, mixed with white. */
    static Color region(double label) {
        return label < 1.5 ? (label > 0.5 ? REGION1 : REGION0) : tint(point(label), 0.55);
    }

    /** {@code c} mixed with white: 0 keeps the colour, 1 gives white. */
    static Color tint(Color c, double white) {
        return new Color(mix(c.getRed(), white), mix(c.getGreen(), white), mix(c.getBlue(), white));
    }

    private static int mix(int v, double white) {
        return (int) Math.round(v + (255 - v) * white);
    }
}
