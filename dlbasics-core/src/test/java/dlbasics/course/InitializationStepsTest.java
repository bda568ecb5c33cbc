package dlbasics.course;

import dlbasics.data.Circles;
import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dlbasics.course.SecondCourseFixture.TOLERANCE;
import static dlbasics.course.SecondCourseFixture.assertClose;
import static dlbasics.course.SecondCourseFixture.assertSameMaps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link InitializationSteps} against InitializationReference.py (beside InitializationReference.txt),
 * which follows the initialization notebook: its circles (seed 1, 300 points; seed 2, 100 points;
 * noise .05, factor .8), [2, 10, 5, 1], learning rate 0.01, 15000 iterations.
 */
class InitializationStepsTest {
    private static final SecondCourseFixture NUMPY = SecondCourseFixture.load("InitializationReference.txt");
    private static final Map<String, Function<int[], Map<String, Matrix>>> INITS = Map.of(
            "zeros", InitializationSteps::initializeParametersZeros,
            "random", InitializationSteps::initializeParametersRandom,
            "he", InitializationSteps::initializeParametersHe);

    /** The notebook's load_dataset: make_circles(300, noise=.05) after seed 1, (100, noise=.05) after seed 2. */
    static Matrix[] circles() {
        var train = Circles.make(300, 0.8, 0.05, 1);
        var test = Circles.make(100, 0.8, 0.05, 2);
        return new Matrix[] {train.X(), train.Y(), test.X(), test.Y()};
    }

    @Test
    void theCirclesAreNumpysMakeCircles() {
        Matrix[] d = circles();
        assertClose(NUMPY.get("train.X"), d[0], TOLERANCE, "train X");
        assertClose(NUMPY.get("train.Y"), d[1], 0, "train Y");
        assertClose(NUMPY.get("test.X"), d[2], TOLERANCE, "test X");
        assertClose(NUMPY.get("test.Y"), d[3], 0, "test Y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zeros", "random", "he"})
    void initializersDrawAsNumpy(String init) {
        assertSameMaps(NUMPY.map("init." + init + "."), INITS.get(init).apply(new int[] {3, 2, 1}), TOLERANCE, init);
        assertSameMaps(NUMPY.map("initNotebook." + init + "."), INITS.get(init).apply(new int[] {2, 10, 5, 1}), TOLERANCE, init);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zeros", "random", "he"})
    void fiveIterationsGiveNumpysParameters(String init) {
        Matrix[] d = circles();
        var result = InitializationSteps.model(d[0], d[1], 0.01, 5, init);
        assertSameMaps(NUMPY.map("steps5." + init + "."), result.parameters(), TOLERANCE, init + " after 5 iterations");
        assertEquals(1, result.costs().size());
    }

    /**
     * The notebook's three runs (15000 iterations each): the costs numpy records every 1000 iterations
     * and the accuracies it prints. Zeros and He follow numpy to 1e-9 (rounding differences grow a
     * little over 15000 steps); randn x 10 starts with outputs saturated within an ulp of 0 or 1, where
     * a last-bit difference of the sigmoid changes A - Y outright, so its costs drift from numpy's by
     * up to 1 % (measured: 0.4 % at iteration 1000, 0.9 % at 7000) while landing on the same accuracies.
     */
    @ParameterizedTest
    @ValueSource(strings = {"zeros", "random", "he"})
    void theNotebooksRunsLandOnItsResults(String init) {
        Matrix[] d = circles();
        var result = InitializationSteps.model(d[0], d[1], 0.01, 15000, init);
        Matrix costs = Matrix.row(result.costs().stream().mapToDouble(Double::doubleValue).toArray());
        assertClose(NUMPY.get("model." + init + ".costs"), costs, init.equals("random") ? 1e-2 : 1e-9, init + " costs");
        double train = DeepNetworkSteps.predict(d[0], d[1], result.parameters()).accuracy();
        double test = DeepNetworkSteps.predict(d[2], d[3], result.parameters()).accuracy();
        Matrix numpy = NUMPY.get("model." + init + ".accuracy");
        assertEquals(numpy.get(0, 0), train, 0, init + " train accuracy");
        assertEquals(numpy.get(0, 1), test, 0, init + " test accuracy");
        // the notebook's printed results
        switch (init) {
            case "zeros" -> {
                // symmetry never breaks: cost 0.6931 throughout, every prediction 0
                result.costs().forEach(c -> assertEquals(0.6931, c, 5e-5));
                assertEquals(0.50, train, 1e-12);
                assertEquals(0.50, test, 1e-12);
            }
            case "random" -> {
                // the sigmoid output saturates to exactly the wrong label: the first cost is infinite
                assertEquals(Double.POSITIVE_INFINITY, result.costs().get(0));
                assertEquals(0.83, train, 1e-12);
                assertEquals(0.86, test, 1e-12);
            }
            default -> {
                assertEquals(0.8831, result.costs().get(0), 5e-5);
                assertEquals(298 / 300.0, train, 1e-12);   // 99.33 %
                assertEquals(0.96, test, 1e-12);
            }
        }
    }

    @Test
    void theListenerHearsEveryThousandthCost() {
        Matrix[] d = circles();
        List<Integer> heard = new java.util.ArrayList<>();
        var result = InitializationSteps.model(d[0], d[1], 0.01, 2001, "he", (i, cost) -> heard.add(i));
        assertEquals(List.of(0, 1000, 2000), heard);
        assertEquals(3, result.costs().size());
    }

    @Test
    void badSettingsSayWhatToDo() {
        Matrix[] d = circles();
        var e = assertThrows(IllegalArgumentException.class, () -> InitializationSteps.model(d[0], d[1], 0.01, 10, "xavier"));
        assertTrue(e.getMessage().contains("\"xavier\"") && e.getMessage().contains("\"he\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InitializationSteps.model(d[0], d[1], -0.01, 10, "he"));
        assertTrue(e.getMessage().contains("learning rate must be positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InitializationSteps.model(d[0].transpose(), d[1], 0.01, 10, "he"));
        assertTrue(e.getMessage().contains("did you mean X.transpose()"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InitializationSteps.initializeParametersHe(new int[] {2}));
        assertTrue(e.getMessage().contains("at least two sizes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InitializationSteps.initializeParametersZeros(new int[] {2, 0, 1}));
        assertTrue(e.getMessage().contains("at least one unit"), e.getMessage());
    }
}
