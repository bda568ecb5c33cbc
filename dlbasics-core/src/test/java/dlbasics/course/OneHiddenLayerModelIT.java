package dlbasics.course;

import dlbasics.data.Dataset;
import dlbasics.data.PlanarData;
import dlbasics.matrix.Matrix;
import dlbasics.nn.Loss;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dlbasics.course.OneHiddenLayerReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planar notebook's printed results, end to end: nn_model on the flower, the hidden-size sweep and
 * the course's nn_model check. Printed values come from the course (REFERENCE.md); full-precision ones
 * from OneHiddenLayerReference.py run by numpy 2.4.6.
 */
class OneHiddenLayerModelIT {
    private static final OneHiddenLayerReference REF = OneHiddenLayerReference.planar();
    private static final Dataset FLOWER = PlanarData.flower(1);
    private static final String[] PARAMS = {"W1", "b1", "W2", "b2"};

    /**
     * nn_model(X, Y, 4, 10000, print_cost=True) on the flower: the notebook's "Cost after iteration i"
     * lines up to 7000 to six digits, and its "Accuracy: 90%" (printed with %d).
     *
     * <p>Past 7000 the run is sensitive to rounding (REFERENCE.md), so 8000 and 9000 are not pinned and the
     * final accuracy is 90.75 % (363 of 400) or 90.5 % (362): example 143 sits near 0.5 (bench/NOTES.md).
     */
    @Test
    void flowerNetworkPrintsTheNotebooksCostsAndAccuracy() {
        OneHiddenLayerSteps.Model model = OneHiddenLayerSteps.nnModel(FLOWER.X(), FLOWER.Y(), 4, 10000);
        List<String> printed = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            printed.add(String.format(Locale.ROOT, "%f", model.costs().get(k)));
        }
        assertEquals(List.of("0.693048", "0.288083", "0.254385", "0.233864", "0.226792", "0.222644", "0.219731", "0.217504"),
                printed);
        for (int k = 0; k < 8; k++) {
            assertEquals(REF.value("flower.cost." + k * 1000), model.costs().get(k), 1e-9, "cost at " + k * 1000);
        }
        assertEquals(10, model.costs().size());
        Matrix predictions = OneHiddenLayerSteps.predict(model.parameters(), FLOWER.X());
        double correct = predictions.equalTo(FLOWER.Y()).sum();
        assertTrue(correct == 362 || correct == 363, correct + " correct predictions of 400");
        double accuracy = OneHiddenLayerSteps.accuracy(predictions, FLOWER.Y());
        assertEquals("Accuracy: 90%", String.format(Locale.ROOT, "Accuracy: %d%%", (int) accuracy), "the notebook's line");
    }

    /**
     * The notebook's hidden-size sweep, 5000 iterations each: "Accuracy for n hidden units: a %". Sizes up
     * to 5 are exact; 20 and 50 are sensitive to rounding (REFERENCE.md: 90.5 and 90.25; numpy 2.4.6 here
     * gives 90.5 and 90.75), so they are allowed ±0.5.
     */
    @ParameterizedTest(name = "n_h = {0}")
    @CsvSource({"1, 67.5, 0", "2, 67.25, 0", "3, 90.75, 0", "4, 90.5, 0", "5, 91.25, 0", "20, 90.5, 0.5", "50, 90.25, 0.5"})
    void hiddenLayerSizeSweep(int nH, double expected, double tolerance) {
        OneHiddenLayerSteps.Model model = OneHiddenLayerSteps.nnModel(FLOWER.X(), FLOWER.Y(), nH, 5000);
        double accuracy = OneHiddenLayerSteps.accuracy(OneHiddenLayerSteps.predict(model.parameters(), FLOWER.X()), FLOWER.Y());
        assertEquals(expected, accuracy, tolerance + 1e-9, "n_h = " + nH);
    }

    /**
     * The course's nn_model check on nn_model_test_case() as the brief defines it (Y = randn(1, 3) > 0):
     * learning rate 1.2, 10000 iterations. Every cost finite; final parameters as numpy prints them
     * (W1 = [[-0.65848169 1.21866811] ...], W2 = [[-2.45566237 -3.27042274 2.00784958 3.36773273]],
     * b2 = [[0.20459656]]) to 1e-6 relative.
     */
    @Test
    void nnModelCheckOnTheCoursesTestCase() {
        Dataset testCase = PlanarData.nnModelTestCase();
        assertClose("X_assess", REF.values("testcase.X"), testCase.X().data(), 1e-15, 0);
        assertClose("Y_assess", REF.values("testcase.Y"), testCase.Y().data(), 0, 0);
        OneHiddenLayerSteps.Model model = OneHiddenLayerSteps.nnModel(testCase.X(), testCase.Y(), 4, 10000);
        for (int k = 0; k < model.costs().size(); k++) {
            assertTrue(Double.isFinite(model.costs().get(k)), "cost at " + k * 1000);
            assertEquals(REF.value("testcase.cost." + k * 1000), model.costs().get(k),
                    1e-6 * REF.value("testcase.cost." + k * 1000), "cost at " + k * 1000);
        }
        for (String p : PARAMS) {
            assertClose(p, REF.values("testcase." + p), model.parameters().get(p).data(), 1e-6, 0);
        }
    }

    /**
     * The variant of the check that overflows in the course (its helper leaves Y = randn(1, 3) unthresholded,
     * labels 1.74, -0.76, 0.32): numpy prints "overflow encountered in exp", cost -inf from iteration 1000
     * on, and W2 ≈ [[-6033.82 -6008.14 -6033.09 6008.08]]. Those Y are not labels 0/1, so nnModel refuses
     * them; this runs nn_model's loop from the same steps, the cost from the logits as nnModel does. The
     * cost stays finite and the parameters agree with numpy 2.4.6's: W2 to 3e-6 relative, b2 to 3e-4,
     * W1 and b1 to 5e-2. Once A2 saturates, the rounding of tanh and of the sums decides between two nearby
     * outcomes; the tolerances admit both (tighter ones would pin one tanh's rounding; bench/NOTES.md).
     */
    @Test
    void overflowingVariantOfTheCheckStaysFinite() {
        NumpyRandom rng = new NumpyRandom(1);
        Matrix X = rng.randn(2, 3);
        Matrix Y = rng.randn(1, 3);
        assertClose("Y_assess (raw)", REF.values("rawcheck.Y"), Y.data(), 1e-15, 0);
        Map<String, Matrix> parameters = OneHiddenLayerSteps.initializeParameters(2, 4, 1);
        for (int i = 0; i < 10000; i++) {
            OneHiddenLayerSteps.Forward forward = OneHiddenLayerSteps.forwardPropagation(X, parameters);
            double fromLogits = Loss.BINARY_CROSS_ENTROPY.costFromLogits(forward.cache().get("Z2"), Y);
            double fromA2 = OneHiddenLayerSteps.computeCost(forward.A2(), Y);
            assertTrue(Double.isFinite(fromLogits) && Double.isFinite(fromA2),
                    "iteration " + i + ": cost " + fromLogits + " (logits), " + fromA2 + " (A2)");
            if (i == 0) {
                assertEquals(REF.value("rawcheck.cost.0"), fromLogits, 1e-12);
            }
            parameters = OneHiddenLayerSteps.updateParameters(parameters,
                    OneHiddenLayerSteps.backwardPropagation(parameters, forward.cache(), X, Y));
        }
        assertClose("W2", REF.values("rawcheck.W2"), parameters.get("W2").data(), 3e-6, 0);
        assertClose("b2", REF.values("rawcheck.b2"), parameters.get("b2").data(), 3e-4, 0);
        assertClose("W1", REF.values("rawcheck.W1"), parameters.get("W1").data(), 5e-2, 0);
        assertClose("b1", REF.values("rawcheck.b1"), parameters.get("b1").data(), 5e-2, 0);
        assertTrue(parameters.get("W2").max() > 6000, "W2 grows to about 6000 as in the course");
    }
}
