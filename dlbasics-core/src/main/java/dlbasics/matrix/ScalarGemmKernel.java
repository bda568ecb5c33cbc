package dlbasics.matrix;

/**
 * The plain-Java product loop, used when the Vector API module is absent (or switched off with
 * {@code -Ddlbasics.vector=false}). The JIT vectorises its inner {@code y += alpha * x} loop.
 *
 * <p>Order of additions: see {@link GemmKernel}; within one C entry p always increases. When B is
 * read transposed, each chunk allocates a small packing panel (this path is the fallback; the
 * Vector API kernel allocates nothing).
 */
final class ScalarGemmKernel implements GemmKernel {
    static final ScalarGemmKernel INSTANCE = new ScalarGemmKernel();

    /** Rows of op(B) kept hot in cache per block of the k loop. */
    private static final int K_BLOCK = 128;
    /** Columns of op(B) packed per block when B is read transposed. */
    private static final int N_BLOCK = 512;

    private ScalarGemmKernel() {
    }

    @Override
    public void prepare(GemmJob job) {
        // reads the operands in place
    }

    @Override
    public void multiply(GemmJob job, int j0, int j1) {
        multiply(job.a, job.transA, job.b, job.transB, job.c, job.n, job.k, job.m, j0, j1);
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
