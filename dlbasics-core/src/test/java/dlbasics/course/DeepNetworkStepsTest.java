package dlbasics.course;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dlbasics.course.DeepNetworkGolden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each step function of the step-by-step notebook against the course's numpy functions on the
 * notebook's own seeded test cases ({@code DeepNetworkStepsReference.py} writes the golden values).
 * Where the notebook prints an expected output, the test also checks that printout.
 */
class DeepNetworkStepsTest {
    private static final DeepNetworkGolden GOLDEN = DeepNetworkGolden.load();
    /** One product or a short sum: numpy's BLAS may round the last bit differently. */
    private static final double TOL = 1e-14;

    @Test
    void initializeParametersIsSeedOneTimesPointZeroOne() {
        Map<String, Matrix> p = DeepNetworkSteps.initializeParameters(3, 2, 1);
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(p.keySet()));
        GOLDEN.parameters("init2.", 2).forEach((k, v) -> assertClose(v, p.get(k), TOL, "initializeParameters " + k));
        // the notebook's expected output
        assertEquals("[[ 0.01624345 -0.00611756 -0.00528172]\n [-0.01072969  0.00865408 -0.02301539]]", p.get("W1").toString());
        assertEquals("[[ 0.01744812 -0.00761207]]", p.get("W2").toString());
    }

    @Test
    void initializeParametersDeepIsSeedThreeInTheStepByStepNotebook() {
        Map<String, Matrix> p = DeepNetworkSteps.initializeParametersDeep(5, 4, 3);
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(p.keySet()));
        GOLDEN.parameters("initDeep.", 2).forEach((k, v) -> assertClose(v, p.get(k), TOL, "initializeParametersDeep " + k));
        assertEquals("[[ 0.01788628  0.0043651   0.00096497 -0.01863493 -0.00277388]\n"
                + " [-0.00354759 -0.00082741 -0.00627001 -0.00043818 -0.00477218]\n"
                + " [-0.01313865  0.00884622  0.00881318  0.01709573  0.00050034]\n"
                + " [-0.00404677 -0.0054536  -0.01546477  0.00982367 -0.01101068]]", p.get("W1").toString());
    }

    @Test
    void initializeParametersDeepOfTheApplicationIsSeedOneOverSqrtFanIn() {
        Map<String, Matrix> p = DeepNetworkSteps.initializeParametersDeep(new int[] {5, 4, 3},
                Initializer.SCALED_BY_FAN_IN, new NumpyRandom(1));
        GOLDEN.parameters("initApp.", 2).forEach((k, v) -> assertClose(v, p.get(k), TOL, "application initialize " + k));
    }

    @Test
    void linearForwardReproducesTheNotebook() {
        DeepNetworkSteps.LinearResult f = DeepNetworkSteps.linearForward(GOLDEN.get("linearForward.A"),
                GOLDEN.get("linearForward.W"), GOLDEN.get("linearForward.b"));
        assertClose(GOLDEN.get("linearForward.Z"), f.Z(), TOL, "linearForward Z");
        assertEquals("[[ 3.26295337 -1.23429987]]", f.Z().toString());
        assertEquals(GOLDEN.get("linearForward.A"), f.cache().APrev());
        assertEquals(GOLDEN.get("linearForward.W"), f.cache().W());
        assertEquals(GOLDEN.get("linearForward.b"), f.cache().b());
    }

    @Test
    void linearActivationForwardReproducesTheNotebook() {
        Matrix APrev = GOLDEN.get("activationForward.APrev");
        Matrix W = GOLDEN.get("activationForward.W");
        Matrix b = GOLDEN.get("activationForward.b");
        DeepNetworkSteps.LinearActivationResult sigmoid = DeepNetworkSteps.linearActivationForward(APrev, W, b, "sigmoid");
        DeepNetworkSteps.LinearActivationResult relu = DeepNetworkSteps.linearActivationForward(APrev, W, b, Activation.RELU);
        assertClose(GOLDEN.get("activationForward.sigmoid"), sigmoid.A(), TOL, "sigmoid A");
        assertClose(GOLDEN.get("activationForward.relu"), relu.A(), TOL, "relu A");
        assertEquals("[[0.96890023 0.11013289]]", sigmoid.A().toString());
        assertEquals("[[3.43896131 0.        ]]", relu.A().toString());
        // the activation cache is Z, the same for both
        assertEquals(sigmoid.cache().Z(), relu.cache().Z());
        assertEquals(APrev, relu.cache().linear().APrev());
    }

    @Test
    void lModelForwardReproducesTheNotebook() {
        Map<String, Matrix> p = GOLDEN.parameters("modelForward.", 3);
        DeepNetworkSteps.ModelOutput f = DeepNetworkSteps.lModelForward(GOLDEN.get("modelForward.X"), p);
        assertClose(GOLDEN.get("modelForward.AL"), f.AL(), TOL, "AL");
        assertEquals("[[0.03921668 0.70498921 0.19734387 0.04728177]]", f.AL().toString());
        assertEquals(3, f.caches().size());
        assertEquals(p.get("W3"), f.caches().get(2).linear().W());
    }

    @Test
    void computeCostReproducesTheNotebook() {
        double cost = DeepNetworkSteps.computeCost(GOLDEN.get("cost.AL"), GOLDEN.get("cost.Y"));
        assertEquals(GOLDEN.scalar("cost.cost"), cost, 1e-15);
        assertEquals(0.2797765635793422, cost, 1e-15, "the notebook prints cost = 0.2797765635793422");
    }

    @Test
    void linearBackwardReproducesTheNotebook() {
        DeepNetworkSteps.LinearCache cache = new DeepNetworkSteps.LinearCache(GOLDEN.get("linearBackward.A"), GOLDEN.get("linearBackward.W"),
                GOLDEN.get("linearBackward.b"));
        DeepNetworkSteps.LayerGradients g = DeepNetworkSteps.linearBackward(GOLDEN.get("linearBackward.dZ"), cache);
        assertClose(GOLDEN.get("linearBackward.dAPrev"), g.dAPrev(), TOL, "dA_prev");
        assertClose(GOLDEN.get("linearBackward.dW"), g.dW(), TOL, "dW");
        assertClose(GOLDEN.get("linearBackward.db"), g.db(), TOL, "db");
        assertEquals("[[-0.14713786]\n [-0.11313155]\n [-0.13209101]]", g.db().toString());
    }

    @Test
    void reluAndSigmoidBackwardMatchTheCourse() {
        Matrix dA = GOLDEN.get("activationBackward.dA");
        Matrix Z = GOLDEN.get("activationBackward.Z");
        assertClose(GOLDEN.get("activationBackward.relu"), DeepNetworkSteps.reluBackward(dA, Z), 0, "relu_backward");
        assertClose(GOLDEN.get("activationBackward.sigmoid"), DeepNetworkSteps.sigmoidBackward(dA, Z), TOL, "sigmoid_backward");
    }

    @Test
    void linearActivationBackwardReproducesTheNotebook() {
        DeepNetworkSteps.LayerCache cache = new DeepNetworkSteps.LayerCache(new DeepNetworkSteps.LinearCache(GOLDEN.get("layerBackward.A"),
                GOLDEN.get("layerBackward.W"), GOLDEN.get("layerBackward.b")), GOLDEN.get("layerBackward.Z"));
        for (String activation : new String[] {"sigmoid", "relu"}) {
            DeepNetworkSteps.LayerGradients g = DeepNetworkSteps.linearActivationBackward(GOLDEN.get("layerBackward.dA"), cache, activation);
            String p = "layerBackward." + activation + ".";
            assertClose(GOLDEN.get(p + "dAPrev"), g.dAPrev(), TOL, activation + " dA_prev");
            assertClose(GOLDEN.get(p + "dW"), g.dW(), TOL, activation + " dW");
            assertClose(GOLDEN.get(p + "db"), g.db(), TOL, activation + " db");
        }
        DeepNetworkSteps.LayerGradients sigmoid = DeepNetworkSteps.linearActivationBackward(GOLDEN.get("layerBackward.dA"), cache, Activation.SIGMOID);
        assertEquals("[[ 0.10266786  0.09778551 -0.01968084]]", sigmoid.dW().toString());
        assertEquals("[[-0.05729622]]", sigmoid.db().toString());
    }

    @Test
    void lModelBackwardReproducesTheNotebookInTheCoursesOrder() {
        List<DeepNetworkSteps.LayerCache> caches = List.of(
                new DeepNetworkSteps.LayerCache(new DeepNetworkSteps.LinearCache(GOLDEN.get("modelBackward.A1"), GOLDEN.get("modelBackward.W1"),
                        GOLDEN.get("modelBackward.b1")), GOLDEN.get("modelBackward.Z1")),
                new DeepNetworkSteps.LayerCache(new DeepNetworkSteps.LinearCache(GOLDEN.get("modelBackward.A2"), GOLDEN.get("modelBackward.W2"),
                        GOLDEN.get("modelBackward.b2")), GOLDEN.get("modelBackward.Z2")));
        Map<String, Matrix> grads = DeepNetworkSteps.lModelBackward(GOLDEN.get("modelBackward.AL"),
                GOLDEN.get("modelBackward.Y"), caches);
        assertEquals(GOLDEN.words("modelBackward.order"), List.copyOf(grads.keySet()));
        for (String k : grads.keySet()) {
            assertClose(GOLDEN.get("modelBackward." + k), grads.get(k), TOL, "L_model_backward " + k);
        }
        assertEquals("[[-0.22007063]\n [ 0.        ]\n [-0.02835349]]", grads.get("db1").toString());
        assertEquals("[[ 0.12913162 -0.44014127]\n [-0.14175655  0.48317296]\n [ 0.01663708 -0.05670698]]",
                grads.get("dA1").toString());
    }

    @Test
    void updateParametersReproducesTheNotebookAndLeavesItsInputsAlone() {
        Map<String, Matrix> p = GOLDEN.parameters("update.", 2);
        Map<String, Matrix> grads = Map.of("dW1", GOLDEN.get("update.dW1"), "db1", GOLDEN.get("update.db1"),
                "dW2", GOLDEN.get("update.dW2"), "db2", GOLDEN.get("update.db2"));
        Map<String, Matrix> updated = DeepNetworkSteps.updateParameters(p, grads, 0.1);
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(updated.keySet()));
        GOLDEN.parameters("update.new.", 2).forEach((k, v) -> assertClose(v, updated.get(k), 0, "update " + k));
        assertEquals(GOLDEN.parameters("update.", 2), p, "updateParameters changed its input");
    }

    @Test
    void tanhLayersWorkThroughTheActivationOverloads() {
        Matrix APrev = GOLDEN.get("activationForward.APrev");
        DeepNetworkSteps.LinearActivationResult f = DeepNetworkSteps.linearActivationForward(APrev, GOLDEN.get("activationForward.W"),
                GOLDEN.get("activationForward.b"), Activation.TANH);
        Matrix dA = Matrix.ones(1, 2);
        DeepNetworkSteps.LayerGradients g = DeepNetworkSteps.linearActivationBackward(dA, f.cache(), "tanh");
        // dZ = 1 - tanh(Z)², so db = mean(1 - A²)
        Matrix A = f.A();
        double expected = ((1 - A.get(0, 0) * A.get(0, 0)) + (1 - A.get(0, 1) * A.get(0, 1))) / 2;
        assertEquals(expected, g.db().get(0, 0), 1e-15);
    }

    @Test
    void lModelBackwardKeepsDA0ButTheModelsNeedNone() {
        // lModelBackward returns dA0 (the course does); the training loop's variant leaves it out,
        // and lLayerModelEqualsTheStepFunctionsByHand in DeepNetworkModelsTest shows it changes nothing.
        Map<String, Matrix> p = GOLDEN.parameters("modelForward.", 3);
        DeepNetworkSteps.ModelOutput f = DeepNetworkSteps.lModelForward(GOLDEN.get("modelForward.X"), p);
        Map<String, Matrix> grads = DeepNetworkSteps.lModelBackward(f.AL(), Matrix.of(1, 4, 1, 0, 1, 0), f.caches());
        assertEquals(List.of("dA2", "dW3", "db3", "dA1", "dW2", "db2", "dA0", "dW1", "db1"), List.copyOf(grads.keySet()));
        assertEquals(5, grads.get("dA0").rows());
    }
}
