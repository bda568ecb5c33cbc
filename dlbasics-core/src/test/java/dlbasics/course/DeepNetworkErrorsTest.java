package dlbasics.course;

import dlbasics.matrix.Matrix;
import dlbasics.model.TrainingDivergedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A caller's mistake in a step function gets a message that names the shapes and suggests a fix. */
class DeepNetworkErrorsTest {
    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void linearForwardWithExamplesInRows() {
        assertMessage("linearForward: W is 20x12288 but A is 209x12288 (W.cols must equal A.rows); "
                        + "examples go in columns — did you mean A.transpose()?",
                () -> DeepNetworkSteps.linearForward(Matrix.zeros(209, 12288), Matrix.zeros(20, 12288), Matrix.zeros(20, 1)));
    }

    @Test
    void linearForwardWithABiasRow() {
        assertMessage("linearForward: b is 1x3 but W is 3x4; b must be 3x1, one bias per unit of the layer",
                () -> DeepNetworkSteps.linearForward(Matrix.zeros(4, 2), Matrix.zeros(3, 4), Matrix.zeros(1, 3)));
    }

    @Test
    void linearBackwardWithAForeignCache() {
        DeepNetworkSteps.LinearCache cache = DeepNetworkSteps.linearForward(Matrix.zeros(4, 2), Matrix.zeros(3, 4), Matrix.zeros(3, 1)).cache();
        assertMessage("linearBackward: dZ is 3x5, A_prev is 4x2 and W is 3x4; dZ must be n[l] x m = 3x2 "
                        + "(W.rows x A_prev.cols) and W.cols must equal A_prev.rows; pass the cache from this layer's forward pass",
                () -> DeepNetworkSteps.linearBackward(Matrix.zeros(3, 5), cache));
    }

    @Test
    void activationBackwardWithTransposedDA() {
        assertMessage("reluBackward: shapes differ; this is 2x3 but the other is 3x2; did you mean to transpose one of them?",
                () -> DeepNetworkSteps.reluBackward(Matrix.zeros(2, 3), Matrix.zeros(3, 2)));
        assertMessage("sigmoidBackward: shapes differ; this is 2x3 but the other is 3x2; did you mean to transpose one of them?",
                () -> DeepNetworkSteps.sigmoidBackward(Matrix.zeros(2, 3), Matrix.zeros(3, 2)));
    }

    @Test
    void unknownActivationName() {
        assertMessage("Activation.parse: unknown activation \"swish\"; valid names are sigmoid, relu, tanh, softmax",
                () -> DeepNetworkSteps.linearActivationForward(Matrix.zeros(4, 2), Matrix.zeros(3, 4), Matrix.zeros(3, 1), "swish"));
    }

    @Test
    void parametersWithoutABias() {
        Map<String, Matrix> p = DeepNetworkSteps.initializeParametersDeep(4, 3, 1);
        p.remove("b2");
        assertMessage("lModelForward: the parameters have W2 but no b2 (keys [W1, b1, W2]); every layer needs both",
                () -> DeepNetworkSteps.lModelForward(Matrix.zeros(4, 2), p));
        assertMessage("lModelForward: no W1 among the parameters []; name them W1, b1, W2, b2, ... as initializeParametersDeep does",
                () -> DeepNetworkSteps.lModelForward(Matrix.zeros(4, 2), Map.of()));
    }

    @Test
    void costAndBackwardWithTransposedLabels() {
        assertMessage("computeCost: the predictions are 1x3 but Y is 3x1; both must be 1 x m with one column per example "
                + "(did you mean Y.transpose()?)", () -> DeepNetworkSteps.computeCost(Matrix.zeros(1, 3), Matrix.zeros(3, 1)));
        DeepNetworkSteps.ModelOutput f = DeepNetworkSteps.lModelForward(Matrix.zeros(4, 3), DeepNetworkSteps.initializeParametersDeep(4, 1));
        assertMessage("crossEntropyBackward: the predictions are 1x3 but Y is 3x1; both must be 1 x m with one column per example "
                + "(did you mean Y.transpose()?)", () -> DeepNetworkSteps.lModelBackward(f.AL(), Matrix.zeros(3, 1), f.caches()));
        assertMessage("lModelBackward: no caches; pass the caches that lModelForward returned with AL",
                () -> DeepNetworkSteps.lModelBackward(f.AL(), Matrix.zeros(1, 3), List.of()));
    }

    @Test
    void updateWithoutAGradient() {
        Map<String, Matrix> p = DeepNetworkSteps.initializeParametersDeep(4, 1);
        assertMessage("updateParameters: the gradients have no db1 (keys [dW1]); pass what lModelBackward returned",
                () -> DeepNetworkSteps.updateParameters(p, Map.of("dW1", Matrix.zeros(1, 4)), 0.1));
    }

    @Test
    void modelsCheckTheirInputs() {
        Matrix X = Matrix.zeros(4, 3);
        assertMessage("twoLayerModel: layersDims has 4 sizes but a two-layer model takes three, (n_x, n_h, n_y); "
                + "use lLayerModel for other depths", () -> DeepNetworkSteps.twoLayerModel(X, Matrix.zeros(1, 3), new int[] {4, 3, 2, 1}));
        assertMessage("lLayerModel: X is 4x3 but layersDims starts with 5 inputs; the first size must be X.rows (n_x)",
                () -> DeepNetworkSteps.lLayerModel(X, Matrix.zeros(1, 3), new int[] {5, 3, 1}, 0.1, 10));
        assertMessage("lLayerModel: label 2.0 at column 1 is not 0 or 1; binary classification needs labels 0 and 1 "
                        + "(map your classes to 0/1 first)",
                () -> DeepNetworkSteps.lLayerModel(X, Matrix.of(1, 3, 0, 2, 1), new int[] {4, 3, 1}, 0.1, 10));
        assertMessage("lLayerModel: learningRate -0.1 and numIterations 10; the learning rate must be positive and finite "
                + "(the course uses 0.0075) and the iterations at least 0",
                () -> DeepNetworkSteps.lLayerModel(X, Matrix.zeros(1, 3), new int[] {4, 3, 1}, -0.1, 10));
        assertMessage("predict: the predictions are 1x3 but Y is 3x1; Y must hold one label per example (1 x m) "
                        + "(did you mean Y.transpose()?)",
                () -> DeepNetworkSteps.predict(X, Matrix.zeros(3, 1), DeepNetworkSteps.initializeParametersDeep(4, 1)));
    }

    @Test
    void aDivergingRunSaysWhatToTry() {
        // inputs in the thousands and a huge rate: the first update sends the weights to ±infinity, the
        // second cost is still finite (the saturated output is handled), the third forward pass meets inf - inf
        Matrix X = Matrix.of(2, 4, 1000, -2000, 3000, -500, 250, 4000, -1000, 2000);
        Matrix Y = Matrix.of(1, 4, 1, 0, 1, 0);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> DeepNetworkSteps.lLayerModel(X, Y, new int[] {2, 3, 1}, 1e300, 5));
        assertEquals("Cost became NaN at iteration 2 (learningRate=1.0E300): try a smaller learning rate "
                + "or scale the inputs (images: divide by 255)", e.getMessage());
    }
}
