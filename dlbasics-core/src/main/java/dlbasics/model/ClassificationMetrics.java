package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;

import java.util.List;
import java.util.Locale;

/**
 * How well predicted classes match the true ones, for K ≥ 2 classes: the K x K confusion matrix and,
 * from it, per-class precision, recall and F1 with their macro (plain mean over classes) and weighted
 * (mean weighted by each class's true count, its support) averages.
 *
 * <pre>
 * confusion[t][p]  the number of examples of true class t predicted as p
 * precision(k)     = confusion[k][k] / Σ_t confusion[t][k]    (0 when nothing is predicted as k)
 * recall(k)        = confusion[k][k] / Σ_p confusion[k][p]    (0 when class k never occurs)
 * f1(k)            = 2·precision·recall / (precision + recall) (0 when both are 0)
 * </pre>
 * The zero conventions are scikit-learn's ({@code zero_division=0}). Labels are {@code 1 x m} rows of
 * class indices 0..K-1, as {@link Network#predict} returns them.
 */
public final class ClassificationMetrics {
    private final long[][] confusion;
    private final long m;

    private ClassificationMetrics(long[][] confusion, long m) {
        this.confusion = confusion;
        this.m = m;
    }

    /**
     * The metrics of {@code predicted} against {@code actual}, both {@code 1 x m} class indices
     * 0..classes-1.
     */
    public static ClassificationMetrics of(Matrix predicted, Matrix actual, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("ClassificationMetrics.of: classes is " + classes
                    + "; classification needs at least 2 classes (2 for a sigmoid output)");
        }
        if (predicted.rows() != 1 || actual.rows() != 1 || predicted.cols() != actual.cols()) {
            throw new IllegalArgumentException(String.format(
                    "ClassificationMetrics.of: predicted is %s and actual is %s; both must be 1 x m rows of class indices",
                    Shapes.shape(predicted), Shapes.shape(actual)));
        }
        long[][] c = new long[classes][classes];
        for (int j = 0; j < actual.cols(); j++) {
            c[index("actual", actual.data()[j], j, classes)][index("predicted", predicted.data()[j], j, classes)]++;
        }
        return new ClassificationMetrics(c, actual.cols());
    }

    private static int index(String what, double label, int column, int classes) {
        int k = (int) label;
        if (k != label || k < 0 || k >= classes) {
            throw new IllegalArgumentException(String.format(
                    "ClassificationMetrics.of: %s label %s at column %d is not a class index 0..%d",
                    what, label, column, classes - 1));
        }
        return k;
    }

    /**
     * The share of examples whose true class is among the {@code k} most probable, from probabilities
     * P ({@code K x m}, e.g. {@link Network#predictProbabilities}) and {@code actual} ({@code 1 x m}). A
     * tie at the k-th place counts against the example (classes at least as probable as the true one,
     * other than itself, must be fewer than k).
     */
    public static double topKAccuracy(Matrix P, Matrix actual, int k) {
        int K = P.rows();
        int m = P.cols();
        if (actual.rows() != 1 || actual.cols() != m || K < 2) {
            throw new IllegalArgumentException(String.format(
                    "topKAccuracy: P is %s and actual is %s; P must be K x m (K >= 2) class probabilities and actual 1 x m",
                    Shapes.shape(P), Shapes.shape(actual)));
        }
        if (k < 1 || k > K) {
            throw new IllegalArgumentException("topKAccuracy: k is " + k + "; choose 1.." + K + " for " + K + " classes");
        }
        if (m == 0) {
            throw new IllegalArgumentException("topKAccuracy: no examples (0 columns)");
        }
        double[] p = P.data();
        int hits = 0;
        for (int j = 0; j < m; j++) {
            int t = index("actual", actual.data()[j], j, K);
            double pt = p[t * m + j];
            int above = 0;
            for (int c = 0; c < K; c++) {
                if (c != t && p[c * m + j] >= pt) {
                    above++;
                }
            }
            if (above < k) {
                hits++;
            }
        }
        return (double) hits / m;
    }

    /** K, the number of classes. */
    public int classes() {
        return confusion.length;
    }

    /** m, the number of examples. */
    public long examples() {
        return m;
    }

    /** A copy of the confusion matrix, {@code [true class][predicted class]}. */
    public long[][] confusion() {
        long[][] c = new long[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    /** The share of examples predicted right, in [0, 1]. */
    public double accuracy() {
        long right = 0;
        for (int k = 0; k < classes(); k++) {
            right += confusion[k][k];
        }
        return m == 0 ? 0 : (double) right / m;
    }

    /** The number of examples whose true class is k. */
    public long support(int k) {
        long s = 0;
        for (long v : confusion[k]) {
            s += v;
        }
        return s;
    }

    /** The number of examples predicted as class k. */
    public long predictedCount(int k) {
        long s = 0;
        for (long[] row : confusion) {
            s += row[k];
        }
        return s;
    }

    /** Of the examples predicted as k, the share that are k (0 when none is predicted as k). */
    public double precision(int k) {
        long predicted = predictedCount(k);
        return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
    }

    /** Of the examples of class k, the share predicted as k (0 when class k never occurs). */
    public double recall(int k) {
        long actual = support(k);
        return actual == 0 ? 0 : (double) confusion[k][k] / actual;
    }

    /** The harmonic mean of precision and recall of class k (0 when both are 0). */
    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean of the per-class precisions. */
    public double macroPrecision() {
        return macro(0);
    }

    /** The mean of the per-class recalls. */
    public double macroRecall() {
        return macro(1);
    }

    /** The mean of the per-class F1 scores. */
    public double macroF1() {
        return macro(2);
    }

    /** The per-class precisions weighted by support. */
    public double weightedPrecision() {
        return weighted(0);
    }

    /** The per-class recalls weighted by support (equals the accuracy). */
    public double weightedRecall() {
        return weighted(1);
    }

    /** The per-class F1 scores weighted by support. */
    public double weightedF1() {
        return weighted(2);
    }

    private double score(int which, int k) {
        return which == 0 ? precision(k) : which == 1 ? recall(k) : f1(k);
    }

    private double macro(int which) {
        double sum = 0;
        for (int k = 0; k < classes(); k++) {
            sum += score(which, k);
        }
        return sum / classes();
    }

    private double weighted(int which) {
        double sum = 0;
        for (int k = 0; k < classes(); k++) {
            sum += support(k) * score(which, k);
        }
        return m == 0 ? 0 : sum / m;
    }

    /**
     * The per-class table, scikit-learn's {@code classification_report} layout: one line per class
     * (precision, recall, F1, support), then accuracy and the macro and weighted averages.
     */
    public String report(List<String> classNames) {
        checkNames(classNames);
        int w = Math.max(12, classNames.stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%" + w + "s %9s %9s %9s %9s%n", "", "precision", "recall", "f1", "support"));
        for (int k = 0; k < classes(); k++) {
            s.append(String.format(Locale.ROOT, "%" + w + "s %9.3f %9.3f %9.3f %9d%n", classNames.get(k), precision(k), recall(k),
                    f1(k), support(k)));
        }
        s.append(String.format(Locale.ROOT, "%" + w + "s %9s %9s %9.3f %9d%n", "accuracy", "", "", accuracy(), m));
        s.append(String.format(Locale.ROOT, "%" + w + "s %9.3f %9.3f %9.3f %9d%n", "macro avg", macroPrecision(), macroRecall(),
                macroF1(), m));
        s.append(String.format(Locale.ROOT, "%" + w + "s %9.3f %9.3f %9.3f %9d%n", "weighted avg", weightedPrecision(),
                weightedRecall(), weightedF1(), m));
        return s.toString();
    }

    /** The confusion matrix as text: rows are true classes, columns predicted ones (by index; names listed first). */
    public String confusionTable(List<String> classNames) {
        checkNames(classNames);
        int w = 6;
        for (long[] row : confusion) {
            for (long v : row) {
                w = Math.max(w, Long.toString(v).length() + 1);
            }
        }
        StringBuilder s = new StringBuilder("confusion matrix (rows: true class, columns: predicted class)\n");
        for (int k = 0; k < classes(); k++) {
            s.append(String.format(Locale.ROOT, "  %d = %s%n", k, classNames.get(k)));
        }
        s.append(String.format(Locale.ROOT, "%" + w + "s", "true\\pred".substring(0, Math.min(w, 9))));
        for (int k = 0; k < classes(); k++) {
            s.append(String.format(Locale.ROOT, "%" + w + "d", k));
        }
        s.append('\n');
        for (int t = 0; t < classes(); t++) {
            s.append(String.format(Locale.ROOT, "%" + w + "d", t));
            for (int p = 0; p < classes(); p++) {
                s.append(String.format(Locale.ROOT, "%" + w + "d", confusion[t][p]));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private void checkNames(List<String> classNames) {
        if (classNames.size() != classes()) {
            throw new IllegalArgumentException(String.format(
                    "ClassificationMetrics: %d class names %s for %d classes; give one name per class index",
                    classNames.size(), classNames, classes()));
        }
    }
}
