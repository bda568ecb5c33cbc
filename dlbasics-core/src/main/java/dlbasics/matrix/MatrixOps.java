package dlbasics.matrix;

/**
 * The fast API: the same maths as {@link Matrix}'s methods, written into caller-owned outputs so a
 * training loop allocates nothing. Each method checks shapes and names itself in errors. Outputs may
 * be the same object as an input where the javadoc says so (in-place use).
 *
 * <p>{@code MatrixOpsTest} proves every method here equals its {@link Matrix} counterpart.
 */
public final class MatrixOps {
    private MatrixOps() {
    }

    /** {@code out = aᵀ}; a is {@code n x m}, out is {@code m x n} and must not be a. */
    public static void transpose(Matrix a, Matrix out) {
        int r = a.rows();
        int c = a.cols();
        Shapes.output("transpose", out, c, r);
        if (out.data() == a.data() && a.size() > 1) {
            throw new IllegalArgumentException(String.format(
                    "transpose: the output is the input (%s); a transpose cannot be written in place, pass a separate "
                            + "%dx%d output", Shapes.shape(a), c, r));
        }
        double[] ad = a.data();
        double[] od = out.data();
        final int block = 32;
        for (int i0 = 0; i0 < r; i0 += block) {
            int iEnd = Math.min(r, i0 + block);
            for (int j0 = 0; j0 < c; j0 += block) {
                int jEnd = Math.min(c, j0 + block);
                for (int i = i0; i < iEnd; i++) {
                    for (int j = j0; j < jEnd; j++) {
                        od[j * r + i] = ad[i * c + j];
                    }
                }
            }
        }
    }

    /** {@code out = s * a}; out may be a. */
    public static void scale(double s, Matrix a, Matrix out) {
        Shapes.output("scale", out, a.rows(), a.cols());
        double[] ad = a.data();
        double[] od = out.data();
        for (int i = 0; i < ad.length; i++) {
            od[i] = s * ad[i];
        }
    }

    /** {@code out = a + b} element-wise; out may be a or b. */
    public static void plus(Matrix a, Matrix b, Matrix out) {
        Shapes.sameShape("plus", a, b);
        Shapes.output("plus", out, a.rows(), a.cols());
        double[] ad = a.data();
        double[] bd = b.data();
        double[] od = out.data();
        for (int i = 0; i < ad.length; i++) {
            od[i] = ad[i] + bd[i];
        }
    }

    /** {@code out = a - b} element-wise; out may be a or b. */
    public static void minus(Matrix a, Matrix b, Matrix out) {
        Shapes.sameShape("minus", a, b);
        Shapes.output("minus", out, a.rows(), a.cols());
        double[] ad = a.data();
        double[] bd = b.data();
        double[] od = out.data();
        for (int i = 0; i < ad.length; i++) {
            od[i] = ad[i] - bd[i];
        }
    }

    /** {@code out = a * b} element-wise; out may be a or b. */
    public static void times(Matrix a, Matrix b, Matrix out) {
        Shapes.sameShape("times", a, b);
        Shapes.output("times", out, a.rows(), a.cols());
        double[] ad = a.data();
        double[] bd = b.data();
        double[] od = out.data();
        for (int i = 0; i < ad.length; i++) {
            od[i] = ad[i] * bd[i];
        }
    }

    /**
     * {@code a = a - rate * g}: the gradient-descent update {@code W = W - learning_rate * dW}, in place.
     * One multiply and one subtract per entry, as the course's numpy expression rounds.
     */
    public static void subtractScaled(Matrix a, double rate, Matrix g) {
        Shapes.sameShape("subtractScaled", a, g);
        double[] ad = a.data();
        double[] gd = g.data();
        for (int i = 0; i < ad.length; i++) {
            ad[i] = ad[i] - rate * gd[i];
        }
    }

    /** {@code out = a + b} with the {@code n x 1} column b added to every column of a; out may be a. */
    public static void plusColumn(Matrix a, Matrix b, Matrix out) {
        Shapes.columnVector("plusColumn", a, b);
        Shapes.output("plusColumn", out, a.rows(), a.cols());
        int r = a.rows();
        int c = a.cols();
        double[] ad = a.data();
        double[] bd = b.data();
        double[] od = out.data();
        for (int i = 0; i < r; i++) {
            double v = bd[i];
            int o = i * c;
            for (int j = 0; j < c; j++) {
                od[o + j] = ad[o + j] + v;
            }
        }
    }

    /** {@code out = Σ_j a[i][j]}, an {@code n x 1} column of row sums, added left to right. */
    public static void rowSums(Matrix a, Matrix out) {
        Shapes.output("rowSums", out, a.rows(), 1);
        int r = a.rows();
        int c = a.cols();
        double[] ad = a.data();
        double[] od = out.data();
        for (int i = 0; i < r; i++) {
            double s = 0;
            int o = i * c;
            for (int j = 0; j < c; j++) {
                s += ad[o + j];
            }
            od[i] = s;
        }
    }
}
