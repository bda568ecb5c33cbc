package dlbasics.plot;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.model.Network;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.function.UnaryOperator;

/**
 * The course's decision-boundary picture for 2-D data ({@code plot_decision_boundary}): the plane
 * around the points coloured by the class the model predicts there (filled regions, Spectral colours),
 * then the points on top in the colour of their true label, axes x1 and x2 (or the data's column
 * names) and, when the class names are given, a legend.
 *
 * <p>The course evaluates the model on a 0.01 grid over [min - 1, max + 1] of each coordinate; here
 * every pixel of the plot area is evaluated at its centre, over the same range (for data spread over
 * more than 20 units the margin is 5 % of the range instead of 1).
 */
public final class DecisionBoundary {
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 34;
    static final int BOTTOM = 46;

    private DecisionBoundary() {
    }

    /** The regions of {@code network} and the points of {@code data} (X {@code 2 x m}, Y {@code 1 x m}). */
    public static BufferedImage render(Network network, Dataset data, String title, int width, int height) {
        return render(network::predict, data.X(), data.Y(), title, width, height);
    }

    /**
     * @param predict labels for points: given P ({@code 2 x k}, one point per column) returns {@code 1 x k} of 0/1
     * @param X       the points, {@code 2 x m}
     * @param Y       their labels, {@code 1 x m}
     */
    public static BufferedImage render(UnaryOperator<Matrix> predict, Matrix X, Matrix Y, String title, int width, int height) {
        return render(predict, X, Y, title, "x1", "x2", null, width, height);
    }

    /**
     * The same picture with the axes named after the data's columns and, when {@code classNames} is
     * given, a legend naming the class of each colour (label k is {@code classNames.get(k)}).
     *
     * @param predict labels for points: given P ({@code 2 x k}, one point per column) returns {@code 1 x k} of 0/1
     * @param X       the points, {@code 2 x m}
     * @param Y       their labels, {@code 1 x m}
     */
    public static BufferedImage render(UnaryOperator<Matrix> predict, Matrix X, Matrix Y, String title, String xName, String yName,
                                       java.util.List<String> classNames, int width, int height) {
        Png.headless();
        if (X.rows() != 2) {
            throw new IllegalArgumentException(String.format(
                    "DecisionBoundary: X is %s; a decision boundary can be drawn for 2-D data only (X 2 x m)%s",
                    Shapes.shape(X), X.cols() == 2 ? " — examples go in columns, did you mean X.transpose()?" : ""));
        }
        Dataset.validate("DecisionBoundary", X, Y, classNames == null ? 2 : Math.max(2, classNames.size()));
        if (width < LEFT + RIGHT + 20 || height < TOP + BOTTOM + 20) {
            throw new IllegalArgumentException("DecisionBoundary: " + width + "x" + height + " pixels is too small; use at least 200x200");
        }
        double[] xr = range(X.row(0));
        double[] yr = range(X.row(1));
        int pw = width - LEFT - RIGHT;
        int ph = height - TOP - BOTTOM;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        // the regions: one row of pixels at a time, P is 2 x pw
        Matrix P = Matrix.zeros(2, pw);
        for (int py = 0; py < ph; py++) {
            double y = yr[1] - (py + 0.5) / ph * (yr[1] - yr[0]);
            for (int px = 0; px < pw; px++) {
                P.set(0, px, xr[0] + (px + 0.5) / pw * (xr[1] - xr[0]));
                P.set(1, px, y);
            }
            Matrix labels = predict.apply(P);
            if (labels.cols() != pw) {
                throw new IllegalStateException("DecisionBoundary: the model returned " + Shapes.shape(labels) + " labels for " + pw + " points");
            }
            for (int px = 0; px < pw; px++) {
                img.setRGB(LEFT + px, TOP + py, Palette.region(labels.get(0, px)).getRGB());
            }
        }

        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double r = Math.max(2.5, Math.min(pw, ph) / 110.0);
        g.setStroke(new BasicStroke(0.6f));
        for (int j = 0; j < X.cols(); j++) {
            double sx = LEFT + (X.get(0, j) - xr[0]) / (xr[1] - xr[0]) * pw;
            double sy = TOP + (yr[1] - X.get(1, j)) / (yr[1] - yr[0]) * ph;
            Ellipse2D dot = new Ellipse2D.Double(sx - r, sy - r, 2 * r, 2 * r);
            g.setColor(Palette.point(Y.get(0, j)));
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.draw(dot);
        }
        Axes.draw(g, LEFT, TOP, pw, ph, xr, yr, xName, yName, title);
        if (classNames != null && classNames.size() >= 2) {
            legend(g, LEFT + pw - 8, TOP + 8, classNames);
        }
        g.dispose();
        return img;
    }

    /** A white box in the top right corner (right edge at {@code right}): a dot of each class colour and its name. */
    static void legend(Graphics2D g, int right, int top, java.util.List<String> classNames) {
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        java.awt.FontMetrics fm = g.getFontMetrics();
        int textWidth = 0;
        for (String name : classNames) {
            textWidth = Math.max(textWidth, fm.stringWidth(name));
        }
        int line = fm.getHeight() + 2;
        int w = textWidth + 34;
        int h = classNames.size() * line + 8;
        int x = right - w;
        g.setColor(Color.WHITE);
        g.fillRect(x, top, w, h);
        g.setColor(Palette.TEXT);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, top, w, h);
        for (int k = 0; k < classNames.size(); k++) {
            int cy = top + 4 + k * line + line / 2;
            Ellipse2D dot = new Ellipse2D.Double(x + 8, cy - 5, 10, 10);
            g.setColor(Palette.point(k));
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.draw(dot);
            g.setColor(Palette.TEXT);
            g.drawString(classNames.get(k), x + 26, cy + fm.getAscent() / 2 - 1);
        }
    }

    /** [min - pad, max + pad] of a row of values: pad 1 as in the course, 5 % of the range for wide data. */
    static double[] range(Matrix row) {
        double min = row.min();
        double max = row.max();
        double span = max - min;
        double pad = Math.max(0.05 * span, Math.min(1.0, span > 0 ? 0.5 * span : 1.0));
        return new double[] {min - pad, max + pad};
    }
}
