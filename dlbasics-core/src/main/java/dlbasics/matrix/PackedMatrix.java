package dlbasics.matrix;

/**
 * A read-only copy of a {@code rows x cols} matrix laid out for the products that read it again and
 * again: {@link Gemm#multiply(Matrix, PackedMatrix, Matrix)} ({@code C = A · B}, e.g. {@code W1 · X})
 * and {@link Gemm#multiplyTransposed(Matrix, PackedMatrix, Matrix)} ({@code C = A · Bᵀ}, e.g.
 * {@code dZ1 · Xᵀ}). A training loop packs its input X once per fit and both products of the first
 * layer read the packed copy; X itself is not read again, and no transposed copy is needed (one copy of
 * the 12288 x 209 cat images is 20.5 MB, two were 41 MB, more than this machine's 32 MB L3).
 *
 * <p>Layout: the columns are cut into strips of {@value #STRIP} ({@code ceil(cols / 8)} strips, the last
 * one padded with zeros), and each strip is stored row after row:
 * <pre>
 * data[s·rows·8 + p·8 + l] = B[p][8s + l]      (0 for 8s + l ≥ cols)
 * </pre>
 * so that {@code B[p][8s .. 8s+7]} is two 4-double vectors, and 8 consecutive rows of a strip are 64
 * contiguous doubles. Why: measured on W1·X (20x12288 · 12288x209, 1 thread, Zen 3), the same 4x2-vector
 * kernel ran in 3.7 ms on a copy packed like this, 6.5-7 ms reading X in place with stride 209 (with or
 * without packing a panel of it per product), and 10.6 ms in the previous kernel.
 *
 * <p>The copy is a snapshot: changing the source matrix afterwards does not change it.
 */
public final class PackedMatrix {
    /** Columns per strip: two vectors of 4 doubles (256-bit). */
    static final int STRIP = 8;

    private final int rows;
    private final int cols;
    private final double[] data;

    private PackedMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * A packed copy of B.
     *
     * @param B any {@code rows x cols} matrix
     * @return its packed copy, {@code rows x cols}
     */
    public static PackedMatrix of(Matrix B) {
        int rows = B.rows();
        int cols = B.cols();
        int strips = strips(cols);
        double[] src = B.data();
        double[] data = new double[Math.multiplyExact(Math.multiplyExact(strips, rows), STRIP)];
        for (int p = 0; p < rows; p++) {
            int row = p * cols;
            for (int s = 0; s < strips; s++) {
                int dst = (s * rows + p) * STRIP;
                int lanes = Math.min(STRIP, cols - s * STRIP);
                System.arraycopy(src, row + s * STRIP, data, dst, lanes);
            }
        }
        return new PackedMatrix(rows, cols, data);
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
        return data[((j / STRIP) * rows + i) * STRIP + j % STRIP];
    }

    /** The strips, laid out as in the class comment (live array; never written after packing). */
    double[] data() {
        return data;
    }

    /** "12288x209 packed". */
    @Override
    public String toString() {
        return rows + "x" + cols + " packed";
    }
}
