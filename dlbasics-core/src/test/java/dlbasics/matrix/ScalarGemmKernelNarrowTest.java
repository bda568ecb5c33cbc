package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dlbasics.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plain kernel's paths for narrow products (C at most {@value ScalarGemmKernel#NARROW} columns wide,
 * computed entry by entry in blocks, as are products of at most {@value ScalarGemmKernel#FEW_ROWS} rows with B
 * read transposed) and short ones (at most {@value ScalarGemmKernel#SHORT} terms per
 * entry) give the naive loop's bits for every transposition, for row counts
 * that fill its 4-row blocks and ones that leave rows over, on 1 and 2 threads.
 */
class ScalarGemmKernelNarrowTest {
    /** One pool per thread count for the whole class (their daemon threads park when idle). */
    private static final WorkerPool[] POOLS = {new WorkerPool(1), new WorkerPool(2)};

    static Stream<Arguments> narrowShapes() {
        int[][] nkm = {
            {4, 400, 2}, {1, 400, 4}, {4, 400, 1}, {5, 17, 3}, {9, 50, 4}, {8, 30, 1}, {7, 13, 2},
            {1, 1, 1}, {3, 2, 4}, {12, 1, 3}, {2, 209, 4}, {6, 5, 2},
            // short products (k <= 4, C wider than 4): one pass over C
            {4, 2, 400}, {1, 4, 400}, {3, 1, 9}, {5, 3, 17}, {2, 4, 5}, {7, 2, 33},
            // few rows, B read transposed (n <= 8): entry by entry too (dW2 = dZ2·A1ᵀ without A1ᵀ)
            {1, 400, 5}, {1, 400, 13}, {5, 209, 7}, {8, 40, 11}, {3, 50, 9}, {9, 30, 6},
        };
        List<Arguments> out = new ArrayList<>();
        long seed = 100;
        for (int[] s : nkm) {
            for (int t = 0; t < 4; t++) {
                out.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, seed++));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4}")
    @MethodSource("narrowShapes")
    void narrowProductsEqualTheNaiveLoop(int n, int k, int m, boolean transA, boolean transB, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix a = transA ? GemmKernelsTest.randn(rng, k, n) : GemmKernelsTest.randn(rng, n, k);
        Matrix b = transB ? GemmKernelsTest.randn(rng, m, k) : GemmKernelsTest.randn(rng, k, m);
        Matrix expected = GemmKernelsTest.naive(a, transA, b, transB);
        for (int threads = 1; threads <= 2; threads++) {
            Matrix c = Matrix.zeros(n, m);
            Gemm.multiply(a, transA, b, transB, c, Gemm.scalarKernel(), POOLS[threads - 1]);
            assertArrayEquals(expected.data(), c.data(), 0.0, "seed " + seed + ", " + threads + " thread(s)");
        }
    }
}
