package dlbasics.matrix;

/**
 * One product {@code C = A · B} on strips of B ({@link PackedMatrix}) in flight, cut into chunks of
 * strips for {@link WorkerPool}. Each calling thread owns one job and reuses it (and its buffer for the
 * repacked A), so a product allocates nothing once the buffer has grown to the largest size seen.
 *
 * <p>A is row-major {@code n x k}; B is {@code k x m} in strips
 * ({@code bp[s·k·8 + p·8 + l] = B[p][8s + l]}); C is row-major {@code n x m}.
 */
final class PackedJob implements WorkerPool.Job {
    PackedKernel kernel;
    double[] a;
    double[] bp;
    double[] c;
    int n;
    int k;
    int m;
    /** Strips per chunk. */
    int chunkSize;
    /** The number of strips. */
    int end;
    /** A repacked by the kernel's prepare step, or null. */
    double[] packedA;
    private double[] buffer = new double[0];

    void set(PackedKernel kernel, double[] a, double[] bp, double[] c, int n, int k, int m) {
        this.kernel = kernel;
        this.a = a;
        this.bp = bp;
        this.c = c;
        this.n = n;
        this.k = k;
        this.m = m;
        this.packedA = null;
        this.end = PackedMatrix.strips(m);
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
        bp = null;
        c = null;
        packedA = null;
    }

    @Override
    public void runChunk(int chunk) {
        int from = chunk * chunkSize;
        kernel.multiply(this, from, Math.min(end, from + chunkSize));
    }
}
