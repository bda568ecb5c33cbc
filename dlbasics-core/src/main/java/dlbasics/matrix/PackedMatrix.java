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
 * runs. Why: measured on W1·X (20x12288 · 12288x209, 1 thread, Zen 3), the same 4x2-vector kernel ran in
 * 3.7 ms on strips, 6.5-7 ms reading X in place with stride 209 (with or without packing a panel of it
 * per product; a block layout of 8x8 squares: 7.3 ms), and 10.6 ms in the previous kernel. Why two
 * copies: {@code A · Bᵀ} on B's strips has to broadcast B's entries (C2 keeps such tiles at about half of
 * peak: 6.6 ms for dZ1·Xᵀ), on Bᵀ's strips it is the same fast kernel as {@code A · B}; W1·X plus
 * dZ1·Xᵀ, alternating as in training, 1 thread, load ~3: 12.9-13.0 ms with two copies, 14.1-15.8 with
 * one; the L-layer training run, 300 iterations, load ~1.6, alternating runs: 4.3-4.5 s with two copies
 * and 5.5 s with one on 1 thread, 3.1-3.8 s and 4.2-5.5 s on 2. Two copies of the cat images are 42 MB,
 * more than the 32 MB L3, and were faster all the same (each product streams its own copy in order,
 * which the prefetchers follow).
 *
 * <p>The copy is a snapshot: changing the source matrix afterwards does not change it.
 */
public final class PackedMatrix {
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
    public static PackedMatrix of(Matrix B) {
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
