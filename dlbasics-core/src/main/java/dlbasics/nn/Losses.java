package dlbasics.nn;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;

/**
 * The binary cross-entropy cost, {@code J = -(1/m) Σ [y log a + (1-y) log(1-a)]}, in two forms.
 *
 * <ul>
 *   <li>{@link #crossEntropy(Matrix, Matrix)} from the activations A, the course's
 *       {@code compute_cost(AL, Y)}: equal to the naive formula wherever that is finite; a term
 *       whose weight (y or 1-y) is 0 adds nothing (numpy would make 0·log(0) NaN), and a log of an
 *       exact 0 is taken as {@code log(Double.MIN_VALUE) ≈ -744.4}, so the cost stays finite even
 *       when A saturates to exactly 0 or 1.</li>
 *   <li>{@link #crossEntropyFromLogits(Matrix, Matrix)} from Z with {@code A = σ(Z)}: stable and
 *       exact for any finite Z, using {@code log σ(z) = -softplus(-z)} and
 *       {@code log(1-σ(z)) = -softplus(z)}. Models use this form when Z is at hand.</li>
 * </ul>
 */
public final class Losses {
    private static final double LOG_MIN = Math.log(Double.MIN_VALUE);

    private Losses() {
    }

    /** Checks labels and predictions for the cost: same shape {@code 1 x m}, m > 0. */
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

    /** {@code J = -(1/m) Σ [y log a + (1-y) log(1-a)]} from activations A and labels Y, both {@code 1 x m}. */
    public static double crossEntropy(Matrix A, Matrix Y) {
        check("computeCost", A, Y);
        double[] a = A.data();
        double[] y = Y.data();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double term = 0;
            if (y[i] != 0) {
                term += y[i] * safeLog(a[i]);
            }
            if (y[i] != 1) {
                term += (1 - y[i]) * safeLog(1 - a[i]);
            }
            sum += term;
        }
        return (-1.0 / A.cols()) * sum;
    }

    private static double safeLog(double x) {
        return x == 0 ? LOG_MIN : Math.log(x);
    }

    /** {@code softplus(x) = log(1 + e^x)}, without overflow: {@code max(x, 0) + log1p(e^-|x|)}. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * The same cost from the logits Z of a sigmoid output ({@code A = σ(Z)}), both {@code 1 x m}:
     * {@code J = (1/m) Σ [y softplus(-z) + (1-y) softplus(z)]}. Finite for any finite Z.
     */
    public static double crossEntropyFromLogits(Matrix Z, Matrix Y) {
        check("computeCost", Z, Y);
        double[] z = Z.data();
        double[] y = Y.data();
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double term = 0;
            if (y[i] != 0) {
                term += y[i] * softplus(-z[i]);
            }
            if (y[i] != 1) {
                term += (1 - y[i]) * softplus(z[i]);
            }
            sum += term;
        }
        return sum / Z.cols();
    }
}
