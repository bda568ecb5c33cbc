package dlbasics.model;

import dlbasics.course.RegularizationSteps;
import dlbasics.data.Moons;
import dlbasics.matrix.Matrix;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * L2 and dropout inside the one engine ({@link Propagation}) agree with the regularization notebook's
 * functions ({@link RegularizationSteps}, new matrices per step) on the notebook's network
 * [n_x, 20, 3, 1] (ReLU, sigmoid output, initialize_parameters from seed 3).
 */
class RegularizationAgreesWithStepsTest {
    private static final int[] DIMS = {2, 20, 3, 1};

    @ParameterizedTest(name = "lambd={0}")
    @ValueSource(doubles = {0.7, 0.1})
    void l2TrainingEqualsTheNotebooksModel(double lambd) {
        var moons = Moons.make(200, 0.2, 3);
        int iterations = 300;
        var course = RegularizationSteps.model(moons.X(), moons.Y(), 0.3, iterations, lambd, 1.0);
        Network net = Network.of(DIMS);
        TrainingResult r = Trainer.builder().learningRate(0.3).iterations(iterations).initializer(Initializer.SCALED_BY_FAN_IN)
                .seed(3).costEvery(1000).l2(lambd).build().fit(net, moons.X(), moons.Y());
        Map<String, Matrix> trained = net.parameters();
        course.parameters().forEach((k, v) -> assertArrayEquals(v.data(), trained.get(k).data(), "L2 " + k));
        assertEquals(course.costs().get(0), r.costs()[0], 1e-12, "cost with the L2 term at iteration 0");
    }

    @ParameterizedTest(name = "keepProb={0}")
    @ValueSource(doubles = {0.86, 0.5})
    void aDropoutStepEqualsTheNotebooksFunctions(double keepProb) {
        var moons = Moons.make(100, 0.2, 3);
        Map<String, Matrix> parameters = RegularizationSteps.initializeParameters(DIMS);
        Network net = Network.fromParameters(dlbasics.nn.Activation.RELU, parameters);
        var forward = RegularizationSteps.forwardPropagationWithDropout(moons.X(), parameters, keepProb, new NumpyRandom(1));
        Map<String, Matrix> grads = RegularizationSteps.backwardPropagationWithDropout(moons.X(), moons.Y(), forward.cache(), keepProb);

        Propagation pass = new Propagation(net, moons.X(), moons.Y(), OutputGradient.A_MINUS_Y, true, 0.0, keepProb);
        pass.forward(new NumpyRandom(1));
        pass.backward();
        for (int l = 1; l <= 2; l++) {
            assertArrayEquals(forward.cache().layers().get(l - 1).D().data(), pass.mask(l).data(), "mask D" + l);
        }
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(grads.get("dW" + l).data(), pass.gradients().dW(l).data(), "dW" + l);
            assertArrayEquals(grads.get("db" + l).data(), pass.gradients().db(l).data(), "db" + l);
        }
    }

    @Test
    void dropoutIsNeverUsedForPrediction() {
        var moons = Moons.make(100, 0.2, 3);
        Network a = Network.of(DIMS);
        Trainer.builder().learningRate(0.3).iterations(50).seed(3).keepProb(0.5).build().fit(a, moons.X(), moons.Y());
        Matrix p1 = a.predictProbabilities(moons.X());
        Matrix p2 = a.predictProbabilities(moons.X());
        assertArrayEquals(p1.data(), p2.data(), "prediction is deterministic: no masks");
        Network b = Network.of(DIMS);
        Trainer.builder().learningRate(0.3).iterations(50).seed(3).build().fit(b, moons.X(), moons.Y());
        assertNotEquals(a.parameters().get("W1").get(0, 0), b.parameters().get("W1").get(0, 0), "dropout changed training");
        assertFalse(Double.isNaN(a.accuracy(moons.X(), moons.Y())));
    }
}
