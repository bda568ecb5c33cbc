package dlbasics.matrix;

/**
 * One product {@code C = op(A) · op(B)} in flight, cut into column chunks for {@link WorkerPool}.
 * Each calling thread owns one job object and reuses it (and its packing buffer), so a product
 * allocates nothing once the buffer has grown to the largest size seen.
 *
 * <p>Arrays are row-major: {@code op(A)[i][p]} is {@code a[i*k + p]}, or {@code a[p*n + i]} when
 * {@code transA} (a is then {@code k x n}); {@code op(B)[p][j]} is {@code b[p*m + j]}, or
 * {@code b[j*k + p]} when {@code transB} (b is then {@code m x k}); C is {@code n x m}.
 */
final class GemmJob implements WorkerPool.Job {
    GemmKernel kernel;
    double[] a;
    boolean transA;
    double[] b;
    boolean transB;
    double[] c;
    int n;
    int k;
    int m;
    /** Columns of C per chunk. */
    int chunkColumns;
    /** op(A) repacked by the kernel's prepare step (row stride {@link #packedStride}), or null. */
    double[] packed;
    int packedStride;
    private double[] buffer = new double[0];

    void set(GemmKernel kernel, double[] a, boolean transA, double[] b, boolean transB, double[] c,
             int n, int k, int m) {
        this.kernel = kernel;
        this.a = a;
        this.transA = transA;
        this.b = b;
        this.transB = transB;
        this.c = c;
        this.n = n;
        this.k = k;
        this.m = m;
        this.packed = null;
        this.packedStride = 0;
    }

    /** A reusable buffer of at least {@code size} doubles (contents unspecified). */
    double[] buffer(int size) {
        if (buffer.length < size) {
            buffer = new double[size];
        }
        return buffer;
    }

    /** Drops the references to the operands, so the job does not keep large matrices alive. */
    void clear() {
        a = null;
        b = null;
        c = null;
        packed = null;
        kernel = null;
    }

    @Override
    public void runChunk(int chunk) {
        int j0 = chunk * chunkColumns;
        kernel.multiply(this, j0, Math.min(m, j0 + chunkColumns));
    }
}
