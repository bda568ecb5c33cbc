package dlbasics.course;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every backward step against centred finite differences, {@code (f(x+h) - f(x-h)) / 2h}, over fixed
 * seeds. The relative error is the course's {@code ||num - analytic|| / (||num|| + ||analytic||)},
 * required below 1e-7.
 *
 * <p>The course's convention: dZ (and dA) carry no 1/m, while dW and db do. So for a layer the scalar
 * checked is {@code F = (1/m) Σ G ⊙ output} with a random upstream gradient G: then dW and db are
 * ∂F/∂W and ∂F/∂b, and dAPrev is {@code m · ∂F/∂APrev}. For the whole model F is the cost J, and
 * dA0 is {@code m · ∂J/∂X}.
 */
class DeepNetworkGradientCheckTest {
    private static final double H = 1e-6;
    private static final double MAX_ERROR = 1e-7;

    /** ∂f/∂p by centred differences, entry by entry; p is changed and restored in place. */
    private static Matrix numeric(DoubleSupplier f, Matrix p) {
        Matrix g = Matrix.zeros(p.rows(), p.cols());
        double[] d = p.data();
        for (int i = 0; i < d.length; i++) {
            double old = d[i];
            d[i] = old + H;
            double plus = f.getAsDouble();
            d[i] = old - H;
            double minus = f.getAsDouble();
            d[i] = old;
            g.data()[i] = (plus - minus) / (2 * H);
        }
        return g;
    }

    private static void check(Matrix analytic, Matrix numeric, String what, long seed) {
        double denominator = analytic.norm() + numeric.norm();
        double error = denominator == 0 ? 0 : analytic.minus(numeric).norm() / denominator;
        assertTrue(error < MAX_ERROR, String.format("seed %d: %s relative error %.3g >= %.0g%nanalytic %s%nnumeric  %s",
                seed, what, error, MAX_ERROR, analytic, numeric));
        assertTrue(numeric.norm() > 0, "seed " + seed + ": " + what + " checks only zeros");
    }

    /** {@code (1/m) Σ G ⊙ M}. */
    private static double weighted(Matrix G, Matrix M) {
        return G.dot(M) / M.cols();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 11, 2024})
    void linearBackward(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix A = rng.randn(4, 5);
        Matrix W = rng.randn(3, 4);
        Matrix b = rng.randn(3, 1);
        Matrix G = rng.randn(3, 5);
        DoubleSupplier F = () -> weighted(G, DeepNetworkSteps.linearForward(A, W, b).Z());
        DeepNetworkSteps.LayerGradients g = DeepNetworkSteps.linearBackward(G, DeepNetworkSteps.linearForward(A, W, b).cache());
        check(g.dW(), numeric(F, W), "linearBackward dW", seed);
        check(g.db(), numeric(F, b), "linearBackward db", seed);
        check(g.dAPrev().divide(A.cols()), numeric(F, A), "linearBackward dA_prev / m", seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 11, 2024})
    void reluAndSigmoidBackward(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix Z = rng.randn(3, 6);
        Matrix G = rng.randn(3, 6);
        check(DeepNetworkSteps.reluBackward(G, Z), numeric(() -> G.dot(Activation.RELU.forward(Z)), Z), "reluBackward", seed);
        check(DeepNetworkSteps.sigmoidBackward(G, Z), numeric(() -> G.dot(Activation.SIGMOID.forward(Z)), Z),
                "sigmoidBackward", seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 11, 2024})
    void linearActivationBackward(long seed) {
        for (Activation g : Activation.values()) {
            NumpyRandom rng = new NumpyRandom(seed);
            Matrix APrev = rng.randn(4, 5);
            Matrix W = rng.randn(3, 4);
            Matrix b = rng.randn(3, 1);
            Matrix G = rng.randn(3, 5);
            DoubleSupplier F = () -> weighted(G, DeepNetworkSteps.linearActivationForward(APrev, W, b, g).A());
            DeepNetworkSteps.LayerGradients grads = DeepNetworkSteps.linearActivationBackward(G,
                    DeepNetworkSteps.linearActivationForward(APrev, W, b, g).cache(), g);
            String what = "linearActivationBackward(" + g.courseName() + ") ";
            check(grads.dW(), numeric(F, W), what + "dW", seed);
            check(grads.db(), numeric(F, b), what + "db", seed);
            check(grads.dAPrev().divide(APrev.cols()), numeric(F, APrev), what + "dA_prev / m", seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 11, 2024})
    void lModelBackward(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Map<String, Matrix> p = DeepNetworkSteps.initializeParametersDeep(new int[] {4, 5, 3, 1}, Initializer.HE, rng);
        for (int l = 1; l <= 3; l++) {
            p.put("b" + l, rng.randn(p.get("b" + l).rows(), 1).times(0.1));
        }
        Matrix X = rng.randn(4, 6);
        Matrix Y = rng.rand(1, 6).greaterThan(0.5);
        DoubleSupplier J = () -> DeepNetworkSteps.computeCost(DeepNetworkSteps.lModelForward(X, p).AL(), Y);
        DeepNetworkSteps.ModelOutput f = DeepNetworkSteps.lModelForward(X, p);
        Map<String, Matrix> grads = DeepNetworkSteps.lModelBackward(f.AL(), Y, f.caches());
        for (String name : List.copyOf(p.keySet())) {
            check(grads.get("d" + name), numeric(J, p.get(name)), "lModelBackward d" + name, seed);
        }
        check(grads.get("dA0").divide(X.cols()), numeric(J, X), "lModelBackward dA0 / m", seed);
    }
}
