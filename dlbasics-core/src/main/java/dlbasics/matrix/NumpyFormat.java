package dlbasics.matrix;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prints a matrix as numpy prints a 2-D float64 array with its default options (precision 8,
 * {@code floatmode='maxprec'}, no suppression), e.g. {@code [[ 0.01624345 -0.00611756]]}.
 */
public final class NumpyFormat {
    private static final int PRECISION = 8;

    private NumpyFormat() {
    }

    /** The matrix as numpy's {@code print(A)} shows it. */
    public static String format(Matrix m) {
        if (m.size() == 0) {
            return "[]";
        }
        double[] d = m.data();
        String[] cells = formatAll(d);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.rows(); i++) {
            if (i > 0) {
                sb.append('\n').append(' ');
            }
            sb.append('[');
            for (int j = 0; j < m.cols(); j++) {
                if (j > 0) {
                    sb.append(' ');
                }
                sb.append(cells[i * m.cols() + j]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** Each value formatted with a common width, aligned on the decimal point. */
    static String[] formatAll(double[] d) {
        double maxAbs = 0;
        double minAbs = Double.POSITIVE_INFINITY;
        boolean anyNegative = false;
        for (double v : d) {
            if (Double.isFinite(v)) {
                double a = Math.abs(v);
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) {
                    minAbs = Math.min(minAbs, a);
                }
            }
            anyNegative |= v < 0 || (v == 0 && 1 / v < 0);
        }
        boolean scientific = maxAbs >= 1e8 || (minAbs < 1e-4) || (minAbs != Double.POSITIVE_INFINITY && maxAbs / minAbs > 1e3);
        String[] ints = new String[d.length];
        String[] fracs = new String[d.length];
        int intWidth = 0;
        int fracWidth = 0;
        for (int i = 0; i < d.length; i++) {
            String s = scientific ? scientificDigits(d[i]) : positionalDigits(d[i]);
            int dot = s.indexOf('.');
            ints[i] = dot < 0 ? s : s.substring(0, dot + 1);
            fracs[i] = dot < 0 ? "" : s.substring(dot + 1);
            intWidth = Math.max(intWidth, ints[i].length());
            fracWidth = Math.max(fracWidth, fracs[i].length());
        }
        if (anyNegative) {
            for (String s : ints) {
                intWidth = Math.max(intWidth, s.startsWith("-") ? s.length() : s.length() + 1);
            }
        }
        String[] out = new String[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = " ".repeat(intWidth - ints[i].length()) + ints[i] + fracs[i] + " ".repeat(fracWidth - fracs[i].length());
        }
        return out;
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        return v > 0 ? "inf" : "-inf";
    }

    /** Shortest round-trip digits, at most 8 after the point, trailing zeros trimmed down to "1.". */
    private static String positionalDigits(double v) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        BigDecimal b = new BigDecimal(Double.toString(v));
        if (b.scale() > PRECISION) {
            b = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN);
        }
        b = b.stripTrailingZeros();
        String s = b.scale() <= 0 ? b.setScale(0).toPlainString() + "." : b.toPlainString();
        if (v == 0 && 1 / v < 0) {
            s = "-" + s;
        }
        return s;
    }

    /** Mantissa with at most 8 fractional digits and a two-digit signed exponent: 1.2345e-05. */
    private static String scientificDigits(double v) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        if (v == 0) {
            return "0.e+00";
        }
        BigDecimal b = new BigDecimal(Double.toString(v));
        int exp = b.precision() - b.scale() - 1;
        BigDecimal mant = b.movePointLeft(exp);
        if (mant.scale() > PRECISION) {
            mant = new BigDecimal(v).movePointLeft(exp).setScale(PRECISION, RoundingMode.HALF_EVEN);
        }
        mant = mant.stripTrailingZeros();
        String ms = mant.scale() <= 0 ? mant.setScale(0).toPlainString() + "." : mant.toPlainString();
        String es = String.format("%s%02d", exp < 0 ? "-" : "+", Math.abs(exp));
        return ms + "e" + es;
    }
}
