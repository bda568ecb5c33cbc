package dlbasics.matrix;

import dlbasics.random.NumpyRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A {@link Matrix#fixed()} operand gives the same bits as the plain matrix, small or packed, A·B and A·Bᵀ. */
class GemmFixedOperandTest {
    @ParameterizedTest
    @CsvSource({"4,2,400", "20,12288,9", "7,300,209", "1,5000,33", "20,1000,1"})
    void fixedViewGivesTheSameBits(int n, int k, int m) {
        NumpyRandom rng = new NumpyRandom(n * 31L + k + m);
        Matrix W = rng.randn(n, k);
        Matrix X = rng.randn(k, m);
        Matrix dZ = rng.randn(n, m);
        Matrix fixed = X.fixed();
        assertTrue(fixed.isFixed());
        assertFalse(X.isFixed());
        Matrix z = Matrix.zeros(n, m);
        Matrix zf = Matrix.zeros(n, m);
        for (int rep = 0; rep < 2; rep++) { // the second time reads the kept layout
            Gemm.multiply(W, false, X, false, z);
            Gemm.multiply(W, false, fixed, false, zf);
            assertArrayEquals(z.data(), zf.data(), 0.0);
            Matrix dW = Matrix.zeros(n, k);
            Matrix dWf = Matrix.zeros(n, k);
            Gemm.multiply(dZ, false, X, true, dW);
            Gemm.multiply(dZ, false, fixed, true, dWf);
            assertArrayEquals(dW.data(), dWf.data(), 0.0);
        }
    }
}
