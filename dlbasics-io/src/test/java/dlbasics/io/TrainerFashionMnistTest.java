package dlbasics.io;

import dlbasics.matrix.Matrix;
import dlbasics.model.ClassificationMetrics;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ten classes on real images, small enough for CI: a [784, 32, 10] ReLU network with a softmax output,
 * He initialisation (seed 1), full-batch gradient descent (learning rate 0.2, 80 iterations) on the
 * first 5,000 Fashion-MNIST training images, tested on the first 1,000 test images. The same recipe in
 * numpy (np.random.seed(1) He init, the course's loop) reaches a test accuracy of 0.743 and a final
 * cost of 0.650; the floor is 0.70 (a margin of 0.04 for another initial draw's luck) and the cost must
 * fall below 0.70 from about log 10 = 2.3. Skipped with a message when dataset-fashion-mnist is not
 * installed (.ci/run installs it).
 */
class TrainerFashionMnistTest {
    @Test
    void aSoftmaxNetworkLearnsTenKindsOfClothing() {
        assumeTrue(FashionMnist.isInstalled(), "Fashion-MNIST is not in " + FashionMnist.DEFAULT_FOLDER
                + "; skipped (sudo apt-get install " + FashionMnist.PACKAGE + ")");
        LabelledImages.Split data = FashionMnist.load(5000, 1000);
        Network net = Network.of(784, 32, 10);
        TrainingResult r = Trainer.builder().learningRate(0.2).iterations(80).initializer(Initializer.HE).seed(1).costEvery(10)
                .build().fit(net, data.train().X(), data.train().Y());
        double[] costs = r.costs();
        assertEquals(Math.log(10), costs[0], 0.5, "the first cost is near log K for an untrained softmax");
        assertTrue(costs[costs.length - 1] < costs[0], "the cost falls");

        Matrix testX = data.test().X();
        Matrix testY = data.test().Y();
        double accuracy = net.accuracy(testX, testY);
        assertTrue(accuracy >= 0.70, "test accuracy " + accuracy + " is below the floor 0.70 (numpy's run: 0.743)");
        ClassificationMetrics metrics = ClassificationMetrics.of(net.predict(testX), testY, 10);
        assertEquals(accuracy, metrics.accuracy(), 1e-15);
        assertEquals(1000, metrics.examples());
        assertTrue(ClassificationMetrics.topKAccuracy(net.predictProbabilities(testX), testY, 3) > accuracy,
                "top-3 accuracy exceeds top-1");
        // Trouser (1) is the easiest class of the data set; its recall stays far above chance
        assertTrue(metrics.recall(1) > 0.8, "recall of Trouser " + metrics.recall(1));
    }
}
