package dlbasics.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The activations: values against numpy ({@code numpy_losses.py}), finiteness for any finite input,
 * the symmetry of the sigmoid, each backward against centred finite differences, and shape errors.
 */
class ActivationTest {

    /** numpy's 1 / (1 + np.exp(-z)) over a range including ±1e300; exp may differ by an ulp, so 2 ulps. */
    @Test
    void sigmoidMatchesNumpyIncludingExtremes() {
        double[] z = NnFixtures.get("sigmoid_z");
        double[] expected = NnFixtures.get("sigmoid");
        for (int i = 0; i < z.length; i++) {
            double s = Activation.sigmoid(z[i]);
            assertEquals(expected[i], s, 2 * Math.ulp(expected[i]), "sigmoid(" + z[i] + ")");
            assertEquals(s, Activation.SIGMOID.apply(z[i]), 0.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void finiteAndNeverNanForAnyFiniteInput(Activation g) {
        double[] zs = {-Double.MAX_VALUE, -1e300, -1e10, -745, -709.8, -1, -Double.MIN_VALUE, -0.0, 0.0,
                Double.MIN_VALUE, 1, 709.8, 745, 1e10, 1e300, Double.MAX_VALUE};
        Matrix Z = Matrix.row(zs);
        Matrix A = g.forward(Z);
        assertTrue(A.allFinite(), g + " forward: " + A);
        Matrix dZ = Matrix.zeros(1, zs.length);
        g.backward(Matrix.ones(1, zs.length), Z, A, dZ);
        assertTrue(dZ.allFinite(), g + " backward: " + dZ);
        for (double a : A.data()) {
            if (g != Activation.RELU) {
                assertTrue(a >= -1 && a <= 1, g + " stays in its range: " + a);
            }
        }
    }

    /**
     * σ(-z) = 1 - σ(z). Each side is computed to about 3 rounding errors of a number at most 1, so they
     * agree to 4.5e-16 absolute (about 2 ulps of 1) over every magnitude.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42})
    void sigmoidIsSymmetric(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        for (int i = 0; i < 2000; i++) {
            double z = rng.nextGaussian() * Math.pow(10, rng.uniform(-8, 3));
            double left = Activation.sigmoid(-z);
            double right = 1 - Activation.sigmoid(z);
            assertEquals(right, left, 4.5e-16, "seed " + seed + ", z = " + z);
        }
    }

    @Test
    void sigmoidLimits() {
        assertEquals(0.5, Activation.sigmoid(0), 0.0);
        assertEquals(1.0, Activation.sigmoid(1e300), 0.0);
        assertEquals(0.0, Activation.sigmoid(-1e300), 0.0);
        assertTrue(Double.isNaN(Activation.sigmoid(Double.NaN)), "NaN in, NaN out");
    }

    @Test
    void forwardValues() {
        Matrix Z = Matrix.row(-2, -0.5, 0, 0.5, 2);
        assertEquals(Matrix.row(0, 0, 0, 0.5, 2), Activation.RELU.forward(Z));
        // our tanh (FastTanh) is within 3 ulps of Math.tanh, which Matrix.tanh uses
        assertTrue(Z.tanh().approxEquals(Activation.TANH.forward(Z), 1e-15), Activation.TANH.forward(Z).toString());
        assertEquals(Z.map(Activation.TANH::apply), Activation.TANH.forward(Z));
        assertEquals(Z.map(Activation::sigmoid), Activation.SIGMOID.forward(Z));
        // in place: A may be Z
        Matrix inPlace = Z.copy();
        Activation.TANH.forward(inPlace, inPlace);
        assertEquals(Z.map(Activation.TANH::apply), inPlace);
    }

    /**
     * Each backward is the gradient of f(Z) = Σ dA ⊙ g(Z): compared with centred differences
     * (f(Z + h e_i) - f(Z - h e_i)) / 2h, h = 1e-5, as the course's gradient check does:
     * ‖dZ - approx‖ / (‖dZ‖ + ‖approx‖) below 1e-7. ReLU's points keep |z| ≥ 0.1, away from its kink.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardMatchesCentredFiniteDifferences(Activation g) {
        for (long seed : new long[] {0, 1, 2, 3, 42}) {
            NumpyRandom rng = new NumpyRandom(seed);
            Matrix Z = rng.randn(3, 4).times(2);
            if (g == Activation.RELU) {
                Z = Z.map(z -> Math.abs(z) < 0.1 ? Math.copySign(0.1 + Math.abs(z), z) : z);
            }
            Matrix dA = rng.randn(3, 4);
            Matrix A = g.forward(Z);
            Matrix dZ = Matrix.zeros(3, 4);
            g.backward(dA, Z, A, dZ);

            double h = 1e-5;
            Matrix approx = Matrix.zeros(3, 4);
            for (int i = 0; i < Z.size(); i++) {
                Matrix plus = Z.copy();
                Matrix minus = Z.copy();
                plus.data()[i] += h;
                minus.data()[i] -= h;
                double fPlus = dA.dot(g.forward(plus));
                double fMinus = dA.dot(g.forward(minus));
                approx.data()[i] = (fPlus - fMinus) / (2 * h);
            }
            double relative = dZ.minus(approx).norm() / (dZ.norm() + approx.norm());
            assertTrue(relative < 1e-7, g + ", seed " + seed + ": relative error " + relative);
        }
    }

    @Test
    void reluBackwardIsZeroAtAndBelowTheKink() {
        Matrix Z = Matrix.row(-1, 0, 1e-300, 2);
        Matrix dZ = Matrix.zeros(1, 4);
        Activation.RELU.backward(Matrix.row(5, 5, 5, 5), Z, null, dZ);
        assertEquals(Matrix.row(0, 0, 5, 5), dZ);
    }

    @Test
    void backwardMayWriteIntoDA() {
        Matrix Z = Matrix.row(-1, 0.5, 2);
        Matrix dA = Matrix.row(1, 2, 3);
        for (Activation g : Activation.values()) {
            Matrix expected = Matrix.zeros(1, 3);
            g.backward(dA, Z, g.forward(Z), expected);
            Matrix inPlace = dA.copy();
            g.backward(inPlace, Z, g.forward(Z), inPlace);
            assertEquals(expected, inPlace, g.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void zeroSizeAndOneByOneShapes(Activation g) {
        for (int[] shape : new int[][] {{0, 0}, {0, 4}, {4, 0}}) {
            Matrix Z = Matrix.zeros(shape[0], shape[1]);
            Matrix A = g.forward(Z);
            assertTrue(A.hasShape(shape[0], shape[1]), g + " " + shape[0] + "x" + shape[1]);
            Matrix dZ = Matrix.zeros(shape[0], shape[1]);
            g.backward(Z, Z, A, dZ);
            assertEquals(0, dZ.size());
        }
        Matrix Z = Matrix.of(1, 1, 0.3);
        Matrix A = g.forward(Z);
        assertEquals(g.apply(0.3), A.get(0, 0), 0.0);
        Matrix dZ = Matrix.zeros(1, 1);
        g.backward(Matrix.of(1, 1, 2), Z, A, dZ);
        double slope = g == Activation.RELU ? 1 : g == Activation.TANH ? 1 - A.get(0, 0) * A.get(0, 0)
                : A.get(0, 0) * (1 - A.get(0, 0));
        assertEquals(2 * slope, dZ.get(0, 0), 1e-16, g.toString());
    }

    @Test
    void namesParseBothWays() {
        for (Activation g : Activation.values()) {
            assertSame(g, Activation.parse(g.courseName()));
            assertSame(g, Activation.parse(" " + g.courseName().toUpperCase() + " "));
        }
        assertEquals("sigmoid", Activation.SIGMOID.courseName());
        assertEquals("Activation.parse: unknown activation \"swish\"; valid names are sigmoid, relu, tanh, softmax",
                assertThrows(IllegalArgumentException.class, () -> Activation.parse("swish")).getMessage());
    }

    @Test
    void badShapesAndMissingCachesAreNamed() {
        Matrix Z = Matrix.zeros(2, 3);
        assertEquals("relu forward: shapes differ; this is 2x3 but the other is 3x2; did you mean to transpose one of them?",
                assertThrows(IllegalArgumentException.class, () -> Activation.RELU.forward(Z, Matrix.zeros(3, 2))).getMessage());
        assertEquals("sigmoidBackward: shapes differ; this is 2x3 but the other is 3x2; did you mean to transpose one of them?",
                assertThrows(IllegalArgumentException.class,
                        () -> Activation.SIGMOID.backward(Z, Matrix.zeros(3, 2), null, Matrix.zeros(2, 3))).getMessage());
        assertEquals("reluBackward: shapes differ; this is 2x3 but the other is 2x2; element-wise operations need equal shapes",
                assertThrows(IllegalArgumentException.class,
                        () -> Activation.RELU.backward(Z, Z, null, Matrix.zeros(2, 2))).getMessage());
        assertEquals("tanhBackward: needs A = tanh(Z) from the forward cache, got null",
                assertThrows(IllegalArgumentException.class,
                        () -> Activation.TANH.backward(Z, Z, null, Matrix.zeros(2, 3))).getMessage());
        assertEquals("reluBackward: needs Z from the forward cache, got null",
                assertThrows(IllegalArgumentException.class,
                        () -> Activation.RELU.backward(Z, null, Z, Matrix.zeros(2, 3))).getMessage());
        assertFalse(Z.approxEquals(Matrix.ones(2, 3), 0), "operands of refused calls are untouched");
    }

    /** The easy API's {@code Matrix.tanh()} and the trainer's {@code Activation.TANH} are one kernel: the same bits. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void theEasyApisTanhGivesTheActivationsBits(long seed) {
        Matrix Z = new NumpyRandom(seed).randn(3, 300).times(4);
        assertEquals(Activation.TANH.forward(Z), Z.tanh(), "seed " + seed);
    }
}
