package dlbasics.course;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dlbasics.course.SecondCourseFixture.TOLERANCE;
import static dlbasics.course.SecondCourseFixture.assertClose;
import static dlbasics.course.SecondCourseFixture.assertSameMaps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GradientCheckingSteps} against GradientCheckingReference.py, which runs the notebook's
 * gradient_check_n_test_case (seed 1, X 4 x 3, layers [4, 5, 3, 1]) through the same formulas, and the
 * plain backward passes of both courses checked by it over seeded networks.
 */
class GradientCheckingStepsTest {
    private static final SecondCourseFixture NUMPY = SecondCourseFixture.load("GradientCheckingReference.txt");
    /** What the project asks of every backward pass (the notebook's own threshold is 2e-7). */
    static final double MAX_DIFFERENCE = 1e-7;
    /**
     * The nudge of the project's checks. At the notebook's 1e-7 the rounding of J alone, about
     * ulp(J)/ε per entry, reaches 1e-7 relative where the gradients are small (measured: dropout on
     * [2, 6, 1], seed 3, 1.06e-7 at 1e-7); at 1e-6 it is ten times smaller while the truncation error,
     * O(ε²), stays far below. Each check also passes the notebook's own test (ε 1e-7, 2e-7).
     */
    static final double EPSILON = 1e-6;

    /** The notebook's gradient_check_n_test_case: seed 1, then X, W1, b1, W2, b2, W3, b3 by randn. */
    private static Map<String, Matrix> notebookParameters(NumpyRandom rng) {
        Map<String, Matrix> p = new LinkedHashMap<>();
        int[][] shapes = {{5, 4}, {3, 5}, {1, 3}};
        for (int l = 1; l <= 3; l++) {
            p.put("W" + l, rng.randn(shapes[l - 1][0], shapes[l - 1][1]));
            p.put("b" + l, rng.randn(shapes[l - 1][0], 1));
        }
        return p;
    }

    @Test
    void theNotebooksCaseIsNumpys() {
        NumpyRandom rng = new NumpyRandom(1);
        Matrix X = rng.randn(4, 3);
        Matrix Y = Matrix.row(1, 1, 0);
        Map<String, Matrix> p = notebookParameters(rng);
        assertClose(NUMPY.get("X"), X, TOLERANCE, "X");
        assertSameMaps(NUMPY.map("p."), p, TOLERANCE, "parameters");

        var flat = GradientCheckingSteps.dictionaryToVector(p);
        assertClose(NUMPY.get("theta"), flat.theta(), 0, "theta");
        assertEquals(Collections.nCopies(20, "W1"), flat.keys().subList(0, 20));
        assertEquals(List.of("b1", "b1", "b1", "b1", "b1", "W2"), flat.keys().subList(20, 26));
        assertEquals("b3", flat.keys().get(flat.keys().size() - 1));
        assertEquals(47, flat.keys().size());
        assertSameMaps(p, GradientCheckingSteps.vectorToDictionary(flat.theta(), new int[] {4, 5, 3, 1}), 0, "round trip");

        Map<String, Matrix> grads = RegularizationSteps.backwardPropagation(X, Y, RegularizationSteps.forwardPropagation(X, p).cache());
        assertClose(NUMPY.get("gradVector"), GradientCheckingSteps.gradientsToVector(grads), TOLERANCE, "grad");

        // the notebook: "Your backward propagation works perfectly fine! difference = 1.1890913024229996e-07";
        // centred differences at epsilon 1e-7 carry ulp(J)/epsilon of rounding, so ours agrees to a few %
        var check = GradientCheckingSteps.gradientCheckN(p, grads, X, Y);
        assertTrue(check.passed(), "the notebook's correct backward fails: " + check);
        assertEquals(NUMPY.scalar("difference"), check.difference(), 0.05 * NUMPY.scalar("difference"), "difference");

        // the notebook's planted bugs: dW2 doubled and db1 = 4/m Σ dZ1; it prints difference = 0.2850931567761623
        Map<String, Matrix> buggy = new LinkedHashMap<>(grads);
        buggy.put("dW2", grads.get("dW2").times(2));
        buggy.put("db1", grads.get("dZ1").rowSums().times(4.0 / 3));
        var bug = GradientCheckingSteps.gradientCheckN(p, buggy, X, Y);
        assertFalse(bug.passed());
        assertEquals(0.2850931567761623, bug.difference(), 1e-9);
        assertClose(NUMPY.scalar("buggyDifference"), bug.difference(), 1e-9, "buggy difference");
    }

    /** Seeded networks of several depths: X n0 x m and parameters by randn, labels by rand &lt; 0.5. */
    static Object[] network(long seed, int[] dims, int m) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix X = rng.randn(dims[0], m);
        Matrix Y = rng.rand(1, m).lessThan(0.5);
        Map<String, Matrix> p = new LinkedHashMap<>();
        for (int l = 1; l < dims.length; l++) {
            p.put("W" + l, rng.randn(dims[l], dims[l - 1]).times(Math.sqrt(2.0 / dims[l - 1])));
            p.put("b" + l, rng.randn(dims[l], 1).times(0.1));
        }
        return new Object[] {X, Y, p};
    }

    static final int[][] SHAPES = {{4, 5, 3, 1}, {3, 1}, {2, 6, 1}, {5, 4, 4, 3, 1}};

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 10, 42})
    void bothCoursesPlainBackwardPassesBelow1e7(long seed) {
        for (int[] dims : SHAPES) {
            Object[] n = network(seed, dims, 12);
            Matrix X = (Matrix) n[0];
            Matrix Y = (Matrix) n[1];
            Map<String, Matrix> p = (Map<String, Matrix>) n[2];
            Map<String, Matrix> second = RegularizationSteps.backwardPropagation(X, Y, RegularizationSteps.forwardPropagation(X, p).cache());
            var forward = DeepNetworkSteps.lModelForward(X, p);
            Map<String, Matrix> first = DeepNetworkSteps.lModelBackward(forward.AL(), Y, forward.caches());
            for (var grads : List.of(second, first)) {
                String where = (grads == first ? "lModelBackward " : "backwardPropagation ") + java.util.Arrays.toString(dims);
                var check = GradientCheckingSteps.gradientCheckN(p, grads, X, Y, EPSILON);
                assertTrue(check.difference() < MAX_DIFFERENCE, where + " " + check);
                assertTrue(GradientCheckingSteps.gradientCheckN(p, grads, X, Y).passed(), where + " at the notebook's epsilon");
            }
        }
    }

    @Test
    void vectorsKeepNumpysOrderForAnyDepth() {
        Map<String, Matrix> p = new LinkedHashMap<>();
        p.put("b1", Matrix.column(5, 6));      // insertion order does not matter: the vector is W1, b1, W2, b2
        p.put("W1", Matrix.of(2, 2, 1, 2, 3, 4));
        p.put("W2", Matrix.of(1, 2, 7, 8));
        p.put("b2", Matrix.column(new double[] {9}));
        var flat = GradientCheckingSteps.dictionaryToVector(p);
        assertEquals(Matrix.column(1, 2, 3, 4, 5, 6, 7, 8, 9), flat.theta());
        assertEquals(List.of("W1", "W1", "W1", "W1", "b1", "b1", "W2", "W2", "b2"), flat.keys());
        Map<String, Matrix> grads = new LinkedHashMap<>();
        p.forEach((k, v) -> grads.put("d" + k, v.times(-1)));
        grads.put("dA1", Matrix.zeros(2, 7));   // ignored
        assertEquals(Matrix.column(-1, -2, -3, -4, -5, -6, -7, -8, -9), GradientCheckingSteps.gradientsToVector(grads));
        var back = GradientCheckingSteps.vectorToDictionary(flat.theta(), new int[] {2, 2, 1});
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(back.keySet()));
        p.forEach((k, v) -> assertEquals(v, back.get(k), k));
    }

    @Test
    void mistakesAreExplained() {
        Map<String, Matrix> p = GradientCheckingSteps.vectorToDictionary(Matrix.zeros(9, 1), new int[] {2, 2, 1});
        var e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheckingSteps.vectorToDictionary(Matrix.zeros(8, 1), new int[] {2, 2, 1}));
        assertTrue(e.getMessage().contains("theta is 8x1 but the layers hold 9 parameters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCheckingSteps.gradientsToVector(Map.of("dZ1", Matrix.zeros(1, 1))));
        assertTrue(e.getMessage().contains("no dW1"), e.getMessage());
        Map<String, Matrix> small = Map.of("dW1", Matrix.zeros(2, 2), "db1", Matrix.zeros(2, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheckingSteps.gradientCheckN(p, small, Matrix.zeros(2, 1), Matrix.zeros(1, 1)));
        assertTrue(e.getMessage().contains("the parameters hold 9 values but the gradients 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCheckingSteps.gradientCheckN(p, small, q -> 0, 0));
        assertTrue(e.getMessage().contains("epsilon is 0.0"), e.getMessage());
    }
}
