package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every backward pass of the engine passes the course's gradient check (below 1e-7): the dense layer,
 * ReLU and tanh hidden layers, the sigmoid output with binary cross-entropy, L2 and dropout with a
 * fixed mask. A broken gradient fails it.
 */
class GradientCheckTest {
    private static Matrix[] data(long seed, int n0, int m) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix X = rng.randn(n0, m);
        Matrix Y = rng.rand(1, m).lessThan(0.5);
        return new Matrix[] {X, Y};
    }

    @ParameterizedTest(name = "{0} l2={1} keepProb={2}")
    @CsvSource({"RELU, 0, 1", "TANH, 0, 1", "RELU, 0.7, 1", "TANH, 0.7, 1", "RELU, 0, 0.8", "TANH, 0.3, 0.6",
            "RELU, 0.7, 0.86", "RELU, 0, 0.5"})
    void theEnginesGradientsPass(Activation hidden, double l2, double keepProb) {
        Matrix[] d = data(7, 4, 10);
        Network net = Network.of(hidden, 4, 5, 3, 1).initialize(Initializer.XAVIER, new NumpyRandom(1));
        // non-zero biases: with zero biases, an example whose layer-1 units are all dropped gives Z2 = 0
        // exactly, ReLU's kink, where centred differences disagree with any one-sided derivative
        NumpyRandom biases = new NumpyRandom(4);
        for (int l = 1; l <= net.numLayers(); l++) {
            net.b(l).setTo(biases.randn(net.b(l).rows(), 1).times(0.1));
        }
        Network before = net.copy();
        GradientCheck.Result r = GradientCheck.check(net, d[0], d[1], l2, keepProb, 5, 1e-7);
        assertTrue(r.passed(), "difference " + r.difference() + " at " + r.worst());
        before.parameters().forEach((k, v) -> assertArrayEquals(v.data(), net.parameters().get(k).data(), "restored " + k));
    }

    @Test
    void oneLayerLogisticRegressionPasses() {
        Matrix[] d = data(8, 3, 12);
        Network net = Network.of(3, 1).initialize(Initializer.SMALL_RANDOM, new NumpyRandom(2));
        assertTrue(GradientCheck.check(net, d[0], d[1]).passed());
    }

    @Test
    void aKinkIsWhatFailsWithZeroBiases() {
        // seed 7 data, mask seed 5, zero biases: an example with all of layer 1 dropped puts Z2 exactly on
        // ReLU's kink; the check reports it (difference 0.0107 at db2[2][0], measured), so it can fail
        Matrix[] d = data(7, 4, 10);
        Network net = Network.of(Activation.RELU, 4, 5, 3, 1).initialize(Initializer.XAVIER, new NumpyRandom(1));
        GradientCheck.Result r = GradientCheck.check(net, d[0], d[1], 0, 0.8, 5, 1e-7);
        assertFalse(r.passed(), "difference " + r.difference());
        assertTrue(r.worst().equals("db2[2][0]"), r.worst());
    }
}
