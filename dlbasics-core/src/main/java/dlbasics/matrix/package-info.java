/**
 * Dense matrices of doubles and their products: {@link dlbasics.matrix.Matrix} (row-major, the easy API,
 * each operation returning a new matrix), {@link dlbasics.matrix.MatrixOps} (the same maths into
 * caller-owned outputs, for training loops), {@link dlbasics.matrix.Gemm} (every matrix product, one door)
 * and {@link dlbasics.matrix.Shapes} (the shape checks and their teaching errors). {@link dlbasics.matrix.FastTanh}
 * and {@link dlbasics.matrix.FastSigmoid} are the elementwise kernels that {@code Matrix.tanh()} and
 * {@code nn.Activation} share, so the easy API and the layers give the same bits.
 *
 * <p>How a product runs is decided inside {@code Gemm} and nowhere else: X packed once
 * ({@link dlbasics.matrix.Matrix#fixed()}), B read transposed in place, register tiles, the Vector API or
 * plain Java, one thread or several. Every path adds each entry's terms in the same order, so the bits
 * never depend on the path or the number of threads. The machinery (kernels, jobs, the worker pool)
 * lives in this package, package-private, rather than in a {@code matrix.gemm} subpackage: Java has no
 * visibility between packages short of {@code public}, and without a module descriptor a subpackage would
 * have to make the kernel interfaces, the jobs, the pool and {@code Matrix}'s cached layout public API.
 *
 * <p>Shapes follow the course: examples are columns, X is {@code n_x x m}, W[l] is {@code n[l] x n[l-1]}.
 */
package dlbasics.matrix;
