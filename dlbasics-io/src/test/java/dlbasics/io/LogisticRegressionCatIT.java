package dlbasics.io;

import dlbasics.course.LogisticRegressionSteps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notebook 2 on the cat images, end to end: {@code model(train_set_x, train_set_y, test_set_x, test_set_y,
 * num_iterations, learning_rate)} with the course's data read by {@link CatImages} (12288 x 209 and
 * 12288 x 50, scaled by 1/255). Values are the notebook's printed results (REFERENCE.md), checked with the
 * same numpy code by LogisticRegressionCatReference.py, whose output LogisticRegressionCatReference.txt sits
 * beside it in the test resources.
 */
class LogisticRegressionCatIT {
    private static CatImages cats;
    private static List<String> numpyLines;

    @BeforeAll
    static void readCats() throws IOException {
        cats = CatImages.readFolder(SharedData.datasets());
        try (InputStream in = LogisticRegressionCatIT.class.getResourceAsStream("LogisticRegressionCatReference.txt")) {
            assertNotNull(in, "LogisticRegressionCatReference.txt is missing; run LogisticRegressionCatReference.py beside it");
            numpyLines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
    }

    /**
     * 2000 iterations, learning rate 0.005: "Cost after iteration 0: 0.693147" ... "Cost after iteration
     * 1900: 0.140872", "train accuracy: 99.04306220095694 %", "test accuracy: 70.0 %".
     */
    @Test
    void courseRunOnTheCatImages() {
        List<String> printed = new ArrayList<>();
        LogisticRegressionSteps.Result d = LogisticRegressionSteps.model(cats.train().X(), cats.train().Y(),
                cats.test().X(), cats.test().Y(), 2000, 0.005,
                (i, cost) -> printed.add(String.format(Locale.ROOT, "Cost after iteration %d: %f", i, cost)));
        assertEquals(List.of(
                "Cost after iteration 0: 0.693147",
                "Cost after iteration 100: 0.584508",
                "Cost after iteration 200: 0.466949",
                "Cost after iteration 300: 0.376007",
                "Cost after iteration 400: 0.331463",
                "Cost after iteration 500: 0.303273",
                "Cost after iteration 600: 0.279880",
                "Cost after iteration 700: 0.260042",
                "Cost after iteration 800: 0.242941",
                "Cost after iteration 900: 0.228004",
                "Cost after iteration 1000: 0.214820"), printed.subList(0, 11));
        assertEquals("Cost after iteration 1900: 0.140872", printed.get(19));
        assertEquals(20, d.costs().size());
        // printed by the notebook as "train accuracy: 99.04306220095694 %" and "test accuracy: 70.0 %"
        assertEquals("99.04306220095694", Double.toString(d.trainAccuracy()));
        assertEquals("70.0", Double.toString(d.testAccuracy()));
        printed.add("train accuracy: " + d.trainAccuracy() + " %");
        printed.add("test accuracy: " + d.testAccuracy() + " %");
        assertEquals(numpyLines.subList(0, 22), printed, "every line as numpy prints it (LogisticRegressionCatReference.txt)");
        assertEquals(12288, d.w().rows());
        assertEquals(2000, d.numIterations());
    }

    /**
     * The notebook's learning-rate comparison, 1500 iterations each: 0.01 → train 99.52153110047847 %,
     * test 68.0 %; 0.001 → 88.99521531100478 %, 64.0 %; 0.0001 → 68.42105263157895 %, 36.0 %.
     */
    @ParameterizedTest(name = "learning rate {0}")
    @CsvSource({"0.01, 99.52153110047847, 68.0", "0.001, 88.99521531100478, 64.0", "0.0001, 68.42105263157895, 36.0"})
    void learningRateComparison(double learningRate, String train, String test) {
        LogisticRegressionSteps.Result d = LogisticRegressionSteps.model(cats.train().X(), cats.train().Y(),
                cats.test().X(), cats.test().Y(), 1500, learningRate);
        assertEquals(train, Double.toString(d.trainAccuracy()), "train accuracy, learning rate " + learningRate);
        assertEquals(test, Double.toString(d.testAccuracy()), "test accuracy, learning rate " + learningRate);
        String line = String.format(Locale.ROOT, "learning rate is: %s train accuracy: %s %% test accuracy: %s %%",
                java.math.BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString(), d.trainAccuracy(), d.testAccuracy());
        assertTrue(numpyLines.contains(line), line + " is not among numpy's lines " + numpyLines.subList(22, numpyLines.size()));
    }
}
