package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer's backward pass (dZ[L] = A[L] - Y, then the dense layers from L down to 1) against
 * centred finite differences of its own cost J(W, b) from the logits, as the course's gradient check
 * does: {@code relative error = ||g - g_approx|| / (||g|| + ||g_approx||)} over every parameter, on
 * narrow and wide layers.
 */
class PropagationGradientTest {
    private static final double EPSILON = 1e-6;

    @ParameterizedTest(name = "seed {0}, {1} hidden layers, {2}")
    @CsvSource({"1, RELU, 3 5 4 1", "2, RELU, 3 5 4 1", "3, RELU, 3 12 1", "1, TANH, 3 5 4 1", "2, TANH, 3 12 1",
            "3, TANH, 5 20 7 1", "4, SIGMOID, 3 5 4 1", "5, RELU, 5 20 7 1"})
    void backwardMatchesCentredFiniteDifferences(long seed, Activation hidden, String shape) {
        int[] dims = java.util.Arrays.stream(shape.split(" ")).mapToInt(Integer::parseInt).toArray();
        GeneratedData data = GeneratedData.of(seed, dims[0], 12);
        Network net = Network.of(hidden, dims).initialize(Initializer.HE, new NumpyRandom(seed));
        // non-zero biases, so that their gradients are tested away from the starting point too
        NumpyRandom rng = new NumpyRandom(seed + 100);
        for (int l = 1; l <= net.numLayers(); l++) {
            net.b(l).setTo(rng.randn(net.b(l).rows(), 1).times(0.1));
        }
        Propagation pass = new Propagation(net, data.X, data.Y, OutputGradient.A_MINUS_Y);
        pass.forward();
        pass.backward();
        Gradients g = pass.gradients();

        double diff2 = 0;
        double grad2 = 0;
        double approx2 = 0;
        for (int l = 1; l <= net.numLayers(); l++) {
            Matrix[] params = {net.W(l), net.b(l)};
            Matrix[] grads = {g.get("dW" + l).copy(), g.get("db" + l).copy()};
            for (int p = 0; p < 2; p++) {
                double[] theta = params[p].data();
                double[] gd = grads[p].data();
                for (int i = 0; i < theta.length; i++) {
                    double saved = theta[i];
                    theta[i] = saved + EPSILON;
                    pass.forward();
                    double plus = pass.cost();
                    theta[i] = saved - EPSILON;
                    pass.forward();
                    double minus = pass.cost();
                    theta[i] = saved;
                    double approx = (plus - minus) / (2 * EPSILON);
                    diff2 += (gd[i] - approx) * (gd[i] - approx);
                    grad2 += gd[i] * gd[i];
                    approx2 += approx * approx;
                }
            }
        }
        double relativeError = Math.sqrt(diff2) / (Math.sqrt(grad2) + Math.sqrt(approx2));
        assertTrue(relativeError < 1e-7, String.format("seed %d, %s %s: relative error %.3e", seed, hidden, shape, relativeError));
    }
}
