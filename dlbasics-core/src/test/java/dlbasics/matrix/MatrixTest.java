package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.random.NumpyRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation of {@link Matrix}: construction, access, layout against numpy ({@code numpy_matrix.py}
 * writes the oracle {@code numpy_matrix.txt} beside it), element-wise maths, named broadcasting,
 * reductions, products, shape errors with their messages, and properties over fixed seeds.
 */
class MatrixTest {
    private static Map<String, Matrix> numpy;

    @BeforeAll
    static void load() {
        numpy = new HashMap<>();
        dlbasics.NumpyCases.read("/dlbasics/matrix/numpy_matrix.txt").forEach((name, c) -> numpy.put(name, c.value()));
    }

    private static Matrix np(String name) {
        Matrix m = numpy.get(name);
        assertTrue(m != null, "no numpy case " + name);
        return m;
    }

    // ------------------------------------------------------------------ construction and access

    @Test
    void constructorsFillInRowOrder() {
        Matrix m = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertEquals(6, m.size());
        assertTrue(m.hasShape(2, 3));
        assertFalse(m.hasShape(3, 2));
        assertEquals(6.0, m.get(1, 2), 0.0);
        assertEquals(2.0, m.get(0, 1), 0.0);
        assertEquals(m, Matrix.fromRows(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, m.toRows());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.toArray(), 0.0);
        assertEquals(Matrix.of(3, 1, 1, 2, 3), Matrix.column(1, 2, 3));
        assertEquals(Matrix.of(1, 3, 1, 2, 3), Matrix.row(1, 2, 3));
        assertEquals(Matrix.of(2, 2, 0, 0, 0, 0), Matrix.zeros(2, 2));
        assertEquals(Matrix.of(1, 2, 1, 1), Matrix.ones(1, 2));
        assertEquals(Matrix.of(2, 1, 7, 7), Matrix.filled(2, 1, 7));
        assertEquals(Matrix.of(2, 2, 1, 0, 0, 1), Matrix.identity(2));
    }

    @Test
    void ofAndColumnCopyButWrapShares() {
        double[] values = {1, 2, 3, 4};
        Matrix copied = Matrix.of(2, 2, values);
        Matrix column = Matrix.column(values);
        Matrix wrapped = Matrix.wrap(2, 2, values);
        values[0] = 99;
        assertEquals(1.0, copied.get(0, 0), 0.0);
        assertEquals(1.0, column.get(0, 0), 0.0);
        assertEquals(99.0, wrapped.get(0, 0), 0.0);
        assertSame(values, wrapped.data());
        wrapped.set(1, 1, -1);
        assertEquals(-1.0, values[3], 0.0);
    }

    @Test
    void copiesAreIndependent() {
        Matrix m = Matrix.of(2, 2, 1, 2, 3, 4);
        Matrix c = m.copy();
        c.set(0, 0, 9);
        assertEquals(1.0, m.get(0, 0), 0.0);
        double[][] rows = m.toRows();
        rows[0][0] = 9;
        assertEquals(1.0, m.get(0, 0), 0.0);
        m.toArray()[0] = 9;
        assertEquals(1.0, m.get(0, 0), 0.0);
        Matrix target = Matrix.zeros(2, 2);
        assertSame(target, target.setTo(m));
        assertEquals(m, target);
    }

    @Test
    void slicesRowsAndColumns() {
        Matrix m = Matrix.of(3, 4, 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23);
        assertEquals(Matrix.row(10, 11, 12, 13), m.row(1));
        assertEquals(Matrix.column(2, 12, 22), m.column(2));
        assertEquals(Matrix.of(3, 2, 1, 2, 11, 12, 21, 22), m.columns(1, 3));
        assertEquals(Matrix.of(3, 0), m.columns(4, 4));
        assertEquals(Matrix.of(3, 3, 3, 0, 3, 13, 10, 13, 23, 20, 23), m.selectColumns(3, 0, 3));
        assertEquals(Matrix.of(2, 4, 10, 11, 12, 13, 20, 21, 22, 23), m.rowsRange(1, 3));
        assertEquals(Matrix.zeros(0, 4), m.rowsRange(2, 2));
    }

    @Test
    void outOfRangeIndicesAreNamed() {
        Matrix m = Matrix.zeros(2, 3);
        assertEquals("Matrix index (2, 0) is outside a 2x3 matrix",
                assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0)).getMessage());
        assertEquals("Matrix index (0, -1) is outside a 2x3 matrix",
                assertThrows(IndexOutOfBoundsException.class, () -> m.set(0, -1, 1)).getMessage());
        assertEquals("Matrix.row: row 5 is outside a 2x3 matrix",
                assertThrows(IndexOutOfBoundsException.class, () -> m.row(5)).getMessage());
        assertEquals("Matrix.column: column 3 is outside a 2x3 matrix",
                assertThrows(IndexOutOfBoundsException.class, () -> m.column(3)).getMessage());
        assertEquals("Matrix.columns: range [2, 4) is outside the 3 columns of a 2x3 matrix",
                assertThrows(IndexOutOfBoundsException.class, () -> m.columns(2, 4)).getMessage());
        assertEquals("Matrix.selectColumns: index 3 (position 1) is outside the 3 columns",
                assertThrows(IndexOutOfBoundsException.class, () -> m.selectColumns(0, 3)).getMessage());
        assertEquals("Matrix.rowsRange: range [1, 0) is outside the 2 rows of a 2x3 matrix",
                assertThrows(IndexOutOfBoundsException.class, () -> m.rowsRange(1, 0)).getMessage());
    }

    @Test
    void badConstructionIsExplained() {
        assertEquals("Matrix.of: 5 values cannot fill a 2x3 matrix (it needs 6); values go row by row",
                assertThrows(IllegalArgumentException.class, () -> Matrix.of(2, 3, 1, 2, 3, 4, 5)).getMessage());
        assertEquals("Matrix.zeros: a matrix cannot be -1x2; rows and columns must be zero or more",
                assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(-1, 2)).getMessage());
        assertEquals("Matrix.wrap: an array of 3 values cannot back a 2x2 matrix (it needs 4)",
                assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(2, 2, new double[3])).getMessage());
        assertEquals("Matrix.fromRows: row 1 has 1 values but row 0 has 2; every row needs the same length",
                assertThrows(IllegalArgumentException.class,
                        () -> Matrix.fromRows(new double[][] {{1, 2}, {3}})).getMessage());
        assertEquals("Matrix.flattenExamples: 10 values cannot be split into 3 examples of equal size; "
                        + "pass the tensor's first dimension as m",
                assertThrows(IllegalArgumentException.class, () -> Matrix.flattenExamples(3, new double[10])).getMessage());
    }

    // ------------------------------------------------------------------ layout against numpy

    @Test
    void flattenExamplesIsNumpysReshapeMinusOneTransposed() {
        // the course: train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T
        Matrix x = Matrix.flattenExamples(4, np("in_tensor").toArray());
        assertTrue(x.hasShape(12, 4));
        assertEquals(np("flatten_examples"), x);
        assertEquals(np("in_tensor").reshape(4, 12).transpose(), x);
    }

    @Test
    void reshapeKeepsCOrderLikeNumpy() {
        Matrix A = np("in_A");
        assertEquals(np("reshape_2x6"), A.reshape(2, 6));
        assertEquals(np("reshape_12x1"), A.reshape(12, 1));
        assertEquals(np("reshape_6x2"), A.reshape(6, 2));
        assertEquals(A, A.reshape(12, 1).reshape(3, 4));
        Matrix r = A.reshape(2, 6);
        r.set(0, 0, 42);
        assertNotEquals(42.0, A.get(0, 0), "reshape returns a copy");
        assertEquals("reshape: a 3x4 matrix has 12 entries and cannot become 5x2; the product of the new dimensions must be 12",
                assertThrows(IllegalArgumentException.class, () -> A.reshape(5, 2)).getMessage());
        assertEquals("reshape: a 3x4 matrix has 12 entries and cannot become -3x-4; the product of the new dimensions must be 12",
                assertThrows(IllegalArgumentException.class, () -> A.reshape(-3, -4)).getMessage());
    }

    @Test
    void transposeMatchesNumpy() {
        assertEquals(np("transpose"), np("in_A").transpose());
        assertEquals(np("in_A"), np("in_A").transpose().transpose());
    }

    @Test
    void namedBroadcastingMatchesNumpy() {
        Matrix A = np("in_A");
        Matrix b = np("in_b");
        Matrix r = np("in_r");
        assertEquals(np("A_plus_b"), A.plusColumn(b));
        assertEquals(np("A_minus_b"), A.minusColumn(b));
        assertEquals(np("A_times_b"), A.timesColumn(b));
        assertEquals(np("A_divide_b"), A.divideColumn(b));
        assertEquals(np("A_plus_r"), A.plusRow(r));
        assertEquals(np("A_minus_r"), A.minusRow(r));
        assertEquals(np("A_times_r"), A.timesRow(r));
        assertEquals(np("A_divide_r"), A.divideRow(r));
    }

    @Test
    void reductionsMatchNumpy() {
        Matrix A = np("in_A");
        // four entries per row or column: numpy adds them left to right, as Matrix does
        assertEquals(np("row_sums"), A.rowSums());
        assertEquals(np("col_sums"), A.colSums());
    }

    @Test
    void elementWiseMathMatchesNumpy() {
        Matrix A = np("in_A");
        assertEquals(np("abs"), A.abs());
        assertEquals(np("maximum_0"), A.maximum(0));
        assertEquals(np("minimum_0"), A.minimum(0));
        assertEquals(np("greater_0"), A.greaterThan(0));
        assertEquals(np("square"), A.square());
        assertEquals(np("one_minus"), A.subtractFrom(1));
        assertEquals(np("scaled"), A.times(0.01));
        assertEquals(np("divided"), A.divide(7.0));
        // exp and tanh: the JDK's and the C library's may round differently, by at most an ulp or two
        assertUlps(np("exp"), A.exp(), 2);
        assertUlps(np("tanh"), A.tanh(), 3);
    }

    private static void assertUlps(Matrix expected, Matrix got, int ulps) {
        assertTrue(got.hasShape(expected.rows(), expected.cols()));
        for (int i = 0; i < got.size(); i++) {
            double e = expected.data()[i];
            assertEquals(e, got.data()[i], ulps * Math.ulp(e), "entry " + i);
        }
    }

    // ------------------------------------------------------------------ element-wise

    @Test
    void elementWiseOperations() {
        Matrix a = Matrix.of(2, 2, 1, -2, 3, 4);
        Matrix b = Matrix.of(2, 2, 2, 2, -1, 8);
        assertEquals(Matrix.of(2, 2, 3, 0, 2, 12), a.plus(b));
        assertEquals(Matrix.of(2, 2, -1, -4, 4, -4), a.minus(b));
        assertEquals(Matrix.of(2, 2, 2, -4, -3, 32), a.times(b));
        assertEquals(Matrix.of(2, 2, 0.5, -1, -3, 0.5), a.divide(b));
        assertEquals(Matrix.of(2, 2, 2, -1, 4, 5), a.plus(1));
        assertEquals(Matrix.of(2, 2, 0, -3, 2, 3), a.minus(1));
        assertEquals(Matrix.of(2, 2, 0, 3, -2, -3), a.subtractFrom(1));
        assertEquals(Matrix.of(2, 2, 2, -4, 6, 8), a.times(2));
        assertEquals(Matrix.of(2, 2, 0.5, -1, 1.5, 2), a.divide(2));
        assertEquals(Matrix.of(2, 2, -1, 2, -3, -4), a.negate());
        assertEquals(Matrix.of(2, 2, 1, 2, 3, 4), a.abs());
        assertEquals(Matrix.of(2, 2, 1, 4, 9, 16), a.square());
        assertEquals(Matrix.of(2, 2, 1, 4, 9, 16), a.pow(2));
        assertEquals(Matrix.of(1, 2, 2, 3), Matrix.of(1, 2, 4, 9).sqrt());
        assertEquals(Matrix.of(2, 2, 1, 0, 3, 4), a.maximum(0));
        assertEquals(Matrix.of(2, 2, 0, -2, 0, 0), a.minimum(0));
        assertEquals(Matrix.of(2, 2, 1, 0, 1, 1), a.greaterThan(0));
        assertEquals(Matrix.of(2, 2, 0, 1, 0, 0), a.lessThan(0));
        assertEquals(Matrix.of(2, 2, 1, 1, 0, 0), a.lessOrEqual(1));
        assertEquals(Matrix.of(2, 2, 0, 1, 0, 0), a.equalTo(Matrix.of(2, 2, 0, -2, 0, 0)));
        assertEquals(Matrix.of(2, 2, 10, -20, 30, 40), a.map(x -> 10 * x));
        assertEquals(Matrix.of(2, 2, 2, 2, 3, 8), a.zip("max", b, Math::max));
        assertEquals(Matrix.of(1, 3, 1, Math.E, 1 / Math.E), Matrix.of(1, 3, 0, 1, -1).exp());
        assertEquals(Matrix.of(1, 2, 0, Double.NEGATIVE_INFINITY), Matrix.of(1, 2, 1, 0).log());
        assertTrue(Double.isNaN(Matrix.of(1, 1, -1).log().get(0, 0)), "log of a negative is NaN, as numpy");
        assertEquals(Matrix.of(1, 2, 0, Math.tanh(1)), Matrix.of(1, 2, 0, 1).tanh());
    }

    @Test
    void operandsAreLeftAlone() {
        Matrix a = Matrix.of(2, 2, 1, -2, 3, 4);
        Matrix before = a.copy();
        a.plus(a);
        a.times(3);
        a.map(x -> 0);
        a.plusColumn(Matrix.column(1, 1));
        a.transpose();
        a.mult(a);
        a.rowSums();
        assertEquals(before, a);
    }

    @Test
    void elementWiseShapeErrorsNameBothShapesAndTheFix() {
        Matrix a = Matrix.zeros(3, 4);
        assertEquals("plus: shapes differ; this is 3x4 but the other is 3x1; to apply a column vector to every column, "
                        + "use plusColumn",
                assertThrows(IllegalArgumentException.class, () -> a.plus(Matrix.zeros(3, 1))).getMessage());
        assertEquals("times: shapes differ; this is 3x4 but the other is 1x4; to apply a row vector to every row, "
                        + "use timesRow",
                assertThrows(IllegalArgumentException.class, () -> a.times(Matrix.zeros(1, 4))).getMessage());
        assertEquals("minus: shapes differ; this is 3x4 but the other is 4x3; did you mean to transpose one of them?",
                assertThrows(IllegalArgumentException.class, () -> a.minus(Matrix.zeros(4, 3))).getMessage());
        assertEquals("divide: shapes differ; this is 3x4 but the other is 2x2; element-wise operations need equal shapes",
                assertThrows(IllegalArgumentException.class, () -> a.divide(Matrix.zeros(2, 2))).getMessage());
        assertEquals("plusColumn: expected a 3x1 column vector to broadcast over a 3x4 matrix, got 1x3; "
                        + "a column vector has one entry per row (did you mean its transpose?)",
                assertThrows(IllegalArgumentException.class, () -> a.plusColumn(Matrix.zeros(1, 3))).getMessage());
        assertEquals("divideRow: expected a 1x4 row vector to broadcast over a 3x4 matrix, got 2x4; "
                        + "a row vector has one entry per column",
                assertThrows(IllegalArgumentException.class, () -> a.divideRow(Matrix.zeros(2, 4))).getMessage());
        assertEquals("dot: shapes differ; this is 3x4 but the other is 1x1; element-wise operations need equal shapes",
                assertThrows(IllegalArgumentException.class, () -> a.dot(Matrix.zeros(1, 1))).getMessage());
        assertEquals("Matrix.setTo: shapes differ; this is 3x4 but the other is 4x3; did you mean to transpose one of them?",
                assertThrows(IllegalArgumentException.class, () -> a.setTo(Matrix.zeros(4, 3))).getMessage());
    }

    // ------------------------------------------------------------------ reductions

    @Test
    void reductions() {
        Matrix a = Matrix.of(2, 3, 1, -2, 3, 4, 5, -6);
        assertEquals(Matrix.column(2, 3), a.rowSums());
        assertEquals(Matrix.row(5, 3, -3), a.colSums());
        assertEquals(5.0, a.sum(), 0.0);
        assertEquals(5.0 / 6, a.mean(), 0.0);
        assertEquals(5.0, a.max(), 0.0);
        assertEquals(-6.0, a.min(), 0.0);
        assertEquals(Math.sqrt(1 + 4 + 9 + 16 + 25 + 36), a.norm(), 0.0);
        assertEquals(1 * 1 + -2 * 2 + 3 * 3 + 4 * 4 + 5 * 5 + -6 * 6, a.dot(Matrix.of(2, 3, 1, 2, 3, 4, 5, 6)), 0.0);
        assertTrue(a.allFinite());
        assertEquals(-1, a.firstNonFinite());
        Matrix bad = Matrix.of(1, 3, 0, Double.NaN, Double.POSITIVE_INFINITY);
        assertFalse(bad.allFinite());
        assertEquals(1, bad.firstNonFinite());
        assertEquals(2, Matrix.of(1, 3, 0, 1, Double.NEGATIVE_INFINITY).firstNonFinite());
        assertTrue(Double.isNaN(bad.max()), "max propagates NaN, as numpy");
    }

    @Test
    void emptyReductions() {
        Matrix e = Matrix.zeros(0, 3);
        assertEquals(0.0, e.sum(), 0.0);
        assertTrue(Double.isNaN(e.mean()), "the mean of nothing is NaN, as numpy");
        assertEquals(Matrix.zeros(0, 1), e.rowSums());
        assertEquals(Matrix.zeros(1, 3), e.colSums());
        assertEquals(Matrix.zeros(2, 1), Matrix.zeros(2, 0).rowSums());
        assertEquals(0.0, e.norm(), 0.0);
        assertEquals("max: the matrix is 0x3 and has no entries; a maximum or minimum needs at least one",
                assertThrows(IllegalArgumentException.class, e::max).getMessage());
        assertEquals("min: the matrix is 0x3 and has no entries; a maximum or minimum needs at least one",
                assertThrows(IllegalArgumentException.class, e::min).getMessage());
    }

    // ------------------------------------------------------------------ products

    @Test
    void productsOfSmallMatrices() {
        Matrix a = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        Matrix b = Matrix.of(3, 2, 7, 8, 9, 10, 11, 12);
        assertEquals(Matrix.of(2, 2, 58, 64, 139, 154), a.mult(b));
        assertEquals(a.transpose().mult(a), a.transposeMult(a));
        assertEquals(a.mult(a.transpose()), a.multTranspose(a));
        assertEquals(Matrix.of(3, 3, 17, 22, 27, 22, 29, 36, 27, 36, 45), a.transposeMult(a));
        assertEquals(Matrix.of(2, 2, 14, 32, 32, 77), a.multTranspose(a));
        assertEquals(a, Matrix.identity(2).mult(a));
        assertEquals(a, a.mult(Matrix.identity(3)));
    }

    /** The course's classic mistake: data with examples in rows. The error names both shapes and the fix. */
    @Test
    void productShapeErrorsNameBothShapesAndSuggestATranspose() {
        Matrix W = Matrix.zeros(20, 12288);
        Matrix X = Matrix.zeros(209, 12288);
        assertEquals("mult: A is 20x12288 but B is 209x12288 (A.cols must equal B.rows); did you mean "
                        + "A.multTranspose(B), that is A · Bᵀ? examples go in columns",
                assertThrows(IllegalArgumentException.class, () -> W.mult(X)).getMessage());
        assertEquals("mult: A is 12288x20 but B is 12288x209 (A.cols must equal B.rows); did you mean "
                        + "A.transposeMult(B), that is Aᵀ · B?",
                assertThrows(IllegalArgumentException.class, () -> W.transpose().mult(X.transpose())).getMessage());
        assertEquals("transposeMult: A is 20x12288 but B is 12288x209 (A.rows must equal B.rows); did you mean "
                        + "A.mult(B), that is A · B?",
                assertThrows(IllegalArgumentException.class, () -> W.transposeMult(X.transpose())).getMessage());
        assertEquals("multTranspose: A is 20x12288 but B is 12288x209 (A.cols must equal B.cols); did you mean "
                        + "A.mult(B), that is A · B? examples go in columns",
                assertThrows(IllegalArgumentException.class, () -> W.multTranspose(X.transpose())).getMessage());
        assertEquals("mult: A is 2x3 but B is 4x5 (A.cols must equal B.rows); no transpose helps: the inner "
                        + "dimensions must agree, (n x k) · (k x m)",
                assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(2, 3).mult(Matrix.zeros(4, 5))).getMessage());
    }

    // ------------------------------------------------------------------ equality and printing

    @Test
    void equalityIsExactOnBitsAndApproxEqualsHasATolerance() {
        Matrix a = Matrix.of(1, 2, 0.0, Double.NaN);
        assertEquals(a, Matrix.of(1, 2, 0.0, Double.NaN));
        assertEquals(a.hashCode(), Matrix.of(1, 2, 0.0, Double.NaN).hashCode());
        assertNotEquals(a, Matrix.of(1, 2, -0.0, Double.NaN));
        assertNotEquals(Matrix.zeros(1, 2), Matrix.zeros(2, 1));
        assertNotEquals(Matrix.zeros(1, 1), "0");
        Matrix b = Matrix.of(1, 2, 1.0, 2.0);
        assertTrue(b.approxEquals(Matrix.of(1, 2, 1.0 + 1e-10, 2.0), 1e-9));
        assertFalse(b.approxEquals(Matrix.of(1, 2, 1.0 + 1e-8, 2.0), 1e-9));
        assertFalse(b.approxEquals(Matrix.of(2, 1, 1.0, 2.0), 1));
        assertFalse(a.approxEquals(a, 1), "NaN is never approximately equal");
    }

    @Test
    void toStringIsNumpysPrint() {
        assertEquals("[[1. 2.]\n [3. 4.]]", Matrix.of(2, 2, 1, 2, 3, 4).toString());
        assertEquals("[]", Matrix.zeros(0, 0).toString());
    }

    // ------------------------------------------------------------------ zero-size and 1x1 shapes

    @Test
    void zeroSizeShapesWorkEverywhere() {
        for (int[] shape : new int[][] {{0, 0}, {0, 3}, {3, 0}}) {
            Matrix e = Matrix.zeros(shape[0], shape[1]);
            String what = shape[0] + "x" + shape[1];
            assertEquals(0, e.size(), what);
            assertEquals(e, e.plus(e), what);
            assertEquals(e, e.times(2), what);
            assertEquals(e, e.exp(), what);
            assertTrue(e.transpose().hasShape(shape[1], shape[0]), what);
            assertEquals(e, e.plusColumn(Matrix.zeros(shape[0], 1)), what);
            assertEquals(e, e.timesRow(Matrix.zeros(1, shape[1])), what);
            assertEquals(e, e.copy(), what);
            assertEquals(Matrix.zeros(shape[0], shape[0]), e.multTranspose(e), what);
            assertEquals(Matrix.zeros(shape[1], shape[1]), e.transposeMult(e), what);
            assertTrue(e.allFinite(), what);
            assertEquals(Matrix.zeros(shape[1], shape[0]), e.reshape(shape[1], shape[0]), what);
        }
        // (3x0) · (0x4): an inner dimension of 0 gives zeros
        assertEquals(Matrix.zeros(3, 4), Matrix.zeros(3, 0).mult(Matrix.zeros(0, 4)));
        assertTrue(Matrix.flattenExamples(0, new double[0]).hasShape(0, 0));
        assertTrue(Matrix.fromRows(new double[0][]).hasShape(0, 0));
    }

    @Test
    void oneByOneShapesWorkEverywhere() {
        Matrix a = Matrix.of(1, 1, 3);
        Matrix b = Matrix.of(1, 1, -2);
        assertEquals(Matrix.of(1, 1, -6), a.mult(b));
        assertEquals(Matrix.of(1, 1, -6), a.transposeMult(b));
        assertEquals(Matrix.of(1, 1, -6), a.multTranspose(b));
        assertEquals(Matrix.of(1, 1, 1), a.plusColumn(b));
        assertEquals(Matrix.of(1, 1, 1), a.plusRow(b));
        assertEquals(a, a.transpose());
        assertEquals(Matrix.column(3.0), a.rowSums());
        assertEquals(3.0, a.max(), 0.0);
        assertEquals("[[3.]]", a.toString());
        assertEquals(Matrix.of(1, 1, 3), Matrix.flattenExamples(1, new double[] {3}));
    }

    // ------------------------------------------------------------------ properties over seeds

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42})
    void transposeOfAProductIsTheProductOfTransposes(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        for (int trial = 0; trial < 5; trial++) {
            int n = (int) rng.randint(0, 9);
            int k = (int) rng.randint(0, 9);
            int m = (int) rng.randint(0, 9);
            Matrix A = rng.randn(n, k);
            Matrix B = rng.randn(k, m);
            // each entry is the same products added in the same order, so the bits agree
            assertEquals(A.mult(B).transpose(), B.transpose().mult(A.transpose()),
                    "seed " + seed + ", " + n + "x" + k + " · " + k + "x" + m);
            assertEquals(A.mult(B), A.transpose().transposeMult(B), "seed " + seed);
            assertEquals(A.mult(B), A.multTranspose(B.transpose()), "seed " + seed);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42})
    void elementWiseIdentities(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix a = rng.randn(3, 5);
        Matrix b = rng.randn(3, 5).plus(3);
        String s = "seed " + seed;
        assertEquals(a.plus(b), b.plus(a), s);
        assertEquals(a.times(b), b.times(a), s);
        assertEquals(a.minus(b), a.plus(b.negate()), s);
        assertEquals(a.negate().negate(), a, s);
        assertEquals(a.subtractFrom(0), a.negate(), s);
        assertEquals(a.maximum(0).plus(a.minimum(0)), a, s);
        assertEquals(a.times(2), a.plus(a), s);
        assertEquals(a.rowSums().transpose(), a.transpose().colSums(), s);
        assertEquals(a.plusColumn(a.column(0)), a.plus(a.column(0).mult(Matrix.ones(1, 5))), s);
        assertEquals(a.plusRow(a.row(1)), a.plus(Matrix.ones(3, 1).mult(a.row(1))), s);
        assertTrue(a.divideColumn(b.column(0)).timesColumn(b.column(0)).approxEquals(a, 1e-14), s);
        assertEquals(a.reshape(5, 3).reshape(3, 5), a, s);
        assertEquals(a.sum(), a.rowSums().sum(), 1e-14, s);
        assertEquals(a.norm() * a.norm(), a.dot(a), 1e-12, s);
    }

    @Test
    void transposeOfALargeMatrixCrossesBlocks() {
        Matrix a = new NumpyRandom(5).rand(70, 45);
        Matrix t = a.transpose();
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 45; j++) {
                assertEquals(a.get(i, j), t.get(j, i), 0.0);
            }
        }
    }

    @Test
    void mapIsAppliedOnceToEachEntryInRowOrder() {
        StringBuilder order = new StringBuilder();
        UnaryOperator<Matrix> record = m -> m.map(x -> {
            order.append((int) x);
            return x;
        });
        record.apply(Matrix.of(2, 2, 1, 2, 3, 4));
        assertEquals("1234", order.toString());
    }
}
