package dlbasics.io;

import dlbasics.model.Network;
import dlbasics.model.TrainedModel;
import dlbasics.model.TrainingSettings;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small seeded models for model-file tests. */
final class TestModels {
    private TestModels() {
    }

    /**
     * A [3, 4, 2, 1] network with tanh hidden layers, HE weights from seed {@code seed} and biases drawn
     * from the same generator, so every parameter is a "random" double (no value is special).
     */
    static TrainedModel small(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Network network = Network.of(Activation.TANH, 3, 4, 2, 1).initialize(Initializer.HE, rng);
        for (int l = 1; l <= network.numLayers(); l++) {
            double[] b = network.b(l).data();
            for (int i = 0; i < b.length; i++) {
                b[i] = rng.nextGaussian();
            }
        }
        TrainingSettings settings = new TrainingSettings(0.0075, 300, Initializer.HE, seed, 100);
        double[] costs = {0.6931471805599453, 0.5123456789012345, 1.0 / 3};
        return new TrainedModel(network, List.of("non-cat", "cat"), 1 / 255.0, settings, costs);
    }

    /** Asserts two models are equal bit for bit: parameters, architecture and every metadata value. */
    static void assertSameModel(TrainedModel expected, TrainedModel actual) {
        assertArrayEquals(expected.network().layerDims(), actual.network().layerDims(), "layer sizes");
        assertEquals(expected.network().hiddenActivation(), actual.network().hiddenActivation(), "hidden activation");
        for (int l = 1; l <= expected.network().numLayers(); l++) {
            assertArrayEquals(expected.network().W(l).data(), actual.network().W(l).data(), 0.0, "W" + l);
            assertArrayEquals(expected.network().b(l).data(), actual.network().b(l).data(), 0.0, "b" + l);
            assertEquals(expected.network().b(l).cols(), actual.network().b(l).cols(), "b" + l + " columns");
        }
        assertEquals(expected.classNames(), actual.classNames(), "class names");
        assertEquals(expected.inputScale(), actual.inputScale(), 0.0, "input scale");
        assertEquals(expected.settings(), actual.settings(), "training settings");
        assertArrayEquals(expected.costs(), actual.costs(), 0.0, "costs");
    }
}
