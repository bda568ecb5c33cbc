package dlbasics.matrix;

/**
 * The plain-Java product loop, used when the Vector API module is absent (or switched off with
 * {@code -Ddlbasics.vector=false}). The JIT vectorises its inner {@code y += alpha * x} loop.
 *
 * <p>Order of additions: see {@link GemmKernel}; within one C entry p always increases. When B is
 * read transposed, a small op(B) is copied once into the job's reusable buffer; a large one is packed
 * in panels that each chunk allocates (this path is the fallback; the Vector API kernel allocates
 * nothing).
 */
final class ScalarGemmKernel implements GemmKernel {
    static final ScalarGemmKernel INSTANCE = new ScalarGemmKernel();

    /** Rows of op(B) kept hot in cache per block of the k loop. */
    private static final int K_BLOCK = 128;
    /** Columns of op(B) packed per block when B is read transposed. */
    private static final int N_BLOCK = 512;

    private ScalarGemmKernel() {
    }

    /** Largest op(B) (in doubles) copied whole into the job's buffer when B is read transposed. */
    private static final int PACK_MAX = 1 << 16;

    /**
     * C at most this wide is computed entry by entry (each a dot product over p, several at once) instead
     * of row updates: the flower network's {@code dW1 = dZ1·Xᵀ} (4 x 2) and {@code dW2} (1 x 4) would
     * otherwise run 1600 row updates of length 2.
     */
    static final int NARROW = 4;

    /**
     * With B read transposed, C with at most this many rows is also computed entry by entry: each row of
     * op(B) is then a contiguous row of B, and {@code dW2 = dZ2 · A1ᵀ} (1 x 400 · (h x 400)ᵀ) needs no
     * transposed copy of A1.
     */
    static final int FEW_ROWS = 8;

    /**
     * Products with at most this many terms per entry (k) and B read in place are computed entry by entry:
     * the flower network's {@code Z1 = W1·X} (k = 2) and {@code Z2 = W2·A1} (k = 4) would otherwise make
     * k passes over each row of C.
     */
    static final int SHORT = 4;

    /** For a small Bᵀ, copies op(B) ({@code k x m}, row-major) into the job's reusable buffer. */
    @Override
    public void prepare(GemmJob job) {
        int k = job.k;
        int m = job.m;
        if (!job.transB || (long) k * m > PACK_MAX || entryByEntry(job)) {
            return;
        }
        double[] bt = job.buffer(k * m);
        double[] b = job.b;
        for (int j = 0; j < m; j++) {
            for (int p = 0; p < k; p++) {
                bt[p * m + j] = b[j * k + p];
            }
        }
        job.packed = bt;
    }

    /** Whether the product runs {@link #narrow}: a narrow C, or a few rows of C with B read transposed. */
    private static boolean entryByEntry(GemmJob job) {
        return job.m <= NARROW || (job.transB && job.n <= FEW_ROWS);
    }

    @Override
    public void multiply(GemmJob job, int j0, int j1) {
        if (entryByEntry(job)) {
            narrow(job.a, job.transA, job.b, job.transB, job.c, job.n, job.k, job.m, j0, j1);
        } else if (job.k <= SHORT && !job.transB) {
            shortProducts(job.a, job.transA, job.b, job.c, job.n, job.k, job.m, j0, j1);
        } else if (job.transB && job.packed != null) {
            multiply(job.a, job.transA, job.packed, false, job.c, job.n, job.k, job.m, j0, j1);
        } else {
            multiply(job.a, job.transA, job.b, job.transB, job.c, job.n, job.k, job.m, j0, j1);
        }
    }

    /** {@code C[:, j0:j1] += op(A) · op(B)[:, j0:j1]}; layouts as in {@link GemmJob}. */
    void multiply(double[] a, boolean transA, double[] b, boolean transB, double[] c,
                  int n, int k, int m, int j0, int j1) {
        // op(A)[i][p] = a[i * aRow + p * aCol]
        int aRow = transA ? 1 : k;
        int aCol = transA ? n : 1;
        if (!transB) {
            // C[i][j0:j1] += op(A)[i][p] * B[p][j0:j1], p blocked so a block of B's rows stays in cache
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int pEnd = Math.min(k, p0 + K_BLOCK);
                for (int i = 0; i < n; i++) {
                    int ao = i * aRow;
                    for (int p = p0; p < pEnd; p++) {
                        axpy(a[ao + p * aCol], b, p * m + j0, c, i * m + j0, j1 - j0);
                    }
                }
            }
            return;
        }
        // op(B) = Bᵀ: pack a panel op(B)[p0:p0+pn][jb:jb+jn] row by row (stride jn), then as above
        double[] panel = new double[Math.min(K_BLOCK, k) * Math.min(N_BLOCK, j1 - j0)];
        for (int jb = j0; jb < j1; jb += N_BLOCK) {
            int jn = Math.min(N_BLOCK, j1 - jb);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int pn = Math.min(K_BLOCK, k - p0);
                for (int j = 0; j < jn; j++) {
                    int src = (jb + j) * k + p0;
                    for (int p = 0; p < pn; p++) {
                        panel[p * jn + j] = b[src + p];
                    }
                }
                for (int i = 0; i < n; i++) {
                    int ao = i * aRow + p0 * aCol;
                    for (int p = 0; p < pn; p++) {
                        axpy(a[ao + p * aCol], panel, p * jn, c, i * m + jb, jn);
                    }
                }
            }
        }
    }

    /**
     * {@code C[:, j0:j1] += op(A) · op(B)[:, j0:j1]} entry by entry, for a narrow C (m &lt;= {@value #NARROW})
     * or a few rows of C with B read transposed (n &lt;= {@value #FEW_ROWS}, e.g. {@code dW2 = dZ2 · A1ᵀ}): each
     * entry is a running sum over p = 0..k-1 in order (the documented order), kept in a local. Tiles of 4 x 2
     * entries (1 x 4 for a single row) run their sums side by side, so the adds' latency overlaps; a tile
     * at an edge repeats its last row or column (the same chain, the same value stored twice).
     */
    private static void narrow(double[] a, boolean transA, double[] b, boolean transB, double[] c,
                               int n, int k, int m, int j0, int j1) {
        // op(A)[i][p] = a[i * aRow + p * aCol];  op(B)[p][j] = b[j * bCol + p * bRow]
        int aRow = transA ? 1 : k;
        int aCol = transA ? n : 1;
        int bRow = transB ? 1 : m;
        int bCol = transB ? k : 1;
        if (n == 1) {
            for (int j = j0; j < j1; j += 4) {
                int q1 = Math.min(j + 1, j1 - 1);
                int q2 = Math.min(j + 2, j1 - 1);
                int q3 = Math.min(j + 3, j1 - 1);
                block1x4(a, aCol, b, j * bCol, q1 * bCol, q2 * bCol, q3 * bCol, bRow, c, j, q1, q2, q3, k);
            }
            return;
        }
        for (int i = 0; i < n; i += 4) {
            int i1 = Math.min(i + 1, n - 1);
            int i2 = Math.min(i + 2, n - 1);
            int i3 = Math.min(i + 3, n - 1);
            for (int j = j0; j < j1; j += 2) {
                int q = Math.min(j + 1, j1 - 1);
                block4x2(a, i * aRow, i1 * aRow, i2 * aRow, i3 * aRow, aCol, b, j * bCol, q * bCol, bRow,
                        c, i * m, i1 * m, i2 * m, i3 * m, j, q, k);
            }
        }
    }

    /**
     * {@code C[:, j0:j1] += op(A) · B[:, j0:j1]} for k &lt;= {@value #SHORT}: each entry's k terms are added
     * in order in a local (the documented order), one pass over C instead of k.
     */
    private static void shortProducts(double[] a, boolean transA, double[] b, double[] c, int n, int k, int m, int j0, int j1) {
        int aRow = transA ? 1 : k;
        int aCol = transA ? n : 1;
        // one small method per k and row: each compiles quickly, and is called often enough (once per row)
        // for the JIT to optimise it early
        for (int i = 0; i < n; i++) {
            int ao = i * aRow;
            int co = i * m;
            switch (k) {
                case 1:
                    shortRow1(a[ao], b, c, co, j0, j1);
                    break;
                case 2:
                    shortRow2(a[ao], a[ao + aCol], b, m, c, co, j0, j1);
                    break;
                case 3:
                    shortRow3(a[ao], a[ao + aCol], a[ao + 2 * aCol], b, m, c, co, j0, j1);
                    break;
                default:
                    shortRow4(a[ao], a[ao + aCol], a[ao + 2 * aCol], a[ao + 3 * aCol], b, m, c, co, j0, j1);
                    break;
            }
        }
    }

    private static void shortRow1(double a0, double[] b, double[] c, int co, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[co + j] += a0 * b[j];
        }
    }

    private static void shortRow2(double a0, double a1, double[] b, int m, double[] c, int co, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[co + j] = (c[co + j] + a0 * b[j]) + a1 * b[m + j];
        }
    }

    private static void shortRow3(double a0, double a1, double a2, double[] b, int m, double[] c, int co, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[co + j] = ((c[co + j] + a0 * b[j]) + a1 * b[m + j]) + a2 * b[2 * m + j];
        }
    }

    private static void shortRow4(double a0, double a1, double a2, double a3, double[] b, int m, double[] c, int co,
                                  int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[co + j] = (((c[co + j] + a0 * b[j]) + a1 * b[m + j]) + a2 * b[2 * m + j]) + a3 * b[3 * m + j];
        }
    }

    /**
     * Rows of op(A) at a0..a3 (step aCol per p) times the columns of op(B) at b0, b1 (step bRow per p), added
     * to C's entries at rows r0..r3 (offsets of the rows) and columns j, q.
     */
    private static void block4x2(double[] a, int a0, int a1, int a2, int a3, int aCol, double[] b, int b0, int b1,
                                 int bRow, double[] c, int r0, int r1, int r2, int r3, int j, int q, int k) {
        double c00 = c[r0 + j];
        double c01 = c[r0 + q];
        double c10 = c[r1 + j];
        double c11 = c[r1 + q];
        double c20 = c[r2 + j];
        double c21 = c[r2 + q];
        double c30 = c[r3 + j];
        double c31 = c[r3 + q];
        for (int p = 0; p < k; p++) {
            int ap = p * aCol;
            double x0 = a[a0 + ap];
            double x1 = a[a1 + ap];
            double x2 = a[a2 + ap];
            double x3 = a[a3 + ap];
            int bp = p * bRow;
            double y0 = b[b0 + bp];
            double y1 = b[b1 + bp];
            c00 += x0 * y0;
            c01 += x0 * y1;
            c10 += x1 * y0;
            c11 += x1 * y1;
            c20 += x2 * y0;
            c21 += x2 * y1;
            c30 += x3 * y0;
            c31 += x3 * y1;
        }
        c[r0 + j] = c00;
        c[r0 + q] = c01;
        c[r1 + j] = c10;
        c[r1 + q] = c11;
        c[r2 + j] = c20;
        c[r2 + q] = c21;
        c[r3 + j] = c30;
        c[r3 + q] = c31;
    }

    /** The one row of op(A) (step aCol per p) times the columns of op(B) at b0..b3, added to C[0][j0..j3]. */
    private static void block1x4(double[] a, int aCol, double[] b, int b0, int b1, int b2, int b3, int bRow,
                                 double[] c, int j0, int j1, int j2, int j3, int k) {
        double c0 = c[j0];
        double c1 = c[j1];
        double c2 = c[j2];
        double c3 = c[j3];
        for (int p = 0; p < k; p++) {
            double x = a[p * aCol];
            int bp = p * bRow;
            c0 += x * b[b0 + bp];
            c1 += x * b[b1 + bp];
            c2 += x * b[b2 + bp];
            c3 += x * b[b3 + bp];
        }
        c[j0] = c0;
        c[j1] = c1;
        c[j2] = c2;
        c[j3] = c3;
    }

    /** y[yo:yo+len] += alpha * x[xo:xo+len]; one multiply and one add per entry. */
    private static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int len) {
        for (int j = 0; j < len; j++) {
            y[yo + j] += alpha * x[xo + j];
        }
    }

    @Override
    public int columnAlignment() {
        return 8;
    }

    @Override
    public String description() {
        return "plain Java";
    }
}
