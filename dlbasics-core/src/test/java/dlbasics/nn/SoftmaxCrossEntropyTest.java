package dlbasics.nn;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Softmax cross-entropy: centred-difference gradient checks (the course's relative error
 * {@code ||approx - grad|| / (||approx|| + ||grad||)} under 1e-7), softmax's invariants (columns sum to
 * 1, a shift changes nothing, huge logits stay finite) and the cost's two forms against each other.
 */
class SoftmaxCrossEntropyTest {
    private static final Loss LOSS = Loss.SOFTMAX_CROSS_ENTROPY;
    private static final double EPS = 1e-6;

    /** K x m one-hot labels drawn from rng. */
    private static Matrix labels(NumpyRandom rng, int K, int m) {
        Matrix c = Matrix.zeros(1, m);
        for (int j = 0; j < m; j++) {
            c.set(0, j, Math.min(K - 1, Math.floor(rng.rand(1, 1).get(0, 0) * K)));
        }
        return SoftmaxCrossEntropy.oneHot(c, K);
    }

    /** d F / d M by centred differences, entry by entry. */
    private static Matrix numeric(DoubleSupplier F, Matrix M) {
        Matrix g = Matrix.zeros(M.rows(), M.cols());
        for (int i = 0; i < M.rows(); i++) {
            for (int j = 0; j < M.cols(); j++) {
                double saved = M.get(i, j);
                M.set(i, j, saved + EPS);
                double plus = F.getAsDouble();
                M.set(i, j, saved - EPS);
                double minus = F.getAsDouble();
                M.set(i, j, saved);
                g.set(i, j, (plus - minus) / (2 * EPS));
            }
        }
        return g;
    }

    private static double relativeError(Matrix approx, Matrix grad) {
        return approx.minus(grad).norm() / (approx.norm() + grad.norm());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 11, 2024})
    void theOutputGradientPassesTheGradientCheck(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int K = 4;
        int m = 6;
        Matrix Z = rng.randn(K, m).times(2);
        Matrix Y = labels(rng, K, m);
        Matrix dZ = Matrix.zeros(K, m);
        LOSS.outputGradient(Activation.SOFTMAX.forward(Z), Y, dZ);
        // J averages over m examples; dZ leaves the 1/m to Linear.backward
        Matrix approx = numeric(() -> LOSS.costFromLogits(Z, Y), Z).times(m);
        double error = relativeError(approx, dZ);
        assertTrue(error < 1e-7, "seed " + seed + ": relative error " + error);
        Matrix approxFromA = numeric(() -> LOSS.cost(Activation.SOFTMAX.forward(Z), Y), Z).times(m);
        assertTrue(relativeError(approxFromA, dZ) < 1e-7, "seed " + seed + ": through cost(A, Y)");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 11, 2024})
    void softmaxBackwardPassesTheGradientCheck(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix Z = rng.randn(5, 3);
        Matrix G = rng.randn(5, 3);
        Matrix dZ = Matrix.zeros(5, 3);
        Activation.SOFTMAX.backward(G, Z, Activation.SOFTMAX.forward(Z), dZ);
        Matrix approx = numeric(() -> G.dot(Activation.SOFTMAX.forward(Z)), Z);
        double error = relativeError(approx, dZ);
        assertTrue(error < 1e-7, "seed " + seed + ": relative error " + error);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theActivationGradientThroughSoftmaxIsAMinusY(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix Z = rng.randn(3, 8);
        Matrix Y = labels(rng, 3, 8);
        Matrix A = Activation.SOFTMAX.forward(Z);
        Matrix dA = Matrix.zeros(3, 8);
        LOSS.activationGradient(A, Y, dA);
        Matrix dZ = Matrix.zeros(3, 8);
        Activation.SOFTMAX.backward(dA, Z, A, dZ);
        Matrix simplified = Matrix.zeros(3, 8);
        LOSS.outputGradient(A, Y, simplified);
        assertTrue(dZ.approxEquals(simplified, 1e-14), "seed " + seed + ": -Y/A through softmax' equals A - Y to rounding");
        assertSame(Activation.SOFTMAX, LOSS.outputActivation());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void columnsSumToOneAndIgnoreAShift(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix Z = rng.randn(10, 7).times(5);
        Matrix A = Activation.SOFTMAX.forward(Z);
        Matrix sums = A.colSums();
        for (int j = 0; j < 7; j++) {
            assertEquals(1.0, sums.get(0, j), 1e-15, "column " + j);
        }
        Matrix shifted = Activation.SOFTMAX.forward(Z.plus(1234.5));
        assertTrue(A.approxEquals(shifted, 1e-12), "softmax(Z + c) = softmax(Z)");
        Matrix Y = labels(rng, 10, 7);
        assertEquals(LOSS.costFromLogits(Z, Y), LOSS.costFromLogits(Z.plus(-1e3), Y), 1e-12);
    }

    @Test
    void hugeLogitsStayFinite() {
        Matrix Z = Matrix.fromRows(new double[][] {{1e308, -1e308, 800, 0}, {-1e308, 1e308, 799, 0}, {0, 0, -800, 0}});
        Matrix A = Activation.SOFTMAX.forward(Z);
        assertTrue(A.allFinite(), A.toString());
        assertEquals(1.0, A.get(0, 0), 0.0);
        assertEquals(0.0, A.get(1, 0), 0.0);
        assertEquals(1 / (1 + Math.exp(-1)), A.get(0, 2), 1e-15);
        assertEquals(1 / 3.0, A.get(2, 3), 1e-16);
        Matrix Y = SoftmaxCrossEntropy.oneHot(Matrix.row(0, 1, 1, 2), 3);
        // per example: 0, 0, logsumexp(800, 799, -800) - 799 = 1 + log1p(e^-1), log 3
        double expected = (Math.log1p(Math.exp(-1)) + 1 + Math.log(3)) / 4;
        assertEquals(expected, LOSS.costFromLogits(Z, Y), 1e-15);
        Matrix dZ = Matrix.zeros(3, 4);
        LOSS.outputGradient(A, Y, dZ);
        assertTrue(dZ.allFinite());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void bothFormsOfTheCostAgree(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix Z = rng.randn(6, 11).times(3);
        Matrix Y = labels(rng, 6, 11);
        double fromA = LOSS.cost(Activation.SOFTMAX.forward(Z), Y);
        assertEquals(fromA, LOSS.costFromLogits(Z, Y), 1e-14 * fromA);
    }

    @Test
    void twoClassSoftmaxIsTheSigmoidOfTheDifference() {
        Matrix Z = Matrix.fromRows(new double[][] {{0.3, -2, 5}, {-0.4, 1, 4}});
        Matrix A = Activation.SOFTMAX.forward(Z);
        for (int j = 0; j < 3; j++) {
            assertEquals(Activation.sigmoid(Z.get(1, j) - Z.get(0, j)), A.get(1, j), 1e-15);
        }
    }

    @Test
    void oneHotAndBadLabels() {
        assertEquals(Matrix.fromRows(new double[][] {{0, 1, 0}, {0, 0, 0}, {1, 0, 1}}),
                SoftmaxCrossEntropy.oneHot(Matrix.row(2, 0, 2), 3));
        assertEquals("oneHot: label 3.0 at column 1 is not a class index 0..2; map the classes to 0..K-1 first",
                assertThrows(IllegalArgumentException.class, () -> SoftmaxCrossEntropy.oneHot(Matrix.row(0, 3), 3)).getMessage());
        assertEquals("oneHot: label 0.5 at column 0 is not a class index 0..2; map the classes to 0..K-1 first",
                assertThrows(IllegalArgumentException.class, () -> SoftmaxCrossEntropy.oneHot(Matrix.of(1, 1, 0.5), 3)).getMessage());
        assertEquals("computeCost: the predictions are 3x2 but Y is 1x2; softmax cross-entropy takes one-hot Y, K x m "
                        + "(a 1 x m row of class indices: use SoftmaxCrossEntropy.oneHot(Y, K))",
                assertThrows(IllegalArgumentException.class,
                        () -> LOSS.costFromLogits(Matrix.zeros(3, 2), Matrix.row(0, 1))).getMessage());
    }
}
