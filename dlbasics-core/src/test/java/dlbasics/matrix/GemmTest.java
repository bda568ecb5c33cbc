package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.random.NumpyRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Gemm#multiply}: all four transposition cases equal the naive triple loop (each entry summed over
 * p = 0..k-1 in order, no fused multiply-add) bit for bit, over shapes with 0 and 1 and shapes larger
 * than the kernel's blocks (128 along k, 512 along the columns), and with values of mixed magnitude so
 * that any change of summation order changes bits.
 */
class GemmTest {

    /** The reference: C[i][j] = Σ_p op(A)[i][p] · op(B)[p][j], p in order, starting from 0. */
    static Matrix naive(Matrix a, boolean transA, Matrix b, boolean transB) {
        int n = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int m = transB ? b.rows() : b.cols();
        Matrix c = Matrix.zeros(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = transA ? a.get(p, i) : a.get(i, p);
                    double y = transB ? b.get(j, p) : b.get(p, j);
                    s += x * y;
                }
                c.set(i, j, s);
            }
        }
        return c;
    }

    /** Normal values spread over 6 orders of magnitude: reordered sums would differ in the last bits. */
    private static Matrix spread(NumpyRandom rng, int rows, int cols) {
        Matrix m = rng.randn(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= Math.pow(10, rng.uniform(-3, 3));
        }
        return m;
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(0, 0, 0), Arguments.of(0, 3, 4), Arguments.of(3, 0, 4), Arguments.of(3, 4, 0),
                Arguments.of(1, 1, 1), Arguments.of(1, 7, 1), Arguments.of(5, 1, 6), Arguments.of(1, 300, 1),
                Arguments.of(2, 128, 512), Arguments.of(3, 129, 513), Arguments.of(4, 257, 600),
                Arguments.of(33, 20, 1030), Arguments.of(7, 12288 / 16, 9), Arguments.of(20, 130, 64));
    }

    @ParameterizedTest(name = "{0}x{1} · {1}x{2}")
    @MethodSource("shapes")
    void allFourCasesEqualTheNaiveLoopBitForBit(int n, int k, int m) {
        NumpyRandom rng = new NumpyRandom(31L * n + 7L * k + m);
        Matrix A = spread(rng, n, k);
        Matrix B = spread(rng, k, m);
        Matrix expected = naive(A, false, B, false);
        Matrix At = A.transpose();
        Matrix Bt = B.transpose();
        String shape = n + "x" + k + " · " + k + "x" + m;
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                Matrix a = transA ? At : A;
                Matrix b = transB ? Bt : B;
                Matrix c = Matrix.filled(n, m, Double.NaN); // the output is overwritten, not added to
                Gemm.multiply(a, transA, b, transB, c);
                assertEquals(naive(a, transA, b, transB), c, shape + ", transA=" + transA + ", transB=" + transB);
                assertEquals(expected, c, shape + ", transA=" + transA + ", transB=" + transB + " vs A·B");
            }
        }
        assertEquals(expected, A.mult(B), shape + " mult");
        assertEquals(expected, At.transposeMult(B), shape + " transposeMult");
        assertEquals(expected, A.multTranspose(Bt), shape + " multTranspose");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42})
    void randomShapesEqualTheNaiveLoop(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        for (int trial = 0; trial < 6; trial++) {
            int n = (int) rng.randint(0, 40);
            int k = (int) rng.randint(0, 300);
            int m = (int) rng.randint(0, 700);
            boolean transA = rng.nextDouble() < 0.5;
            boolean transB = rng.nextDouble() < 0.5;
            Matrix a = transA ? spread(rng, k, n) : spread(rng, n, k);
            Matrix b = transB ? spread(rng, m, k) : spread(rng, k, m);
            Matrix c = Matrix.zeros(n, m);
            Gemm.multiply(a, transA, b, transB, c);
            assertEquals(naive(a, transA, b, transB), c,
                    "seed " + seed + ", trial " + trial + ": " + n + "x" + k + "x" + m + " transA=" + transA + " transB=" + transB);
        }
    }

    /** The check above can fail: the same products summed from p = k-1 down change bits. */
    @Test
    void summationOrderIsVisibleInTheseValues() {
        NumpyRandom rng = new NumpyRandom(8);
        Matrix A = spread(rng, 4, 257);
        Matrix B = spread(rng, 257, 30);
        Matrix forward = naive(A, false, B, false);
        int differing = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 30; j++) {
                double s = 0;
                for (int p = 256; p >= 0; p--) {
                    s += A.get(i, p) * B.get(p, j);
                }
                differing += s == forward.get(i, j) ? 0 : 1;
            }
        }
        assertTrue(differing > 10, differing + " of 120 entries changed when summed backwards");
    }

    @Test
    void specialValuesPropagateAsInTheNaiveLoop() {
        Matrix a = Matrix.of(2, 2, Double.NaN, 1, Double.POSITIVE_INFINITY, 0);
        Matrix b = Matrix.of(2, 2, 1, 0, 0, -0.0);
        Matrix c = Matrix.zeros(2, 2);
        Gemm.multiply(a, false, b, false, c);
        assertEquals(naive(a, false, b, false), c);
        assertTrue(Double.isNaN(c.get(1, 1)), "inf · 0 is NaN");
    }

    @Test
    void badShapesAndSharedStorageAreRejected() {
        Matrix a = Matrix.zeros(2, 3);
        assertEquals("Gemm.multiply: A is 2x3 but B is 2x3 (A.cols must equal B.rows); did you mean "
                        + "transA=false, transB=true, that is A · Bᵀ? examples go in columns",
                assertThrows(IllegalArgumentException.class,
                        () -> Gemm.multiply(a, false, a, false, Matrix.zeros(2, 3))).getMessage());
        assertEquals("Gemm.multiply: the output is 3x3 but the result is 2x2; allocate the output with Matrix.zeros(2, 2)",
                assertThrows(IllegalArgumentException.class,
                        () -> Gemm.multiply(a, false, a, true, Matrix.zeros(3, 3))).getMessage());
        Matrix square = Matrix.of(2, 2, 1, 2, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiply(square, false, square, false, square));
        assertTrue(e.getMessage().startsWith("Gemm.multiply: the output shares storage with an operand"), e.getMessage());
        assertEquals(Matrix.of(2, 2, 1, 2, 3, 4), square, "a refused product leaves its operands alone");
    }
}
