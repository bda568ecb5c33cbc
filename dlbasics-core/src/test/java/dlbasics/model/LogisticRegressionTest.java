package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.nn.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The preset equals the course's logistic regression ("with a neural network mindset"): its
 * {@code propagate} and {@code optimize} are written here with the easy {@link Matrix} API, with the
 * course's w ({@code nX x 1}) and b, and compared with the network's {@code W1ᵀ} and {@code b1}.
 */
class LogisticRegressionTest {
    /** The course's optimize(w, b, X, Y, num_iterations, learning_rate) from zeros; returns the costs every 100. */
    private static double[] courseOptimize(Matrix w, double[] b, Matrix X, Matrix Y, int iterations, double learningRate) {
        int m = X.cols();
        double[] costs = new double[(iterations + 99) / 100];
        for (int i = 0; i < iterations; i++) {
            // A = sigmoid(np.dot(w.T, X) + b)
            Matrix A = w.transpose().mult(X).plus(b[0]).map(Activation::sigmoid);
            if (i % 100 == 0) {
                costs[i / 100] = Loss.BINARY_CROSS_ENTROPY.cost(A, Y);
            }
            // dw = 1/m * np.dot(X, (A - Y).T);  db = 1/m * np.sum(A - Y)
            Matrix dZ = A.minus(Y);
            Matrix dw = X.mult(dZ.transpose()).times(1.0 / m);
            double db = dZ.sum() * (1.0 / m);
            w.setTo(w.minus(dw.times(learningRate)));
            b[0] = b[0] - learningRate * db;
        }
        return costs;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void thePresetIsTheCoursesLogisticRegression(long seed) {
        GeneratedData data = GeneratedData.of(seed, 6, 50);
        Matrix w = Matrix.zeros(6, 1);
        double[] b = {0};
        double[] courseCosts = courseOptimize(w, b, data.X, data.Y, 2000, 0.005);

        LogisticRegression.Fit fit = LogisticRegression.fit(data.X, data.Y, 0.005, 2000);
        assertEquals(w, LogisticRegression.w(fit.network()), "seed " + seed + ": w = W1ᵀ bit for bit");
        assertEquals(b[0], LogisticRegression.b(fit.network()), 0.0, "seed " + seed + ": b = b1 bit for bit");
        assertArrayEquals(courseCosts, fit.result().costs(), 1e-14, "seed " + seed + ": costs at 0, 100, ..., 1900");
        assertEquals(Math.log(2), fit.result().costs()[0], 1e-15, "from zeros the first cost is log 2 = 0.693147 as in the course");
    }

    @Test
    void thePresetExpandsToWhatItsJavadocSays() {
        Trainer t = LogisticRegression.trainer(0.005, 2000);
        assertEquals(new TrainingSettings(0.005, 2000, Initializer.ZEROS, 1, 100), t.settings());
        Network net = LogisticRegression.network(12288);
        assertArrayEquals(new int[]{12288, 1}, net.layerDims());
        assertEquals(Activation.SIGMOID, net.activation(1));
    }

    @Test
    void wAndBRejectOtherNetworks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.w(Network.of(3, 2, 1)));
        assertEquals("LogisticRegression: the network [3, 2, 1] is not logistic regression; that is one layer with one unit, "
                + "Network.of(nX, 1)", e.getMessage());
    }
}
