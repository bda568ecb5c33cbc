package dlbasics.plot;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.math.BigDecimal;

/** A frame with ticks at round numbers, axis names and a title, drawn with Java2D around a plot area. */
final class Axes {
    private Axes() {
    }

    static void draw(Graphics2D g, int left, int top, int pw, int ph, double[] xr, double[] yr,
                     String xName, String yName, String title) {
        g.setColor(Palette.TEXT);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, pw, ph);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        for (double v : ticks(xr[0], xr[1], Math.max(2, pw / 80))) {
            int x = left + (int) Math.round((v - xr[0]) / (xr[1] - xr[0]) * pw);
            g.drawLine(x, top + ph, x, top + ph + 4);
            String s = label(v);
            g.drawString(s, x - fm.stringWidth(s) / 2, top + ph + 6 + fm.getAscent());
        }
        for (double v : ticks(yr[0], yr[1], Math.max(2, ph / 60))) {
            int y = top + (int) Math.round((yr[1] - v) / (yr[1] - yr[0]) * ph);
            g.drawLine(left - 4, y, left, y);
            String s = label(v);
            g.drawString(s, left - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        Font axis = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        g.setFont(axis);
        fm = g.getFontMetrics();
        g.drawString(xName, left + pw / 2 - fm.stringWidth(xName) / 2, top + ph + 40);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yName, -(top + ph / 2) - fm.stringWidth(yName) / 2, left - 38);
        g.setTransform(saved);
        title(g, title, left + pw / 2, top - 10);
    }

    /** Centred text with its baseline at y, 14 pt. */
    static void title(Graphics2D g, String text, int centreX, int baseline) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setColor(Palette.TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, centreX - fm.stringWidth(text) / 2, baseline);
    }

    /** Round tick values inside [lo, hi], about {@code target} of them (steps of 1, 2 or 5 times a power of ten). */
    static double[] ticks(double lo, double hi, int target) {
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double f : new double[] {1, 2, 5, 10}) {
            step = f * mag;
            if (step >= raw) {
                break;
            }
        }
        long first = (long) Math.ceil(lo / step);
        long last = (long) Math.floor(hi / step);
        double[] t = new double[(int) Math.max(0, last - first + 1)];
        for (int k = 0; k < t.length; k++) {
            t[k] = (first + k) * step;
        }
        return t;
    }

    static String label(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        return BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
