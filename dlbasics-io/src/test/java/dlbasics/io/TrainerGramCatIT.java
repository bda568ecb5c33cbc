package dlbasics.io;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.model.FirstLayer;
import dlbasics.model.LogisticRegression;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dlbasics.io.DeepNetworkCatFixture.assertCost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact Gram form of the first layer ({@link FirstLayer#GRAM}, what AUTO picks on the cat images)
 * against the course's algorithm ({@link FirstLayer#DIRECT}) on the real cat images, through the
 * {@link Trainer}: the L-layer run (notebook 5's {@code L_layer_model}), the two-layer run
 * ({@code two_layer_model}) and logistic regression (course 1 week 2's {@code model}). Every recorded cost
 * within 1e-9 relative of the direct form's and of numpy's (DeepNetworkCatReference.py), the same train and
 * test accuracies, W1 within 1e-12 of its largest entry. Slow: six full runs.
 */
class TrainerGramCatIT {
    private static void assertFormsAgree(String run, Trainer.Builder builder, Network shape, List<Double> numpy) {
        CatImages cats = DeepNetworkCatFixture.catImages();
        Dataset train = cats.train();
        Dataset test = cats.test();
        Network direct = shape.copy();
        Network gram = shape.copy();
        TrainingResult d = builder.firstLayer(FirstLayer.DIRECT).build().fit(direct, train);
        TrainingResult g = builder.firstLayer(FirstLayer.GRAM).build().fit(gram, train);
        assertEquals(d.costs().length, g.costs().length, run + ": recorded costs");
        for (int i = 0; i < d.costs().length; i++) {
            assertCost(d.costs()[i], g.costs()[i], 1e-9, 100 * i, run + ", the direct form");
            if (numpy != null) {
                assertCost(numpy.get(i), g.costs()[i], 1e-9, 100 * i, run + ", numpy (DeepNetworkCatReference.py)");
            }
        }
        assertEquals(direct.predict(train.X()), gram.predict(train.X()), run + ": train predictions");
        assertEquals(direct.predict(test.X()), gram.predict(test.X()), run + ": test predictions");
        Matrix w1 = direct.W(1);
        double diff = w1.minus(gram.W(1)).abs().max();
        assertTrue(diff <= 1e-12 * w1.abs().max(), run + ": W1 differs by " + diff + " (largest entry " + w1.abs().max() + ")");
    }

    @Test
    void theLLayerRunAgreesInTheGramForm() {
        assertFormsAgree("L-layer", Trainer.builder().learningRate(0.0075).iterations(2500).initializer(Initializer.SCALED_BY_FAN_IN)
                .seed(1).costEvery(100), Network.of(12288, 20, 7, 5, 1), DeepNetworkCatFixture.load("DeepNetworkCatLLayer.txt").costs());
    }

    @Test
    void theTwoLayerRunAgreesInTheGramForm() {
        assertFormsAgree("two-layer", Trainer.builder().learningRate(0.0075).iterations(2500).initializer(Initializer.SMALL_RANDOM)
                .seed(1).costEvery(100), Network.of(12288, 7, 1), DeepNetworkCatFixture.load("DeepNetworkCatTwoLayer.txt").costs());
    }

    @Test
    void logisticRegressionAgreesInTheGramForm() {
        assertFormsAgree("logistic regression", LogisticRegression.trainerBuilder(), LogisticRegression.network(12288), null);
    }
}
