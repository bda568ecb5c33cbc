package dlbasics.matrix;

/**
 * One product {@code C = A · B} on strips of B ({@link PackedMatrix}); its units are the kernel's
 * ({@link PackedKernel#units}), and the kernel may repack A in pieces shared by the threads.
 *
 * <p>A is row-major {@code n x k}; B is {@code k x m} in strips
 * ({@code bp[s·k·8 + p·8 + l] = B[p][8s + l]}); C is row-major {@code n x m}.
 */
final class PackedJob extends ProductJob {
    PackedKernel kernel;
    double[] bp;
    /** A repacked by the kernel's prepare step, or null. */
    double[] packedA;

    void set(PackedKernel kernel, double[] a, double[] bp, double[] c, int n, int k, int m) {
        setShape(a, c, n, k, m);
        this.kernel = kernel;
        this.bp = bp;
        this.packedA = null;
        this.units = kernel.units(this);
    }

    @Override
    void pack(int piece) {
        kernel.pack(this, piece);
    }

    @Override
    void multiply(int u0, int u1) {
        kernel.multiply(this, u0, u1);
    }

    @Override
    void clear() {
        super.clear();
        kernel = null;
        bp = null;
        packedA = null;
    }
}
