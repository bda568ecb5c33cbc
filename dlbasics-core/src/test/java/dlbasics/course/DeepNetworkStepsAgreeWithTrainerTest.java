package dlbasics.course;

import dlbasics.data.Dataset;
import dlbasics.data.PlanarData;
import dlbasics.matrix.Matrix;
import dlbasics.model.FirstLayer;
import dlbasics.model.Network;
import dlbasics.model.OutputGradient;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The maths lives once: the course's step functions ({@link OneHiddenLayerSteps}, {@link DeepNetworkSteps},
 * which return new matrices) and the {@link Trainer} (which reuses buffers, and whose X Gemm may read
 * from a packed copy) call the same layer code, so N iterations through either path end at the same
 * parameters, bit for bit: the flower's {@code nn_model} (whose backward starts at {@code dZ2 = A2 - Y},
 * as the trainer's default does), {@code two_layer_model} and {@code L_layer_model} (whose backward
 * starts at the course's dAL, {@link OutputGradient#COURSE_DAL_THROUGH_SIGMOID}), on narrow, wide
 * and cat-like (packed X) shapes. With the trainer's default output gradient the L-layer runs agree
 * to rounding. The trainer runs the course's algorithm for the first layer ({@link FirstLayer#DIRECT});
 * the Gram form that AUTO picks for the cat-like shape agrees to rounding (TrainerGramTest).
 */
class DeepNetworkStepsAgreeWithTrainerTest {
    private static final int[] DIMS = {6, 8, 5, 3, 1};
    private static final int ITERATIONS = 300;
    private static final double LEARNING_RATE = 0.05;

    /** {@code np.random.seed(seed); X = randn(n0, m)}; label 1 where {@code x0 + x1·x2 > 0}. */
    private static Matrix[] data(long seed, int n0, int m) {
        Matrix X = new NumpyRandom(seed).randn(n0, m);
        Matrix Y = Matrix.zeros(1, X.cols());
        for (int j = 0; j < X.cols(); j++) {
            Y.set(0, j, X.get(0, j) + X.get(1, j) * X.get(2, j) > 0 ? 1 : 0);
        }
        return new Matrix[] {X, Y};
    }

    private static Matrix[] data(long seed) {
        return data(seed, DIMS[0], 80);
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

    private static Network trainer(Matrix X, Matrix Y, Network net, double learningRate, int iterations,
                                   Initializer initializer, long seed, OutputGradient gradient) {
        TrainingResult r = Trainer.builder().learningRate(learningRate).iterations(iterations)
                .initializer(initializer).seed(seed).outputGradient(gradient).firstLayer(FirstLayer.DIRECT).build()
                .fit(net, X, Y);
        assertEquals(iterations, r.iterations(), "every iteration ran");
        return net;
    }

    private static Network trainer(Matrix X, Matrix Y, long seed, OutputGradient gradient) {
        return trainer(X, Y, Network.of(Activation.RELU, DIMS), LEARNING_RATE, ITERATIONS, Initializer.SCALED_BY_FAN_IN,
                seed, gradient);
    }

    @ParameterizedTest(name = "n_h = {0}")
    @ValueSource(ints = {4, 12})
    void theFlowersNnModelAndTrainerGiveIdenticalParameters(int nH) {
        Dataset flower = PlanarData.flower(1);
        OneHiddenLayerSteps.Model model = OneHiddenLayerSteps.nnModel(flower.X(), flower.Y(), nH, 1000, 1.2, null);
        // nn_model: initialize_parameters seeds 2 and draws randn · 0.01; tanh hidden layer; dZ2 = A2 - Y
        Network net = trainer(flower.X(), flower.Y(), Network.of(Activation.TANH, 2, nH, 1), 1.2, 1000,
                Initializer.SMALL_RANDOM, OneHiddenLayerSteps.INITIALIZE_SEED, OutputGradient.A_MINUS_Y);
        assertEquals(model.parameters(), net.parameters(), "n_h = " + nH + ": nnModel vs Trainer after 1000 iterations");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"6 7 1, 80, 300", "3000 7 1, 16, 100"})
    void twoLayerModelAndTrainerGiveIdenticalParameters(String shape, int m, int iterations) {
        int[] dims = Arrays.stream(shape.split(" ")).mapToInt(Integer::parseInt).toArray();
        Matrix[] d = data(2, dims[0], m);
        // two_layer_model: initialize_parameters seeds 1 and draws randn · 0.01; the course's dAL
        DeepNetworkSteps.ModelResult model = DeepNetworkSteps.twoLayerModel(d[0], d[1], dims, 0.0075, iterations);
        Network net = trainer(d[0], d[1], Network.of(Activation.RELU, dims), 0.0075, iterations, Initializer.SMALL_RANDOM, 1,
                OutputGradient.COURSE_DAL_THROUGH_SIGMOID);
        assertEquals(model.parameters(), net.parameters(), shape + ": twoLayerModel vs Trainer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"6 8 5 3 1, 80, 300", "2 12 1, 80, 300", "3000 20 7 5 1, 16, 100"})
    void lLayerModelAndTrainerGiveIdenticalParameters(String shape, int m, int iterations) {
        int[] dims = Arrays.stream(shape.split(" ")).mapToInt(Integer::parseInt).toArray();
        Matrix[] d = dims[0] >= 3 ? data(3, dims[0], m) : new Matrix[] {PlanarData.flower(1).X().columns(0, m),
                PlanarData.flower(1).Y().columns(0, m)};
        // L_layer_model seeds 1 and draws randn / sqrt(n[l-1]); the course's dAL
        DeepNetworkSteps.ModelResult model = DeepNetworkSteps.lLayerModel(d[0], d[1], dims, LEARNING_RATE, iterations);
        Network net = trainer(d[0], d[1], Network.of(Activation.RELU, dims), LEARNING_RATE, iterations,
                Initializer.SCALED_BY_FAN_IN, 1, OutputGradient.COURSE_DAL_THROUGH_SIGMOID);
        assertEquals(model.parameters(), net.parameters(), shape + ": lLayerModel vs Trainer");
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
