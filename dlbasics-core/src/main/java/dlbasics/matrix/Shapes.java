package dlbasics.matrix;

/**
 * Shape checks whose messages teach: {@code <operation>: <what is wrong>; <names and shapes>; <hint>}.
 *
 * <p>A caller's mistake throws {@link IllegalArgumentException}; the message is only formatted when
 * the check fails.
 */
public final class Shapes {
    private Shapes() {
    }

    /** "20x12288": the shape of {@code m} as rows x cols. */
    public static String shape(Matrix m) {
        return m.rows() + "x" + m.cols();
    }

    /** Throws {@code IllegalArgumentException(String.format(template, args))} unless {@code ok}. */
    public static void check(boolean ok, String template, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(template, args));
        }
    }

    /** Checks that {@code a} and {@code b} have the same shape, for an element-wise operation. */
    public static void sameShape(String operation, Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            String hint = (a.rows() == b.cols() && a.cols() == b.rows())
                    ? "did you mean to transpose one of them?"
                    : (b.cols() == 1 && b.rows() == a.rows())
                    ? "to add a column vector to every column, use plusColumn"
                    : (b.rows() == 1 && b.cols() == a.cols())
                    ? "to add a row vector to every row, use plusRow"
                    : "element-wise operations need equal shapes";
            throw new IllegalArgumentException(String.format(
                    "%s: shapes differ; this is %s but the other is %s; %s",
                    operation, shape(a), shape(b), hint));
        }
    }

    /** Checks that {@code v} is a column vector of {@code rows} rows (for column broadcasting). */
    public static void columnVector(String operation, Matrix a, Matrix v) {
        if (v.cols() != 1 || v.rows() != a.rows()) {
            throw new IllegalArgumentException(String.format(
                    "%s: expected a %dx1 column vector to broadcast over a %s matrix, got %s; "
                            + "a column vector has one entry per row%s",
                    operation, a.rows(), shape(a), shape(v),
                    v.rows() == 1 && v.cols() == a.rows() ? " (did you mean its transpose?)" : ""));
        }
    }

    /** Checks that {@code v} is a row vector of {@code cols} columns (for row broadcasting). */
    public static void rowVector(String operation, Matrix a, Matrix v) {
        if (v.rows() != 1 || v.cols() != a.cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: expected a 1x%d row vector to broadcast over a %s matrix, got %s; "
                            + "a row vector has one entry per column%s",
                    operation, a.cols(), shape(a), shape(v),
                    v.cols() == 1 && v.rows() == a.cols() ? " (did you mean its transpose?)" : ""));
        }
    }

    /** Checks an output buffer's shape for the fast API (caller-owned outputs). */
    public static void output(String operation, Matrix out, int rows, int cols) {
        if (out.rows() != rows || out.cols() != cols) {
            throw new IllegalArgumentException(String.format(
                    "%s: the output is %s but the result is %dx%d; allocate the output with Matrix.zeros(%d, %d)",
                    operation, shape(out), rows, cols, rows, cols));
        }
    }
}
