package example;

import dlbasics.course.OneHiddenLayerSteps;
import dlbasics.data.Dataset;
import dlbasics.data.PlanarData;
import dlbasics.matrix.Matrix;

/** The planar notebook in ten lines: a tanh hidden layer of 4 units learns the flower. */
public class Flower {
    public static void main(String[] args) {
        Dataset flower = PlanarData.flower(1);                  // X 2 x 400, Y 1 x 400
        var model = OneHiddenLayerSteps.nnModel(flower.X(), flower.Y(), 4, 10000, 1.2,
                (i, cost) -> System.out.printf("Cost after iteration %d: %f%n", i, cost));
        Matrix predictions = OneHiddenLayerSteps.predict(model.parameters(), flower.X());
        System.out.println("Accuracy: " + OneHiddenLayerSteps.accuracy(predictions, flower.Y()) + "%");
    }
}
