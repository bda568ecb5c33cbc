package dlbasics.model;

import dlbasics.data.Moons;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation metrics each epoch, and early stopping with the best parameters restored. */
class TrainerEarlyStoppingTest {
    /** Records every epoch's metrics and the parameters after it. */
    private static final class Epochs implements TrainingListener {
        final List<double[]> metrics = new ArrayList<>();
        final List<Network> after = new ArrayList<>();

        @Override
        public void onEpoch(TrainingEvent e) {
            metrics.add(new double[] {e.iteration(), e.trainCost(), e.trainAccuracy(), e.validationCost(), e.validationAccuracy(),
                    e.bestEpoch()});
            after.add(e.network().copy());
        }
    }

    @Test
    void listenersHearEveryEpochsMetrics() {
        var train = Moons.make(200, 0.2, 3);
        var validation = Moons.make(100, 0.2, 4);
        Epochs epochs = new Epochs();
        Network net = Network.of(2, 5, 2, 1);
        Trainer.builder().learningRate(0.01).epochs(20).batchSize(50).initializer(Initializer.HE).seed(3).updateRule(new Adam())
                .listener(epochs).build().fit(net, train, validation);
        assertEquals(20, epochs.metrics.size());
        double[] last = epochs.metrics.get(19);
        assertEquals(20, last[0], "epochs done");
        Network finalNet = epochs.after.get(19);
        assertEquals(validation.Y().cols() * finalNet.accuracy(validation.X(), validation.Y()), validation.Y().cols() * last[4], 1e-9,
                "validation accuracy after the epoch");
        double expectedCost = dlbasics.nn.Loss.BINARY_CROSS_ENTROPY.cost(finalNet.predictProbabilities(validation.X()), validation.Y());
        assertEquals(expectedCost, last[3], 1e-12, "validation cost after the epoch");
        for (double[] m : epochs.metrics) {
            assertTrue(m[1] > 0 && m[2] >= 0 && m[2] <= 1, "train cost and accuracy");
        }
    }

    @Test
    void stopsAfterPatienceAndRestoresTheBestEpoch() {
        // a tiny training set and a large rate overfit fast: the validation cost turns up
        var train = Moons.make(30, 0.3, 5);
        var validation = Moons.make(200, 0.3, 6);
        Epochs epochs = new Epochs();
        Network net = Network.of(2, 40, 20, 1);
        TrainingResult r = Trainer.builder().learningRate(0.05).epochs(3000).initializer(Initializer.HE).seed(3)
                .updateRule(new Adam()).patience(25).listener(epochs).build().fit(net, train, validation);
        assertTrue(r.stopped(), "stopped early");
        int ran = epochs.metrics.size();
        assertTrue(ran < 3000, "ran " + ran);
        int best = (int) epochs.metrics.get(ran - 1)[5];
        assertEquals(ran - 25, best, "stopped 25 epochs after the best");
        double bestCost = Double.POSITIVE_INFINITY;
        for (double[] m : epochs.metrics) {
            bestCost = Math.min(bestCost, m[3]);
        }
        assertEquals(bestCost, epochs.metrics.get(best - 1)[3], "the best epoch has the lowest validation cost");
        Network bestNet = epochs.after.get(best - 1);
        for (var e : bestNet.parameters().entrySet()) {
            assertArrayEquals(e.getValue().data(), net.parameters().get(e.getKey()).data(), "restored " + e.getKey());
        }
        assertFalse(Double.isNaN(bestCost));
    }

    @Test
    void noValidationNoEpochEvents() {
        var train = Moons.make(100, 0.2, 3);
        Epochs epochs = new Epochs();
        Trainer.builder().learningRate(0.01).epochs(5).seed(3).listener(epochs).build().fit(Network.of(2, 3, 1), train);
        assertEquals(0, epochs.metrics.size(), "onEpoch is for runs with a validation set");
    }
}
