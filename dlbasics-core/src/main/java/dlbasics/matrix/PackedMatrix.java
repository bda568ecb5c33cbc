package dlbasics.matrix;

/**
 * A read-only copy of a {@code rows x cols} matrix laid out for the products that read it again and
 * again: {@link Gemm#multiply(Matrix, PackedMatrix, Matrix)} ({@code C = A · B}, e.g. {@code W1 · X})
 * and {@link Gemm#multiplyTransposed(Matrix, PackedMatrix, Matrix)} ({@code C = A · Bᵀ}, e.g.
 * {@code dZ1 · Xᵀ}). A training loop packs its input X once per fit and both products of the first
 * layer read the packed copies; X itself is not read again.
 *
 * <p>Layout: two copies, B and Bᵀ, each cut into strips of {@value #STRIP} columns ({@code ceil(cols / 8)}
 * strips, the last one padded with zeros) stored row after row:
 * <pre>
 * strips[s·rows·8 + p·8 + l]           = B[p][8s + l]     (0 for 8s + l ≥ cols)
 * transposedStrips[s·cols·8 + j·8 + l] = B[8s + l][j]     (0 for 8s + l ≥ rows)
 * </pre>
 * so that 8 neighbouring entries of a row of B (or of Bᵀ) are two 4-double vectors, read in order as p
 * runs. Why strips: the kernels then read B in order, with no stride, and {@code A · Bᵀ} runs the same
 * kernel as {@code A · B} on Bᵀ's strips (both about twice as fast as on X in place); why two copies
 * although they exceed the L3: measured in bench/NOTES.md ("PackedMatrix").
 *
 * <p>The copy is a snapshot: changing the source matrix afterwards does not change it.
 */
final class PackedMatrix {
    /** Columns per strip: two vectors of 4 doubles (256-bit). */
    static final int STRIP = 8;

    private final int rows;
    private final int cols;
    private final double[] strips;
    private final double[] transposedStrips;

    private PackedMatrix(int rows, int cols, double[] strips, double[] transposedStrips) {
        this.rows = rows;
        this.cols = cols;
        this.strips = strips;
        this.transposedStrips = transposedStrips;
    }

    /**
     * A packed copy of B (two copies: B and Bᵀ in strips).
     *
     * @param B any {@code rows x cols} matrix
     * @return its packed copy, {@code rows x cols}
     */
    static PackedMatrix of(Matrix B) {
        int rows = B.rows();
        int cols = B.cols();
        double[] src = B.data();
        // B: strips of 8 columns, each row after row
        double[] strips = new double[Math.multiplyExact(Math.multiplyExact(strips(cols), rows), STRIP)];
        for (int p = 0; p < rows; p++) {
            for (int s = 0; s < strips(cols); s++) {
                System.arraycopy(src, p * cols + s * STRIP, strips, (s * rows + p) * STRIP,
                        Math.min(STRIP, cols - s * STRIP));
            }
        }
        // Bᵀ: strips of 8 rows of B, each column after column
        double[] transposed = new double[Math.multiplyExact(Math.multiplyExact(strips(rows), cols), STRIP)];
        for (int i = 0; i < rows; i++) {
            int base = (i / STRIP) * cols * STRIP + i % STRIP;
            for (int j = 0; j < cols; j++) {
                transposed[base + j * STRIP] = src[i * cols + j];
            }
        }
        return new PackedMatrix(rows, cols, strips, transposed);
    }

    /** Strips of {@value #STRIP} columns for {@code cols} columns. */
    static int strips(int cols) {
        return (cols + STRIP - 1) / STRIP;
    }

    /** The number of rows of the packed matrix. */
    public int rows() {
        return rows;
    }

    /** The number of columns of the packed matrix. */
    public int cols() {
        return cols;
    }

    /** {@code B[i][j]}. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException(String.format(
                    "PackedMatrix.get: (%d, %d) is outside the %dx%d matrix", i, j, rows, cols));
        }
        return strips[((j / STRIP) * rows + i) * STRIP + j % STRIP];
    }

    /** B in strips, laid out as in the class comment (live array; never written after packing). */
    double[] strips() {
        return strips;
    }

    /** Bᵀ in strips, laid out as in the class comment (live array; never written after packing). */
    double[] transposedStrips() {
        return transposedStrips;
    }

    /** "12288x209 packed". */
    @Override
    public String toString() {
        return rows + "x" + cols + " packed";
    }
}
