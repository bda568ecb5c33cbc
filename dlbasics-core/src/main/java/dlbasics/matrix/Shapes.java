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

    /**
     * Checks that {@code op(A) · op(B)} is defined ({@code op(X)} is X, or Xᵀ when its flag is set), with
     * an error that names the operation, both shapes, the rule and the call that would work, e.g.
     * {@code mult: A is 20x12288 but B is 209x12288 (A.cols must equal B.rows); did you mean
     * A.multTranspose(B), that is A · Bᵀ? examples go in columns}.
     *
     * @param operation {@code mult}, {@code transposeMult}, {@code multTranspose} or a kernel's name
     */
    public static void product(String operation, Matrix a, boolean transA, Matrix b, boolean transB) {
        int ak = transA ? a.rows() : a.cols();
        int bk = transB ? b.cols() : b.rows();
        if (ak == bk) {
            return;
        }
        // would reading B (or A) the other way round make the inner dimensions agree?
        boolean flipB = ak == (transB ? b.rows() : b.cols());
        boolean flipA = (transA ? a.cols() : a.rows()) == bk;
        String hint;
        if (flipB) {
            hint = "did you mean " + call(operation, transA, !transB) + "? examples go in columns";
        } else if (flipA) {
            hint = "did you mean " + call(operation, !transA, transB) + "?";
        } else {
            hint = "no transpose helps: the inner dimensions must agree, (n x k) · (k x m)";
        }
        throw new IllegalArgumentException(String.format("%s: A is %s but B is %s (%s must equal %s); %s",
                operation, shape(a), shape(b), transA ? "A.rows" : "A.cols", transB ? "B.cols" : "B.rows", hint));
    }

    /** The call computing op(A) · op(B) with these flags, in the caller's vocabulary. */
    private static String call(String operation, boolean transA, boolean transB) {
        boolean matrixMethod = operation.equals("mult") || operation.equals("transposeMult")
                || operation.equals("multTranspose");
        if (!matrixMethod) {
            return String.format("transA=%b, transB=%b, that is %s · %s", transA, transB,
                    transA ? "Aᵀ" : "A", transB ? "Bᵀ" : "B");
        }
        if (transA && transB) {
            return "B.mult(A).transpose(), that is Aᵀ · Bᵀ";
        }
        if (transA) {
            return "A.transposeMult(B), that is Aᵀ · B";
        }
        if (transB) {
            return "A.multTranspose(B), that is A · Bᵀ";
        }
        return "A.mult(B), that is A · B";
    }

    /** Checks that {@code a} and {@code b} have the same shape, for an element-wise operation. */
    public static void sameShape(String operation, Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            String named = broadcastName(operation);
            String hint = (a.rows() == b.cols() && a.cols() == b.rows())
                    ? "did you mean to transpose one of them?"
                    : (b.cols() == 1 && b.rows() == a.rows())
                    ? "to apply a column vector to every column, use " + named + "Column"
                    : (b.rows() == 1 && b.cols() == a.cols())
                    ? "to apply a row vector to every row, use " + named + "Row"
                    : "element-wise operations need equal shapes";
            throw new IllegalArgumentException(String.format(
                    "%s: shapes differ; this is %s but the other is %s; %s",
                    operation, shape(a), shape(b), hint));
        }
    }

    /**
     * Checks that two named operands have the same shape, e.g.
     * {@code reluBackward: dA is 3x4 but Z is 4x3; they must have the same shape (did you mean to transpose one of them?)}.
     */
    public static void sameShape(String operation, String nameA, Matrix a, String nameB, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(String.format("%s: %s is %s but %s is %s; they must have the same shape%s",
                    operation, nameA, shape(a), nameB, shape(b),
                    a.rows() == b.cols() && a.cols() == b.rows() ? " (did you mean to transpose one of them?)" : ""));
        }
    }

    /** "plus" for plus, and so on; "plus/minus/times/divide" for any other operation. */
    private static String broadcastName(String operation) {
        switch (operation) {
            case "plus":
            case "minus":
            case "times":
            case "divide":
                return operation;
            default:
                return "{plus,minus,times,divide}";
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
