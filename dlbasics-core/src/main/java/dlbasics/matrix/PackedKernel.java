package dlbasics.matrix;

/**
 * One implementation of {@code C = A · B} on a matrix B packed in strips ({@link PackedMatrix}: B's
 * strips for {@code A · B}, Bᵀ's strips for {@code A · Bᵀ}): plain Java ({@link ScalarPackedKernel}) or
 * the Vector API ({@code VectorPackedKernel}, loaded only when {@code jdk.incubator.vector} is present).
 * Both keep {@link Gemm}'s order (each C entry adds its products in increasing order of p, one multiply
 * and one add each, no fused multiply-add), so they agree bit for bit with each other and with
 * {@link Gemm#multiply}.
 */
interface PackedKernel {
    /**
     * Called once per product on the calling thread, before any chunk: may repack A into the job
     * ({@link PackedJob#packedA}), here or in pieces filled by {@link #pack}. Returns the number of pieces
     * (0: A is ready). Piece i must be complete before a chunk uses it ({@link ProductJob#ensurePiece}).
     */
    int prepare(PackedJob job);

    /** Fills piece {@code piece} of the repacked A set up by {@link #prepare} (any thread). */
    void pack(PackedJob job, int piece);

    /**
     * The number of units of work of the product, numbered from 0: each unit is a fixed set of C's entries
     * (e.g. one strip of 8 columns, or 4 rows of one strip), computed whole by the thread that runs it.
     */
    int units(PackedJob job);

    /** Chunks of units start at multiples of this (e.g. 4 when the kernel runs 4 strips at a time). */
    int unitAlignment(PackedJob job);

    /**
     * Writes (not adds to) C's entries of units u0 to u1-1: each is {@code Σ_p A[i][p]·B[p][j]}, p increasing
     * (C's other entries untouched).
     */
    void multiply(PackedJob job, int u0, int u1);

    /** A short description for logs and benchmarks. */
    String description();
}
