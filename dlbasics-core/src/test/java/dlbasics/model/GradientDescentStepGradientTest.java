package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer's backward pass (dZ[L] = A[L] - Y, then the kernels from L down to 1) against centred
 * finite differences of its own cost J(W, b) from the logits, as the course's gradient check does:
 * {@code relative error = ||g - g_approx|| / (||g|| + ||g_approx||)} over every parameter.
 */
class GradientDescentStepGradientTest {
    private static final double EPSILON = 1e-6;

    @ParameterizedTest(name = "seed {0}, {1} hidden layers")
    @CsvSource({"1, RELU", "2, RELU", "3, RELU", "1, TANH", "2, TANH", "3, TANH", "4, SIGMOID"})
    void backwardMatchesCentredFiniteDifferences(long seed, Activation hidden) {
        GeneratedData data = GeneratedData.of(seed, 3, 12);
        Network net = Network.of(hidden, 3, 5, 4, 1).initialize(Initializer.HE, new NumpyRandom(seed));
        // non-zero biases, so that their gradients are tested away from the starting point too
        NumpyRandom rng = new NumpyRandom(seed + 100);
        for (int l = 1; l <= net.numLayers(); l++) {
            net.b(l).setTo(rng.randn(net.b(l).rows(), 1).times(0.1));
        }
        GradientDescentStep step = new GradientDescentStep(net, data.X, data.Y, OutputGradient.SIMPLIFIED);
        step.forward();
        step.backward();

        double diff2 = 0;
        double grad2 = 0;
        double approx2 = 0;
        for (int l = 1; l <= net.numLayers(); l++) {
            Matrix[] params = {net.W(l), net.b(l)};
            Matrix[] grads = {step.dW(l).copy(), step.db(l).copy()};
            for (int p = 0; p < 2; p++) {
                double[] theta = params[p].data();
                double[] g = grads[p].data();
                for (int i = 0; i < theta.length; i++) {
                    double saved = theta[i];
                    theta[i] = saved + EPSILON;
                    double plus = step.forward();
                    theta[i] = saved - EPSILON;
                    double minus = step.forward();
                    theta[i] = saved;
                    double approx = (plus - minus) / (2 * EPSILON);
                    diff2 += (g[i] - approx) * (g[i] - approx);
                    grad2 += g[i] * g[i];
                    approx2 += approx * approx;
                }
            }
        }
        double relativeError = Math.sqrt(diff2) / (Math.sqrt(grad2) + Math.sqrt(approx2));
        assertTrue(relativeError < 1e-7, String.format("seed %d, %s: relative error %.3e", seed, hidden, relativeError));
    }
}
