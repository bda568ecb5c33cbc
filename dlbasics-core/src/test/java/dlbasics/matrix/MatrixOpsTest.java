package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@link MatrixOps} method equals its {@link Matrix} counterpart bit for bit, in place and not. */
class MatrixOpsTest {

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
}
