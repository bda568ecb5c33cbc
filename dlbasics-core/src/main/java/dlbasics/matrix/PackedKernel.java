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
    /** Called once per product on the calling thread, before any chunk; may repack A into the job. */
    void prepare(PackedJob job);

    /** {@code C[:, 8·s0 : 8·s1] = A · B[:, 8·s0 : 8·s1]}, the strips s0 to s1-1 (C's other columns untouched). */
    void multiply(PackedJob job, int s0, int s1);

    /** A short description for logs and benchmarks. */
    String description();
}
