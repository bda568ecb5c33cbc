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
    public int prepare(PackedJob job) {
        return 0; // A is read in place
    }

    @Override
    public void pack(PackedJob job, int piece) {
        throw new IllegalStateException("ScalarPackedKernel.pack: nothing to pack; prepare returned 0 pieces");
    }

    /** A unit is a strip of 8 columns of C. */
    @Override
    public int units(PackedJob job) {
        return PackedMatrix.strips(job.m);
    }

    @Override
    public int unitAlignment(PackedJob job) {
        return 1;
    }

    /**
     * C[i][8s .. 8s+7] = Σ_p A[i][p] · B[p][8s .. 8s+7], p increasing: 8 running sums side by side (one
     * per column of the strip) while p runs, so the loop is bound by the multiplies and adds, not by
     * loads and stores of C (about 2-3x faster than an 8-wide axpy per p; bench/NOTES.md).
     * Columns past m are zero in the strips; their sums are not stored.
     */
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
                double c0 = 0.0;
                double c1 = 0.0;
                double c2 = 0.0;
                double c3 = 0.0;
                double c4 = 0.0;
                double c5 = 0.0;
                double c6 = 0.0;
                double c7 = 0.0;
                int ao = i * k;
                int bo = s * k * W;
                for (int p = 0; p < k; p++, bo += W) {
                    double x = a[ao + p];
                    c0 += x * bp[bo];
                    c1 += x * bp[bo + 1];
                    c2 += x * bp[bo + 2];
                    c3 += x * bp[bo + 3];
                    c4 += x * bp[bo + 4];
                    c5 += x * bp[bo + 5];
                    c6 += x * bp[bo + 6];
                    c7 += x * bp[bo + 7];
                }
                int co = i * m + s * W;
                c[co] = c0;
                if (lanes == W) {
                    c[co + 1] = c1;
                    c[co + 2] = c2;
                    c[co + 3] = c3;
                    c[co + 4] = c4;
                    c[co + 5] = c5;
                    c[co + 6] = c6;
                    c[co + 7] = c7;
                } else {
                    storeFew(c, co, lanes, c1, c2, c3, c4, c5, c6);
                }
            }
        }
    }

    /** The sums of columns 1 to lanes-1 of a last, partial strip (lanes < 8). */
    private static void storeFew(double[] c, int co, int lanes, double c1, double c2, double c3, double c4,
                                 double c5, double c6) {
        if (lanes > 1) {
            c[co + 1] = c1;
        }
        if (lanes > 2) {
            c[co + 2] = c2;
        }
        if (lanes > 3) {
            c[co + 3] = c3;
        }
        if (lanes > 4) {
            c[co + 4] = c4;
        }
        if (lanes > 5) {
            c[co + 5] = c5;
        }
        if (lanes > 6) {
            c[co + 6] = c6;
        }
    }

    @Override
    public String description() {
        return "plain Java";
    }
}
