/**
 * Dense matrices of doubles and their products, the bottom layer of dlbasics (JDK only).
 *
 * <ul>
 *   <li>{@link dlbasics.matrix.Matrix}: the easy, chainable API ({@code W.mult(A).plusColumn(b)}),
 *       row-major, each operation returning a new matrix; {@link dlbasics.matrix.Matrix#fixed()} marks
 *       a matrix that will not change (a training set), which products may cache in another layout.</li>
 *   <li>{@link dlbasics.matrix.MatrixOps}: the same element-wise maths into caller-owned outputs, for
 *       loops that must not allocate.</li>
 *   <li>{@link dlbasics.matrix.Gemm}: every product, {@code C = op(A)·op(B)} with either operand read
 *       transposed in place. How a product runs (tiles, packed copies, threads, the Vector API or the
 *       plain kernel) is decided here and nowhere else; every way gives the same bits.</li>
 *   <li>{@link dlbasics.matrix.Shapes}: shape checks whose errors name both shapes and a fix.</li>
 *   <li>{@link dlbasics.matrix.NumpyFormat}: numpy's printing and .npy files, for comparing with the course.</li>
 * </ul>
 */
package dlbasics.matrix;
