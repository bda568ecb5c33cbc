package dlbasics.io;

import dlbasics.course.DeepNetworkSteps;
import dlbasics.data.Dataset;
import org.junit.jupiter.api.Test;

import static dlbasics.io.DeepNetworkCatFixture.assertCost;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deep-network application notebook's two-layer model on the cat images:
 * {@code two_layer_model(train_x, train_y, layers_dims = (12288, 7, 1), num_iterations = 2500)}.
 * The notebook prints "Cost after iteration 0: 0.6930497356599888", then 0.6464320953428849 (100),
 * 0.6325140647912677 (200) ... 0.04855478562877018 (2400), train accuracy 100 % and test 72 %.
 */
class TwoLayerCatIT {
    @Test
    void reproducesTheNotebooksCostsAndAccuracies() {
        CatImages cats = DeepNetworkCatFixture.catImages();
        Dataset train = cats.train();
        Dataset test = cats.test();
        DeepNetworkCatFixture numpy = DeepNetworkCatFixture.load("DeepNetworkCatTwoLayer.txt");

        DeepNetworkSteps.ModelResult r = DeepNetworkSteps.twoLayerModel(train.X(), train.Y(), new int[] {12288, 7, 1}, 0.0075, 2500);

        assertEquals(25, r.costs().size(), "a cost every 100 iterations from 0 to 2400");
        for (int i = 0; i < 25; i++) {
            assertCost(numpy.costs().get(i), r.costs().get(i), 1e-9, 100 * i, "numpy (DeepNetworkCatReference.py)");
        }
        // the notebook's printout, to 1e-9 relative
        assertCost(0.6930497356599888, r.costs().get(0), 1e-9, 0, "the notebook");
        assertCost(0.6464320953428849, r.costs().get(1), 1e-9, 100, "the notebook");
        assertCost(0.6325140647912677, r.costs().get(2), 1e-9, 200, "the notebook");
        assertCost(0.04855478562877018, r.costs().get(24), 1e-9, 2400, "the notebook");

        double trainAccuracy = DeepNetworkSteps.predict(train.X(), train.Y(), r.parameters()).accuracy();
        double testAccuracy = DeepNetworkSteps.predict(test.X(), test.Y(), r.parameters()).accuracy();
        assertEquals(numpy.trainAccuracy(), trainAccuracy, 1e-12, "train accuracy");
        assertEquals(numpy.testAccuracy(), testAccuracy, 1e-12, "test accuracy");
        assertEquals(1.0, trainAccuracy, 1e-12, "the notebook: train accuracy 100 %");
        assertEquals(0.72, testAccuracy, 1e-12, "the notebook: test accuracy 72 %");
    }
}
