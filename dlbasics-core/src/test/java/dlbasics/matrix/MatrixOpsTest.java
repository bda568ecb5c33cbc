package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.random.NumpyRandom;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@link MatrixOps} method equals its {@link Matrix} counterpart bit for bit, in place and not; the
 * pairwise sums equal numpy's {@code np.sum} bit for bit ({@code numpy_sums.py} writes
 * {@code numpy_sums.txt} beside it).
 */
class MatrixOpsTest {

    private static List<String[]> sums() throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = MatrixOpsTest.class.getResourceAsStream("/dlbasics/matrix/numpy_sums.txt")) {
            assertTrue(in != null, "numpy_sums.txt missing; run numpy_sums.py beside it");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line.split(" "));
            }
        }
        return lines;
    }

    /** The script's values: (u - 0.5) · 2^(floor(40 v) - 20) from two runs of n uniform draws. */
    private static double[] values(long seed, int n) {
        NumpyRandom rng = new NumpyRandom(seed);
        double[] u = rng.rand(n);
        double[] v = rng.rand(n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (u[i] - 0.5) * Math.scalb(1.0, (int) Math.floor(v[i] * 40) - 20);
        }
        return x;
    }

    private static double bits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    @Test
    void pairwiseSumIsNumpysSumBitForBit() throws IOException {
        int orderMatters = 0;
        int cases = 0;
        for (String[] f : sums()) {
            if (!f[0].equals("sum")) {
                continue;
            }
            long seed = Long.parseLong(f[1]);
            int n = Integer.parseInt(f[2]);
            double[] x = values(seed, n);
            double numpy = bits(f[3]);
            double ordered = bits(f[4]);
            String w = "np.sum of " + n + " values (seed " + seed + ")";
            assertEquals(Double.doubleToRawLongBits(numpy), Double.doubleToRawLongBits(MatrixOps.pairwiseSum(x, 0, n)), w);
            assertEquals(numpy, Matrix.row(x).sumPairwise(), 0.0, w);
            assertEquals(ordered, Matrix.row(x).sum(), 0.0, w + " in order");
            // a range inside a longer array
            double[] padded = new double[n + 5];
            System.arraycopy(x, 0, padded, 3, n);
            assertEquals(numpy, MatrixOps.pairwiseSum(padded, 3, n), 0.0, w + " at offset 3");
            orderMatters += numpy != ordered ? 1 : 0;
            cases++;
        }
        assertTrue(cases >= 20, "the fixture holds the sums");
        assertTrue(orderMatters >= 10, "the values make the order visible: " + orderMatters + " of " + cases);
    }

    @Test
    void rowSumsPairwiseIsNumpysAxisOneSumAndColSumsItsAxisZero() throws IOException {
        int checked = 0;
        for (String[] f : sums()) {
            if (f[0].equals("sum")) {
                continue;
            }
            long seed = Long.parseLong(f[1]);
            int r = Integer.parseInt(f[2]);
            int c = Integer.parseInt(f[3]);
            Matrix x = Matrix.wrap(r, c, values(seed, r * c));
            String w = f[0] + " of " + r + "x" + c + " (seed " + seed + ")";
            switch (f[0]) {
                case "rows":
                    Matrix rows = x.rowSumsPairwise();
                    for (int i = 0; i < r; i++) {
                        assertEquals(bits(f[4 + i]), rows.get(i, 0), 0.0, w + ", row " + i);
                    }
                    Matrix out = Matrix.zeros(r, 1);
                    MatrixOps.rowSumsPairwise(x, out);
                    assertEquals(rows, out, w);
                    break;
                case "cols":
                    Matrix cols = x.colSums();
                    for (int j = 0; j < c; j++) {
                        assertEquals(bits(f[4 + j]), cols.get(0, j), 0.0, w + ", column " + j);
                    }
                    break;
                default:
                    assertEquals(bits(f[4]), x.sumPairwise(), 0.0, w);
            }
            checked++;
        }
        assertEquals(15, checked);
    }

    @Test
    void pairwiseSumOfSpecialRanges() {
        assertEquals(0.0, MatrixOps.pairwiseSum(new double[0], 0, 0), 0.0);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Matrix.row(-0.0, -0.0).sumPairwise()),
                "numpy starts from 0.0, so -0.0 values sum to 0.0");
        assertEquals(Matrix.zeros(3, 1), Matrix.zeros(3, 0).rowSumsPairwise());
        assertEquals("pairwiseSum: range [2, 6) is outside an array of 5 values",
                assertThrows(IllegalArgumentException.class, () -> MatrixOps.pairwiseSum(new double[5], 2, 4)).getMessage());
        assertEquals("rowSumsPairwise: the output is 2x2 but the result is 2x1; allocate the output with Matrix.zeros(2, 1)",
                assertThrows(IllegalArgumentException.class,
                        () -> MatrixOps.rowSumsPairwise(Matrix.zeros(2, 3), Matrix.zeros(2, 2))).getMessage());
    }

    /** rowSums sums four rows side by side; each row is still added left to right from 0 (1 to 9 rows). */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void rowSumsAddEachRowLeftToRight(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        for (int n = 1; n <= 9; n++) {
            Matrix a = rng.randn(n, 37).times(1e3);
            Matrix out = Matrix.zeros(n, 1);
            MatrixOps.rowSums(a, out);
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < a.cols(); j++) {
                    sum += a.get(i, j);
                }
                assertEquals(sum, out.get(i, 0), 0.0, "seed " + seed + ", " + n + " rows, row " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42})
    void everyMethodEqualsItsMatrixCounterpart(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int n = (int) rng.randint(0, 50);
        int m = (int) rng.randint(0, 70);
        Matrix a = rng.randn(n, m);
        Matrix b = rng.randn(n, m);
        Matrix col = rng.randn(n, 1);
        double s = rng.nextGaussian();
        String w = "seed " + seed + ", " + n + "x" + m;

        Matrix out = Matrix.zeros(m, n);
        MatrixOps.transpose(a, out);
        assertEquals(a.transpose(), out, w + " transpose");

        out = Matrix.zeros(n, m);
        MatrixOps.scale(s, a, out);
        assertEquals(a.times(s), out, w + " scale");
        MatrixOps.plus(a, b, out);
        assertEquals(a.plus(b), out, w + " plus");
        MatrixOps.minus(a, b, out);
        assertEquals(a.minus(b), out, w + " minus");
        MatrixOps.times(a, b, out);
        assertEquals(a.times(b), out, w + " times");
        MatrixOps.plusColumn(a, col, out);
        assertEquals(a.plusColumn(col), out, w + " plusColumn");

        Matrix sums = Matrix.zeros(n, 1);
        MatrixOps.rowSums(a, sums);
        assertEquals(a.rowSums(), sums, w + " rowSums");

        // W = W - learning_rate * dW, in place
        Matrix W = a.copy();
        MatrixOps.subtractScaled(W, 0.0075, b);
        assertEquals(a.minus(b.times(0.0075)), W, w + " subtractScaled");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void outputsMayBeAnInput(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix a = rng.randn(6, 9);
        Matrix b = rng.randn(6, 9);
        Matrix col = rng.randn(6, 1);
        String w = "seed " + seed;

        Matrix x = a.copy();
        MatrixOps.scale(3, x, x);
        assertEquals(a.times(3), x, w + " scale in place");
        x = a.copy();
        MatrixOps.plus(x, b, x);
        assertEquals(a.plus(b), x, w + " plus into a");
        Matrix y = b.copy();
        MatrixOps.minus(a, y, y);
        assertEquals(a.minus(b), y, w + " minus into b");
        x = a.copy();
        MatrixOps.times(x, x, x);
        assertEquals(a.times(a), x, w + " times into both");
        x = a.copy();
        MatrixOps.plusColumn(x, col, x);
        assertEquals(a.plusColumn(col), x, w + " plusColumn in place");
        Matrix c = col.copy();
        MatrixOps.rowSums(c, c);
        assertEquals(col, c, w + " rowSums of a column into itself");
    }

    @Test
    void wrongOutputsAreNamed() {
        Matrix a = Matrix.zeros(2, 3);
        assertEquals("transpose: the output is 2x3 but the result is 3x2; allocate the output with Matrix.zeros(3, 2)",
                assertThrows(IllegalArgumentException.class, () -> MatrixOps.transpose(a, Matrix.zeros(2, 3))).getMessage());
        Matrix sq = Matrix.of(2, 2, 1, 2, 3, 4);
        assertEquals("transpose: the output is the input (2x2); a transpose cannot be written in place, pass a separate 2x2 output",
                assertThrows(IllegalArgumentException.class, () -> MatrixOps.transpose(sq, sq)).getMessage());
        assertEquals("scale: the output is 1x1 but the result is 2x3; allocate the output with Matrix.zeros(2, 3)",
                assertThrows(IllegalArgumentException.class, () -> MatrixOps.scale(2, a, Matrix.zeros(1, 1))).getMessage());
        assertEquals("plus: shapes differ; this is 2x3 but the other is 3x2; did you mean to transpose one of them?",
                assertThrows(IllegalArgumentException.class,
                        () -> MatrixOps.plus(a, Matrix.zeros(3, 2), Matrix.zeros(2, 3))).getMessage());
        assertEquals("subtractScaled: shapes differ; this is 2x3 but the other is 2x1; to apply a column vector to "
                        + "every column, use {plus,minus,times,divide}Column",
                assertThrows(IllegalArgumentException.class,
                        () -> MatrixOps.subtractScaled(a, 0.1, Matrix.zeros(2, 1))).getMessage());
        assertEquals("plusColumn: expected a 2x1 column vector to broadcast over a 2x3 matrix, got 3x1; "
                        + "a column vector has one entry per row",
                assertThrows(IllegalArgumentException.class,
                        () -> MatrixOps.plusColumn(a, Matrix.zeros(3, 1), a)).getMessage());
        assertEquals("rowSums: the output is 1x2 but the result is 2x1; allocate the output with Matrix.zeros(2, 1)",
                assertThrows(IllegalArgumentException.class, () -> MatrixOps.rowSums(a, Matrix.zeros(1, 2))).getMessage());
    }

    /** A mini-batch gather, on one thread and split across 2, equals Matrix.selectColumns (numpy's a[:, idx]). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void selectColumnsEqualsMatrixSelectColumns(int threads) {
        NumpyRandom rng = new NumpyRandom(7);
        Matrix a = Matrix.wrap(301, 500, rng.randn(301 * 500));   // 301 rows: whole chunks of 98 and a ragged one
        int[] order = rng.permutation(500);
        Matrix out = Matrix.zeros(301, 64);
        WorkerPool pool = new WorkerPool(threads);
        GatherJob job = new GatherJob();
        for (int first : new int[] {0, 64, 436}) {
            java.util.Arrays.fill(out.data(), Double.NaN);
            if (threads == 1) {
                MatrixOps.selectColumns(a, order, first, out);
            } else {
                job.set(a.data(), a.cols(), order, first, out.data(), 64, 301);
                pool.run(job, job.chunks());
            }
            Matrix expected = a.selectColumns(java.util.Arrays.copyOfRange(order, first, first + 64));
            assertTrue(java.util.Arrays.equals(expected.data(), out.data()), "gather at offset " + first);
        }
    }

    @Test
    void selectColumnsRejectsBadPositionsAndShapes() {
        Matrix a = Matrix.zeros(3, 10);
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> MatrixOps.selectColumns(a, order, 8, Matrix.zeros(3, 4)));
        assertTrue(past.getMessage().startsWith("selectColumns: positions 8..11 of 10 column indices"), past.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> MatrixOps.selectColumns(a, order, 0, Matrix.zeros(2, 4)));
        assertTrue(rows.getMessage().contains("out must have a's 3 rows"), rows.getMessage());
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
                () -> MatrixOps.selectColumns(a, new int[] {0, 12}, 0, Matrix.zeros(3, 2)));
        assertTrue(index.getMessage().contains("column index 12 (position 1) is outside the 10 columns"), index.getMessage());
    }
}
