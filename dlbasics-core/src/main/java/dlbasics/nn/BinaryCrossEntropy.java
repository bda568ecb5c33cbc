package dlbasics.nn;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;
import dlbasics.matrix.Shapes;

import java.util.function.IntToDoubleFunction;

/**
 * Binary cross-entropy, {@code J = -(1/m) Σ [y log a + (1-y) log(1-a)]} with {@code a = σ(z)}, forward
 * beside backward ({@link Loss#BINARY_CROSS_ENTROPY}).
 *
 * <pre>
 * cost(A, Y)            J from A, the course's compute_cost; a term whose weight (y or 1-y) is 0 adds
 *                       nothing (numpy makes 0·log 0 NaN) and log 0 is taken as log(MIN_VALUE) ≈ -744.4,
 *                       so J stays finite when A saturates to exactly 0 or 1
 * costFromLogits(Z, Y)  J = (1/m) Σ [y softplus(-z) + (1-y) softplus(z)], since log σ(z) = -softplus(-z)
 * outputGradient        dZ[L] = A - Y                      (dAL through σ', simplified: never divides by A)
 * activationGradient    dA[L] = -(Y/A - (1-Y)/(1-A))       (the course's L_model_backward)
 * </pre>
 */
public final class BinaryCrossEntropy implements Loss {
    static final BinaryCrossEntropy INSTANCE = new BinaryCrossEntropy();
    private static final double LOG_MIN = Math.log(Double.MIN_VALUE);

    private BinaryCrossEntropy() {
    }

    @Override
    public Activation outputActivation() {
        return Activation.SIGMOID;
    }

    @Override
    public double cost(Matrix A, Matrix Y) {
        check("computeCost", A, Y);
        double[] a = A.data();
        return (-1.0 / A.cols()) * weightedSum(Y.data(), k -> safeLog(a[k]), k -> safeLog(1 - a[k]));
    }

    @Override
    public double costFromLogits(Matrix Z, Matrix Y) {
        check("computeCost", Z, Y);
        double[] z = Z.data();
        return weightedSum(Y.data(), k -> softplus(-z[k]), k -> softplus(z[k])) / Z.cols();
    }

    /** {@code Σ_k [y_k·ifOne(k) + (1-y_k)·ifZero(k)]}, in order; a term whose weight is 0 adds nothing (0·∞ would be NaN). */
    private static double weightedSum(double[] y, IntToDoubleFunction ifOne, IntToDoubleFunction ifZero) {
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            double term = 0;
            if (y[k] != 0) {
                term += y[k] * ifOne.applyAsDouble(k);
            }
            if (y[k] != 1) {
                term += (1 - y[k]) * ifZero.applyAsDouble(k);
            }
            sum += term;
        }
        return sum;
    }

    @Override
    public void outputGradient(Matrix A, Matrix Y, Matrix dZ) {
        check("outputGradient", A, Y);
        MatrixOps.minus(A, Y, dZ);
    }

    /** As in the class comment; a term whose weight is 0 is left out, so y = 1 with a = 1 gives -1, not NaN. */
    @Override
    public void activationGradient(Matrix A, Matrix Y, Matrix dA) {
        check("crossEntropyBackward", A, Y);
        Shapes.output("crossEntropyBackward", dA, A.rows(), A.cols());
        double[] a = A.data();
        double[] y = Y.data();
        double[] d = dA.data();
        for (int i = 0; i < a.length; i++) {
            double yOverA = y[i] != 0 ? y[i] / a[i] : 0.0;
            double notYOverNotA = y[i] != 1 ? (1 - y[i]) / (1 - a[i]) : 0.0;
            d[i] = -(yOverA - notYOverNotA);
        }
    }

    /** {@code softplus(x) = log(1 + e^x)}, without overflow: {@code max(x, 0) + log1p(e^-|x|)}. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double safeLog(double x) {
        return x == 0 ? LOG_MIN : Math.log(x);
    }

    /** Predictions (A or Z) and labels: the same shape {@code n[L] x m}, m > 0. */
    private static void check(String op, Matrix A, Matrix Y) {
        if (A.rows() != Y.rows() || A.cols() != Y.cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: the predictions are %s but Y is %s; both must be 1 x m with one column per example%s",
                    op, Shapes.shape(A), Shapes.shape(Y),
                    A.rows() == Y.cols() && A.cols() == Y.rows() ? " (did you mean Y.transpose()?)" : ""));
        }
        if (Y.cols() == 0) {
            throw new IllegalArgumentException(op + ": Y has no examples (0 columns); the cost is an average over m > 0 examples");
        }
    }
}
