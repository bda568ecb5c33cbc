package dlbasics.matrix;

/**
 * The plain-Java products on a {@link PackedMatrix}, used when the Vector API module is absent: the
 * order of {@link Gemm} (p, or j, increasing for each C entry), written as plainly as possible.
 */
final class ScalarPackedKernel implements PackedKernel {
    static final ScalarPackedKernel INSTANCE = new ScalarPackedKernel();
    private static final int W = PackedMatrix.STRIP;

    private ScalarPackedKernel() {
    }

    @Override
    public void prepare(PackedJob job) {
        // A is read in place
    }

    /** C[i][8s + l] += A[i][p] · B[p][8s + l] for p = 0..k-1 in turn, one strip at a time. */
    @Override
    public void multiply(PackedJob job, int s0, int s1) {
        double[] a = job.a;
        double[] bp = job.b.data();
        double[] c = job.c;
        int k = job.b.rows();
        int m = job.b.cols();
        for (int s = s0; s < s1; s++) {
            int lanes = Math.min(W, m - s * W);
            for (int i = 0; i < job.n; i++) {
                int co = i * m + s * W;
                for (int p = 0; p < k; p++) {
                    double x = a[i * k + p];
                    int bo = (s * k + p) * W;
                    for (int l = 0; l < lanes; l++) {
                        c[co + l] += x * bp[bo + l];
                    }
                }
            }
        }
    }

    /** C[i][p] = Σ_j A[i][j] · B[p][j], j increasing. */
    @Override
    public void multiplyTransposed(PackedJob job, int p0, int p1) {
        double[] a = job.a;
        double[] bp = job.b.data();
        double[] c = job.c;
        int rows = job.b.rows();
        int cols = job.b.cols();
        for (int i = 0; i < job.n; i++) {
            int ao = i * cols;
            for (int p = p0; p < p1; p++) {
                double sum = 0.0;
                for (int j = 0; j < cols; j++) {
                    sum += a[ao + j] * bp[((j / W) * rows + p) * W + j % W];
                }
                c[i * rows + p] = sum;
            }
        }
    }

    @Override
    public String description() {
        return "plain Java";
    }
}
