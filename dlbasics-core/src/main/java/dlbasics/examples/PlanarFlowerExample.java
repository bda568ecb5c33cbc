package dlbasics.examples;

import dlbasics.course.OneHiddenLayerSteps;
import dlbasics.data.Dataset;
import dlbasics.data.PlanarData;
import dlbasics.matrix.Matrix;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The planar notebook's main run: the flower (seed 1, 400 points), a network with one hidden layer of
 * 4 tanh units, learning rate 1.2, 10000 iterations of gradient descent. Prints the cost every 1000
 * iterations and the accuracy, as the notebook does:
 * <pre>
 * Cost after iteration 0: 0.693048
 * Cost after iteration 1000: 0.288083
 * ...
 * Cost after iteration 7000: 0.217504
 * Cost after iteration 8000: 0.219396
 * Cost after iteration 9000: 0.218541
 * Accuracy: 90%
 * Correct: 363 of 400 (90.75 %)
 * </pre>
 * (Costs after 7000 differ in the fourth digit between numpy builds too; see REFERENCE.md.)
 */
public final class PlanarFlowerExample {
    private PlanarFlowerExample() {
    }

    /** Runs the example, printing to standard output. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Trains the flower network and prints the costs and the accuracy to {@code out}. */
    public static void run(PrintStream out) {
        Dataset flower = PlanarData.flower(1);
        OneHiddenLayerSteps.Model model = OneHiddenLayerSteps.nnModel(flower.X(), flower.Y(), 4, 10000,
                OneHiddenLayerSteps.DEFAULT_LEARNING_RATE,
                (iteration, cost) -> out.printf(Locale.ROOT, "Cost after iteration %d: %f%n", iteration, cost));
        Matrix predictions = OneHiddenLayerSteps.predict(model.parameters(), flower.X());
        double accuracy = OneHiddenLayerSteps.accuracy(predictions, flower.Y());
        // the notebook: print('Accuracy: %d' % float(...) + '%')
        out.printf(Locale.ROOT, "Accuracy: %d%%%n", (int) accuracy);
        out.printf(Locale.ROOT, "Correct: %d of %d (%s %%)%n", (long) predictions.equalTo(flower.Y()).sum(), flower.size(), accuracy);
    }
}
