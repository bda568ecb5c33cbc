package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mini-batch training of a softmax network (the optim and softmax work meeting in one trainer): batches
 * are gathered from the one-hot targets, and the epoch's accuracies count examples by their largest output.
 */
class TrainerManyClassMiniBatchTest {
    /** Three Gaussian clusters in 2-D, 0.5 apart from each other's spread: X 2 x m, labels 0..2 in Y 1 x m. */
    private static Matrix[] clusters(int m, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        double[][] centres = {{0, 3}, {3, -2}, {-3, -2}};
        Matrix noise = rng.randn(2, m);
        Matrix X = Matrix.zeros(2, m);
        Matrix Y = Matrix.zeros(1, m);
        for (int j = 0; j < m; j++) {
            int k = j % 3;
            X.set(0, j, centres[k][0] + noise.get(0, j));
            X.set(1, j, centres[k][1] + noise.get(1, j));
            Y.set(0, j, k);
        }
        return new Matrix[] {X, Y};
    }

    @Test
    void miniBatchAdamOnThreeClassesLearnsAndReportsAccuracyPerExample() {
        Matrix[] train = clusters(300, 1);
        Matrix[] validation = clusters(90, 2);
        List<double[]> epochs = new ArrayList<>();
        Trainer trainer = Trainer.builder().learningRate(0.01).iterations(30).batchSize(32).shuffleSeed(10)
                .updateRule(new Adam()).initializer(Initializer.HE).seed(3).costEvery(1)
                .listener(new TrainingListener() {
                    @Override
                    public void onEpoch(TrainingEvent e) {
                        epochs.add(new double[] {e.trainAccuracy(), e.validationAccuracy(), e.validationCost()});
                    }
                }).build();
        Network net = Network.of(2, 8, 3);
        trainer.fit(net, train[0], train[1], validation[0], validation[1]);
        double[] last = epochs.get(epochs.size() - 1);
        double accuracy = net.accuracy(validation[0], validation[1]);
        assertTrue(accuracy > 0.95, "three well-separated clusters: validation accuracy " + accuracy);
        assertEquals(accuracy, last[1], 1e-12, "the listener's validation accuracy counts examples, as Network.accuracy");
        assertTrue(last[0] > 0.9 && last[0] <= 1.0, "training accuracy is a share of examples: " + last[0]);
        assertTrue(last[2] < epochs.get(0)[2], "the validation cost falls");
    }
}
