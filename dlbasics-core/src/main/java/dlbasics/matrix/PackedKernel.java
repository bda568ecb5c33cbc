package dlbasics.matrix;

/**
 * One implementation of the products on a {@link PackedMatrix} B: plain Java
 * ({@link ScalarPackedKernel}) or the Vector API ({@code VectorPackedKernel}, loaded only when
 * {@code jdk.incubator.vector} is present). Both keep {@link Gemm}'s order (each C entry adds its
 * products in increasing order of the inner index, one multiply and one add each, no fused
 * multiply-add), so they agree bit for bit with each other and with {@link Gemm#multiply}.
 */
interface PackedKernel {
    /** Called once per product on the calling thread, before any chunk; may repack A into the job. */
    void prepare(PackedJob job);

    /** {@code C = A · B} for the column strips s0 to s1-1 of B (columns 8·s0 up to 8·s1 of C). */
    void multiply(PackedJob job, int s0, int s1);

    /** {@code C = A · Bᵀ} for the rows p0 to p1-1 of B (columns p0 to p1-1 of C). */
    void multiplyTransposed(PackedJob job, int p0, int p1);

    /** A short description for logs and benchmarks. */
    String description();
}
