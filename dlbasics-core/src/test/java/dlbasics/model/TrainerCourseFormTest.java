package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer uses {@code dZ[L] = A[L] - Y} and the cost from the logits; the course writes
 * {@code dAL = -(Y/AL - (1-Y)/(1-AL))}, then {@code dZ = dAL · s(1-s)}, and the cost from AL with logs.
 * This test trains the course's form, written here with the easy {@link Matrix} API exactly as the
 * notebook's {@code L_model_forward}, {@code compute_cost}, {@code L_model_backward} and
 * {@code update_parameters}, and shows that both runs print the same costs to far more than the
 * course's six digits and end with the same parameters to rounding.
 */
class TrainerCourseFormTest {
    /** The course's L_layer_model loop on the easy API; returns the costs every 100 iterations. */
    private static double[] courseLoop(Network net, Matrix X, Matrix Y, double learningRate, int iterations,
                                       boolean simplifiedOutputGradient) {
        int L = net.numLayers();
        Matrix[] W = new Matrix[L + 1];
        Matrix[] b = new Matrix[L + 1];
        for (int l = 1; l <= L; l++) {
            W[l] = net.W(l).copy();
            b[l] = net.b(l).copy();
        }
        double[] costs = new double[(iterations + 99) / 100];
        for (int i = 0; i < iterations; i++) {
            Matrix[] A = new Matrix[L + 1];
            Matrix[] Z = new Matrix[L + 1];
            A[0] = X;
            for (int l = 1; l <= L; l++) {
                Z[l] = W[l].mult(A[l - 1]).plusColumn(b[l]);
                A[l] = net.activation(l).forward(Z[l]);
            }
            Matrix AL = A[L];
            // cost = -1/m * sum(Y*log(AL) + (1-Y)*log(1-AL)), compute_cost
            double cost = dlbasics.nn.Loss.BINARY_CROSS_ENTROPY.cost(AL, Y);
            if (i % 100 == 0) {
                costs[i / 100] = cost;
            }
            // dAL = -(Y/AL - (1-Y)/(1-AL))
            Matrix dA = Y.divide(AL).minus(Y.subtractFrom(1).divide(AL.subtractFrom(1))).negate();
            Matrix[] dW = new Matrix[L + 1];
            Matrix[] db = new Matrix[L + 1];
            for (int l = L; l >= 1; l--) {
                Matrix dZ = Matrix.zeros(dA.rows(), dA.cols());
                if (l == L && simplifiedOutputGradient) {
                    dZ = AL.minus(Y); // the trainer's form of dAL through sigmoid_backward
                } else {
                    net.activation(l).backward(dA, Z[l], A[l], dZ);
                }
                double m = A[l - 1].cols();
                dW[l] = dZ.multTranspose(A[l - 1]).times(1 / m);
                db[l] = dZ.rowSums().times(1 / m);
                dA = W[l].transposeMult(dZ);
            }
            for (int l = 1; l <= L; l++) {
                W[l] = W[l].minus(dW[l].times(learningRate));
                b[l] = b[l].minus(db[l].times(learningRate));
            }
        }
        for (int l = 1; l <= L; l++) {
            net.W(l).setTo(W[l]);
            net.b(l).setTo(b[l]);
        }
        return costs;
    }

    @ParameterizedTest(name = "seed {0}, {1} hidden layers")
    @CsvSource({"1, RELU", "2, RELU", "3, TANH"})
    void bothFormsPrintTheSameCostsAndEndAtTheSameParameters(long seed, Activation hidden) {
        GeneratedData data = GeneratedData.of(seed, 5, 60);
        int[] dims = {5, 8, 4, 3, 1};
        Network course = Network.of(hidden, dims).initialize(Initializer.SCALED_BY_FAN_IN, new NumpyRandom(seed));
        double[] courseCosts = courseLoop(course, data.X, data.Y, 0.0075, 2500, false);

        Network trained = Network.of(hidden, dims);
        TrainingResult r = Trainer.builder().learningRate(0.0075).iterations(2500).seed(seed).build()
                .fit(trained, data.X, data.Y);

        double[] costs = r.costs();
        assertEquals(courseCosts.length, costs.length);
        for (int k = 0; k < costs.length; k++) {
            assertEquals(courseCosts[k], costs[k], 1e-12 * Math.abs(courseCosts[k]),
                    "seed " + seed + ": cost at iteration " + 100 * k);
            assertEquals(String.format("%.6f", courseCosts[k]), String.format("%.6f", costs[k]),
                    "seed " + seed + ": six printed digits at iteration " + 100 * k);
        }
        assertTrue(costs[costs.length - 1] < costs[0], "seed " + seed + ": training lowers the cost");
        for (int l = 1; l <= dims.length - 1; l++) {
            assertTrue(trained.W(l).approxEquals(course.W(l), 1e-10), "seed " + seed + ": W" + l);
            assertTrue(trained.b(l).approxEquals(course.b(l), 1e-10), "seed " + seed + ": b" + l);
        }
    }

    /**
     * The output gradient is the only difference: with {@code dZ[L] = A[L] - Y} put into the course's
     * loop, the trainer's parameters are equal bit for bit, so its order of operations is the course's
     * (forward layer by layer, backward from L down, then update all).
     */
    @ParameterizedTest(name = "seed {0}, {1} hidden layers")
    @CsvSource({"1, RELU", "2, TANH"})
    void withTheSameOutputGradientTheParametersAreBitIdentical(long seed, Activation hidden) {
        GeneratedData data = GeneratedData.of(seed, 5, 60);
        int[] dims = {5, 8, 4, 3, 1};
        Network course = Network.of(hidden, dims).initialize(Initializer.SCALED_BY_FAN_IN, new NumpyRandom(seed));
        courseLoop(course, data.X, data.Y, 0.05, 500, true);
        Network trained = Network.of(hidden, dims);
        Trainer.builder().learningRate(0.05).iterations(500).seed(seed).build().fit(trained, data.X, data.Y);
        assertEquals(course.parameters(), trained.parameters(), "seed " + seed + ": parameters after 500 iterations");
    }
}
