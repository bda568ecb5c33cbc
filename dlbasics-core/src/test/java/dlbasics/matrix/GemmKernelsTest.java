package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernel, the plain-Java kernel and the naive triple loop give the same bits, for every
 * transposition, for shapes that fill tiles and shapes with ragged edges, on 1, 2 and 3 threads.
 */
class GemmKernelsTest {
    private static WorkerPool one;
    private static WorkerPool two;
    private static WorkerPool three;

    @BeforeAll
    static void pools() {
        one = new WorkerPool(1);
        two = new WorkerPool(2);
        three = new WorkerPool(3);
    }

    @AfterAll
    static void release() {
        // daemon threads; nothing to stop
        one = null;
        two = null;
        three = null;
    }

    /** The test configuration passes --add-modules jdk.incubator.vector, so the vector kernel is in use. */
    @Test
    void theVectorKernelIsSelectedWhenTheModuleIsPresent() {
        assertNotNull(Gemm.vectorKernel(), "jdk.incubator.vector is missing from the test JVM's options");
        assertTrue(Gemm.kernel().description().startsWith("Vector API"), Gemm.kernel().description());
        assertTrue(Gemm.implementation().startsWith("Vector API"), Gemm.implementation());
    }

    /** The naive loop of {@link GemmTest#naive}: C[i][j] = Σ_p op(A)[i][p]·op(B)[p][j], p increasing. */
    static Matrix naive(Matrix a, boolean transA, Matrix b, boolean transB) {
        return GemmTest.naive(a, transA, b, transB);
    }

    static Matrix randn(NumpyRandom rng, int rows, int cols) {
        Matrix x = Matrix.zeros(rows, cols);
        double[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian();
        }
        return x;
    }

    static Stream<Arguments> shapes() {
        int[][] nkm = {
            {1, 1, 1}, {1, 5, 3}, {3, 2, 1}, {2, 3, 9}, {4, 7, 8}, {5, 9, 16}, {7, 20, 209},
            {20, 7, 209}, {8, 33, 5}, {9, 257, 13}, {20, 300, 37}, {13, 600, 17}, {4, 4, 4}, {6, 1, 31},
            {1, 300, 77}, {3, 270, 70}, {2, 9, 40}, {1, 12, 33}, {1, 30, 600}, {2, 50, 1100}, {3, 7, 515},
        };
        List<Arguments> out = new ArrayList<>();
        long seed = 1;
        for (int[] s : nkm) {
            for (int t = 0; t < 4; t++) {
                out.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, seed++));
            }
        }
        return out.stream();
    }

    private static Matrix[] operands(int n, int k, int m, boolean transA, boolean transB, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix a = transA ? randn(rng, k, n) : randn(rng, n, k);
        Matrix b = transB ? randn(rng, m, k) : randn(rng, k, m);
        return new Matrix[] {a, b};
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} seed={5}")
    @MethodSource("shapes")
    void vectorScalarAndNaiveAgreeBitForBit(int n, int k, int m, boolean transA, boolean transB, long seed) {
        Matrix[] ab = operands(n, k, m, transA, transB, seed);
        Matrix expected = naive(ab[0], transA, ab[1], transB);
        Matrix scalar = Matrix.zeros(n, m);
        Gemm.multiply(ab[0], transA, ab[1], transB, scalar, Gemm.scalarKernel(), one);
        Matrix vector = Matrix.filled(n, m, Double.NaN);
        Gemm.multiply(ab[0], transA, ab[1], transB, vector, Gemm.vectorKernel(), one);
        String where = n + "x" + k + "x" + m + " transA=" + transA + " transB=" + transB + " seed=" + seed;
        assertArrayEquals(expected.data(), scalar.data(), 0.0, "plain Java kernel vs naive loop, " + where);
        assertArrayEquals(expected.data(), vector.data(), 0.0, "Vector API kernel vs naive loop, " + where);
    }

    static Stream<Arguments> largeShapes() {
        List<Arguments> out = new ArrayList<>();
        long seed = 100;
        int[][] nkm = {{20, 700, 209}, {7, 500, 211}, {20, 209, 1003}, {5, 130, 2000}, {1, 3000, 209}, {3, 300, 700}, {1, 209, 3000}};
        for (int[] s : nkm) {
            for (int t = 0; t < 4; t++) {
                out.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, seed++));
            }
        }
        return out.stream();
    }

    /** Large enough to be split into chunks: 1, 2 and 3 threads, both kernels, all give the same bits. */
    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} seed={5}")
    @MethodSource("largeShapes")
    void threadCountDoesNotChangeABit(int n, int k, int m, boolean transA, boolean transB, long seed) {
        assertTrue((long) n * k * m >= Gemm.PARALLEL_MIN, "shape too small to be split");
        Matrix[] ab = operands(n, k, m, transA, transB, seed);
        String where = n + "x" + k + "x" + m + " transA=" + transA + " transB=" + transB + " seed=" + seed;
        Matrix reference = Matrix.zeros(n, m);
        Gemm.multiply(ab[0], transA, ab[1], transB, reference, Gemm.scalarKernel(), one);
        for (GemmKernel kernel : new GemmKernel[] {Gemm.scalarKernel(), Gemm.vectorKernel()}) {
            for (WorkerPool pool : new WorkerPool[] {one, two, three}) {
                Matrix c = Matrix.zeros(n, m);
                Gemm.multiply(ab[0], transA, ab[1], transB, c, kernel, pool);
                assertArrayEquals(reference.data(), c.data(), 0.0,
                        kernel.description() + " on " + pool.threads() + " threads, " + where);
            }
        }
    }

    /**
     * The products of the L-layer cat network: W1·X (20x12288 · 12288x209), dW1 = dZ1·Xᵀ with X read
     * in place, and the two-layer network's 7x12288 · 12288x209; vector on 2 threads vs plain on 1.
     */
    @Test
    void courseShapesAgreeAcrossKernelsAndThreads() {
        NumpyRandom rng = new NumpyRandom(3);
        Matrix X = randn(rng, 12288, 209);
        for (int units : new int[] {20, 7}) {
            Matrix W = randn(rng, units, 12288);
            Matrix dZ = randn(rng, units, 209);
            Matrix z1 = Matrix.zeros(units, 209);
            Matrix z2 = Matrix.zeros(units, 209);
            Gemm.multiply(W, false, X, false, z1, Gemm.scalarKernel(), one);
            Gemm.multiply(W, false, X, false, z2, Gemm.vectorKernel(), two);
            assertArrayEquals(z1.data(), z2.data(), 0.0, "W1·X with " + units + " units");
            Matrix dW1 = Matrix.zeros(units, 12288);
            Matrix dW2 = Matrix.zeros(units, 12288);
            Gemm.multiply(dZ, false, X, true, dW1, Gemm.scalarKernel(), one);
            Gemm.multiply(dZ, false, X, true, dW2, Gemm.vectorKernel(), two);
            assertArrayEquals(dW1.data(), dW2.data(), 0.0, "dZ1·Xᵀ with " + units + " units");
            // spot-check against the naive sum for one entry of each
            double s = 0;
            for (int p = 0; p < 12288; p++) {
                s += W.get(units - 1, p) * X.get(p, 208);
            }
            assertEquals(s, z2.get(units - 1, 208), 0.0);
            s = 0;
            for (int p = 0; p < 209; p++) {
                s += dZ.get(units - 1, p) * X.get(12287, p);
            }
            assertEquals(s, dW2.get(units - 1, 12287), 0.0);
        }
    }

    /** Signed zeros, infinities and NaN flow through the vector kernel exactly as through the naive loop. */
    @Test
    void specialValuesMatchTheNaiveLoop() {
        double[] specials = {0.0, -0.0, 1.0, -1.0, Double.MAX_VALUE, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
                             Double.NEGATIVE_INFINITY, Double.NaN, 1e-310, -3.5};
        NumpyRandom rng = new NumpyRandom(11);
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0;
            boolean transB = (t & 2) != 0;
            int n = 9;
            int k = 6;
            int m = 19;
            Matrix a = transA ? Matrix.zeros(k, n) : Matrix.zeros(n, k);
            Matrix b = transB ? Matrix.zeros(m, k) : Matrix.zeros(k, m);
            for (double[] d : new double[][] {a.data(), b.data()}) {
                for (int i = 0; i < d.length; i++) {
                    d[i] = specials[(int) rng.randint(0, specials.length)];
                }
            }
            Matrix expected = naive(a, transA, b, transB);
            Matrix c = Matrix.zeros(n, m);
            Gemm.multiply(a, transA, b, transB, c, Gemm.vectorKernel(), one);
            for (int i = 0; i < c.data().length; i++) {
                assertEquals(Double.doubleToRawLongBits(expected.data()[i]) == Double.doubleToRawLongBits(c.data()[i])
                                || (Double.isNaN(expected.data()[i]) && Double.isNaN(c.data()[i])), true,
                        "entry " + i + " transA=" + transA + " transB=" + transB + ": expected "
                                + expected.data()[i] + " got " + c.data()[i]);
            }
        }
    }
}
