package dlbasics.data;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;

import java.util.List;

/**
 * A labelled data set in the course's layout: X is {@code n_x x m} (one example per column), Y is
 * {@code 1 x m} with labels 0 or 1 (two classes) or class indices 0..K-1 (K = classNames.size() &gt; 2), and
 * {@code classNames.get(k)} names label k (e.g. "non-cat", "cat").
 *
 * <p>The constructor checks everything a training run relies on and says what is wrong: X and Y with
 * different m, Y not one row, labels other than 0/1, NaN or infinite values.
 */
public record Dataset(Matrix X, Matrix Y, List<String> classNames) {
    /** Validates shapes, labels and values. */
    public Dataset {
        validate("Dataset", X, Y, Math.max(2, classNames.size()));
        classNames = List.copyOf(classNames);
    }

    /** A data set with the classes named "0" and "1". */
    public Dataset(Matrix X, Matrix Y) {
        this(X, Y, List.of("0", "1"));
    }

    /**
     * Checks that X ({@code n_x x m}) and Y ({@code 1 x m}) fit the course's conventions, with an
     * {@link IllegalArgumentException} naming {@code operation} and what is wrong.
     */
    public static void validate(String operation, Matrix X, Matrix Y) {
        validate(operation, X, Y, 2);
    }

    /**
     * As {@link #validate(String, Matrix, Matrix)}, with labels that are class indices 0..classes-1
     * (0 or 1 when {@code classes} is 2, with the binary message).
     */
    public static void validate(String operation, Matrix X, Matrix Y, int classes) {
        if (Y.rows() != 1) {
            throw new IllegalArgumentException(String.format(
                    "%s: Y is %s but labels must be one row, 1 x m%s", operation, Shapes.shape(Y),
                    Y.cols() == 1 ? "; did you mean Y.transpose()?" : ""));
        }
        if (X.cols() != Y.cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: X is %s but Y is %s; X and Y need the same number of examples m (columns)%s",
                    operation, Shapes.shape(X), Shapes.shape(Y),
                    X.rows() == Y.cols() ? " — examples go in columns, did you mean X.transpose()?" : ""));
        }
        int bad = X.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: X holds %s at row %d, column %d (example %d); remove or impute non-finite values before training",
                    operation, X.data()[bad], bad / X.cols(), bad % X.cols(), bad % X.cols()));
        }
        double[] y = Y.data();
        if (classes > 2) {
            for (int j = 0; j < y.length; j++) {
                if (y[j] != Math.rint(y[j]) || y[j] < 0 || y[j] >= classes) {
                    throw new IllegalArgumentException(String.format(
                            "%s: label %s at column %d is not a class index 0..%d; with %d classes the labels are "
                                    + "one row of indices 0..%d (map your class names to indices first)",
                            operation, y[j], j, classes - 1, classes, classes - 1));
                }
            }
            return;
        }
        for (int j = 0; j < y.length; j++) {
            if (y[j] != 0.0 && y[j] != 1.0) {
                throw new IllegalArgumentException(String.format(
                        "%s: label %s at column %d is not 0 or 1; binary classification needs labels 0 and 1 "
                                + "(map your classes to 0/1 first)", operation, y[j], j));
            }
        }
    }

    /** n_x, the number of features per example. */
    public int features() {
        return X.rows();
    }

    /** m, the number of examples. */
    public int size() {
        return X.cols();
    }

    /** The examples at the given column indices, in that order (for shuffles and splits). */
    public Dataset select(int... columns) {
        return new Dataset(X.selectColumns(columns), Y.selectColumns(columns), classNames);
    }
}
