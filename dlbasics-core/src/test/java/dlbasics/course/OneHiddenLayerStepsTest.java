package dlbasics.course;

import dlbasics.data.Dataset;
import dlbasics.data.PlanarData;
import dlbasics.matrix.Matrix;
import dlbasics.model.TrainingDivergedException;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dlbasics.course.OneHiddenLayerReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notebook 3's functions, one step at a time, against OneHiddenLayerReference.py run by numpy on the
 * flower; gradients against centred finite differences; bad input by message.
 */
class OneHiddenLayerStepsTest {
    private static final OneHiddenLayerReference REF = OneHiddenLayerReference.planar();
    private static final Dataset FLOWER = PlanarData.flower(1);
    private static final String[] PARAMS = {"W1", "b1", "W2", "b2"};

    @Test
    void layerSizesAreInputsFourHiddenAndOutputs() {
        assertEquals(new OneHiddenLayerSteps.LayerSizes(2, 4, 1), OneHiddenLayerSteps.layerSizes(FLOWER.X(), FLOWER.Y()));
    }

    /** initialize_parameters(2, 4, 1) under seed 2, as numpy draws it (randn to an ulp, see NumpyRandom). */
    @Test
    void initializeParametersDrawsTheNotebooksWeights() {
        Map<String, Matrix> p = OneHiddenLayerSteps.initializeParameters(2, 4, 1);
        assertEquals(List.of("W1", "b1", "W2", "b2"), new ArrayList<>(p.keySet()));
        assertTrue(p.get("W1").hasShape(4, 2) && p.get("b1").hasShape(4, 1)
                && p.get("W2").hasShape(1, 4) && p.get("b2").hasShape(1, 1));
        for (String k : PARAMS) {
            assertClose(k, REF.values("init." + k), p.get(k).data(), 1e-15, 0);
        }
        Map<String, Matrix> same = OneHiddenLayerSteps.initializeParameters(2, 4, 1, new NumpyRandom(2));
        assertEquals(p, same, "the NumpyRandom overload with seed 2 draws the same weights");
    }

    /** One forward/cost/backward/update on the flower from init, entry by entry against numpy. */
    @Test
    void oneStepOnTheFlowerMatchesNumpy() {
        Map<String, Matrix> p = OneHiddenLayerSteps.initializeParameters(2, 4, 1);
        OneHiddenLayerSteps.Forward f = OneHiddenLayerSteps.forwardPropagation(FLOWER.X(), p);
        assertEquals(List.of("Z1", "A1", "Z2", "A2"), new ArrayList<>(f.cache().keySet()));
        assertTrue(f.A2().hasShape(1, 400) && f.cache().get("Z1").hasShape(4, 400));
        for (String k : new String[] {"Z1", "A1", "Z2", "A2"}) {
            Matrix first5 = f.cache().get(k).columns(0, 5);
            assertClose(k, REF.values("step0." + k), first5.data(), 1e-12, 1e-18);
        }
        double cost = OneHiddenLayerSteps.computeCost(f.A2(), FLOWER.Y());
        // the notebook's "Cost after iteration 0: 0.693048"
        assertEquals(REF.value("step0.cost"), cost, 1e-15);
        assertEquals("0.693048", String.format(Locale.ROOT, "%f", cost));

        Map<String, Matrix> g = OneHiddenLayerSteps.backwardPropagation(p, f.cache(), FLOWER.X(), FLOWER.Y());
        assertEquals(List.of("dW1", "db1", "dW2", "db2"), new ArrayList<>(g.keySet()));
        for (String k : PARAMS) {
            assertTrue(g.get("d" + k).hasShape(p.get(k).rows(), p.get(k).cols()), "d" + k + " shaped like " + k);
            assertClose("d" + k, REF.values("step0.d" + k), g.get("d" + k).data(), 1e-9, 1e-17);
        }
        Map<String, Matrix> updated = OneHiddenLayerSteps.updateParameters(p, g);
        for (String k : PARAMS) {
            // b1, b2 and db inherit db's 1e-11 relative difference: numpy sums the 400 columns pairwise, Java in order
            assertClose(k, REF.values("step1." + k), updated.get(k).data(), 1e-9, 1e-17);
        }
        assertEquals(OneHiddenLayerSteps.initializeParameters(2, 4, 1), p, "updateParameters leaves its arguments alone");
    }

    /**
     * backwardPropagation against centred finite differences of computeCost, every parameter entry:
     * relative error ||g - g_approx|| / (||g|| + ||g_approx||) below 1e-7. Weights of size 1 so that the
     * gradients are far from 0; 7 random examples, labels from the same generator.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 7, 42})
    void backwardPropagationMatchesFiniteDifferences(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix X = rng.randn(3, 7);
        Matrix Y = rng.rand(1, 7).greaterThan(0.5);
        Map<String, Matrix> p = OneHiddenLayerSteps.parameters(rng.randn(5, 3), rng.randn(5, 1), rng.randn(1, 5), rng.randn(1, 1));
        Map<String, Matrix> g = OneHiddenLayerSteps.backwardPropagation(p, OneHiddenLayerSteps.forwardPropagation(X, p).cache(), X, Y);
        double eps = 1e-6;
        double diff = 0;
        double norms = 0;
        double normApprox = 0;
        for (String k : PARAMS) {
            double[] w = p.get(k).data();
            double[] analytic = g.get("d" + k).data();
            for (int i = 0; i < w.length; i++) {
                double keep = w[i];
                w[i] = keep + eps;
                double plus = OneHiddenLayerSteps.computeCost(OneHiddenLayerSteps.forwardPropagation(X, p).A2(), Y);
                w[i] = keep - eps;
                double minus = OneHiddenLayerSteps.computeCost(OneHiddenLayerSteps.forwardPropagation(X, p).A2(), Y);
                w[i] = keep;
                double approx = (plus - minus) / (2 * eps);
                diff += (analytic[i] - approx) * (analytic[i] - approx);
                norms += analytic[i] * analytic[i];
                normApprox += approx * approx;
            }
        }
        double relative = Math.sqrt(diff) / (Math.sqrt(norms) + Math.sqrt(normApprox));
        assertTrue(relative < 1e-7, "seed " + seed + ": relative error " + relative);
        assertTrue(Math.sqrt(norms) > 1e-3, "seed " + seed + ": gradients too small to test anything");
    }

    @Test
    void predictIsOneOnlyWhereA2IsAboveOneHalf() {
        // W1 = 0 makes A1 = 0, so Z2 = b2 for every example: A2 = σ(b2)
        Map<String, Matrix> half = OneHiddenLayerSteps.parameters(Matrix.zeros(1, 2), Matrix.zeros(1, 1), Matrix.of(1, 1, 1), Matrix.of(1, 1, 0));
        Map<String, Matrix> above = OneHiddenLayerSteps.parameters(Matrix.zeros(1, 2), Matrix.zeros(1, 1), Matrix.of(1, 1, 1), Matrix.of(1, 1, 1e-9));
        Matrix X = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        assertEquals(Matrix.zeros(1, 3), OneHiddenLayerSteps.predict(half, X), "A2 = 0.5 exactly predicts 0");
        assertEquals(Matrix.ones(1, 3), OneHiddenLayerSteps.predict(above, X));
        assertEquals(75.0, OneHiddenLayerSteps.accuracy(Matrix.row(1, 0, 1, 1), Matrix.row(1, 0, 0, 1)));
    }

    /** The cost stays finite where numpy's log(0) gives inf: A2 saturated to exactly 0 and 1. */
    @Test
    void computeCostIsFiniteWhenA2Saturates() {
        double cost = OneHiddenLayerSteps.computeCost(Matrix.row(1.0, 0.0, 0.5), Matrix.row(0, 1, 1));
        assertTrue(Double.isFinite(cost) && cost > 400, "cost " + cost);
    }

    @Test
    void nnModelReportsCostsEveryThousandIterationsToTheListener() {
        List<String> events = new ArrayList<>();
        OneHiddenLayerSteps.Model model = OneHiddenLayerSteps.nnModel(FLOWER.X(), FLOWER.Y(), 4, 2001, 1.2,
                (i, cost) -> events.add(i + ":" + String.format(Locale.ROOT, "%f", cost)));
        // the notebook's first two printed costs
        assertEquals(List.of("0:0.693048", "1000:0.288083", "2000:0.254385"), events);
        assertEquals(3, model.costs().size());
        assertEquals(List.of("W1", "b1", "W2", "b2"), new ArrayList<>(model.parameters().keySet()));
    }

    @Test
    void nnModelRejectsBadData() {
        Matrix X = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OneHiddenLayerSteps.nnModel(X, Matrix.row(0, 1, 0, 1), 4, 10));
        assertEquals("nnModel: X is 2x3 but Y is 1x4; X and Y need the same number of examples m (columns)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OneHiddenLayerSteps.nnModel(X, Matrix.row(0, 1, 2), 4, 10));
        assertEquals("nnModel: label 2.0 at column 2 is not 0 or 1; binary classification needs labels 0 and 1 "
                + "(map your classes to 0/1 first)", e.getMessage());
        Matrix withNaN = X.copy().set(1, 0, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> OneHiddenLayerSteps.nnModel(withNaN, Matrix.row(0, 1, 1), 4, 10));
        assertEquals("nnModel: X holds NaN at row 1, column 0 (example 0); remove or impute non-finite values before training",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OneHiddenLayerSteps.nnModel(X.transpose(), Matrix.row(0, 1, 1), 4, 10));
        assertEquals("nnModel: X is 3x2 but Y is 1x3; X and Y need the same number of examples m (columns) — examples go in "
                + "columns, did you mean X.transpose()?", e.getMessage());
    }

    @Test
    void nnModelStopsWithAHintWhenTheCostDiverges() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> OneHiddenLayerSteps.nnModel(FLOWER.X(), FLOWER.Y(), 4, 1001, 1e308, null));
        // 1e308 overflows the weights in the first step; the cost at iteration 1000 is no longer finite
        assertTrue(e.getMessage().matches("Cost became (NaN|Infinity) at iteration 1000 .*"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(learningRate=1.0E308): try a smaller learning rate or scale the inputs "
                + "(images: divide by 255)"), e.getMessage());
    }

    @Test
    void stepsNameTheMissingOrMisshapenParameter() {
        Map<String, Matrix> p = OneHiddenLayerSteps.initializeParameters(2, 4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OneHiddenLayerSteps.forwardPropagation(FLOWER.X(), Map.of("W1", p.get("W1"))));
        assertTrue(e.getMessage().startsWith("forwardPropagation: no \"b1\" among [W1]; parameters are W1, b1, W2, b2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OneHiddenLayerSteps.forwardPropagation(FLOWER.X().transpose(), p));
        assertEquals("forwardPropagation (layer 1): W is 4x2 but A is 400x2 (W.cols must equal A.rows); "
                + "examples go in columns — did you mean A.transpose()?", e.getMessage());
        Map<String, Matrix> cache = OneHiddenLayerSteps.forwardPropagation(FLOWER.X(), p).cache();
        e = assertThrows(IllegalArgumentException.class,
                () -> OneHiddenLayerSteps.backwardPropagation(p, cache, FLOWER.X(), FLOWER.Y().transpose()));
        assertEquals("backwardPropagation: A2 is 1x400 but Y is 400x1; Y must be the labels of the examples given to "
                + "forwardPropagation", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OneHiddenLayerSteps.initializeParameters(2, 0, 1));
        assertEquals("initializeParameters: layer sizes must be positive, got n_x=2, n_h=0, n_y=1; n_x is X.rows(), "
                + "n_y is Y.rows()", e.getMessage());
        assertFalse(p.get("W1").hasShape(2, 4));
    }

    /**
     * The maths lives once: notebook 3's steps (new matrices each iteration) and the trainer's buffered
     * loop (Network.of(TANH, 2, 4, 1), SMALL_RANDOM weights from seed 2, learning rate 1.2) give the same
     * parameters, bit for bit, after 1000 iterations on the flower.
     */
    @Test
    void stepsAndTrainerGiveTheSameParameters() {
        OneHiddenLayerSteps.Model model = OneHiddenLayerSteps.nnModel(FLOWER.X(), FLOWER.Y(), 4, 1000);
        dlbasics.model.Network network = dlbasics.model.Network.of(dlbasics.nn.Activation.TANH, 2, 4, 1);
        dlbasics.model.Trainer.builder().initializer(dlbasics.nn.Initializer.SMALL_RANDOM).seed(2)
                .learningRate(1.2).iterations(1000).costEvery(1000).build().fit(network, FLOWER.X(), FLOWER.Y());
        assertEquals(model.parameters(), network.parameters());
    }
}
