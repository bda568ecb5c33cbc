package dlbasics.course;

import dlbasics.data.Moons;
import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dlbasics.course.SecondCourseFixture.TOLERANCE;
import static dlbasics.course.SecondCourseFixture.assertClose;
import static dlbasics.course.SecondCourseFixture.assertSameMaps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OptimizationSteps} against OptimizationReference.py (beside OptimizationReference.txt): three
 * updates of each rule on a seeded case (seed 1: parameters [3 -> 2 -> 3 -> 1] and three rounds of
 * gradients by randn), numpy's mini-batches, the decay formulas, and three epochs of the notebook's
 * model on its moons (make_moons(300, noise=.2) after seed 3). The 5000-epoch runs are in
 * {@code OptimizationModelTest}.
 */
class OptimizationStepsTest {
    private static final SecondCourseFixture NUMPY = SecondCourseFixture.load("OptimizationReference.txt");

    private static Map<String, Matrix> parameters() {
        Map<String, Matrix> p = new LinkedHashMap<>();
        NUMPY.map("case.").forEach((k, v) -> {
            if (k.matches("[Wb]\\d")) {
                p.put(k, v);
            }
        });
        return p;
    }

    private static Map<String, Matrix> grads(int round) {
        return NUMPY.map("case.grads" + round + ".");
    }

    @Test
    void gradientDescentThreeUpdates() {
        Map<String, Matrix> p = parameters();
        Map<String, Matrix> before = new LinkedHashMap<>(p);
        for (int k = 0; k < 3; k++) {
            p = OptimizationSteps.updateParametersWithGd(p, grads(k), 0.01);
            assertSameMaps(NUMPY.map("gd" + k + "."), p, TOLERANCE, "gd update " + k);
        }
        assertSameMaps(before, parameters(), 0, "the arguments are left unchanged");
    }

    @Test
    void momentumThreeUpdates() {
        Map<String, Matrix> p = parameters();
        Map<String, Matrix> v = OptimizationSteps.initializeVelocity(p);
        assertEquals(List.of("dW1", "db1", "dW2", "db2", "dW3", "db3"), List.copyOf(v.keySet()));
        v.forEach((k, m) -> assertEquals(0, m.norm(), k));
        for (int k = 0; k < 3; k++) {
            var u = OptimizationSteps.updateParametersWithMomentum(p, grads(k), v, 0.9, 0.01);
            assertSameMaps(NUMPY.map("momentum" + k + "."), u.parameters(), TOLERANCE, "momentum update " + k);
            assertSameMaps(NUMPY.map("momentum" + k + ".v."), u.v(), TOLERANCE, "velocity " + k);
            p = u.parameters();
            v = u.v();
        }
        // β = 0 is gradient descent
        var plain = OptimizationSteps.updateParametersWithMomentum(parameters(), grads(0), OptimizationSteps.initializeVelocity(p), 0, 0.01);
        assertSameMaps(NUMPY.map("gd0."), plain.parameters(), TOLERANCE, "momentum with beta 0");
    }

    @Test
    void adamThreeUpdatesFromTEqualsOne() {
        Map<String, Matrix> p = parameters();
        var moments = OptimizationSteps.initializeAdam(p);
        Map<String, Matrix> v = moments.v();
        Map<String, Matrix> s = moments.s();
        for (int k = 0; k < 3; k++) {
            var u = OptimizationSteps.updateParametersWithAdam(p, grads(k), v, s, k + 1, 0.01, 0.9, 0.999, 1e-8);
            String at = "adam" + k + ".";
            assertSameMaps(NUMPY.map(at), u.parameters(), TOLERANCE, "Adam update " + k);
            assertSameMaps(NUMPY.map(at + "v."), u.v(), TOLERANCE, "v " + k);
            assertSameMaps(NUMPY.map(at + "s."), u.s(), TOLERANCE, "s " + k);
            assertSameMaps(NUMPY.map(at + "vCorrected."), u.vCorrected(), TOLERANCE, "v corrected " + k);
            assertSameMaps(NUMPY.map(at + "sCorrected."), u.sCorrected(), TOLERANCE, "s corrected " + k);
            p = u.parameters();
            v = u.v();
            s = u.s();
        }
    }

    @Test
    void adamsFirstStepMovesEachParameterByAboutTheLearningRate() {
        // at t = 1 the corrected moments are dp and dp², so each step is lr · dp / (|dp| + ε) ≈ ±lr
        Map<String, Matrix> p = parameters();
        var moments = OptimizationSteps.initializeAdam(p);
        var u = OptimizationSteps.updateParametersWithAdam(p, grads(0), moments.v(), moments.s(), 1, 0.01, 0.9, 0.999, 1e-8);
        p.forEach((k, before) -> assertTrue(before.minus(u.parameters().get(k)).abs().approxEquals(Matrix.filled(before.rows(), before.cols(), 0.01), 1e-8), k));
    }

    @ParameterizedTest
    @ValueSource(strings = {"batches148", "batches128", "batches7"})
    void miniBatchesAreNumpys(String name) {
        int size = name.equals("batches7") ? 3 : 64;
        long seed = switch (name) {
            case "batches148" -> 0;
            case "batches128" -> 5;
            default -> 2;
        };
        Matrix X = NUMPY.get(name + ".X");
        Matrix Y = NUMPY.get(name + ".Y");
        var batches = OptimizationSteps.randomMiniBatches(X, Y, size, seed);
        int m = X.cols();
        assertEquals((m + size - 1) / size, batches.size());
        int seen = 0;
        for (int k = 0; k < batches.size(); k++) {
            assertClose(NUMPY.get(name + "." + k + ".X"), batches.get(k).X(), 0, name + " batch " + k + " X");
            assertClose(NUMPY.get(name + "." + k + ".Y"), batches.get(k).Y(), 0, name + " batch " + k + " Y");
            seen += batches.get(k).X().cols();
        }
        assertEquals(m, seen);
        assertEquals(m % size == 0 ? size : m % size, batches.get(batches.size() - 1).X().cols(), "the last batch");
    }

    @Test
    void decayFormulas() {
        assertClose(NUMPY.get("updateLr"), Matrix.row(
                OptimizationSteps.updateLr(0.5, 0, 1), OptimizationSteps.updateLr(0.5, 2, 1),
                OptimizationSteps.updateLr(0.5, 10, 0.3), OptimizationSteps.updateLr(0.5, 4999, 1)), 0, "update_lr");
        assertClose(NUMPY.get("scheduleLrDecay"), Matrix.row(
                OptimizationSteps.scheduleLrDecay(0.5, 0, 1), OptimizationSteps.scheduleLrDecay(0.5, 999, 1),
                OptimizationSteps.scheduleLrDecay(0.5, 1000, 1), OptimizationSteps.scheduleLrDecay(0.5, 4999, 0.3)), 0, "schedule_lr_decay");
        assertClose(NUMPY.get("scheduleLrDecay100"), Matrix.row(
                OptimizationSteps.scheduleLrDecay(0.5, 99, 1, 100), OptimizationSteps.scheduleLrDecay(0.5, 100, 1, 100),
                OptimizationSteps.scheduleLrDecay(0.5, 250, 1, 100)), 0, "schedule_lr_decay, interval 100");
        assertEquals(0.5 / 3, OptimizationSteps.updateLr(0.5, 2, 1), 1e-15);   // the notebook's update_lr test: 0.5 -> 0.16666
    }

    @Test
    void theMoonsAreNumpys() {
        var moons = Moons.make(300, 0.2, 3);
        assertClose(NUMPY.get("train.X"), moons.X(), TOLERANCE, "X");
        assertClose(NUMPY.get("train.Y"), moons.Y(), 0, "Y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gd", "momentum", "adam"})
    void threeEpochsOfTheModelGiveNumpysParameters(String optimizer) {
        var moons = Moons.make(300, 0.2, 3);
        List<Integer> heard = new ArrayList<>();
        var result = OptimizationSteps.model(moons.X(), moons.Y(), new int[] {2, 5, 2, 1}, optimizer,
                0.0007, 64, 0.9, 0.9, 0.999, 1e-8, 3, null, 1, (epoch, cost) -> heard.add(epoch));
        Map<String, Matrix> expected = NUMPY.map("epochs3." + optimizer + ".");
        Matrix costs = expected.remove("costs");
        assertSameMaps(expected, result.parameters(), TOLERANCE, optimizer + " after 3 epochs");
        assertClose(costs, Matrix.row(result.costs().get(0)), TOLERANCE, "the cost of epoch 0");
        assertEquals(List.of(0), heard);
    }

    @Test
    void badSettingsSayWhatToDo() {
        Map<String, Matrix> p = parameters();
        Map<String, Matrix> v = OptimizationSteps.initializeVelocity(p);
        for (double beta : new double[] {1, -0.1, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> OptimizationSteps.updateParametersWithMomentum(p, grads(0), v, beta, 0.01));
            assertTrue(e.getMessage().contains("beta is " + beta + " but must lie in [0, 1)"), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> OptimizationSteps.updateParametersWithAdam(p, grads(0), v, v, 1, 0.01, 0.9, 1.0, 1e-8));
        assertTrue(e.getMessage().contains("beta2 is 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptimizationSteps.updateParametersWithAdam(p, grads(0), v, v, 0, 0.01, 0.9, 0.999, 1e-8));
        assertTrue(e.getMessage().contains("t is 0 but counts the updates from 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptimizationSteps.updateParametersWithAdam(p, grads(0), v, v, 1, 0.01, 0.9, 0.999, 0));
        assertTrue(e.getMessage().contains("epsilon is 0.0"), e.getMessage());
        Map<String, Matrix> partial = new LinkedHashMap<>(grads(0));
        partial.remove("db2");
        e = assertThrows(IllegalArgumentException.class, () -> OptimizationSteps.updateParametersWithMomentum(p, partial, v, 0.9, 0.01));
        assertTrue(e.getMessage().contains("grads has no db2"), e.getMessage());
        Map<String, Matrix> wrong = new LinkedHashMap<>(v);
        wrong.put("dW1", Matrix.zeros(3, 2));
        e = assertThrows(IllegalArgumentException.class, () -> OptimizationSteps.updateParametersWithMomentum(p, grads(0), wrong, 0.9, 0.01));
        assertTrue(e.getMessage().contains("v[dW1] is 3x2 but its parameter is 2x3"), e.getMessage());

        Matrix X = NUMPY.get("batches7.X");
        Matrix Y = NUMPY.get("batches7.Y");
        e = assertThrows(IllegalArgumentException.class, () -> OptimizationSteps.randomMiniBatches(X, Y, 0, 1));
        assertTrue(e.getMessage().contains("miniBatchSize is 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizationSteps.randomMiniBatches(X, Y.transpose(), 2, 1));
        assertTrue(e.getMessage().contains("did you mean Y.transpose()"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizationSteps.updateLr(0.1, 3, -1));
        assertTrue(e.getMessage().contains("decayRate -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizationSteps.scheduleLrDecay(0.1, 3, 1, 0));
        assertTrue(e.getMessage().contains("timeInterval is 0"), e.getMessage());

        var moons = Moons.make(20, 0.2, 3);
        int[] dims = {2, 5, 2, 1};
        e = assertThrows(IllegalArgumentException.class, () -> OptimizationSteps.model(moons.X(), moons.Y(), dims, "rmsprop"));
        assertTrue(e.getMessage().contains("\"rmsprop\"") && e.getMessage().contains("\"adam\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptimizationSteps.model(moons.X(), moons.Y(), new int[] {3, 5, 1}, "gd"));
        assertTrue(e.getMessage().contains("the first size must be X.rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptimizationSteps.model(moons.X(), moons.Y(), dims, "adam", 0.001, 0, 0.9, 0.9, 0.999, 1e-8, 10));
        assertTrue(e.getMessage().contains("miniBatchSize is 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptimizationSteps.model(moons.X(), moons.Y(), dims, "adam", 0.001, 8, 0.9, 1.5, 0.999, 1e-8, 10));
        assertTrue(e.getMessage().contains("beta1 is 1.5"), e.getMessage());
    }
}
