package dlbasics.matrix;

/**
 * The fast API: the same maths as {@link Matrix}'s methods, written into caller-owned outputs so a
 * training loop allocates nothing. Each method checks shapes and names itself in errors. Outputs may
 * be the same object as an input where the javadoc says so (in-place use).
 *
 * <p>{@code MatrixOpsTest} proves every method here equals its {@link Matrix} counterpart.
 */
public final class MatrixOps {
    /** Gathers of at least this many entries split their rows across {@link Gemm}'s threads. */
    static final int GATHER_PARALLEL_MIN = 1 << 14;
    private static final ThreadLocal<GatherJob> GATHERS = ThreadLocal.withInitial(GatherJob::new);

    private MatrixOps() {
    }

    /**
     * {@code out[:, j] = a[:, columns[offset + j]]} for j = 0..out.cols()-1: numpy's
     * {@code a[:, columns[offset:offset + k]]} into a caller-owned {@code a.rows() x k} output, such as a
     * mini-batch of X gathered in a shuffled order. Examples are columns, so each value read is a
     * separate cache line of a; large gathers split their rows across {@link Gemm}'s threads (the values
     * copied do not depend on it). Allocates nothing.
     *
     * @throws IllegalArgumentException when out has another number of rows than a, the positions run past
     *                                  the end of {@code columns}, or a position names no column of a
     */
    public static void selectColumns(Matrix a, int[] columns, int offset, Matrix out) {
        int k = out.cols();
        if (out.rows() != a.rows()) {
            throw new IllegalArgumentException(String.format(
                    "selectColumns: a is %s but out is %s; out must have a's %d rows (one column per selected example)",
                    Shapes.shape(a), Shapes.shape(out), a.rows()));
        }
        if (offset < 0 || offset > columns.length - k) {
            throw new IllegalArgumentException(String.format(
                    "selectColumns: positions %d..%d of %d column indices asked for (out is %s); pass an offset from 0 to %d",
                    offset, offset + k - 1, columns.length, Shapes.shape(out), Math.max(0, columns.length - k)));
        }
        if (out.data() == a.data() && out.size() > 0) {
            throw new IllegalArgumentException("selectColumns: the output is the input; pass a separate output matrix");
        }
        for (int j = 0; j < k; j++) {
            int c = columns[offset + j];
            if (c < 0 || c >= a.cols()) {
                throw new IllegalArgumentException(String.format(
                        "selectColumns: column index %d (position %d) is outside the %d columns of a (%s)",
                        c, offset + j, a.cols(), Shapes.shape(a)));
            }
        }
        GatherJob job = GATHERS.get();
        job.set(a.data(), a.cols(), columns, offset, out.data(), k, a.rows());
        try {
            int chunks = job.chunks();
            if ((long) a.rows() * k >= GATHER_PARALLEL_MIN && chunks > 1) {
                Gemm.pool().run(job, chunks);
            } else {
                for (int chunk = 0; chunk < chunks; chunk++) {
                    job.runChunk(chunk);
                }
            }
        } finally {
            job.clear();
        }
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
            addToRow(ad, bd[i], od, i * c, c);
        }
    }

    /** {@code od[o..o+c-1] = ad[o..o+c-1] + v}: one index for both arrays (C2 vectorises it), called once per row. */
    private static void addToRow(double[] ad, double v, double[] od, int o, int c) {
        for (int j = o; j < o + c; j++) {
            od[j] = ad[j] + v;
        }
    }

    /**
     * numpy's pairwise sum of {@code values[from .. from+n-1]}, bit for bit what {@code np.sum} gives for
     * a contiguous float64 array: fewer than 8 values are added left to right from 0; up to 128 go into
     * 8 running sums (value i into sum i mod 8), combined as ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)), then
     * the leftover (n mod 8) values are added in order; longer runs split at {@code n/2} rounded down to a
     * multiple of 8 and add the two halves' sums. The result is {@code 0.0 + } that sum, as numpy starts
     * the reduction from its identity (so {@code -0.0} sums to {@code 0.0}). Its rounding error grows like
     * log n instead of n.
     */
    public static double pairwiseSum(double[] values, int from, int n) {
        if (from < 0 || n < 0 || from > values.length - n) {
            throw new IllegalArgumentException(String.format(
                    "pairwiseSum: range [%d, %d) is outside an array of %d values", from, (long) from + n, values.length));
        }
        return 0.0 + pairwise(values, from, n);
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= 128) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                int o = from + i;
                r0 += a[o];
                r1 += a[o + 1];
                r2 += a[o + 2];
                r3 += a[o + 3];
                r4 += a[o + 4];
                r5 += a[o + 5];
                r6 += a[o + 6];
                r7 += a[o + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }

    /**
     * {@code out = Σ_j a[i][j]} with each row summed pairwise: bit for bit numpy's
     * {@code np.sum(a, axis=1, keepdims=True)} (see {@link #pairwiseSum}). a is {@code n x m}, out
     * {@code n x 1}; out may be a when m = 1.
     */
    public static void rowSumsPairwise(Matrix a, Matrix out) {
        Shapes.output("rowSumsPairwise", out, a.rows(), 1);
        int c = a.cols();
        double[] ad = a.data();
        double[] od = out.data();
        for (int i = 0; i < a.rows(); i++) {
            od[i] = pairwiseSum(ad, i * c, c);
        }
    }

    /**
     * {@code out = Σ_j a[i][j]}, an {@code n x 1} column of row sums, each added left to right from 0.
     * Four rows are summed side by side (each sum waits on its previous add; four chains keep the adder
     * busy), which changes no bit. out may be a when m = 1.
     */
    public static void rowSums(Matrix a, Matrix out) {
        Shapes.output("rowSums", out, a.rows(), 1);
        int r = a.rows();
        int c = a.cols();
        double[] ad = a.data();
        double[] od = out.data();
        int i = 0;
        for (; i + 4 <= r; i += 4) {
            sumFourRows(ad, i * c, c, od, i);
        }
        for (; i < r; i++) {
            double s = 0;
            int o = i * c;
            for (int j = 0; j < c; j++) {
                s += ad[o + j];
            }
            od[i] = s;
        }
    }

    /** {@code od[i..i+3]} = the sums of the four rows of length c starting at o (a small method: the JIT compiles it quickly). */
    private static void sumFourRows(double[] ad, int o, int c, double[] od, int i) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int j = 0; j < c; j++) {
            s0 += ad[o + j];
            s1 += ad[o + c + j];
            s2 += ad[o + 2 * c + j];
            s3 += ad[o + 3 * c + j];
        }
        od[i] = s0;
        od[i + 1] = s1;
        od[i + 2] = s2;
        od[i + 3] = s3;
    }
}
