package dlbasics.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The K x K confusion matrix as a picture: rows are true classes, columns predicted ones, each cell
 * shaded by its share of its row (white 0 to dark blue 1) and labelled with its count; the class names
 * go down the left and (by index) along the top.
 */
public final class ConfusionMatrixPlot {
    static final int LEFT = 130;
    static final int TOP = 70;

    private ConfusionMatrixPlot() {
    }

    /**
     * @param confusion {@code confusion[t][p]}: examples of true class t predicted as p, K x K, K ≥ 2
     * @param classNames one name per class
     * @param cell       the side of a cell in pixels (at least 16)
     */
    public static BufferedImage render(long[][] confusion, List<String> classNames, String title, int cell) {
        Png.headless();
        int K = confusion.length;
        if (K < 2 || classNames.size() != K || cell < 16) {
            throw new IllegalArgumentException(String.format(
                    "ConfusionMatrixPlot: %d rows, %d class names and cells of %d pixels; give a K x K matrix (K >= 2), "
                            + "one name per class and cells of 16 pixels or more", K, classNames.size(), cell));
        }
        for (long[] row : confusion) {
            if (row.length != K) {
                throw new IllegalArgumentException("ConfusionMatrixPlot: a row has " + row.length + " counts; the matrix must be "
                        + K + " x " + K);
            }
        }
        int width = LEFT + K * cell + 20;
        int height = TOP + K * cell + 40;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        java.awt.FontMetrics fm = g.getFontMetrics();
        if (title != null) {
            Axes.title(g, title, width / 2, 22);
        }
        g.setColor(Palette.TEXT);
        g.drawString("predicted class", LEFT + (K * cell - fm.stringWidth("predicted class")) / 2, TOP - 26);
        for (int t = 0; t < K; t++) {
            long total = 0;
            for (long v : confusion[t]) {
                total += v;
            }
            String name = classNames.get(t) + " (" + t + ")";
            g.setColor(Palette.TEXT);
            g.drawString(name, LEFT - 8 - fm.stringWidth(name), TOP + t * cell + cell / 2 + fm.getAscent() / 2 - 1);
            for (int p = 0; p < K; p++) {
                double share = total == 0 ? 0 : (double) confusion[t][p] / total;
                g.setColor(shade(share));
                g.fillRect(LEFT + p * cell, TOP + t * cell, cell, cell);
                String count = Long.toString(confusion[t][p]);
                g.setColor(share > 0.5 ? Color.WHITE : Palette.TEXT);
                g.drawString(count, LEFT + p * cell + (cell - fm.stringWidth(count)) / 2, TOP + t * cell + cell / 2 + fm.getAscent() / 2 - 1);
            }
        }
        g.setColor(Palette.TEXT);
        for (int p = 0; p < K; p++) {
            String index = Integer.toString(p);
            g.drawString(index, LEFT + p * cell + (cell - fm.stringWidth(index)) / 2, TOP - 8);
        }
        g.drawRect(LEFT, TOP, K * cell, K * cell);
        g.dispose();
        return img;
    }

    /** White for 0 to dark blue for 1. */
    static Color shade(double share) {
        double s = Math.max(0, Math.min(1, share));
        return new Color((int) Math.round(255 - s * (255 - 0x08)), (int) Math.round(255 - s * (255 - 0x30)),
                (int) Math.round(255 - s * (255 - 0x6b)));
    }
}
