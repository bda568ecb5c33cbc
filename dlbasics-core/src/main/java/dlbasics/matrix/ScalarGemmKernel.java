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
        if (!job.transB || (long) k * m > PACK_MAX || m <= NARROW) {
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

    @Override
    public void multiply(GemmJob job, int j0, int j1) {
        if (job.m <= NARROW) {
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
     * {@code C[:, j0:j1] += op(A) · op(B)[:, j0:j1]} for a narrow C (m &lt;= {@value #NARROW}): each entry
     * is a running sum over p = 0..k-1 in order (the documented order), kept in a local; blocks of 4 x 2
     * entries (else 1 x 4, 1 x 2, 1 x 1) run their sums side by side and share the loads of A and B.
     */
    private static void narrow(double[] a, boolean transA, double[] b, boolean transB, double[] c,
                               int n, int k, int m, int j0, int j1) {
        // op(A)[i][p] = a[i * aRow + p * aCol];  op(B)[p][j] = b[j * bCol + p * bRow]
        int aRow = transA ? 1 : k;
        int aCol = transA ? n : 1;
        int bRow = transB ? 1 : m;
        int bCol = transB ? k : 1;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int j = j0;
            for (; j + 2 <= j1; j += 2) {
                block4x2(a, i * aRow, aRow, aCol, b, j * bCol, bCol, bRow, c, i * m + j, m, k);
            }
            for (; j < j1; j++) {
                for (int r = 0; r < 4; r++) {
                    c[(i + r) * m + j] = dot(a, (i + r) * aRow, aCol, b, j * bCol, bRow, c[(i + r) * m + j], k);
                }
            }
        }
        for (; i < n; i++) {
            int j = j0;
            for (; j + 4 <= j1; j += 4) {
                block1x4(a, i * aRow, aCol, b, j * bCol, bCol, bRow, c, i * m + j, k);
            }
            for (; j < j1; j++) {
                c[i * m + j] = dot(a, i * aRow, aCol, b, j * bCol, bRow, c[i * m + j], k);
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

    /** {@code s + Σ_p a[ao + p*as] * b[bo + p*bs]}, p in order. */
    private static double dot(double[] a, int ao, int as, double[] b, int bo, int bs, double s, int k) {
        for (int p = 0; p < k; p++) {
            s += a[ao + p * as] * b[bo + p * bs];
        }
        return s;
    }

    /** Rows i..i+3 (A offset ao, row step aRow) times columns j, j+1 (B offsets bo, bo + bCol) into C at co. */
    private static void block4x2(double[] a, int ao, int aRow, int aCol, double[] b, int bo, int bCol, int bRow,
                                 double[] c, int co, int m, int k) {
        double c00 = c[co];
        double c01 = c[co + 1];
        double c10 = c[co + m];
        double c11 = c[co + m + 1];
        double c20 = c[co + 2 * m];
        double c21 = c[co + 2 * m + 1];
        double c30 = c[co + 3 * m];
        double c31 = c[co + 3 * m + 1];
        for (int p = 0; p < k; p++) {
            int ap = ao + p * aCol;
            double a0 = a[ap];
            double a1 = a[ap + aRow];
            double a2 = a[ap + 2 * aRow];
            double a3 = a[ap + 3 * aRow];
            int bp = bo + p * bRow;
            double b0 = b[bp];
            double b1 = b[bp + bCol];
            c00 += a0 * b0;
            c01 += a0 * b1;
            c10 += a1 * b0;
            c11 += a1 * b1;
            c20 += a2 * b0;
            c21 += a2 * b1;
            c30 += a3 * b0;
            c31 += a3 * b1;
        }
        c[co] = c00;
        c[co + 1] = c01;
        c[co + m] = c10;
        c[co + m + 1] = c11;
        c[co + 2 * m] = c20;
        c[co + 2 * m + 1] = c21;
        c[co + 3 * m] = c30;
        c[co + 3 * m + 1] = c31;
    }

    /** Row i (A offset ao) times columns j..j+3 (B offsets bo + q*bCol) into C at co. */
    private static void block1x4(double[] a, int ao, int aCol, double[] b, int bo, int bCol, int bRow,
                                 double[] c, int co, int k) {
        double c0 = c[co];
        double c1 = c[co + 1];
        double c2 = c[co + 2];
        double c3 = c[co + 3];
        for (int p = 0; p < k; p++) {
            double ap = a[ao + p * aCol];
            int bp = bo + p * bRow;
            c0 += ap * b[bp];
            c1 += ap * b[bp + bCol];
            c2 += ap * b[bp + 2 * bCol];
            c3 += ap * b[bp + 3 * bCol];
        }
        c[co] = c0;
        c[co + 1] = c1;
        c[co + 2] = c2;
        c[co + 3] = c3;
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
