package dlbasics.matrix;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Prints a matrix exactly as numpy's {@code str()} prints a 2-D float64 array with the default print
 * options: {@code precision=8}, {@code floatmode='maxprec'}, {@code suppress=False}, {@code sign='-'},
 * {@code threshold=1000}, {@code edgeitems=3}, {@code linewidth=75}. For example
 * {@code [[ 0.01624345 -0.00611756]]}.
 *
 * <p>What numpy does, and this class with it ({@code numpy/_core/arrayprint.py}):
 * <ul>
 *   <li>One format for the whole array. Scientific notation when a non-zero finite |x| is at least
 *       1e8 or below 1e-4, or the largest over the smallest exceeds 1000; otherwise positional.</li>
 *   <li>Positional: each value's shortest round-trip digits, or, when those need more than 8 digits
 *       after the point, the exact value rounded half-even to 8; trailing zeros dropped but the point
 *       kept ({@code 1.}); integer parts right-aligned (a '-' widens them, so positives get a
 *       space) and fractional parts left-aligned, padded with spaces.</li>
 *   <li>Scientific: the same digits with at most 8 after the point of the mantissa; every mantissa
 *       then padded with zeros to the longest fraction, exponents to at least two digits
 *       ({@code 1.5e-05 1.0e+00}).</li>
 *   <li>{@code nan}, {@code inf}, {@code -inf} right-aligned in the common width.</li>
 *   <li>More than 1000 entries: only the first and last 3 rows and columns are shown (and fit the
 *       format), with {@code ...} between them.</li>
 *   <li>Rows wrap before 75 characters, continuing on a line indented by two spaces.</li>
 * </ul>
 * An empty matrix prints as {@code []}.
 */
public final class NumpyFormat {
    /** Digits after the point (numpy's {@code precision}). */
    static final int PRECISION = 8;
    /** More entries than this are summarised (numpy's {@code threshold}). */
    static final int THRESHOLD = 1000;
    /** Rows and columns kept at each end when summarising (numpy's {@code edgeitems}). */
    static final int EDGE_ITEMS = 3;
    /** The line width (numpy's {@code linewidth}). */
    static final int LINE_WIDTH = 75;

    private NumpyFormat() {
    }

    /** The matrix as numpy's {@code print(A)} shows it; any shape, including empty ({@code []}). */
    public static String format(Matrix m) {
        if (m.size() == 0) {
            return "[]";
        }
        boolean summarise = m.size() > THRESHOLD;
        int[] rowIndex = shown(m.rows(), summarise);
        int[] colIndex = shown(m.cols(), summarise);
        boolean rowGap = rowIndex.length < m.rows();
        boolean colGap = colIndex.length < m.cols();

        double[] fitted = new double[rowIndex.length * colIndex.length];
        int k = 0;
        for (int i : rowIndex) {
            for (int j : colIndex) {
                fitted[k++] = m.get(i, j);
            }
        }
        FloatFormat f = FloatFormat.fit(fitted);

        // numpy's _formatArray for two axes: rows joined by newlines, each row prefixed by one space,
        // then the leading space replaced by '['.
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rowIndex.length; r++) {
            if (r > 0) {
                s.append('\n');
            }
            if (rowGap && r == EDGE_ITEMS) {
                s.append(" ...\n");
            }
            s.append(' ').append(formatRow(m, rowIndex[r], colIndex, colGap, f));
        }
        return "[" + s.substring(1) + "]";
    }

    /** The indices shown along an axis of length n: all, or the first and last EDGE_ITEMS. */
    private static int[] shown(int n, boolean summarise) {
        if (!summarise || n <= 2 * EDGE_ITEMS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] ends = new int[2 * EDGE_ITEMS];
        for (int i = 0; i < EDGE_ITEMS; i++) {
            ends[i] = i;
            ends[EDGE_ITEMS + i] = n - EDGE_ITEMS + i;
        }
        return ends;
    }

    /** One row as {@code [a b c]}, wrapped: numpy's last-axis loop with its _extendLine. */
    private static String formatRow(Matrix m, int i, int[] colIndex, boolean colGap, FloatFormat f) {
        final String indent = "  ";
        // the row sits one bracket deep in a line of LINE_WIDTH, and leaves room for its own ']'
        final int width = LINE_WIDTH - 2;
        StringBuilder s = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < colIndex.length; c++) {
            if (colGap && c == EDGE_ITEMS) {
                extendLine(s, line, "...", width, indent);
                line.append(' ');
            }
            extendLine(s, line, f.format(m.get(i, colIndex[c])), width, indent);
            if (c < colIndex.length - 1) {
                line.append(' ');
            }
        }
        s.append(line);
        return "[" + s.substring(indent.length()) + "]";
    }

    private static void extendLine(StringBuilder s, StringBuilder line, String word, int width, String indent) {
        // don't wrap when the line holds only the indent: it would not help
        if (line.length() + word.length() > width && line.length() > indent.length()) {
            s.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append(indent);
        }
        line.append(word);
    }

    // ------------------------------------------------------------------ one value

    /** numpy's FloatingFormat: the layout fitted to all shown values, then applied to each. */
    static final class FloatFormat {
        private final boolean scientific;
        private int padLeft;
        private final int padRight;
        /** Scientific only: digits after the point of every mantissa, and of every exponent. */
        private final int mantissaDigits;
        private final int exponentDigits;

        private FloatFormat(boolean scientific, int padLeft, int padRight, int mantissaDigits, int exponentDigits) {
            this.scientific = scientific;
            this.padLeft = padLeft;
            this.padRight = padRight;
            this.mantissaDigits = mantissaDigits;
            this.exponentDigits = exponentDigits;
        }

        static FloatFormat fit(double[] values) {
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            int finite = 0;
            boolean negativeInfinity = false;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    finite++;
                    double a = Math.abs(v);
                    if (a != 0) {
                        maxAbs = Math.max(maxAbs, a);
                        minAbs = Math.min(minAbs, a);
                    }
                } else if (v == Double.NEGATIVE_INFINITY) {
                    negativeInfinity = true;
                }
            }
            boolean scientific = minAbs != Double.POSITIVE_INFINITY
                    && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000.0);
            FloatFormat f;
            if (finite == 0) {
                f = new FloatFormat(false, 0, 0, 0, 0);
            } else if (scientific) {
                int intWidth = 0;
                int fracWidth = 0;
                int expWidth = 0;
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        Scientific s = Scientific.of(v);
                        intWidth = Math.max(intWidth, s.negative ? 2 : 1);
                        fracWidth = Math.max(fracWidth, s.digits.length() - 1);
                        expWidth = Math.max(expWidth, Math.max(2, Integer.toString(Math.abs(s.exponent)).length()));
                    }
                }
                f = new FloatFormat(true, intWidth, expWidth + 2 + fracWidth, fracWidth, expWidth);
            } else {
                int intWidth = 0;
                int fracWidth = 0;
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        String s = positional(v);
                        int dot = s.indexOf('.');
                        intWidth = Math.max(intWidth, dot);
                        fracWidth = Math.max(fracWidth, s.length() - dot - 1);
                    }
                }
                f = new FloatFormat(false, intWidth, fracWidth, 0, 0);
            }
            if (finite < values.length) {
                int offset = f.padRight + 1;
                f.padLeft = Math.max(f.padLeft, Math.max("nan".length() - offset,
                        "inf".length() + (negativeInfinity ? 1 : 0) - offset));
            }
            return f;
        }

        String format(double v) {
            if (!Double.isFinite(v)) {
                String word = Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
                return " ".repeat(Math.max(0, padLeft + padRight + 1 - word.length())) + word;
            }
            if (scientific) {
                Scientific s = Scientific.of(v);
                StringBuilder b = new StringBuilder();
                b.append(s.negative ? "-" : "").append(s.digits.charAt(0)).append('.').append(s.digits, 1, s.digits.length());
                b.append("0".repeat(mantissaDigits - (s.digits.length() - 1)));
                String exp = Integer.toString(Math.abs(s.exponent));
                b.append('e').append(s.exponent < 0 ? '-' : '+').append("0".repeat(Math.max(0, exponentDigits - exp.length()))).append(exp);
                return " ".repeat(Math.max(0, padLeft - (s.negative ? 2 : 1))) + b;
            }
            String s = positional(v);
            int dot = s.indexOf('.');
            return " ".repeat(Math.max(0, padLeft - dot)) + s + " ".repeat(Math.max(0, padRight - (s.length() - dot - 1)));
        }
    }

    /**
     * Positional digits as numpy's {@code dragon4_positional(x, precision=8, unique=True, trim='.')}:
     * the shortest round-trip digits if they need at most 8 after the point, else the exact value
     * rounded half-even to 8; trailing zeros dropped, the point kept. {@code -0.0} gives {@code "-0."}.
     */
    static String positional(double v) {
        BigDecimal d = shortest(v);
        if (d.scale() > PRECISION) {
            d = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        // an integer keeps its point ("1."); otherwise the plain digits have one
        String digits = d.scale() <= 0 ? d.abs().toBigInteger() + "." : d.abs().toPlainString();
        return (isNegative(v) ? "-" : "") + digits;
    }

    /** A value in scientific form: significant digits (at most 9, none trailing zero) and exponent. */
    private record Scientific(boolean negative, String digits, int exponent) {
        /** numpy's {@code dragon4_scientific(x, precision=8, unique=True, trim='.')}. */
        static Scientific of(double v) {
            if (v == 0) {
                return new Scientific(isNegative(v), "0", 0);
            }
            BigDecimal d = shortest(v).abs();
            if (d.precision() > PRECISION + 1) {
                d = new BigDecimal(v).abs().round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            }
            String digits = d.unscaledValue().toString();
            int exponent = d.precision() - d.scale() - 1;
            return new Scientific(v < 0, digits, exponent);
        }
    }

    private static boolean isNegative(double v) {
        return v < 0 || (v == 0 && 1 / v < 0);
    }

    /**
     * The shortest decimal that reads back as {@code v} (Steele–White / Dragon4 "unique" digits), the
     * closest to v among equally short ones, with trailing zeros stripped. JDK 17's
     * {@code Double.toString} is not always shortest (it prints {@code 2.0E23} as
     * {@code 1.9999999999999998E23} and {@code Double.MIN_VALUE} as {@code 4.9E-324}), so the digits are
     * searched: for p = 1, 2, ... significant digits, the p-digit decimals just below and just above v
     * are tried.
     */
    static BigDecimal shortest(double v) {
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        // v's exact value cut to 25 digits: far below any 17-digit boundary, so the floors, ceilings and
        // ties at up to 17 digits are those of the exact value, and tiny or huge values stay cheap
        BigDecimal exact = new BigDecimal(v).round(new MathContext(25, RoundingMode.DOWN));
        for (int p = 1; p < 17; p++) {
            MathContext down = new MathContext(p, RoundingMode.FLOOR);
            MathContext up = new MathContext(p, RoundingMode.CEILING);
            BigDecimal lo = exact.round(down);
            BigDecimal hi = exact.round(up);
            boolean loOk = lo.doubleValue() == v;
            boolean hiOk = hi.doubleValue() == v;
            if (loOk && hiOk) {
                int c = exact.subtract(lo).compareTo(hi.subtract(exact));
                if (c == 0) {
                    // equally close: the one with an even last digit, as correct rounding would pick
                    return (lo.unscaledValue().testBit(0) ? hi : lo).stripTrailingZeros();
                }
                return (c < 0 ? lo : hi).stripTrailingZeros();
            }
            if (loOk) {
                return lo.stripTrailingZeros();
            }
            if (hiOk) {
                return hi.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
