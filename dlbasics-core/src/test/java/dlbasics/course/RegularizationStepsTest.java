package dlbasics.course;

import dlbasics.data.Moons;
import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static dlbasics.course.SecondCourseFixture.TOLERANCE;
import static dlbasics.course.SecondCourseFixture.assertClose;
import static dlbasics.course.SecondCourseFixture.assertSameMaps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RegularizationSteps} against RegularizationReference.py (beside RegularizationReference.txt):
 * the regularization notebook's seeded test cases, a consistent case of our own (seed 1, X 3 x 5,
 * layers [3, 4, 3, 1]) and five iterations of the notebook's model on moons (the notebook's
 * "football" data is not ours: make_moons(300, noise=.2) after seed 1). The 30000-iteration runs are
 * in {@code RegularizationModelIT}. Every backward passes {@link GradientCheckingSteps#gradientCheckN}.
 */
class RegularizationStepsTest {
    private static final SecondCourseFixture NUMPY = SecondCourseFixture.load("RegularizationReference.txt");

    @Test
    void theNotebooksCostWithRegularization() {
        Map<String, Matrix> p = NUMPY.map("costCase.");
        Matrix A3 = p.remove("A3");
        Matrix Y = p.remove("Y");
        p.remove("cost");
        double cost = RegularizationSteps.computeCostWithRegularization(A3, Y, p, 0.1);
        assertClose(NUMPY.scalar("costCase.cost"), cost, TOLERANCE, "cost");
        assertEquals(1.78648594516, cost, 5e-12);   // the notebook prints cost = 1.78648594516
    }

    @Test
    void theNotebooksDropoutForward() {
        Map<String, Matrix> p = NUMPY.map("dropoutCase.");
        Matrix X = p.remove("X");
        p.remove("A3");
        var f = RegularizationSteps.forwardPropagationWithDropout(X, p, 0.7);
        assertClose(NUMPY.get("dropoutCase.A3"), f.AL(), TOLERANCE, "A3");
        // the notebook prints A3 = [[0.36974721 0.00305176 0.04565099 0.49683389 0.36974721]]
        assertClose(Matrix.row(0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721), f.AL(), 5e-9, "notebook's A3");
        // np.random.seed(1) once per call: a second call draws the same masks
        assertEquals(f.AL(), RegularizationSteps.forwardPropagationWithDropout(X, p, 0.7).AL());
    }

    private static Map<String, Matrix> ownParameters() {
        Map<String, Matrix> p = new LinkedHashMap<>();
        NUMPY.map("own.").forEach((k, v) -> {
            if (k.matches("[Wb]\\d")) {
                p.put(k, v);
            }
        });
        return p;
    }

    @Test
    void everyFunctionOnAConsistentCase() {
        Matrix X = NUMPY.get("own.X");
        Matrix Y = NUMPY.get("own.Y");
        Map<String, Matrix> p = ownParameters();
        assertEquals(6, p.size());

        var f = RegularizationSteps.forwardPropagation(X, p);
        assertClose(NUMPY.get("own.AL"), f.AL(), TOLERANCE, "AL");
        assertClose(NUMPY.scalar("own.cost"), RegularizationSteps.computeCost(f.AL(), Y), TOLERANCE, "cost");
        assertClose(NUMPY.scalar("own.costL2"), RegularizationSteps.computeCostWithRegularization(f.AL(), Y, p, 0.7), TOLERANCE, "cost L2");
        assertSameMaps(NUMPY.map("own.plain."), RegularizationSteps.backwardPropagation(X, Y, f.cache()), TOLERANCE, "plain");
        assertSameMaps(NUMPY.map("own.l2."), RegularizationSteps.backwardPropagationWithRegularization(X, Y, f.cache(), 0.7),
                TOLERANCE, "L2");
        assertNull(f.cache().layers().get(0).D());

        var d = RegularizationSteps.forwardPropagationWithDropout(X, p, 0.7);
        assertClose(NUMPY.get("own.dropout.AL"), d.AL(), TOLERANCE, "dropout AL");
        for (int l = 1; l <= 2; l++) {
            assertClose(NUMPY.get("own.dropout.D" + l), d.cache().layers().get(l - 1).D(), 0, "D" + l);
            assertClose(NUMPY.get("own.dropout.A" + l), d.cache().layers().get(l - 1).A(), TOLERANCE, "A" + l);
        }
        assertNull(d.cache().layers().get(2).D(), "the output layer keeps every unit");
        Map<String, Matrix> expected = new LinkedHashMap<>();
        NUMPY.map("own.dropout.").forEach((k, v) -> {
            if (k.startsWith("d")) {
                expected.put(k, v);
            }
        });
        assertSameMaps(expected, RegularizationSteps.backwardPropagationWithDropout(X, Y, d.cache(), 0.7), TOLERANCE, "dropout");
    }

    @Test
    void theMoonsAndTheInitialParametersAreNumpys() {
        var train = Moons.make(300, 0.2, 1);
        var test = Moons.make(200, 0.2, 2);
        assertClose(NUMPY.get("train.X"), train.X(), TOLERANCE, "train X");
        assertClose(NUMPY.get("train.Y"), train.Y(), 0, "train Y");
        assertClose(NUMPY.get("test.X"), test.X(), TOLERANCE, "test X");
        assertClose(NUMPY.get("test.Y"), test.Y(), 0, "test Y");
        assertSameMaps(NUMPY.map("init."), RegularizationSteps.initializeParameters(new int[] {2, 20, 3, 1}), TOLERANCE, "init");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "l2", "dropout"})
    void fiveIterationsOfTheModelGiveNumpysParameters(String variant) {
        var train = Moons.make(300, 0.2, 1);
        double lambd = variant.equals("l2") ? 0.7 : 0;
        double keepProb = variant.equals("dropout") ? 0.86 : 1;
        var result = RegularizationSteps.model(train.X(), train.Y(), 0.3, 5, lambd, keepProb);
        assertSameMaps(NUMPY.map("steps5." + variant + "."), result.parameters(), TOLERANCE, variant);
    }

    // ------------------------------------------------------------------ gradient checks

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 10, 42})
    void l2AndDropoutBackwardPassTheGradientCheck(long seed) {
        for (int[] dims : GradientCheckingStepsTest.SHAPES) {
            Object[] n = GradientCheckingStepsTest.network(seed, dims, 12);
            Matrix X = (Matrix) n[0];
            Matrix Y = (Matrix) n[1];
            Map<String, Matrix> p = (Map<String, Matrix>) n[2];
            String where = java.util.Arrays.toString(dims) + " seed " + seed;

            check("L2 " + where, p,
                    RegularizationSteps.backwardPropagationWithRegularization(X, Y, RegularizationSteps.forwardPropagation(X, p).cache(), 0.7),
                    q -> RegularizationSteps.computeCostWithRegularization(RegularizationSteps.forwardPropagation(X, q).AL(), Y, q, 0.7));
            // the mask is fixed: every forward pass seeds 1 before drawing it
            check("dropout " + where, p,
                    RegularizationSteps.backwardPropagationWithDropout(X, Y, RegularizationSteps.forwardPropagationWithDropout(X, p, 0.7).cache(), 0.7),
                    q -> RegularizationSteps.computeCost(RegularizationSteps.forwardPropagationWithDropout(X, q, 0.7).AL(), Y));
            check("L2 and dropout " + where, p,
                    RegularizationSteps.backward("both", X, Y, RegularizationSteps.forwardPropagationWithDropout(X, p, 0.7).cache(), 0.7, 0.7),
                    q -> RegularizationSteps.computeCostWithRegularization(
                            RegularizationSteps.forwardPropagationWithDropout(X, q, 0.7).AL(), Y, q, 0.7));
        }
    }

    /** Below 1e-7 at the project's epsilon and passing the notebook's own check (epsilon 1e-7, 2e-7). */
    private static void check(String what, Map<String, Matrix> p, Map<String, Matrix> grads,
                              java.util.function.ToDoubleFunction<Map<String, Matrix>> cost) {
        var strict = GradientCheckingSteps.gradientCheckN(p, grads, cost, GradientCheckingStepsTest.EPSILON);
        assertTrue(strict.difference() < GradientCheckingStepsTest.MAX_DIFFERENCE, what + ": " + strict);
        var notebook = GradientCheckingSteps.gradientCheckN(p, grads, cost, GradientCheckingSteps.EPSILON);
        assertTrue(notebook.passed(), what + " at the notebook's epsilon: " + notebook);
    }

    @Test
    void aMaskThatIsNotAppliedIsCaught() {
        Object[] n = GradientCheckingStepsTest.network(1, new int[] {4, 5, 3, 1}, 12);
        Matrix X = (Matrix) n[0];
        Matrix Y = (Matrix) n[1];
        @SuppressWarnings("unchecked")
        Map<String, Matrix> p = (Map<String, Matrix>) n[2];
        // the gradient of the network without dropout is not the gradient of the cost through the masks
        var check = GradientCheckingSteps.gradientCheckN(p,
                RegularizationSteps.backwardPropagation(X, Y, RegularizationSteps.forwardPropagation(X, p).cache()),
                q -> RegularizationSteps.computeCost(RegularizationSteps.forwardPropagationWithDropout(X, q, 0.7).AL(), Y),
                GradientCheckingSteps.EPSILON);
        assertTrue(!check.passed() && check.difference() > 1e-2, check.toString());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void badSettingsSayWhatToDo() {
        Matrix X = NUMPY.get("own.X");
        Matrix Y = NUMPY.get("own.Y");
        Map<String, Matrix> p = ownParameters();
        for (double keepProb : new double[] {0, -0.5, 1.5, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> RegularizationSteps.forwardPropagationWithDropout(X, p, keepProb));
            assertTrue(e.getMessage().contains("must lie in (0, 1]"), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> RegularizationSteps.computeCostWithRegularization(Y, Y, p, -0.1));
        assertTrue(e.getMessage().contains("lambd is -0.1"), e.getMessage());
        var plain = RegularizationSteps.forwardPropagation(X, p);
        e = assertThrows(IllegalArgumentException.class, () -> RegularizationSteps.backwardPropagationWithDropout(X, Y, plain.cache(), 0.8));
        assertTrue(e.getMessage().contains("keepProb is 0.8 but the cache comes from a forward pass with keepProb 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegularizationSteps.backwardPropagation(X, Y.transpose(), plain.cache()));
        assertTrue(e.getMessage().contains("Y is 5x1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegularizationSteps.computeCost(plain.AL(), Y.transpose()));
        assertTrue(e.getMessage().contains("did you mean Y.transpose()"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegularizationSteps.model(X, Y, 0.3, 10, 0, 2));
        assertTrue(e.getMessage().contains("keepProb is 2.0"), e.getMessage());
        Map<String, Matrix> noB2 = new LinkedHashMap<>(p);
        noB2.remove("b2");
        e = assertThrows(IllegalArgumentException.class, () -> RegularizationSteps.forwardPropagation(X, noB2));
        assertTrue(e.getMessage().contains("W2 but no b2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegularizationSteps.forwardPropagation(X.transpose(), p));
        assertTrue(e.getMessage().contains("W is 4x3 but A is 5x3"), e.getMessage());
    }

    @Test
    void explicitRandomnessDrawsOtherMasks() {
        Matrix X = NUMPY.get("own.X");
        Map<String, Matrix> p = ownParameters();
        var seeded = RegularizationSteps.forwardPropagationWithDropout(X, p, 0.5, new NumpyRandom(7));
        Matrix expected = new NumpyRandom(7).rand(4, 5).lessThan(0.5);
        assertEquals(expected, seeded.cache().layers().get(0).D());
        // keepProb 1 is the plain forward pass
        assertEquals(RegularizationSteps.forwardPropagation(X, p).AL(), RegularizationSteps.forwardPropagationWithDropout(X, p, 1).AL());
    }
}
