package dlbasics.matrix;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense matrix of doubles, {@code rows x cols}, stored row by row (numpy's C order).
 *
 * <p>This is the easy API: every operation returns a new matrix and leaves its operands alone, like
 * numpy expressions in the course's notebooks. The same maths with caller-owned outputs, for loops
 * that must not allocate, is in {@link MatrixOps} and {@link Gemm}; {@code MatrixOpsTest} proves the
 * two agree.
 *
 * <p>Conventions of the course: examples are columns, so a data set X is {@code n_x x m}, labels Y are
 * {@code 1 x m}, a weight matrix W is {@code n[l] x n[l-1]} and a bias b is {@code n[l] x 1}.
 * Broadcasting is always named: {@code W.mult(A).plusColumn(b)} adds b to every column.
 *
 * <p>Zero-size matrices (0 rows or 0 columns) are allowed everywhere.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;
    /** True for a {@link #fixed()} view: products may keep a faster layout of it in {@link #layout}. */
    private final boolean fixed;
    /** The layout products built of a fixed view (a {@link PackedMatrix}), or null; owned by {@link Gemm}. */
    PackedMatrix layout;

    private Matrix(int rows, int cols, double[] data) {
        this(rows, cols, data, false);
    }

    private Matrix(int rows, int cols, double[] data, boolean fixed) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.fixed = fixed;
    }

    // ------------------------------------------------------------------ construction

    /** A {@code rows x cols} matrix of zeros, like {@code np.zeros((rows, cols))}. */
    public static Matrix zeros(int rows, int cols) {
        checkDims("Matrix.zeros", rows, cols);
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** A {@code rows x cols} matrix of ones, like {@code np.ones((rows, cols))}. */
    public static Matrix ones(int rows, int cols) {
        return filled(rows, cols, 1.0);
    }

    /** A {@code rows x cols} matrix with every entry {@code value}, like {@code np.full}. */
    public static Matrix filled(int rows, int cols, double value) {
        Matrix m = zeros(rows, cols);
        Arrays.fill(m.data, value);
        return m;
    }

    /** The {@code n x n} identity matrix, like {@code np.eye(n)}. */
    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    /**
     * A {@code rows x cols} matrix holding {@code values} in row order (C order); the array is copied.
     * {@code Matrix.of(2, 2, 1, 2, 3, 4)} is {@code [[1. 2.] [3. 4.]]}.
     */
    public static Matrix of(int rows, int cols, double... values) {
        checkDims("Matrix.of", rows, cols);
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(String.format(
                    "Matrix.of: %d values cannot fill a %dx%d matrix (it needs %d); values go row by row",
                    values.length, rows, cols, (long) rows * cols));
        }
        return new Matrix(rows, cols, values.clone());
    }

    /**
     * Wraps {@code values} without copying: the matrix and the array share storage. For readers and
     * kernels that fill a large array once; most code wants {@link #of}.
     */
    public static Matrix wrap(int rows, int cols, double[] values) {
        checkDims("Matrix.wrap", rows, cols);
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(String.format(
                    "Matrix.wrap: an array of %d values cannot back a %dx%d matrix (it needs %d)",
                    values.length, rows, cols, (long) rows * cols));
        }
        return new Matrix(rows, cols, values);
    }

    /** A matrix from nested arrays, one inner array per row; all rows must have the same length. */
    public static Matrix fromRows(double[][] rowArrays) {
        int r = rowArrays.length;
        int c = r == 0 ? 0 : rowArrays[0].length;
        Matrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (rowArrays[i].length != c) {
                throw new IllegalArgumentException(String.format(
                        "Matrix.fromRows: row %d has %d values but row 0 has %d; every row needs the same length",
                        i, rowArrays[i].length, c));
            }
            System.arraycopy(rowArrays[i], 0, m.data, i * c, c);
        }
        return m;
    }

    /**
     * A column vector ({@code n x 1}) holding {@code values}. With a single int literal, Java picks the
     * instance method {@link #column(int)} and fails to compile: write {@code Matrix.column(0.0)}.
     */
    public static Matrix column(double... values) {
        return new Matrix(values.length, 1, values.clone());
    }

    /**
     * A row vector ({@code 1 x n}) holding {@code values}. With a single int literal, Java picks the
     * instance method {@link #row(int)} and fails to compile: write {@code Matrix.row(5.0)}.
     */
    public static Matrix row(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    /**
     * Flattens a C-order tensor of {@code m} examples into a {@code (values per example) x m} matrix,
     * one example per column: numpy's {@code X.reshape(X.shape[0], -1).T}. For the cat images the
     * tensor is {@code (m, 64, 64, 3)} and the result {@code 12288 x m}; each column is the example's
     * pixels in (row, column, channel) order.
     *
     * @param m      the number of examples (the tensor's first dimension)
     * @param tensor the tensor's values in C order; its length must be a multiple of {@code m}
     */
    public static Matrix flattenExamples(int m, double[] tensor) {
        if (m < 0 || (m == 0 ? tensor.length != 0 : tensor.length % m != 0)) {
            throw new IllegalArgumentException(String.format(
                    "Matrix.flattenExamples: %d values cannot be split into %d examples of equal size; "
                            + "pass the tensor's first dimension as m", tensor.length, m));
        }
        int n = m == 0 ? 0 : tensor.length / m;
        return new Matrix(m, n, tensor).transpose();
    }

    private static void checkDims(String operation, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: a matrix cannot be %dx%d; rows and columns must be zero or more", operation, rows, cols));
        }
    }

    // ------------------------------------------------------------------ shape and access

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Number of entries, {@code rows * cols}. */
    public int size() {
        return data.length;
    }

    /** True when this is {@code rows x cols}. */
    public boolean hasShape(int r, int c) {
        return rows == r && cols == c;
    }

    /** The entry at row {@code i}, column {@code j} (both from 0). */
    public double get(int i, int j) {
        checkIndex(i, j);
        return data[i * cols + j];
    }

    /** Sets the entry at row {@code i}, column {@code j}; returns this matrix. */
    public Matrix set(int i, int j, double value) {
        checkIndex(i, j);
        data[i * cols + j] = value;
        return this;
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException(String.format(
                    "Matrix index (%d, %d) is outside a %dx%d matrix", i, j, rows, cols));
        }
    }

    /**
     * The live storage, row by row: entry (i, j) is {@code data()[i * cols() + j]}. Writing to it
     * changes the matrix. For kernels; everyday code uses {@link #get} and the operations below.
     */
    public double[] data() {
        return data;
    }

    /**
     * A view of this matrix (the same storage) promising that its values do not change while the view is
     * in use, such as a training set X during a fit: products that read the view may build a faster
     * layout of it once and keep it with the view. Callers pass the view like any matrix and never branch
     * on it. Changing the values while a view is in use leaves its products stale; a new view sees them.
     */
    public Matrix fixed() {
        return new Matrix(rows, cols, data, true);
    }

    /** Whether this is a {@link #fixed()} view. */
    public boolean isFixed() {
        return fixed;
    }

    /** A copy of the entries in row order. */
    public double[] toArray() {
        return data.clone();
    }

    /** The entries as nested arrays, one per row. */
    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /** A deep copy. */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Copies {@code source}'s entries into this matrix, which must have the same shape; returns this. */
    public Matrix setTo(Matrix source) {
        Shapes.sameShape("Matrix.setTo", this, source);
        System.arraycopy(source.data, 0, data, 0, data.length);
        return this;
    }

    /** Row {@code i} as a {@code 1 x cols} matrix. */
    public Matrix row(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException(String.format("Matrix.row: row %d is outside a %dx%d matrix", i, rows, cols));
        }
        return new Matrix(1, cols, Arrays.copyOfRange(data, i * cols, (i + 1) * cols));
    }

    /** Column {@code j} as a {@code rows x 1} matrix. */
    public Matrix column(int j) {
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException(String.format("Matrix.column: column %d is outside a %dx%d matrix", j, rows, cols));
        }
        Matrix out = zeros(rows, 1);
        for (int i = 0; i < rows; i++) {
            out.data[i] = data[i * cols + j];
        }
        return out;
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive), like {@code A[:, from:to]}. */
    public Matrix columns(int from, int to) {
        if (from < 0 || to > cols || from > to) {
            throw new IndexOutOfBoundsException(String.format(
                    "Matrix.columns: range [%d, %d) is outside the %d columns of a %dx%d matrix", from, to, cols, rows, cols));
        }
        int n = to - from;
        Matrix out = zeros(rows, n);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols + from, out.data, i * n, n);
        }
        return out;
    }

    /** The columns at {@code indices}, in that order, like {@code A[:, indices]}. */
    public Matrix selectColumns(int... indices) {
        Matrix out = zeros(rows, indices.length);
        for (int k = 0; k < indices.length; k++) {
            int j = indices[k];
            if (j < 0 || j >= cols) {
                throw new IndexOutOfBoundsException(String.format(
                        "Matrix.selectColumns: index %d (position %d) is outside the %d columns", j, k, cols));
            }
            for (int i = 0; i < rows; i++) {
                out.data[i * indices.length + k] = data[i * cols + j];
            }
        }
        return out;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), like {@code A[from:to, :]}. */
    public Matrix rowsRange(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException(String.format(
                    "Matrix.rowsRange: range [%d, %d) is outside the %d rows of a %dx%d matrix", from, to, rows, rows, cols));
        }
        return new Matrix(to - from, cols, Arrays.copyOfRange(data, from * cols, to * cols));
    }

    /** The same entries in C order as a {@code newRows x newCols} matrix, like {@code np.reshape}. */
    public Matrix reshape(int newRows, int newCols) {
        if ((long) newRows * newCols != data.length || newRows < 0 || newCols < 0) {
            throw new IllegalArgumentException(String.format(
                    "reshape: a %dx%d matrix has %d entries and cannot become %dx%d; the product of the new dimensions must be %d",
                    rows, cols, data.length, newRows, newCols, data.length));
        }
        return new Matrix(newRows, newCols, data.clone());
    }

    /** The transpose, {@code cols x rows}. */
    public Matrix transpose() {
        Matrix out = zeros(cols, rows);
        MatrixOps.transpose(this, out);
        return out;
    }

    // ------------------------------------------------------------------ products

    /**
     * The matrix product {@code this · b}: ({@code n x k}) · ({@code k x m}) gives {@code n x m}, like
     * {@code np.dot}.
     */
    public Matrix mult(Matrix b) {
        return product("mult", this, false, b, false);
    }

    /**
     * {@code thisᵀ · b} without copying the transpose: ({@code k x n})ᵀ · ({@code k x m}) gives
     * {@code n x m}, like {@code np.dot(A.T, B)}.
     */
    public Matrix transposeMult(Matrix b) {
        return product("transposeMult", this, true, b, false);
    }

    /**
     * {@code this · bᵀ} without copying the transpose: ({@code n x k}) · ({@code m x k})ᵀ gives
     * {@code n x m}, like {@code np.dot(A, B.T)}.
     */
    public Matrix multTranspose(Matrix b) {
        return product("multTranspose", this, false, b, true);
    }

    private static Matrix product(String operation, Matrix a, boolean transA, Matrix b, boolean transB) {
        int n = transA ? a.cols : a.rows;
        int m = transB ? b.rows : b.cols;
        Gemm.checkProduct(operation, a, transA, b, transB);
        Matrix out = zeros(n, m);
        Gemm.multiply(a, transA, b, transB, out);
        return out;
    }

    /** The dot product of two matrices of equal shape, read as vectors: {@code Σ a_ij b_ij}. */
    public double dot(Matrix b) {
        Shapes.sameShape("dot", this, b);
        double s = 0;
        for (int i = 0; i < data.length; i++) {
            s += data[i] * b.data[i];
        }
        return s;
    }

    // ------------------------------------------------------------------ element-wise

    /** {@code this + b}, element-wise; shapes must match (use plusColumn / plusRow to broadcast). */
    public Matrix plus(Matrix b) {
        return zip("plus", b, Double::sum);
    }

    /** {@code this - b}, element-wise. */
    public Matrix minus(Matrix b) {
        return zip("minus", b, (x, y) -> x - y);
    }

    /** {@code this * b}, element-wise (numpy's {@code *}, not the matrix product). */
    public Matrix times(Matrix b) {
        return zip("times", b, (x, y) -> x * y);
    }

    /** {@code this / b}, element-wise. */
    public Matrix divide(Matrix b) {
        return zip("divide", b, (x, y) -> x / y);
    }

    /** {@code this + s} for every entry. */
    public Matrix plus(double s) {
        return map(x -> x + s);
    }

    /** {@code this - s} for every entry. */
    public Matrix minus(double s) {
        return map(x -> x - s);
    }

    /** {@code s - this} for every entry, like numpy's {@code 1 - A}. */
    public Matrix subtractFrom(double s) {
        return map(x -> s - x);
    }

    /** {@code s * this} for every entry. */
    public Matrix times(double s) {
        Matrix out = zeros(rows, cols);
        MatrixOps.scale(s, this, out);
        return out;
    }

    /** {@code this / s} for every entry. */
    public Matrix divide(double s) {
        return map(x -> x / s);
    }

    /** {@code -this}. */
    public Matrix negate() {
        return map(x -> -x);
    }

    /** {@code f} applied to every entry. */
    public Matrix map(DoubleUnaryOperator f) {
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = f.applyAsDouble(data[i]);
        }
        return out;
    }

    /** {@code f(this_ij, b_ij)} for every entry; shapes must match. */
    public Matrix zip(String operation, Matrix b, DoubleBinaryOperator f) {
        Shapes.sameShape(operation, this, b);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = f.applyAsDouble(data[i], b.data[i]);
        }
        return out;
    }

    /** {@code e^x} for every entry. */
    public Matrix exp() {
        return map(Math::exp);
    }

    /** The natural logarithm of every entry ({@code -Infinity} at 0, NaN below 0, as numpy). */
    public Matrix log() {
        return map(Math::log);
    }

    /** {@code tanh} of every entry: {@link FastTanh}, the kernel of {@code nn.Activation.TANH} too, so both give the same bits. */
    public Matrix tanh() {
        Matrix out = zeros(rows, cols);
        FastTanh.tanh(data, out.data, data.length);
        return out;
    }

    /** The absolute value of every entry. */
    public Matrix abs() {
        return map(Math::abs);
    }

    /** The square root of every entry. */
    public Matrix sqrt() {
        return map(Math::sqrt);
    }

    /** Every entry squared. */
    public Matrix square() {
        return map(x -> x * x);
    }

    /** Every entry to the power {@code p}. */
    public Matrix pow(double p) {
        return map(x -> Math.pow(x, p));
    }

    /** {@code max(x, s)} for every entry, like {@code np.maximum(A, s)}; ReLU is {@code maximum(0)}. */
    public Matrix maximum(double s) {
        return map(x -> Math.max(x, s));
    }

    /** {@code min(x, s)} for every entry, like {@code np.minimum(A, s)}. */
    public Matrix minimum(double s) {
        return map(x -> Math.min(x, s));
    }

    /** A 0/1 mask: 1 where the entry is greater than {@code s}, like {@code (A > s)}. */
    public Matrix greaterThan(double s) {
        return map(x -> x > s ? 1.0 : 0.0);
    }

    /** A 0/1 mask: 1 where the entry is less than {@code s}. */
    public Matrix lessThan(double s) {
        return map(x -> x < s ? 1.0 : 0.0);
    }

    /** A 0/1 mask: 1 where the entry is at most {@code s}. */
    public Matrix lessOrEqual(double s) {
        return map(x -> x <= s ? 1.0 : 0.0);
    }

    /** A 0/1 mask: 1 where this and {@code b} are equal, like {@code (A == B)}. */
    public Matrix equalTo(Matrix b) {
        return zip("equalTo", b, (x, y) -> x == y ? 1.0 : 0.0);
    }

    // ------------------------------------------------------------------ named broadcasting

    /** Adds the {@code rows x 1} column vector {@code b} to every column: numpy's {@code A + b}. */
    public Matrix plusColumn(Matrix b) {
        Matrix out = zeros(rows, cols);
        MatrixOps.plusColumn(this, b, out);
        return out;
    }

    /** Subtracts the {@code rows x 1} column vector {@code b} from every column. */
    public Matrix minusColumn(Matrix b) {
        return broadcastColumn("minusColumn", b, (x, y) -> x - y);
    }

    /** Multiplies every column by the {@code rows x 1} column vector {@code b}, element-wise. */
    public Matrix timesColumn(Matrix b) {
        return broadcastColumn("timesColumn", b, (x, y) -> x * y);
    }

    /** Divides every column by the {@code rows x 1} column vector {@code b}, element-wise (e.g. row norms). */
    public Matrix divideColumn(Matrix b) {
        return broadcastColumn("divideColumn", b, (x, y) -> x / y);
    }

    /** Adds the {@code 1 x cols} row vector {@code r} to every row. */
    public Matrix plusRow(Matrix r) {
        return broadcastRow("plusRow", r, Double::sum);
    }

    /** Subtracts the {@code 1 x cols} row vector {@code r} from every row. */
    public Matrix minusRow(Matrix r) {
        return broadcastRow("minusRow", r, (x, y) -> x - y);
    }

    /** Multiplies every row by the {@code 1 x cols} row vector {@code r}, element-wise. */
    public Matrix timesRow(Matrix r) {
        return broadcastRow("timesRow", r, (x, y) -> x * y);
    }

    /** Divides every row by the {@code 1 x cols} row vector {@code r}, element-wise. */
    public Matrix divideRow(Matrix r) {
        return broadcastRow("divideRow", r, (x, y) -> x / y);
    }

    private Matrix broadcastColumn(String operation, Matrix b, DoubleBinaryOperator f) {
        Shapes.columnVector(operation, this, b);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            double v = b.data[i];
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[o + j] = f.applyAsDouble(data[o + j], v);
            }
        }
        return out;
    }

    private Matrix broadcastRow(String operation, Matrix r, DoubleBinaryOperator f) {
        Shapes.rowVector(operation, this, r);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[o + j] = f.applyAsDouble(data[o + j], r.data[j]);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ reductions

    /**
     * The sum of each row, kept 2-D: a {@code rows x 1} column, added left to right; numpy's
     * {@code np.sum(A, axis=1, keepdims=True)} adds pairwise, which {@link #rowSumsPairwise()} reproduces.
     */
    public Matrix rowSums() {
        Matrix out = zeros(rows, 1);
        MatrixOps.rowSums(this, out);
        return out;
    }

    /**
     * The sum of each row, kept 2-D ({@code rows x 1}), each row added pairwise as numpy does: bit for bit
     * {@code np.sum(A, axis=1, keepdims=True)}. Differs from {@link #rowSums()} only in rounding.
     */
    public Matrix rowSumsPairwise() {
        Matrix out = zeros(rows, 1);
        MatrixOps.rowSumsPairwise(this, out);
        return out;
    }

    /**
     * The sum of each column, kept 2-D: a {@code 1 x cols} row, bit for bit
     * {@code np.sum(A, axis=0, keepdims=True)} (numpy adds rows in order along axis 0).
     */
    public Matrix colSums() {
        Matrix out = zeros(1, cols);
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[j] += data[o + j];
            }
        }
        return out;
    }

    /** The sum of all entries (0 for an empty matrix), added in row order. */
    public double sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /**
     * The sum of all entries added pairwise, bit for bit numpy's {@code np.sum(A)} (see
     * {@link MatrixOps#pairwiseSum}); 0 for an empty matrix. Differs from {@link #sum()} only in rounding.
     */
    public double sumPairwise() {
        return MatrixOps.pairwiseSum(data, 0, data.length);
    }

    /** The mean of all entries (NaN for an empty matrix, as numpy). */
    public double mean() {
        return sum() / data.length;
    }

    /** The largest entry; fails on an empty matrix. */
    public double max() {
        requireNonEmpty("max");
        double m = Double.NEGATIVE_INFINITY;
        for (double v : data) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The smallest entry; fails on an empty matrix. */
    public double min() {
        requireNonEmpty("min");
        double m = Double.POSITIVE_INFINITY;
        for (double v : data) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** The Frobenius norm, {@code sqrt(Σ x²)}: the L2 norm of the entries read as one vector. */
    public double norm() {
        return Math.sqrt(dot(this));
    }

    private void requireNonEmpty(String operation) {
        if (data.length == 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: the matrix is %dx%d and has no entries; a maximum or minimum needs at least one", operation, rows, cols));
        }
    }

    /** True when no entry is NaN or infinite. */
    public boolean allFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The position (row-order index) of the first NaN or infinite entry, or -1. */
    public int firstNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ comparison and printing

    /** True when shapes match and every pair of entries differs by at most {@code tolerance}. */
    public boolean approxEquals(Matrix b, double tolerance) {
        if (rows != b.rows || cols != b.cols) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (!(Math.abs(data[i] - b.data[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** Exact equality of shape and of every entry's bits (so NaN equals NaN, 0.0 differs from -0.0). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Matrix)) {
            return false;
        }
        Matrix m = (Matrix) o;
        return rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** The matrix as numpy prints it, e.g. {@code [[ 0.01624345 -0.00611756]]}. */
    @Override
    public String toString() {
        return NumpyFormat.format(this);
    }
}
