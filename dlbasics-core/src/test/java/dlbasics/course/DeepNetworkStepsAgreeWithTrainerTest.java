package dlbasics.course;

import dlbasics.matrix.Matrix;
import dlbasics.model.Network;
import dlbasics.model.OutputGradient;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The maths lives once: the course's step functions ({@link DeepNetworkSteps}, which return new
 * matrices) and the {@link Trainer} (which reuses buffers) call the same kernels, so N iterations
 * through either path end at the same parameters, bit for bit, when the trainer starts the backward
 * pass as the course does ({@link OutputGradient#COURSE_DAL_THROUGH_SIGMOID}). With its default, simplified output
 * gradient {@code dZ[L] = A[L] - Y} the two agree to rounding.
 */
class DeepNetworkStepsAgreeWithTrainerTest {
    private static final int[] DIMS = {6, 8, 5, 3, 1};
    private static final int ITERATIONS = 300;
    private static final double LEARNING_RATE = 0.05;

    /** {@code np.random.seed(seed); X = randn(6, 80)}; label 1 where {@code x0 + x1·x2 > 0}. */
    private static Matrix[] data(long seed) {
        Matrix X = new NumpyRandom(seed).randn(DIMS[0], 80);
        Matrix Y = Matrix.zeros(1, X.cols());
        for (int j = 0; j < X.cols(); j++) {
            Y.set(0, j, X.get(0, j) + X.get(1, j) * X.get(2, j) > 0 ? 1 : 0);
        }
        return new Matrix[] {X, Y};
    }

    /** The course's loop, written with the public step functions exactly as the notebook's L_layer_model. */
    private static Map<String, Matrix> stepLoop(Matrix X, Matrix Y, long seed) {
        Map<String, Matrix> parameters = DeepNetworkSteps.initializeParametersDeep(DIMS, Initializer.SCALED_BY_FAN_IN, new NumpyRandom(seed));
        for (int i = 0; i < ITERATIONS; i++) {
            DeepNetworkSteps.ModelOutput forward = DeepNetworkSteps.lModelForward(X, parameters);
            Map<String, Matrix> grads = DeepNetworkSteps.lModelBackward(forward.AL(), Y, forward.caches());
            parameters = DeepNetworkSteps.updateParameters(parameters, grads, LEARNING_RATE);
        }
        return parameters;
    }

    private static Network trainer(Matrix X, Matrix Y, long seed, OutputGradient gradient) {
        Network net = Network.of(Activation.RELU, DIMS);
        TrainingResult r = Trainer.builder().learningRate(LEARNING_RATE).iterations(ITERATIONS)
                .initializer(Initializer.SCALED_BY_FAN_IN).seed(seed).outputGradient(gradient).build()
                .fit(net, X, Y);
        assertEquals(ITERATIONS, r.iterations(), "seed " + seed + ": every iteration ran");
        return net;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void stepFunctionsAndTrainerGiveIdenticalParameters(long seed) {
        Matrix[] d = data(seed);
        Map<String, Matrix> steps = stepLoop(d[0], d[1], seed);
        Network net = trainer(d[0], d[1], seed, OutputGradient.COURSE_DAL_THROUGH_SIGMOID);
        assertEquals(steps, net.parameters(), "seed " + seed + ": parameters after " + ITERATIONS + " iterations");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void lLayerModelAndTrainerGiveIdenticalParameters(long seed) {
        // lLayerModel seeds 1 itself, as the application notebook does
        Matrix[] d = data(seed);
        DeepNetworkSteps.ModelResult model = DeepNetworkSteps.lLayerModel(d[0], d[1], DIMS, LEARNING_RATE, ITERATIONS);
        Network net = trainer(d[0], d[1], 1, OutputGradient.COURSE_DAL_THROUGH_SIGMOID);
        assertEquals(model.parameters(), net.parameters(), "data seed " + seed + ": lLayerModel vs Trainer");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theSimplifiedOutputGradientAgreesToRounding(long seed) {
        Matrix[] d = data(seed);
        Map<String, Matrix> steps = stepLoop(d[0], d[1], seed);
        Map<String, Matrix> simplified = trainer(d[0], d[1], seed, OutputGradient.A_MINUS_Y).parameters();
        boolean anyBitDiffers = false;
        for (Map.Entry<String, Matrix> e : steps.entrySet()) {
            Matrix other = simplified.get(e.getKey());
            assertTrue(e.getValue().approxEquals(other, 1e-12),
                    "seed " + seed + ": " + e.getKey() + " within 1e-12 of the course's form");
            anyBitDiffers |= !e.getValue().equals(other);
        }
        assertTrue(anyBitDiffers, "seed " + seed + ": the two output gradients round differently somewhere "
                + "(if not, this test no longer tells the two forms apart)");
    }
}
