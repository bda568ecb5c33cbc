package dlbasics.course;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dlbasics.course.DeepNetworkGolden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * twoLayerModel, lLayerModel and predict on a small seeded data set (4 features, 12 examples),
 * against the course's {@code two_layer_model} / {@code L_layer_model} / {@code predict} run by
 * {@code DeepNetworkStepsReference.py}. The cat-image runs are TwoLayerCatIT and LLayerCatIT in dlbasics-io.
 */
class DeepNetworkModelsTest {
    private static final DeepNetworkGolden GOLDEN = DeepNetworkGolden.load();
    private static final Matrix X = GOLDEN.get("train.X");
    private static final Matrix Y = GOLDEN.get("train.Y");
    /** Hundreds of iterations compound numpy's and our last-bit differences; they stay far below this. */
    private static final double TOL = 1e-10;

    private static Matrix costs(DeepNetworkSteps.ModelResult r) {
        double[] c = new double[r.costs().size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = r.costs().get(i);
        }
        return Matrix.row(c);
    }

    @Test
    void twoLayerModelReproducesTheCourse() {
        DeepNetworkSteps.ModelResult r = DeepNetworkSteps.twoLayerModel(X, Y, new int[] {4, 3, 1}, 0.5, 300);
        assertClose(GOLDEN.get("train.twoLayer.costs"), costs(r), TOL, "two_layer_model costs at 0, 100, 200");
        GOLDEN.parameters("train.twoLayer.", 2).forEach((k, v) -> assertClose(v, r.parameters().get(k), TOL, "two_layer_model " + k));
        assertEquals(GOLDEN.scalar("train.twoLayer.accuracy"), DeepNetworkSteps.predict(X, Y, r.parameters()).accuracy(), 1e-15);
    }

    @Test
    void lLayerModelReproducesTheCourse() {
        DeepNetworkSteps.ModelResult r = DeepNetworkSteps.lLayerModel(X, Y, new int[] {4, 5, 3, 1}, 0.3, 500);
        assertClose(GOLDEN.get("train.lLayer.costs"), costs(r), TOL, "L_layer_model costs at 0, 100, ..., 400");
        GOLDEN.parameters("train.lLayer.", 3).forEach((k, v) -> assertClose(v, r.parameters().get(k), TOL, "L_layer_model " + k));
        DeepNetworkSteps.Prediction p = DeepNetworkSteps.predict(X, Y, r.parameters());
        assertEquals(GOLDEN.scalar("train.lLayer.accuracy"), p.accuracy(), 1e-15);
        assertEquals(Y, p.predictions(), "every training example is classified right");
    }

    @Test
    void lLayerModelEqualsTheStepFunctionsByHand() {
        // the model's loop leaves out dA0; the parameters must still be the same bits as the notebook's loop
        int[] dims = {4, 5, 3, 1};
        Map<String, Matrix> p = DeepNetworkSteps.initializeParametersDeep(dims, Initializer.SCALED_BY_FAN_IN, new NumpyRandom(1));
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            DeepNetworkSteps.ModelOutput f = DeepNetworkSteps.lModelForward(X, p);
            double cost = DeepNetworkSteps.computeCost(f.AL(), Y);
            p = DeepNetworkSteps.updateParameters(p, DeepNetworkSteps.lModelBackward(f.AL(), Y, f.caches()), 0.3);
            if (i % 100 == 0) {
                costs.add(cost);
            }
        }
        DeepNetworkSteps.ModelResult r = DeepNetworkSteps.lLayerModel(X, Y, dims, 0.3, 201);
        assertEquals(p, r.parameters());
        assertEquals(costs, r.costs());
        assertEquals(3, r.costs().size(), "costs at iterations 0, 100 and 200");
    }

    @Test
    void defaultsAreTheCourses() {
        DeepNetworkSteps.ModelResult defaults = DeepNetworkSteps.twoLayerModel(X, Y, new int[] {4, 3, 1});
        DeepNetworkSteps.ModelResult explicit = DeepNetworkSteps.twoLayerModel(X, Y, new int[] {4, 3, 1}, 0.0075, 3000);
        assertEquals(explicit, defaults);
        assertEquals(30, defaults.costs().size());
        assertEquals(DeepNetworkSteps.lLayerModel(X, Y, new int[] {4, 3, 1}, 0.0075, 3000),
                DeepNetworkSteps.lLayerModel(X, Y, new int[] {4, 3, 1}));
    }

    @Test
    void twoLayerModelIsTheLLayerLoopWithTheTwoLayerInitialization() {
        // the same data, the same loop: only the initialization (randn * 0.01, seed 1) differs
        DeepNetworkSteps.ModelResult two = DeepNetworkSteps.twoLayerModel(X, Y, new int[] {4, 3, 1}, 0.5, 1);
        Map<String, Matrix> start = DeepNetworkSteps.initializeParameters(4, 3, 1);
        DeepNetworkSteps.ModelOutput f = DeepNetworkSteps.lModelForward(X, start);
        Map<String, Matrix> once = DeepNetworkSteps.updateParameters(start,
                DeepNetworkSteps.lModelBackward(f.AL(), Y, f.caches()), 0.5);
        assertEquals(once, two.parameters());
        assertEquals(List.of(DeepNetworkSteps.computeCost(f.AL(), Y)), two.costs());
    }

    @Test
    void theCostListenerHearsEachRecordedCostInOrder() {
        List<String> heard = new ArrayList<>();
        DeepNetworkSteps.ModelResult r = DeepNetworkSteps.lLayerModel(X, Y, new int[] {4, 5, 3, 1}, 0.3, 500,
                (iteration, cost) -> heard.add(iteration + " " + cost));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < r.costs().size(); i++) {
            expected.add(100 * i + " " + r.costs().get(i));
        }
        assertEquals(expected, heard);
        assertEquals(5, heard.size());
        List<Integer> twoLayer = new ArrayList<>();
        DeepNetworkSteps.twoLayerModel(X, Y, new int[] {4, 3, 1}, 0.5, 201, (iteration, cost) -> twoLayer.add(iteration));
        assertEquals(List.of(0, 100, 200), twoLayer);
    }

    @Test
    void zeroIterationsReturnTheInitialParametersAndNoCost() {
        DeepNetworkSteps.ModelResult r = DeepNetworkSteps.lLayerModel(X, Y, new int[] {4, 2, 1}, 0.1, 0);
        assertEquals(DeepNetworkSteps.initializeParametersDeep(new int[] {4, 2, 1}, Initializer.SCALED_BY_FAN_IN,
                new NumpyRandom(1)), r.parameters());
        assertEquals(List.of(), r.costs());
    }
}
