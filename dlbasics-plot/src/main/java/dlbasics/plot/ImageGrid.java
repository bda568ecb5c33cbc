package dlbasics.plot;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The course's {@code print_mislabeled_images}: every example whose prediction differs from its label,
 * enlarged, titled "Prediction: cat" over "Class: non-cat"; labels are class indices into the names, so
 * any number of classes works.
 */
public final class ImageGrid {
    private static final int HEAD = 44;
    /** Height of the title band above the grid. */
    static final int TITLE = 34;

    private ImageGrid() {
    }

    /**
     * @param X           images, {@code (height·width·3) x m} (colour) or {@code (height·width) x m} (grey), each
     *                    column an image flattened in C order (row, column, channel), values in [0, 1] (pixels / 255)
     * @param predictions predicted labels, {@code 1 x m}
     * @param Y           true labels, {@code 1 x m}
     * @param classNames  label k is called {@code classNames.get(k)}
     * @param maxImages   draw at most this many (the first ones)
     * @return the grid, or null when nothing is mislabelled
     */
    public static BufferedImage mislabelled(Matrix X, Matrix predictions, Matrix Y, List<String> classNames,
                                            int height, int width, int columns, int maxImages) {
        return mislabelled(X, predictions, Y, classNames, height, width, columns, maxImages, null);
    }

    /**
     * The same grid under {@code title} (null: none), which says "showing 10 of 15" when more images
     * are mislabelled than {@code maxImages} shows.
     */
    public static BufferedImage mislabelled(Matrix X, Matrix predictions, Matrix Y, List<String> classNames,
                                            int height, int width, int columns, int maxImages, String title) {
        Png.headless();
        if (X.rows() != height * width * 3 && X.rows() != height * width) {
            throw new IllegalArgumentException(String.format(
                    "ImageGrid.mislabelled: X is %s but %dx%d images need %d rows (height·width·3, colour) or %d (height·width, grey), "
                            + "one image per column", Shapes.shape(X), height, width, height * width * 3, height * width));
        }
        if (predictions.cols() != X.cols() || Y.cols() != X.cols() || predictions.rows() != 1 || Y.rows() != 1) {
            throw new IllegalArgumentException(String.format(
                    "ImageGrid.mislabelled: X is %s, predictions %s and Y %s; both label rows must be 1 x m with m = X.cols()",
                    Shapes.shape(X), Shapes.shape(predictions), Shapes.shape(Y)));
        }
        List<Integer> wrong = new ArrayList<>();
        int total = 0;
        for (int j = 0; j < X.cols(); j++) {
            if (predictions.get(0, j) != Y.get(0, j)) {
                total++;
                if (wrong.size() < maxImages) {
                    wrong.add(j);
                }
            }
        }
        if (wrong.isEmpty()) {
            return null;
        }
        int top = title == null ? 0 : TITLE;
        int zoom = 2;
        int cellW = Math.max(width * zoom, 150) + 10;
        int cellH = height * zoom + HEAD + 10;
        int cols = Math.min(columns, wrong.size());
        int rows = (wrong.size() + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * cellW, top + rows * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        if (title != null) {
            String count = total > wrong.size() ? " (showing " + wrong.size() + " of " + total + ")" : " (" + total + ")";
            Axes.title(g, title + count, img.getWidth() / 2, 24);
        }
        for (int k = 0; k < wrong.size(); k++) {
            int j = wrong.get(k);
            int x0 = (k % cols) * cellW;
            int y0 = top + (k / cols) * cellH;
            String predicted = name(classNames, predictions.get(0, j));
            String actual = name(classNames, Y.get(0, j));
            Axes.title(g, "Prediction: " + predicted, x0 + cellW / 2, y0 + 18);
            Axes.title(g, "Class: " + actual, x0 + cellW / 2, y0 + 36);
            BufferedImage picture = image(X, j, height, width);
            g.drawImage(picture, x0 + (cellW - width * zoom) / 2, y0 + HEAD, width * zoom, height * zoom, null);
        }
        g.dispose();
        return img;
    }

    /** Column j of X as an RGB picture (grey when X has height·width rows); values in [0, 1] are scaled by 255 and clipped. */
    static BufferedImage image(Matrix X, int j, int height, int width) {
        BufferedImage p = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int channels = X.rows() == height * width ? 1 : 3;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int base = (r * width + c) * channels;
                int red = byteOf(X.get(base, j));
                int green = channels == 1 ? red : byteOf(X.get(base + 1, j));
                int blue = channels == 1 ? red : byteOf(X.get(base + 2, j));
                p.setRGB(c, r, (red << 16) | (green << 8) | blue);
            }
        }
        return p;
    }

    private static int byteOf(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    private static String name(List<String> classNames, double label) {
        int k = (int) label;
        return k >= 0 && k < classNames.size() ? classNames.get(k) : Integer.toString(k);
    }
}
