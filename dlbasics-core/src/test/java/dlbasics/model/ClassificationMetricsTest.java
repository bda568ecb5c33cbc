package dlbasics.model;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Metrics on a hand-counted example with 4 classes, one of them never predicted (so its precision
 * takes the zero convention): every expected value is a fraction worked out in the comments.
 */
class ClassificationMetricsTest {
    private static final Matrix ACTUAL = Matrix.row(0, 0, 0, 1, 1, 2, 2, 2, 2, 3);
    private static final Matrix PREDICTED = Matrix.row(0, 0, 1, 1, 2, 2, 2, 2, 0, 1);
    private static final ClassificationMetrics METRICS = ClassificationMetrics.of(PREDICTED, ACTUAL, 4);

    @Test
    void confusionMatrixCountsTrueAgainstPredicted() {
        long[][] c = METRICS.confusion();
        assertArrayEquals(new long[] {2, 1, 0, 0}, c[0]);
        assertArrayEquals(new long[] {0, 1, 1, 0}, c[1]);
        assertArrayEquals(new long[] {1, 0, 3, 0}, c[2]);
        assertArrayEquals(new long[] {0, 1, 0, 0}, c[3]);
        assertEquals(10, METRICS.examples());
        assertEquals(0.6, METRICS.accuracy(), 1e-15); // 6 of 10 on the diagonal
    }

    @Test
    void perClassScores() {
        // predicted as 0, 1, 2, 3: 3, 3, 4, 0 examples; true counts 3, 2, 4, 1
        double[] precision = {2 / 3.0, 1 / 3.0, 3 / 4.0, 0};
        double[] recall = {2 / 3.0, 1 / 2.0, 3 / 4.0, 0};
        double[] f1 = {2 / 3.0, 2 / 5.0, 3 / 4.0, 0};
        long[] support = {3, 2, 4, 1};
        for (int k = 0; k < 4; k++) {
            assertEquals(precision[k], METRICS.precision(k), 1e-15, "precision " + k);
            assertEquals(recall[k], METRICS.recall(k), 1e-15, "recall " + k);
            assertEquals(f1[k], METRICS.f1(k), 1e-15, "f1 " + k);
            assertEquals(support[k], METRICS.support(k), "support " + k);
        }
    }

    @Test
    void macroAndWeightedAverages() {
        assertEquals((2 / 3.0 + 1 / 3.0 + 3 / 4.0) / 4, METRICS.macroPrecision(), 1e-15);
        assertEquals(23 / 48.0, METRICS.macroRecall(), 1e-15);
        assertEquals(109 / 240.0, METRICS.macroF1(), 1e-15);
        assertEquals(17 / 30.0, METRICS.weightedPrecision(), 1e-15);
        assertEquals(METRICS.accuracy(), METRICS.weightedRecall(), 1e-15);
        assertEquals(0.58, METRICS.weightedF1(), 1e-15);
    }

    @Test
    void topKAccuracyCountsTheTrueClassAmongTheMostProbable() {
        Matrix P = Matrix.fromRows(new double[][] {
                {0.7, 0.1, 0.2, 0.4},
                {0.2, 0.3, 0.5, 0.4},
                {0.1, 0.6, 0.3, 0.2}});
        Matrix actual = Matrix.row(0, 1, 0, 0);
        // ranks of the true class: 1, 2, 3, and a tie at 1-2
        assertEquals(1 / 4.0, ClassificationMetrics.topKAccuracy(P, actual, 1), 0.0);
        assertEquals(3 / 4.0, ClassificationMetrics.topKAccuracy(P, actual, 2), 0.0);
        assertEquals(1.0, ClassificationMetrics.topKAccuracy(P, actual, 3), 0.0);
        assertEquals("topKAccuracy: k is 4; choose 1..3 for 3 classes",
                assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.topKAccuracy(P, actual, 4)).getMessage());
    }

    @Test
    void textOutputsNameTheClasses() {
        List<String> names = List.of("a", "b", "c", "d");
        String report = METRICS.report(names);
        assertEquals("             precision    recall        f1   support", report.lines().findFirst().orElseThrow());
        assertEquals("           b     0.333     0.500     0.400         2", report.lines().skip(2).findFirst().orElseThrow());
        assertEquals("weighted avg     0.567     0.600     0.580        10", report.lines().reduce((x, y) -> y).orElseThrow());
        String table = METRICS.confusionTable(names);
        assertEquals("     2     1     0     3     0", table.lines().skip(8).findFirst().orElseThrow()); // true class 2
    }

    @Test
    void badInputIsNamed() {
        assertEquals("ClassificationMetrics.of: predicted label 4.0 at column 0 is not a class index 0..3",
                assertThrows(IllegalArgumentException.class,
                        () -> ClassificationMetrics.of(Matrix.of(1, 1, 4), Matrix.of(1, 1, 0), 4)).getMessage());
        assertEquals("ClassificationMetrics.of: predicted is 1x2 and actual is 1x3; both must be 1 x m rows of class indices",
                assertThrows(IllegalArgumentException.class,
                        () -> ClassificationMetrics.of(Matrix.row(0, 1), Matrix.row(0, 1, 1), 2)).getMessage());
        assertEquals("ClassificationMetrics: 2 class names [a, b] for 4 classes; give one name per class index",
                assertThrows(IllegalArgumentException.class, () -> METRICS.report(List.of("a", "b"))).getMessage());
    }
}
