package dlbasics.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cross-entropy cost: the course's own checks (values from {@code numpy_losses.py}), equality with
 * the naive formula wherever that is finite, finiteness where the naive formula overflows, and the
 * logits form against the activations form; the backward: {@code dZ = A - Y} against centred finite
 * differences of the cost from the logits, and the course's dAL through σ' against it.
 */
class BinaryCrossEntropyTest {

    /** The naive formula, as the notebooks write it: -(1/m) Σ [y log a + (1-y) log(1-a)], summed in order. */
    private static double naive(Matrix A, Matrix Y) {
        double sum = 0;
        for (int i = 0; i < A.size(); i++) {
            double a = A.data()[i];
            double y = Y.data()[i];
            sum += y * Math.log(a) + (1 - y) * Math.log(1 - a);
        }
        return (-1.0 / A.cols()) * sum;
    }

    @Test
    void stepByStepComputeCostCheck() {
        // compute_cost_test_case: Y = [[1, 1, 0]], AL = [[.8, .9, 0.4]] -> cost = 0.2797765635793422
        double expected = NnFixtures.get("compute_cost_step_by_step")[0];
        double cost = Loss.BINARY_CROSS_ENTROPY.cost(Matrix.row(.8, .9, .4), Matrix.row(1, 1, 0));
        assertEquals(expected, cost, 1e-15);
        assertEquals(0.2797765635793422, expected, 0.0);
    }

    @Test
    void logisticRegressionPropagateCheck() {
        // propagate(w = [[1], [2]], b = 2, X = [[1, 2, -1], [3, 4, -3.2]], Y = [[1, 0, 1]]) -> cost = 5.801545319394553
        Matrix w = Matrix.column(1, 2);
        Matrix X = Matrix.of(2, 3, 1, 2, -1, 3, 4, -3.2);
        Matrix Y = Matrix.row(1, 0, 1);
        Matrix Z = w.transposeMult(X).plus(2);
        Matrix A = Activation.SIGMOID.forward(Z);
        double[] expectedA = NnFixtures.get("propagate_A");
        for (int i = 0; i < 3; i++) {
            assertEquals(expectedA[i], A.get(0, i), 2 * Math.ulp(expectedA[i]), "A[" + i + "]");
        }
        double expected = NnFixtures.get("propagate_cost")[0];
        assertEquals(expected, Loss.BINARY_CROSS_ENTROPY.cost(A, Y), 1e-14);
        // from the logits: more accurate where σ saturates, so a looser 1e-12 against numpy's naive value
        assertEquals(expected, Loss.BINARY_CROSS_ENTROPY.costFromLogits(Z, Y), 1e-12);
    }

    /** Where the naive formula is finite (labels 0/1, A strictly inside (0, 1)) the cost equals it bit for bit. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42})
    void equalsTheNaiveFormulaWhereThatIsFinite(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int m = 1 + (int) rng.randint(0, 300);
        Matrix Z = rng.randn(1, m).times(8);
        Matrix A = Activation.SIGMOID.forward(Z);
        Matrix Y = rng.rand(1, m).greaterThan(0.5);
        double naive = naive(A, Y);
        assertTrue(Double.isFinite(naive), "seed " + seed);
        assertEquals(naive, Loss.BINARY_CROSS_ENTROPY.cost(A, Y), 0.0, "seed " + seed);
    }

    /**
     * The logits form against the naive formula. On σ(Z) the naive formula loses digits in 1 - a when a is
     * near 1 (a carries an absolute rounding error of about 1.1e-16, so log(1 - a) is off by about
     * 1.1e-16 / (1 - a)); the tolerance is that error bound, 4·2^-53·(1/m)·Σ 1/(argument of the log),
     * plus 1e-15. Against the same formula with the complement taken exactly, log σ(z) and log σ(-z),
     * the two agree to 1e-15 absolute plus 1e-14 relative.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42})
    void logitsFormAgreesWithTheNaiveFormula(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int m = 1 + (int) rng.randint(0, 300);
        Matrix Z = rng.randn(1, m).times(5);
        Matrix Y = rng.rand(1, m).greaterThan(0.5);
        Matrix A = Activation.SIGMOID.forward(Z);
        double stable = Loss.BINARY_CROSS_ENTROPY.costFromLogits(Z, Y);

        double bound = 0;
        double complementSum = 0;
        for (int i = 0; i < m; i++) {
            double a = A.data()[i];
            double y = Y.data()[i];
            bound += y == 1 ? 1 / a : 1 / (1 - a);
            double z = Z.data()[i];
            complementSum += y * Math.log(Activation.sigmoid(z)) + (1 - y) * Math.log(Activation.sigmoid(-z));
        }
        bound = 4 * 0x1p-53 * bound / m + 1e-15;
        double naive = naive(A, Y);
        assertEquals(naive, stable, bound, "seed " + seed + " against the course's formula");
        double complement = (-1.0 / m) * complementSum;
        assertEquals(complement, stable, 1e-15 + 1e-14 * Math.abs(complement), "seed " + seed + " against log σ(±z)");
    }

    /** |z| up to 1e300: σ saturates to exactly 0 or 1 and log(0) appears; both forms stay finite and not NaN. */
    @ParameterizedTest
    @ValueSource(doubles = {40, 800, 1e10, 1e300})
    void finiteWhereTheNaiveFormulaOverflows(double big) {
        Matrix Z = Matrix.row(big, -big, big, -big);
        Matrix Y = Matrix.row(1, 0, 0, 1); // two right with certainty, two wrong with certainty
        Matrix A = Activation.SIGMOID.forward(Z);
        double fromA = Loss.BINARY_CROSS_ENTROPY.cost(A, Y);
        double fromZ = Loss.BINARY_CROSS_ENTROPY.costFromLogits(Z, Y);
        assertTrue(Double.isFinite(fromA) && fromA > 0, "from A, |z| = " + big + ": " + fromA);
        assertTrue(Double.isFinite(fromZ) && fromZ > 0, "from Z, |z| = " + big + ": " + fromZ);
        // the logits form is exact: two terms of softplus(big) = big (plus log1p(e^-big)), over m = 4
        assertEquals((2 * BinaryCrossEntropy.softplus(big)) / 4, fromZ, Math.ulp(fromZ));
        if (big >= 800) {
            // σ(±800) is exactly 1 or 0: the naive formula gives NaN (0·log 0) here
            assertTrue(Double.isNaN(naive(A, Y)), "the naive formula is NaN at |z| = " + big);
            // a certain wrong answer costs -log(Double.MIN_VALUE) ≈ 744.44 instead of infinity
            assertEquals(2 * -Math.log(Double.MIN_VALUE) / 4, fromA, 1e-12);
        }
    }

    /** Logits of every magnitude up to 1e300, random labels: both forms finite, never NaN, never negative. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42})
    void finiteForLogitsOfAnyMagnitude(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int m = 50;
        Matrix Z = rng.randn(1, m);
        for (int i = 0; i < m; i++) {
            Z.data()[i] *= Math.pow(10, rng.uniform(-3, 300));
        }
        Matrix Y = rng.rand(1, m).greaterThan(0.5);
        double fromA = Loss.BINARY_CROSS_ENTROPY.cost(Activation.SIGMOID.forward(Z), Y);
        double fromZ = Loss.BINARY_CROSS_ENTROPY.costFromLogits(Z, Y);
        assertTrue(Double.isFinite(fromA) && fromA >= 0, "seed " + seed + ": from A " + fromA);
        assertTrue(Double.isFinite(fromZ) && fromZ >= 0, "seed " + seed + ": from Z " + fromZ);
    }

    @Test
    void certainRightAnswersCostNothing() {
        assertEquals(0.0, Loss.BINARY_CROSS_ENTROPY.cost(Matrix.row(1, 0), Matrix.row(1, 0)), 0.0);
        assertEquals(0.0, Loss.BINARY_CROSS_ENTROPY.costFromLogits(Matrix.row(1e300, -1e300), Matrix.row(1, 0)), 0.0);
    }

    @Test
    void softplusIsStable() {
        assertEquals(Math.log(2), BinaryCrossEntropy.softplus(0), 0.0);
        assertEquals(1e300, BinaryCrossEntropy.softplus(1e300), 0.0);
        assertEquals(0.0, BinaryCrossEntropy.softplus(-1e300), 0.0);
        assertEquals(Math.exp(-40), BinaryCrossEntropy.softplus(-40), 1e-30);
        for (double x = -30; x <= 30; x += 0.37) {
            assertEquals(Math.log1p(Math.exp(x)), BinaryCrossEntropy.softplus(x), 4e-16 * Math.max(1, Math.abs(x)), "x = " + x);
        }
    }

    @Test
    void badShapesAreNamed() {
        assertEquals("computeCost: the predictions are 1x3 but Y is 3x1; both must be 1 x m with one column per "
                        + "example (did you mean Y.transpose()?)",
                assertThrows(IllegalArgumentException.class,
                        () -> Loss.BINARY_CROSS_ENTROPY.cost(Matrix.zeros(1, 3), Matrix.zeros(3, 1))).getMessage());
        assertEquals("computeCost: the predictions are 1x3 but Y is 1x4; both must be 1 x m with one column per example",
                assertThrows(IllegalArgumentException.class,
                        () -> Loss.BINARY_CROSS_ENTROPY.costFromLogits(Matrix.zeros(1, 3), Matrix.zeros(1, 4))).getMessage());
        assertEquals("computeCost: Y has no examples (0 columns); the cost is an average over m > 0 examples",
                assertThrows(IllegalArgumentException.class,
                        () -> Loss.BINARY_CROSS_ENTROPY.cost(Matrix.zeros(1, 0), Matrix.zeros(1, 0))).getMessage());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theOutputGradientIsTheDerivativeOfTheCostFromTheLogits(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix Z = rng.randn(1, 7).times(3);
        Matrix Y = rng.rand(1, 7).greaterThan(0.5);
        Matrix dZ = Matrix.zeros(1, 7);
        Loss.BINARY_CROSS_ENTROPY.outputGradient(Activation.SIGMOID.forward(Z), Y, dZ);
        double eps = 1e-6;
        for (int j = 0; j < 7; j++) {
            double saved = Z.get(0, j);
            Z.set(0, j, saved + eps);
            double plus = Loss.BINARY_CROSS_ENTROPY.costFromLogits(Z, Y);
            Z.set(0, j, saved - eps);
            double minus = Loss.BINARY_CROSS_ENTROPY.costFromLogits(Z, Y);
            Z.set(0, j, saved);
            // J averages over m = 7 examples; dZ leaves the 1/m to Linear.backward
            double approx = (plus - minus) / (2 * eps) * 7;
            assertEquals(approx, dZ.get(0, j), 1e-7 * Math.max(1, Math.abs(approx)), "seed " + seed + ", example " + j);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theCoursesActivationGradientThroughSigmoidIsAMinusY(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix Z = rng.randn(2, 9);
        Matrix Y = rng.rand(2, 9).greaterThan(0.5);
        Matrix A = Activation.SIGMOID.forward(Z);
        Matrix dA = Matrix.zeros(2, 9);
        Loss.BINARY_CROSS_ENTROPY.activationGradient(A, Y, dA);
        Matrix dZ = Matrix.zeros(2, 9);
        Activation.SIGMOID.backward(dA, Z, A, dZ);
        Matrix simplified = Matrix.zeros(2, 9);
        Loss.BINARY_CROSS_ENTROPY.outputGradient(A, Y, simplified);
        assertTrue(dZ.approxEquals(simplified, 1e-14), "seed " + seed + ": dAL · σ'(Z) equals A - Y to rounding");
        assertEquals(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY.outputActivation());
    }

    @Test
    void aSaturatedOutputGivesAFiniteActivationGradient() {
        Matrix dA = Matrix.zeros(1, 2);
        Loss.BINARY_CROSS_ENTROPY.activationGradient(Matrix.row(1, 0), Matrix.row(1, 0), dA);
        assertEquals(Matrix.row(-1, 1), dA);
    }
}
