package dlbasics.nn;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;
import dlbasics.matrix.Shapes;

/**
 * Categorical cross-entropy with a softmax output, for K ≥ 2 classes, forward beside backward
 * ({@link Loss#SOFTMAX_CROSS_ENTROPY}). Y is one-hot, {@code K x m}: {@code Y[k][j] = 1} when example j
 * is of class k ({@link #oneHot} makes it from a {@code 1 x m} row of class indices).
 *
 * <pre>
 * shapes: Z, A, Y, dA, dZ all K x m (one column per example)
 * softmax          A[k][j] = e^(Z[k][j] - max_k Z[.][j]) / Σ_i e^(Z[i][j] - max_k Z[.][j])
 *                  the shift by the column's maximum makes every exponent ≤ 0: no overflow for any finite Z
 * cost(A, Y)       J = -(1/m) Σ_j Σ_k Y log A     a term whose Y is 0 adds nothing; log 0 is log(MIN_VALUE)
 * costFromLogits   J = (1/m) Σ_j [logsumexp(Z[.][j]) - Σ_k Y Z]   with logsumexp = max + log Σ e^(Z - max)
 * outputGradient   dZ = A - Y                      (softmax's Jacobian times -Y/A, simplified)
 * activationGradient dA = -Y / A                   (0 where Y is 0)
 * softmaxBackward  dZ[k][j] = A[k][j] · (dA[k][j] - Σ_i A[i][j] dA[i][j])
 * </pre>
 */
public final class SoftmaxCrossEntropy implements Loss {
    static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy();
    private static final double LOG_MIN = Math.log(Double.MIN_VALUE);

    private SoftmaxCrossEntropy() {
    }

    @Override
    public Activation outputActivation() {
        return Activation.SOFTMAX;
    }

    @Override
    public double cost(Matrix A, Matrix Y) {
        check("computeCost", A, Y);
        double[] a = A.data();
        double[] y = Y.data();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (y[i] != 0) {
                sum += y[i] * (a[i] == 0 ? LOG_MIN : Math.log(a[i]));
            }
        }
        return -sum / A.cols();
    }

    @Override
    public double costFromLogits(Matrix Z, Matrix Y) {
        check("computeCost", Z, Y);
        int K = Z.rows();
        int m = Z.cols();
        double[] z = Z.data();
        double[] y = Y.data();
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double max = columnMax(z, K, m, j);
            double e = 0;
            double yTotal = 0;
            double yz = 0;
            for (int k = 0; k < K; k++) {
                int i = k * m + j;
                e += Math.exp(z[i] - max);
                if (y[i] != 0) {
                    yTotal += y[i];
                    yz += y[i] * (z[i] - max);
                }
            }
            sum += yTotal * Math.log(e) - yz; // Σ_k y_k (logsumexp - z_k), the max cancelling
        }
        return sum / m;
    }

    @Override
    public void outputGradient(Matrix A, Matrix Y, Matrix dZ) {
        check("outputGradient", A, Y);
        MatrixOps.minus(A, Y, dZ);
    }

    @Override
    public void activationGradient(Matrix A, Matrix Y, Matrix dA) {
        check("crossEntropyBackward", A, Y);
        Shapes.output("crossEntropyBackward", dA, A.rows(), A.cols());
        double[] a = A.data();
        double[] y = Y.data();
        double[] d = dA.data();
        for (int i = 0; i < a.length; i++) {
            d[i] = y[i] != 0 ? -y[i] / a[i] : 0.0;
        }
    }

    /** {@code A = softmax(Z)} down each column, as in the class comment; A ({@code K x m}) may be Z. */
    public static void softmax(Matrix Z, Matrix A) {
        int K = Z.rows();
        int m = Z.cols();
        double[] z = Z.data();
        double[] a = A.data();
        for (int j = 0; j < m; j++) {
            double max = columnMax(z, K, m, j);
            double sum = 0;
            for (int k = 0; k < K; k++) {
                double e = Math.exp(z[k * m + j] - max);
                a[k * m + j] = e;
                sum += e;
            }
            for (int k = 0; k < K; k++) {
                a[k * m + j] /= sum;
            }
        }
    }

    /** {@code dZ = A · (dA - Σ_columns A·dA)}, softmax's backward (class comment); dZ may be dA. All {@code K x m}. */
    public static void softmaxBackward(Matrix dA, Matrix A, Matrix dZ) {
        int K = A.rows();
        int m = A.cols();
        double[] a = A.data();
        double[] g = dA.data();
        double[] d = dZ.data();
        for (int j = 0; j < m; j++) {
            double dot = 0;
            for (int k = 0; k < K; k++) {
                dot += a[k * m + j] * g[k * m + j];
            }
            for (int k = 0; k < K; k++) {
                int i = k * m + j;
                d[i] = a[i] * (g[i] - dot);
            }
        }
    }

    /**
     * The one-hot {@code K x m} matrix of a {@code 1 x m} row of class indices 0..K-1, the form the
     * cost and the output gradient take.
     */
    public static Matrix oneHot(Matrix labels, int classes) {
        Matrix Y = Matrix.zeros(classes, labels.cols());
        oneHot(labels, Y);
        return Y;
    }

    /** Writes the one-hot form of {@code labels} ({@code 1 x m}, indices 0..K-1) into Y ({@code K x m}). */
    public static void oneHot(Matrix labels, Matrix Y) {
        if (labels.rows() != 1 || labels.cols() != Y.cols()) {
            throw new IllegalArgumentException(String.format(
                    "oneHot: labels are %s and Y is %s; labels must be one row of m class indices and Y K x m",
                    Shapes.shape(labels), Shapes.shape(Y)));
        }
        int K = Y.rows();
        int m = Y.cols();
        double[] y = Y.data();
        java.util.Arrays.fill(y, 0.0);
        double[] c = labels.data();
        for (int j = 0; j < m; j++) {
            int k = (int) c[j];
            if (k != c[j] || k < 0 || k >= K) {
                throw new IllegalArgumentException(String.format(
                        "oneHot: label %s at column %d is not a class index 0..%d; map the classes to 0..K-1 first",
                        c[j], j, K - 1));
            }
            y[k * m + j] = 1.0;
        }
    }

    private static double columnMax(double[] z, int K, int m, int j) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < K; k++) {
            max = Math.max(max, z[k * m + j]);
        }
        return max;
    }

    /** Predictions (A or Z) and one-hot labels: the same shape {@code K x m}, m > 0. */
    private static void check(String op, Matrix A, Matrix Y) {
        if (A.rows() != Y.rows() || A.cols() != Y.cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: the predictions are %s but Y is %s; softmax cross-entropy takes one-hot Y, K x m%s",
                    op, Shapes.shape(A), Shapes.shape(Y),
                    Y.rows() == 1 && Y.cols() == A.cols() ? " (a 1 x m row of class indices: use SoftmaxCrossEntropy.oneHot(Y, K))" : ""));
        }
        if (Y.cols() == 0) {
            throw new IllegalArgumentException(op + ": Y has no examples (0 columns); the cost is an average over m > 0 examples");
        }
    }
}
