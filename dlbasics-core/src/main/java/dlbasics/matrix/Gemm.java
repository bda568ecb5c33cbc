package dlbasics.matrix;

/**
 * The matrix product kernel: {@code C = op(A) · op(B)}, where {@code op(X)} is X or its transpose,
 * read in place (no transposed copy is made by the caller).
 *
 * <p>Shapes: {@code op(A)} is {@code n x k}, {@code op(B)} is {@code k x m}, C is {@code n x m} and is
 * overwritten. C must not share storage with A or B.
 *
 * <p>Summation order is fixed and documented, so that every path (blocked, packed, vectorised,
 * split across threads) gives the same bits: each {@code C[i][j]} starts at 0 and adds
 * {@code op(A)[i][p] * op(B)[p][j]} for p = 0, 1, ..., k-1 in that order, one product and one
 * rounding per step (no fused multiply-add). This equals the naive triple loop bit for bit.
 */
public final class Gemm {
    /** Rows of op(B) kept hot in cache per block of the k loop. */
    private static final int K_BLOCK = 128;
    /** Columns of op(B) packed per block when B is read transposed. */
    private static final int N_BLOCK = 512;

    private Gemm() {
    }

    /** Checks that {@code op(A) · op(B)} is defined, with an error that names both shapes and a fix. */
    static void checkProduct(String operation, Matrix a, boolean transA, Matrix b, boolean transB) {
        Shapes.product(operation, a, transA, b, transB);
    }

    /**
     * {@code c = op(a) · op(b)}, overwriting c.
     *
     * @param a      {@code n x k}, or {@code k x n} when {@code transA}
     * @param transA read a transposed
     * @param b      {@code k x m}, or {@code m x k} when {@code transB}
     * @param transB read b transposed
     * @param c      the output, {@code n x m}; must not share storage with a or b
     */
    public static void multiply(Matrix a, boolean transA, Matrix b, boolean transB, Matrix c) {
        checkProduct("Gemm.multiply", a, transA, b, transB);
        int n = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int m = transB ? b.rows() : b.cols();
        Shapes.output("Gemm.multiply", c, n, m);
        if (c.data() == a.data() || c.data() == b.data()) {
            throw new IllegalArgumentException("Gemm.multiply: the output shares storage with an operand; "
                    + "pass a separate output matrix");
        }
        double[] cd = c.data();
        java.util.Arrays.fill(cd, 0.0);
        if (n == 0 || m == 0 || k == 0) {
            return;
        }
        // op(A)[i][p] = ad[i * aRow + p * aCol]
        int aRow = transA ? 1 : k;
        int aCol = transA ? n : 1;
        double[] ad = a.data();
        if (!transB) {
            multiplyRowsOfB(ad, aRow, aCol, b.data(), n, k, m, cd);
        } else {
            double[] bd = b.data();
            int nb = Math.min(N_BLOCK, m);
            double[] panel = new double[Math.min(K_BLOCK, k) * nb];
            for (int j0 = 0; j0 < m; j0 += N_BLOCK) {
                int jn = Math.min(N_BLOCK, m - j0);
                for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                    int pn = Math.min(K_BLOCK, k - p0);
                    // pack op(B)[p0:p0+pn][j0:j0+jn] = B[j0:j0+jn][p0:p0+pn]ᵀ, row by row, stride jn
                    for (int j = 0; j < jn; j++) {
                        int src = (j0 + j) * k + p0;
                        for (int p = 0; p < pn; p++) {
                            panel[p * jn + j] = bd[src + p];
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        int co = i * m + j0;
                        int ao = i * aRow + p0 * aCol;
                        for (int p = 0; p < pn; p++) {
                            axpy(ad[ao + p * aCol], panel, p * jn, cd, co, jn);
                        }
                    }
                }
            }
        }
    }

    /** C += op(A) · B with B row-major ({@code k x m}), blocked over k so a block of B stays in cache. */
    private static void multiplyRowsOfB(double[] ad, int aRow, int aCol, double[] bd, int n, int k, int m,
                                        double[] cd) {
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int pEnd = Math.min(k, p0 + K_BLOCK);
            for (int i = 0; i < n; i++) {
                int co = i * m;
                int ao = i * aRow;
                for (int p = p0; p < pEnd; p++) {
                    axpy(ad[ao + p * aCol], bd, p * m, cd, co, m);
                }
            }
        }
    }

    /** y[yo:yo+len] += alpha * x[xo:xo+len]; one multiply and one add per entry, in order. */
    private static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int len) {
        for (int j = 0; j < len; j++) {
            y[yo + j] += alpha * x[xo + j];
        }
    }
}
