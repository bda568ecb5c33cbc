package dlbasics.matrix;

/**
 * One product on a {@link PackedMatrix} in flight, cut into chunks for {@link WorkerPool}: column
 * strips of B for {@code C = A · B}, blocks of rows of B for {@code C = A · Bᵀ}. Each calling thread
 * owns one job and reuses it (and its buffer for the repacked A), so a product allocates nothing once
 * the buffer has grown to the largest size seen.
 *
 * <p>A is row-major {@code n x k} ({@code C = A · B}, k = B.rows) or {@code n x B.cols}
 * ({@code C = A · Bᵀ}); C is row-major {@code n x B.cols} or {@code n x B.rows}.
 */
final class PackedJob implements WorkerPool.Job {
    PackedKernel kernel;
    double[] a;
    PackedMatrix b;
    double[] c;
    int n;
    /** True for {@code C = A · Bᵀ}. */
    boolean transposed;
    /** Strips (A · B) or rows of B (A · Bᵀ) per chunk. */
    int chunkSize;
    /** The end of the last chunk: B's strips (A · B) or rows (A · Bᵀ). */
    int end;
    /** A repacked by the kernel's prepare step, or null. */
    double[] packedA;
    private double[] buffer = new double[0];

    void set(PackedKernel kernel, double[] a, PackedMatrix b, double[] c, int n, boolean transposed) {
        this.kernel = kernel;
        this.a = a;
        this.b = b;
        this.c = c;
        this.n = n;
        this.transposed = transposed;
        this.packedA = null;
        this.end = transposed ? b.rows() : PackedMatrix.strips(b.cols());
        this.chunkSize = end;
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
        kernel = null;
        a = null;
        b = null;
        c = null;
        packedA = null;
    }

    /** Runs the chunk's part of the product. */
    void run(int from, int to) {
        if (transposed) {
            kernel.multiplyTransposed(this, from, to);
        } else {
            kernel.multiply(this, from, to);
        }
    }

    @Override
    public void runChunk(int chunk) {
        int from = chunk * chunkSize;
        run(from, Math.min(end, from + chunkSize));
    }
}
