package dlbasics.cli;

import dlbasics.matrix.Matrix;

/**
 * How well predictions match labels: the confusion matrix (rows the true class, columns the predicted
 * one) and accuracy, precision, recall and F1 of class 1. Precision, recall and F1 are NaN when their
 * denominator is 0 (no predicted or no true 1s).
 */
record Scores(int trueNegatives, int falsePositives, int falseNegatives, int truePositives) {
    /** Counts predictions (1 x m of 0/1) against Y (1 x m of 0/1). */
    static Scores of(Matrix predictions, Matrix Y) {
        int tn = 0;
        int fp = 0;
        int fn = 0;
        int tp = 0;
        for (int j = 0; j < Y.cols(); j++) {
            boolean p = predictions.get(0, j) > 0.5;
            boolean y = Y.get(0, j) > 0.5;
            if (p && y) {
                tp++;
            } else if (p) {
                fp++;
            } else if (y) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Scores(tn, fp, fn, tp);
    }

    int total() {
        return trueNegatives + falsePositives + falseNegatives + truePositives;
    }

    /** (TP + TN) / m. */
    double accuracy() {
        return (truePositives + trueNegatives) / (double) total();
    }

    /** TP / (TP + FP): of the examples called 1, the share that are 1. */
    double precision() {
        return truePositives / (double) (truePositives + falsePositives);
    }

    /** TP / (TP + FN): of the examples that are 1, the share found. */
    double recall() {
        return truePositives / (double) (truePositives + falseNegatives);
    }

    /** 2·P·R / (P + R). */
    double f1() {
        double p = precision();
        double r = recall();
        return 2 * p * r / (p + r);
    }
}
