package dlbasics.nn;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Linear#backwardTransposedInput} gives {@link Linear#backward}'s gradients bit for bit. */
class LinearBackwardTransposedInputTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void sameBitsAsTheBackwardFromTheCache(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int n = 1 + (int) rng.randint(0, 6);
        int nPrev = 1 + (int) rng.randint(0, 300);
        int m = 1 + (int) rng.randint(0, 200);
        Matrix dZ = rng.randn(n, m);
        Matrix APrev = rng.randn(nPrev, m);
        Matrix W = rng.randn(n, nPrev);

        Matrix dW = Matrix.zeros(n, nPrev);
        Matrix db = Matrix.zeros(n, 1);
        Matrix dAPrev = Matrix.zeros(nPrev, m);
        Linear.backward(dZ, APrev, W, dW, db, dAPrev);

        Matrix dW2 = Matrix.zeros(n, nPrev);
        Matrix db2 = Matrix.zeros(n, 1);
        Matrix dAPrev2 = Matrix.zeros(nPrev, m);
        Linear.backwardTransposedInput(dZ, APrev.transpose(), W, dW2, db2, dAPrev2);

        String shapes = String.format("seed %d: n=%d, n_prev=%d, m=%d", seed, n, nPrev, m);
        assertEquals(dW, dW2, shapes + ": dW");
        assertEquals(db, db2, shapes + ": db");
        assertEquals(dAPrev, dAPrev2, shapes + ": dA_prev");
    }

    @Test
    void theInputCacheNotTransposedIsRejected() {
        Matrix dZ = Matrix.zeros(4, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Linear.backwardTransposedInput(
                dZ, Matrix.zeros(3, 10), Matrix.zeros(4, 3), Matrix.zeros(4, 3), Matrix.zeros(4, 1), null));
        assertEquals("linearBackward: dZ is 4x10, A_prev transposed is 3x10 and W is 4x3; dZ must be n[l] x m = 4x3 "
                + "(W.rows x A_prevT.rows) and W.cols must equal A_prevT.cols; pass A_prev transposed (m x n[l-1])", e.getMessage());
    }
}
