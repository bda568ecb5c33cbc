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

import static dlbasics.course.OneHiddenLayerReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notebook 2's functions on the notebook's own test cases, against LogisticRegressionReference.py run by
 * numpy, with the values the notebook prints; gradients against centred finite differences; bad input.
 */
class LogisticRegressionStepsTest {
    private static final OneHiddenLayerReference REF = OneHiddenLayerReference.logisticRegression();
    private static final Matrix W = Matrix.column(1, 2);
    private static final double B = 2;
    private static final Matrix X = Matrix.of(2, 3, 1, 2, -1, 3, 4, -3.2);
    private static final Matrix Y = Matrix.row(1, 0, 1);

    @Test
    void initializeWithZerosIsAColumnOfZeros() {
        assertEquals(Matrix.zeros(2, 1), LogisticRegressionSteps.initializeWithZeros(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogisticRegressionSteps.initializeWithZeros(0));
        assertEquals("initializeWithZeros: dim is 0; it is the number of features n_x (X.rows()), at least 1", e.getMessage());
    }

    /** The notebook prints dw = [[0.99845601] [2.39507239]], db = 0.00145557813678, cost = 5.80154531939. */
    @Test
    void propagateOnTheNotebooksTestCase() {
        LogisticRegressionSteps.Propagation p = LogisticRegressionSteps.propagate(W, B, X, Y);
        assertClose("dw", REF.values("propagate.dw"), p.grads().dw().data(), 1e-14, 0);
        assertEquals(REF.value("propagate.db"), p.grads().db(), 1e-16);
        assertEquals(REF.value("propagate.cost"), p.cost(), 1e-14);
        assertEquals("[[0.99845601] [2.39507239]]", String.format(Locale.ROOT, "[[%.8f] [%.8f]]", p.grads().dw().get(0, 0), p.grads().dw().get(1, 0)));
        assertEquals("0.00145557813678 5.80154531939", String.format(Locale.ROOT, "%.14f %.11f", p.grads().db(), p.cost()));
    }

    /**
     * optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009): the notebook prints
     * w = [[0.19033591] [0.12259159]], b = 1.92535983008, dw = [[0.67752042] [1.41625495]], db = 0.219194504541.
     */
    @Test
    void optimizeOnTheNotebooksTestCase() {
        Matrix w = W.copy();
        List<String> events = new ArrayList<>();
        LogisticRegressionSteps.Optimization o = LogisticRegressionSteps.optimize(w, B, X, Y, 100, 0.009,
                (i, cost) -> events.add(i + ":" + cost));
        assertClose("w", REF.values("optimize.w"), o.w().data(), 1e-13, 0);
        assertEquals(REF.value("optimize.b"), o.b(), 1e-13);
        assertClose("dw", REF.values("optimize.dw"), o.grads().dw().data(), 1e-13, 0);
        assertEquals(REF.value("optimize.db"), o.grads().db(), 1e-13);
        assertClose("costs", REF.values("optimize.costs"), o.costs().stream().mapToDouble(Double::doubleValue).toArray(), 1e-14, 0);
        assertEquals(List.of("0:" + o.costs().get(0)), events, "one cost, at iteration 0");
        assertEquals("[[0.19033591] [0.12259159]] 1.92535983008 [[0.67752042] [1.41625495]] 0.219194504541",
                String.format(Locale.ROOT, "[[%.8f] [%.8f]] %.11f [[%.8f] [%.8f]] %.12f", o.w().get(0, 0), o.w().get(1, 0), o.b(),
                        o.grads().dw().get(0, 0), o.grads().dw().get(1, 0), o.grads().db()));
        assertEquals(Matrix.column(1, 2), w, "optimize leaves the w passed in alone");
    }

    /** predict on the notebook's test case prints [[1. 1. 0.]]. */
    @Test
    void predictOnTheNotebooksTestCase() {
        Matrix prediction = LogisticRegressionSteps.predict(Matrix.column(0.1124579, 0.23106775), -0.3,
                Matrix.of(2, 3, 1, -1.1, -3.2, 1.2, 2, 0.1));
        assertEquals(Matrix.of(1, 3, REF.values("predict.prediction")), prediction);
        assertEquals("[[1. 1. 0.]]", prediction.toString());
        // σ(0) = 0.5 exactly is not above 0.5
        assertEquals(Matrix.row(0.0), LogisticRegressionSteps.predict(Matrix.column(0.0), 0, Matrix.row(5.0)));
    }

    /**
     * propagate's dw and db against centred finite differences of its cost: relative error
     * ||g - g_approx|| / (||g|| + ||g_approx||) below 1e-7.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 7, 42})
    void propagateMatchesFiniteDifferences(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix X = rng.randn(4, 9);
        Matrix Y = rng.rand(1, 9).greaterThan(0.5);
        Matrix w = rng.randn(4, 1);
        double b = rng.nextGaussian();
        LogisticRegressionSteps.Gradients g = LogisticRegressionSteps.propagate(w, b, X, Y).grads();
        double eps = 1e-6;
        double diff = 0;
        double norm = 0;
        double normApprox = 0;
        for (int i = 0; i <= w.rows(); i++) {
            double approx;
            double analytic;
            if (i < w.rows()) {
                double keep = w.get(i, 0);
                double plus = LogisticRegressionSteps.propagate(w.copy().set(i, 0, keep + eps), b, X, Y).cost();
                double minus = LogisticRegressionSteps.propagate(w.copy().set(i, 0, keep - eps), b, X, Y).cost();
                approx = (plus - minus) / (2 * eps);
                analytic = g.dw().get(i, 0);
            } else {
                double plus = LogisticRegressionSteps.propagate(w, b + eps, X, Y).cost();
                double minus = LogisticRegressionSteps.propagate(w, b - eps, X, Y).cost();
                approx = (plus - minus) / (2 * eps);
                analytic = g.db();
            }
            diff += (analytic - approx) * (analytic - approx);
            norm += analytic * analytic;
            normApprox += approx * approx;
        }
        double relative = Math.sqrt(diff) / (Math.sqrt(norm) + Math.sqrt(normApprox));
        assertTrue(relative < 1e-7, "seed " + seed + ": relative error " + relative);
        assertTrue(Math.sqrt(norm) > 1e-3, "seed " + seed + ": gradients too small to test anything");
    }

    /**
     * Logistic regression on the flower (the planar notebook's "about 47 %", there from scikit-learn's
     * LogisticRegressionCV): notebook 2's model, 10000 iterations, learning rate 1.2, gives 47.0 % on the
     * 400 training points, as the same numpy code does (OneHiddenLayerReference.py, flower.logreg.*).
     */
    @Test
    void logisticRegressionOnTheFlowerIsFortySevenPercent() {
        Dataset flower = PlanarData.flower(1);
        LogisticRegressionSteps.Result r = LogisticRegressionSteps.model(flower.X(), flower.Y(), flower.X(), flower.Y(), 10000, 1.2);
        OneHiddenLayerReference planar = OneHiddenLayerReference.planar();
        assertEquals(planar.value("flower.logreg.accuracy"), r.trainAccuracy(), 1e-12);
        assertEquals(47.0, r.trainAccuracy(), 1e-12);
        assertEquals(r.trainAccuracy(), r.testAccuracy());
        assertClose("w", planar.values("flower.logreg.w"), r.w().data(), 1e-9, 0);
        assertEquals(planar.value("flower.logreg.b"), r.b(), 1e-9 * Math.abs(r.b()));
        assertEquals(100, r.costs().size());
        assertEquals(1.2, r.learningRate());
        assertEquals(10000, r.numIterations());
    }

    @Test
    void modelReportsAccuracyAsTheNotebookComputesIt() {
        assertEquals(99.04306220095694, LogisticRegressionSteps.accuracy(oneHotErrors(209, 2), Matrix.zeros(1, 209)));
        assertEquals(70.0, LogisticRegressionSteps.accuracy(oneHotErrors(50, 15), Matrix.zeros(1, 50)));
    }

    private static Matrix oneHotErrors(int m, int errors) {
        Matrix prediction = Matrix.zeros(1, m);
        for (int j = 0; j < errors; j++) {
            prediction.set(0, j, 1);
        }
        return prediction;
    }

    @Test
    void badInputIsRefusedWithAHint() {
        Matrix Xs = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionSteps.model(Xs, Matrix.row(0, 1, 0, 1), Xs, Matrix.row(0, 1, 1), 10, 0.1));
        assertEquals("model (training set): X is 2x3 but Y is 1x4; X and Y need the same number of examples m (columns)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionSteps.model(Xs, Matrix.row(0, 1, 1), Xs, Matrix.row(0, -1, 1), 10, 0.1));
        assertEquals("model (test set): label -1.0 at column 1 is not 0 or 1; binary classification needs labels 0 and 1 "
                + "(map your classes to 0/1 first)", e.getMessage());
        Matrix withNaN = Xs.copy().set(0, 2, Double.NaN);
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionSteps.model(withNaN, Matrix.row(0, 1, 1), Xs, Matrix.row(0, 1, 1), 10, 0.1));
        assertEquals("model (training set): X holds NaN at row 0, column 2 (example 2); remove or impute non-finite values "
                + "before training", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionSteps.model(Xs, Matrix.row(0, 1, 1), Matrix.zeros(3, 3), Matrix.row(0, 1, 1), 10, 0.1));
        assertEquals("model: XTrain is 2x3 but XTest is 3x3; both need the same features (rows), prepared the same way", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LogisticRegressionSteps.propagate(Matrix.column(1, 2, 3), 0, Xs, Matrix.row(0, 1, 1)));
        assertEquals("propagate: w is 3x1 but X is 2x3; w must be n_x x 1 = 2x1, one weight per row (feature) of X — examples go "
                + "in columns, did you mean X.transpose()?", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LogisticRegressionSteps.propagate(Matrix.column(1, 2), 0, Xs, Matrix.column(0, 1, 1)));
        assertEquals("propagate: X is 2x3 but Y is 3x1; Y must be 1 x m, one label per column of X (did you mean Y.transpose()?)", e.getMessage());
    }

    /** With inputs of 1e300 and learning rate 1e10 the first step makes w infinite; the cost alone stays finite. */
    @Test
    void optimizeStopsWithAHintWhenTrainingDiverges() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> LogisticRegressionSteps.optimize(
                Matrix.zeros(1, 1), 0, Matrix.row(1e300, -1e300), Matrix.row(1, 0), 10, 1e10));
        assertEquals("w became Infinity at iteration 0 (learningRate=1.0E10): try a smaller learning rate or scale the inputs "
                + "(images: divide by 255)", e.getMessage());
    }

    /**
     * The maths lives once: notebook 2's steps (new matrices each iteration) and the trainer's buffered
     * loop (model.LogisticRegression preset) give the same w and b, bit for bit, after 500 iterations on
     * the flower.
     */
    @Test
    void stepsAndTrainerGiveTheSameParameters() {
        Dataset flower = PlanarData.flower(1);
        LogisticRegressionSteps.Optimization o = LogisticRegressionSteps.optimize(
                LogisticRegressionSteps.initializeWithZeros(2), 0, flower.X(), flower.Y(), 500, 1.2);
        dlbasics.model.LogisticRegression.Fit fit = dlbasics.model.LogisticRegression.fit(flower.X(), flower.Y(), 1.2, 500);
        assertEquals(dlbasics.model.LogisticRegression.w(fit.network()), o.w());
        assertEquals(dlbasics.model.LogisticRegression.b(fit.network()), o.b());
    }
}
