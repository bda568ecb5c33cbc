package dlbasics.nn;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.PackedMatrix;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Linear}'s forward and backward on a packed input give the unpacked forms' results bit for bit. */
class LinearPackedInputTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void sameBitsAsTheUnpackedInput(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int n = 1 + (int) rng.randint(0, 24);
        int nPrev = 1 + (int) rng.randint(0, 600);
        int m = 1 + (int) rng.randint(0, 230);
        Matrix APrev = rng.randn(nPrev, m);
        PackedMatrix packed = PackedMatrix.of(APrev);
        Matrix W = rng.randn(n, nPrev);
        Matrix b = rng.randn(n, 1);
        Matrix dZ = rng.randn(n, m);
        String shapes = String.format("seed %d: n=%d, n_prev=%d, m=%d", seed, n, nPrev, m);

        Matrix Z = Matrix.zeros(n, m);
        Linear.forward(W, APrev, b, Z);
        Matrix Z2 = Matrix.filled(n, m, Double.NaN);
        Linear.forward(W, packed, b, Z2);
        assertEquals(Z, Z2, shapes + ": Z");

        Matrix dW = Matrix.zeros(n, nPrev);
        Matrix db = Matrix.zeros(n, 1);
        Linear.backward(dZ, APrev, W, dW, db, null);
        Matrix dW2 = Matrix.filled(n, nPrev, Double.NaN);
        Matrix db2 = Matrix.zeros(n, 1);
        Linear.backward(dZ, packed, W, dW2, db2, null);
        assertEquals(dW, dW2, shapes + ": dW");
        assertEquals(db, db2, shapes + ": db");
    }

    @Test
    void wrongShapesTeach() {
        PackedMatrix X = PackedMatrix.of(Matrix.zeros(3, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Linear.forward(Matrix.zeros(4, 10), X, Matrix.zeros(4, 1), Matrix.zeros(4, 10)));
        assertEquals("linearForward: W is 4x10 but A is 3x10 packed (W.cols must equal A.rows); A must have one row "
                + "per input of the layer (n[l-1] rows) and one column per example", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Linear.forward(Matrix.zeros(4, 3), X, Matrix.zeros(3, 1), Matrix.zeros(4, 10)));
        assertEquals("linearForward: b is 3x1 but W is 4x3; b must be 4x1, one bias per unit of the layer", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Linear.backward(
                Matrix.zeros(4, 9), X, Matrix.zeros(4, 3), Matrix.zeros(4, 3), Matrix.zeros(4, 1), null));
        assertEquals("linearBackward: dZ is 4x9, A_prev is 3x10 packed and W is 4x3; dZ must be n[l] x m = 4x10 "
                + "(W.rows x A_prev.cols) and W.cols must equal A_prev.rows; pass the cache from this layer's forward pass",
                e.getMessage());
    }
}
