package dlbasics.matrix;

/**
 * The plain-Java product on a matrix packed in strips ({@link PackedMatrix}), used when the Vector API
 * module is absent: the order of {@link Gemm} (p increasing for each C entry), written as plainly as
 * possible.
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
        double[] bp = job.bp;
        double[] c = job.c;
        int k = job.k;
        int m = job.m;
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

    @Override
    public String description() {
        return "plain Java";
    }
}
