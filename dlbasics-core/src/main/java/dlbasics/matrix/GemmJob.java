package dlbasics.matrix;

/**
 * One product {@code C = op(A) · op(B)} on matrices as stored; a unit is one column of C.
 *
 * <p>Arrays are row-major: {@code op(A)[i][p]} is {@code a[i*k + p]}, or {@code a[p*n + i]} when
 * {@code transA} (a is then {@code k x n}); {@code op(B)[p][j]} is {@code b[p*m + j]}, or
 * {@code b[j*k + p]} when {@code transB} (b is then {@code m x k}); C is {@code n x m}.
 */
final class GemmJob extends ProductJob {
    GemmKernel kernel;
    boolean transA;
    double[] b;
    boolean transB;
    /** op(A) repacked by the kernel's prepare step (row stride {@link #packedStride}), or null. */
    double[] packed;
    int packedStride;

    void set(GemmKernel kernel, double[] a, boolean transA, double[] b, boolean transB, double[] c,
             int n, int k, int m) {
        setShape(a, c, n, k, m);
        this.kernel = kernel;
        this.transA = transA;
        this.b = b;
        this.transB = transB;
        this.packed = null;
        this.packedStride = 0;
        this.units = m;
    }

    @Override
    void pack(int piece) {
        throw new IllegalStateException("GemmJob.pack: GemmKernel.prepare packs A whole; there are no pieces");
    }

    @Override
    void multiply(int j0, int j1) {
        kernel.multiply(this, j0, j1);
    }

    @Override
    void clear() {
        super.clear();
        b = null;
        packed = null;
        kernel = null;
    }
}
