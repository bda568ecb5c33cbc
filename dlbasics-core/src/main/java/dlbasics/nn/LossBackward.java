package dlbasics.nn;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;

/**
 * The backward of {@link Losses#crossEntropy(Matrix, Matrix)}: the gradient of the cost with respect
 * to the output activations, as the course writes it in {@code L_model_backward}.
 */
public final class LossBackward {
    private LossBackward() {
    }

    /**
     * {@code dAL = -(Y / AL - (1 - Y) / (1 - AL))} element-wise, the course's expression (it leaves out
     * the 1/m, which {@link Linear#backward} applies). A term whose weight (y or 1-y) is 0 is left
     * out, as in {@link Losses#crossEntropy}, so a label 1 with {@code AL = 1} gives -1 instead of NaN;
     * for labels 0/1 and {@code 0 < AL < 1} the result equals numpy's bit for bit.
     *
     * @param AL  output activations, {@code 1 x m}
     * @param Y   labels, {@code 1 x m}
     * @param dAL output, {@code 1 x m}; may be AL
     */
    public static void crossEntropy(Matrix AL, Matrix Y, Matrix dAL) {
        if (AL.rows() != Y.rows() || AL.cols() != Y.cols()) {
            throw new IllegalArgumentException(String.format(
                    "crossEntropyBackward: AL is %s but Y is %s; both must be 1 x m with one column per example%s",
                    Shapes.shape(AL), Shapes.shape(Y),
                    AL.rows() == Y.cols() && AL.cols() == Y.rows() ? " (did you mean Y.transpose()?)" : ""));
        }
        Shapes.output("crossEntropyBackward", dAL, AL.rows(), AL.cols());
        double[] a = AL.data();
        double[] y = Y.data();
        double[] d = dAL.data();
        for (int i = 0; i < a.length; i++) {
            double yOverA = y[i] != 0 ? y[i] / a[i] : 0.0;
            double notYOverNotA = y[i] != 1 ? (1 - y[i]) / (1 - a[i]) : 0.0;
            d[i] = -(yOverA - notYOverNotA);
        }
    }
}
