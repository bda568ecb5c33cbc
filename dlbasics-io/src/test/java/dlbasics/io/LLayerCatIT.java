package dlbasics.io;

import dlbasics.course.DeepNetworkSteps;
import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;

import static dlbasics.io.DeepNetworkCatFixture.assertCost;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deep-network application notebook's L-layer model on the cat images:
 * {@code L_layer_model(train_x, train_y, layers_dims = [12288, 20, 7, 5, 1], num_iterations = 2500)}.
 * The notebook prints costs 0.771749 (0), 0.672053 (100), 0.648263 (200), 0.611507 (300),
 * 0.567047 (400) ... 0.092878 (2400), train accuracy 0.985645933014 and test 0.8, and it calls the
 * notebook's own photo (images/my_image.jpg) a cat.
 */
class LLayerCatIT {
    /** The notebook's printed costs (six digits) at iterations 0, 100, 200, 300, 400 and 2400. */
    private static final double[][] PRINTED = {
            {0, 0.771749}, {100, 0.672053}, {200, 0.648263}, {300, 0.611507}, {400, 0.567047}, {2400, 0.092878}};

    @Test
    void reproducesTheNotebooksCostsAndAccuracies() {
        CatImages cats = DeepNetworkCatFixture.catImages();
        Dataset train = cats.train();
        Dataset test = cats.test();
        DeepNetworkCatFixture numpy = DeepNetworkCatFixture.load("DeepNetworkCatLLayer.txt");

        DeepNetworkSteps.ModelResult r = DeepNetworkSteps.lLayerModel(train.X(), train.Y(), new int[] {12288, 20, 7, 5, 1}, 0.0075, 2500);

        assertEquals(25, r.costs().size(), "a cost every 100 iterations from 0 to 2400");
        for (int i = 0; i < 25; i++) {
            assertCost(numpy.costs().get(i), r.costs().get(i), 1e-9, 100 * i, "numpy (DeepNetworkCatReference.py)");
        }
        for (double[] printed : PRINTED) {
            int iteration = (int) printed[0];
            assertEquals(printed[1], Math.round(r.costs().get(iteration / 100) * 1e6) / 1e6, 1e-12,
                    "the notebook's cost at iteration " + iteration + ", to six digits");
        }

        double trainAccuracy = DeepNetworkSteps.predict(train.X(), train.Y(), r.parameters()).accuracy();
        double testAccuracy = DeepNetworkSteps.predict(test.X(), test.Y(), r.parameters()).accuracy();
        assertEquals(numpy.trainAccuracy(), trainAccuracy, 1e-12, "train accuracy");
        assertEquals(numpy.testAccuracy(), testAccuracy, 1e-12, "test accuracy");
        assertEquals(206 / 209.0, trainAccuracy, 1e-12, "the notebook: train accuracy 98.5645933 % (206 of 209)");
        assertEquals(0.8, testAccuracy, 1e-12, "the notebook: test accuracy 80 %");

        // the notebook's own photo, resized to 64 x 64 and scaled by 1/255: "y = 1, your L-layer model predicts a cat"
        Matrix photo = Images.read(SharedData.datasets().resolve("images/my_image.jpg"));
        DeepNetworkSteps.Prediction p = DeepNetworkSteps.predict(photo, Matrix.of(1, 1, 1), r.parameters());
        assertEquals(Matrix.of(1, 1, 1), p.predictions(), "my_image.jpg is classified as a cat");
    }
}
