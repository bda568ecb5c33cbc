package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Products on a {@link PackedMatrix}: {@code A · B} and {@code A · Bᵀ} give the naive loop's bits with
 * the Vector API kernel and the plain one, on 1, 2 and 3 threads, for shapes that fill the tiles and
 * shapes with every kind of edge (rows of A not a multiple of 4, B's columns not a multiple of 8, B's
 * rows not a multiple of 8 or of the kernel's block of 2048).
 */
class GemmPackedTest {
    private static WorkerPool one;
    private static WorkerPool two;
    private static WorkerPool three;

    @BeforeAll
    static void pools() {
        one = new WorkerPool(1);
        two = new WorkerPool(2);
        three = new WorkerPool(3);
    }

    @Test
    void theVectorKernelIsSelectedWhenTheModuleIsPresent() {
        assertNotNull(Gemm.vectorPackedKernel(), "jdk.incubator.vector is missing from the test JVM's options");
        assertTrue(Gemm.packedKernel().description().startsWith("Vector API"), Gemm.packedKernel().description());
    }

    /**
     * n rows of A, B is k x m: every n from 1 to 40 and every m from 1 to 40 (each with a few partners),
     * k across tile and strip edges; then B's rows across the kernel's block of 2048 and not a multiple of 8,
     * products large enough to be split across threads, and A large enough to be repacked in pieces.
     */
    static Stream<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        long seed = 1;
        int[] ks = {1, 3, 8, 13, 70};
        for (int n = 1; n <= 40; n++) {
            out.add(Arguments.of(n, ks[n % ks.length], 1 + (7 * n) % 40, seed++));
            out.add(Arguments.of(n, ks[(n + 2) % ks.length], 209, seed++));
        }
        for (int m = 1; m <= 40; m++) {
            out.add(Arguments.of(1 + (3 * m) % 9, ks[m % ks.length], m, seed++));
            out.add(Arguments.of(20, ks[(m + 1) % ks.length], m, seed++));
        }
        out.add(Arguments.of(5, 2053, 19, seed++));
        out.add(Arguments.of(1, 4100, 9, seed++));
        out.add(Arguments.of(20, 2048, 17, seed++));
        out.add(Arguments.of(7, 2049, 8, seed++));
        // large enough to be split across threads, with fewer than 4 rows of A (chunks of 4 strips)
        out.add(Arguments.of(2, 3000, 100, seed++));
        out.add(Arguments.of(3, 1100, 201, seed++));
        out.add(Arguments.of(1, 700, 250, seed++));
        // A large enough to be repacked in pieces of 2048 values of p shared by the threads (the last one
        // short), rows not a multiple of 4, the last strip partial, and chunks of tiles that cut strips
        for (int[] s : new int[][] {{5, 13200}, {9, 7300}, {10, 6600}, {19, 4100}, {20, 4500}, {21, 4097}, {7, 9500}}) {
            out.add(Arguments.of(s[0], s[1], 9 + (s[0] * 5) % 33, seed++));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "A {0}x{1}, B {1}x{2}, seed={3}")
    @MethodSource("shapes")
    void timesPackedMatchesTheNaiveLoop(int n, int k, int m, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix a = GemmKernelsTest.randn(rng, n, k);
        Matrix b = GemmKernelsTest.randn(rng, k, m);
        PackedMatrix packed = PackedMatrix.of(b);
        Matrix expected = GemmKernelsTest.naive(a, false, b, false);
        String where = "A " + n + "x" + k + " · B " + k + "x" + m + ", seed=" + seed;
        for (PackedKernel kernel : new PackedKernel[] {Gemm.scalarPackedKernel(), Gemm.vectorPackedKernel()}) {
            for (WorkerPool pool : new WorkerPool[] {one, two, three}) {
                Matrix c = Matrix.filled(n, m, Double.NaN);
                Gemm.multiply(a, packed, c, kernel, pool);
                assertArrayEquals(expected.data(), c.data(), 0.0,
                        kernel.description() + " on " + pool.threads() + " threads, " + where);
            }
        }
    }

    @ParameterizedTest(name = "A {0}x{2}, B {1}x{2}, seed={3}")
    @MethodSource("shapes")
    void timesPackedTransposedMatchesTheNaiveLoop(int n, int k, int m, long seed) {
        NumpyRandom rng = new NumpyRandom(seed + 1000);
        Matrix a = GemmKernelsTest.randn(rng, n, m);
        Matrix b = GemmKernelsTest.randn(rng, k, m);
        PackedMatrix packed = PackedMatrix.of(b);
        Matrix expected = GemmKernelsTest.naive(a, false, b, true);
        String where = "A " + n + "x" + m + " · (B " + k + "x" + m + ")ᵀ, seed=" + seed;
        for (PackedKernel kernel : new PackedKernel[] {Gemm.scalarPackedKernel(), Gemm.vectorPackedKernel()}) {
            for (WorkerPool pool : new WorkerPool[] {one, two, three}) {
                Matrix c = Matrix.filled(n, k, Double.NaN);
                Gemm.multiplyTransposed(a, packed, c, kernel, pool);
                assertArrayEquals(expected.data(), c.data(), 0.0,
                        kernel.description() + " on " + pool.threads() + " threads, " + where);
            }
        }
    }

    /**
     * A chunk of units that reaches a piece of A's repacking that no thread has filled (as when the thread
     * holding it is descheduled) fills it itself: here no piece chunk runs at all.
     */
    @Test
    void aChunkFillsThePiecesNobodyFilled() {
        NumpyRandom rng = new NumpyRandom(77);
        Matrix a = GemmKernelsTest.randn(rng, 14, 5000);
        Matrix b = GemmKernelsTest.randn(rng, 5000, 19);
        PackedMatrix packed = PackedMatrix.of(b);
        Matrix c = Matrix.filled(14, 19, Double.NaN);
        PackedKernel kernel = Gemm.vectorPackedKernel();
        PackedJob job = new PackedJob();
        job.set(kernel, a.data(), packed.strips(), c.data(), 14, 5000, 19);
        job.setPieces(kernel.prepare(job));
        assertEquals(3, job.pieces, "A 14x5000 is packed in 3 pieces of 2048 values of p");
        job.chunkSize = job.units;
        job.runChunk(job.pieces); // all the units, no piece
        assertArrayEquals(GemmKernelsTest.naive(a, false, b, false).data(), c.data(), 0.0);
    }

    /**
     * The course's first layer: W1·X and dZ1·Xᵀ on a packed X give the same bits as Gemm.multiply on X
     * (the path the course's step functions take), with 20 and 7 units, on 1 and 2 threads.
     */
    @Test
    void courseShapesMatchTheUnpackedProducts() {
        NumpyRandom rng = new NumpyRandom(4);
        Matrix X = GemmKernelsTest.randn(rng, 12288, 209);
        PackedMatrix XP = PackedMatrix.of(X);
        for (int units : new int[] {20, 7, 1}) {
            Matrix W = GemmKernelsTest.randn(rng, units, 12288);
            Matrix dZ = GemmKernelsTest.randn(rng, units, 209);
            Matrix Z = Matrix.zeros(units, 209);
            Gemm.multiply(W, false, X, false, Z, Gemm.scalarKernel(), one);
            Matrix dW = Matrix.zeros(units, 12288);
            Gemm.multiply(dZ, false, X, true, dW, Gemm.scalarKernel(), one);
            for (WorkerPool pool : new WorkerPool[] {one, two}) {
                Matrix Zp = Matrix.zeros(units, 209);
                Gemm.multiply(W, XP, Zp, Gemm.vectorPackedKernel(), pool);
                assertArrayEquals(Z.data(), Zp.data(), 0.0, "W1·X, " + units + " units, " + pool.threads() + " threads");
                Matrix dWp = Matrix.zeros(units, 12288);
                Gemm.multiplyTransposed(dZ, XP, dWp, Gemm.vectorPackedKernel(), pool);
                assertArrayEquals(dW.data(), dWp.data(), 0.0, "dZ1·Xᵀ, " + units + " units, " + pool.threads() + " threads");
            }
        }
    }

    /** Signed zeros, infinities and NaN give exactly the naive loop's results (the zero padding adds nothing). */
    @Test
    void specialValuesMatchTheNaiveLoop() {
        double[] specials = {0.0, -0.0, 1.0, -1.0, Double.MAX_VALUE, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
                             Double.NEGATIVE_INFINITY, Double.NaN, 1e-310, -3.5};
        NumpyRandom rng = new NumpyRandom(12);
        for (int[] shape : new int[][] {{9, 6, 19}, {5, 13, 3}, {1, 7, 11}}) {
            int n = shape[0];
            int k = shape[1];
            int m = shape[2];
            Matrix a = Matrix.zeros(n, k);
            Matrix at = Matrix.zeros(n, m);
            Matrix b = Matrix.zeros(k, m);
            for (double[] d : new double[][] {a.data(), at.data(), b.data()}) {
                for (int i = 0; i < d.length; i++) {
                    d[i] = specials[(int) rng.randint(0, specials.length)];
                }
            }
            PackedMatrix packed = PackedMatrix.of(b);
            Matrix c = Matrix.zeros(n, m);
            Gemm.multiply(a, packed, c, Gemm.vectorPackedKernel(), one);
            assertSameBits(GemmKernelsTest.naive(a, false, b, false), c, "A · B " + n + "x" + k + "x" + m);
            Matrix ct = Matrix.zeros(n, k);
            Gemm.multiplyTransposed(at, packed, ct, Gemm.vectorPackedKernel(), one);
            assertSameBits(GemmKernelsTest.naive(at, false, b, true), ct, "A · Bᵀ " + n + "x" + m + "x" + k);
        }
    }

    private static void assertSameBits(Matrix expected, Matrix actual, String where) {
        for (int i = 0; i < expected.data().length; i++) {
            double e = expected.data()[i];
            double a = actual.data()[i];
            assertTrue(Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a) || (Double.isNaN(e) && Double.isNaN(a)),
                    where + ", entry " + i + ": expected " + e + " got " + a);
        }
    }

    @Test
    void thePackedCopyKeepsTheValuesAndIsASnapshot() {
        Matrix b = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        PackedMatrix packed = PackedMatrix.of(b);
        assertEquals(2, packed.rows());
        assertEquals(3, packed.cols());
        assertEquals(6.0, packed.get(1, 2));
        assertEquals("2x3 packed", packed.toString());
        b.set(1, 2, 60);
        assertEquals(6.0, packed.get(1, 2));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> packed.get(2, 0));
        assertEquals("PackedMatrix.get: (2, 0) is outside the 2x3 matrix", e.getMessage());
    }

    @Test
    void wrongShapesTeach() {
        PackedMatrix X = PackedMatrix.of(Matrix.zeros(5, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiply(Matrix.zeros(2, 3), X, Matrix.zeros(2, 3)));
        assertEquals("Gemm.multiply: A is 2x3 but B is 5x3 packed (A.cols must equal B.rows); "
                + "did you mean Gemm.multiplyTransposed, that is A · Bᵀ?", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiplyTransposed(Matrix.zeros(2, 5), X, Matrix.zeros(2, 5)));
        assertEquals("Gemm.multiplyTransposed: A is 2x5 but B is 5x3 packed (A.cols must equal B.cols); "
                + "did you mean Gemm.multiply, that is A · B?", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiply(Matrix.zeros(2, 5), X, Matrix.zeros(3, 2)));
        assertEquals("Gemm.multiply: the output is 3x2 but the result is 2x3; allocate the output with "
                + "Matrix.zeros(2, 3)", e.getMessage());
    }
}
