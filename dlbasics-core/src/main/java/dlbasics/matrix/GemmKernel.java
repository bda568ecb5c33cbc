package dlbasics.matrix;

/**
 * One implementation of the product loop behind {@link Gemm}: plain Java ({@link ScalarGemmKernel})
 * or the Vector API ({@code VectorGemmKernel}, loaded only when {@code jdk.incubator.vector} is present).
 *
 * <p>Every implementation keeps {@link Gemm}'s summation order: each {@code C[i][j]} adds
 * {@code op(A)[i][p] * op(B)[p][j]} for p = 0, 1, ..., k-1 in order, one multiply and one add per step,
 * no fused multiply-add. Partial sums may be stored to C and reloaded (that is exact), so blocking
 * over k does not change a bit. Two implementations therefore agree bit for bit.
 */
interface GemmKernel {
    /** Called once per product on the calling thread, before any chunk; may pack op(A) into the job. */
    void prepare(GemmJob job);

    /**
     * {@code C[:, j0:j1] += op(A) · op(B)[:, j0:j1]}, touching only columns j0 to j1-1 of C, so that
     * disjoint column ranges may run on different threads at once.
     */
    void multiply(GemmJob job, int j0, int j1);

    /**
     * Column ranges handed to different threads start at multiples of this (the kernel's tile width),
     * so only the last range has a ragged edge.
     */
    int columnAlignment();

    /**
     * Whether splitting this product's columns across threads pays; false when each thread would
     * stream the same rows of B in short pieces (the memory traffic would grow, not the speed).
     */
    default boolean worthSplitting(GemmJob job) {
        return true;
    }

    /**
     * Whether this kernel runs {@code op(A) · Bᵀ} faster on a row-major copy of Bᵀ ({@code k x m}) than
     * on B read in place; {@link Gemm} then makes that copy (k·m moves against n·k·m multiply-adds).
     */
    default boolean prefersTransposedCopy(int n, int k, int m) {
        return false;
    }

    /** A short description for logs and benchmarks, e.g. {@code "Vector API 256-bit (4 doubles)"}. */
    String description();
}
