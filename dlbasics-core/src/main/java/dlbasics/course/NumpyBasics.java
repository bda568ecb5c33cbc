package dlbasics.course;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.nn.Activation;

/**
 * The course's first notebook, "Python Basics with Numpy", under Java names. Each method returns a
 * new matrix and leaves its argument alone, like the notebook's functions.
 *
 * <table>
 *   <caption>Notebook name to Java name</caption>
 *   <tr><th>notebook</th><th>Java</th></tr>
 *   <tr><td>basic_sigmoid(x)</td><td>{@link #sigmoid(double)}</td></tr>
 *   <tr><td>sigmoid(x)</td><td>{@link #sigmoid(Matrix)}</td></tr>
 *   <tr><td>sigmoid_derivative(x)</td><td>{@link #sigmoidDerivative(Matrix)}</td></tr>
 *   <tr><td>image2vector(image)</td><td>{@link #image2vector(double[][][])}</td></tr>
 *   <tr><td>normalizeRows(x)</td><td>{@link #normalizeRows(Matrix)}</td></tr>
 *   <tr><td>softmax(x)</td><td>{@link #softmax(Matrix)}</td></tr>
 *   <tr><td>L1(yhat, y), L2(yhat, y)</td><td>{@link #l1(Matrix, Matrix)}, {@link #l2(Matrix, Matrix)}</td></tr>
 * </table>
 */
public final class NumpyBasics {
    private NumpyBasics() {
    }

    /** {@code σ(x) = 1 / (1 + e^-x)} of one number, the notebook's {@code basic_sigmoid}; σ(3) ≈ 0.95257413. */
    public static double sigmoid(double x) {
        return Activation.sigmoid(x);
    }

    /**
     * {@code σ(x) = 1 / (1 + e^-x)} of every entry, like {@code 1 / (1 + np.exp(-x))}. Finite for any
     * input (never NaN for a non-NaN entry).
     *
     * @param x any shape
     * @return the same shape as x
     */
    public static Matrix sigmoid(Matrix x) {
        return Activation.SIGMOID.forward(x);
    }

    /**
     * The sigmoid's gradient {@code σ'(x) = σ(x) (1 - σ(x))} of every entry.
     *
     * @param x any shape
     * @return the same shape as x
     */
    public static Matrix sigmoidDerivative(Matrix x) {
        // σ'(x) = s (1 - s) with s = σ(x): the SIGMOID backward with dA = 1
        Matrix dZ = Matrix.zeros(x.rows(), x.cols());
        Activation.SIGMOID.backward(Matrix.ones(x.rows(), x.cols()), x, null, dZ);
        return dZ;
    }

    /**
     * An image of shape {@code (length, height, depth)} as one column of
     * {@code length·height·depth} values in C order (depth fastest), like
     * {@code image.reshape(length * height * depth, 1)}.
     *
     * @param image {@code image[i][j][k]}: {@code length} arrays of {@code height} arrays of {@code depth} values
     * @return {@code (length·height·depth) x 1}
     */
    public static Matrix image2vector(double[][][] image) {
        int length = image.length;
        int height = length == 0 ? 0 : image[0].length;
        int depth = height == 0 ? 0 : image[0][0].length;
        double[] v = new double[Math.multiplyExact(Math.multiplyExact(length, height), depth)];
        int k = 0;
        for (int i = 0; i < length; i++) {
            if (image[i].length != height) {
                throw new IllegalArgumentException(String.format(
                        "image2vector: image[%d] has %d rows but image[0] has %d; the image must be a "
                                + "(length, height, depth) block", i, image[i].length, height));
            }
            for (int j = 0; j < height; j++) {
                if (image[i][j].length != depth) {
                    throw new IllegalArgumentException(String.format(
                            "image2vector: image[%d][%d] has %d values but image[0][0] has %d; the image must be a "
                                    + "(length, height, depth) block", i, j, image[i][j].length, depth));
                }
                System.arraycopy(image[i][j], 0, v, k, depth);
                k += depth;
            }
        }
        return Matrix.wrap(v.length, 1, v);
    }

    /**
     * The same for an image already flat in C order (as image readers give it): checks that
     * {@code values} holds {@code length·height·depth} numbers and returns them as a column.
     *
     * @return {@code (length·height·depth) x 1}
     */
    public static Matrix image2vector(int length, int height, int depth, double[] values) {
        long n = (long) length * height * depth;
        if (length < 0 || height < 0 || depth < 0 || n != values.length) {
            throw new IllegalArgumentException(String.format(
                    "image2vector: %d values cannot be an image of shape (%d, %d, %d), which holds %d; "
                            + "pass the image's length, height and depth", values.length, length, height, depth, n));
        }
        return Matrix.column(values);
    }

    /**
     * Each row divided by its Euclidean norm, {@code x / ‖x‖} with {@code ‖x‖ = sqrt(Σ_j x_ij²)}, like
     * {@code x / np.linalg.norm(x, axis=1, keepdims=True)}. A row of zeros has norm 0 and becomes NaN,
     * as in numpy.
     *
     * @param x {@code n x m}
     * @return {@code n x m}, every non-zero row of unit length
     */
    public static Matrix normalizeRows(Matrix x) {
        // ‖x_i‖ = sqrt(Σ_j x_ij²), an n x 1 column broadcast over the columns
        Matrix norms = x.square().rowSums().sqrt();
        return x.divideColumn(norms);
    }

    /**
     * The softmax of each row, {@code s_ij = e^(x_ij) / Σ_k e^(x_ik)}. The row maximum is subtracted
     * first ({@code e^(x - max)} has the same ratios) so that large entries cannot overflow: the
     * notebook's {@code np.exp(x)} alone overflows past x ≈ 709. Results agree with the notebook's
     * formula to about 1e-16 where that formula is finite.
     *
     * @param x {@code n x m}, one distribution per row
     * @return {@code n x m}, every row summing to 1
     */
    public static Matrix softmax(Matrix x) {
        Matrix out = Matrix.zeros(x.rows(), x.cols());
        int m = x.cols();
        double[] in = x.data();
        double[] s = out.data();
        for (int i = 0; i < x.rows(); i++) {
            int o = i * m;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                max = Math.max(max, in[o + j]);
            }
            // e^(x_ij - max), then divide by the row sum
            double sum = 0;
            for (int j = 0; j < m; j++) {
                s[o + j] = Math.exp(in[o + j] - max);
                sum += s[o + j];
            }
            for (int j = 0; j < m; j++) {
                s[o + j] /= sum;
            }
        }
        return out;
    }

    /**
     * The L1 loss {@code Σ |y - yhat|}. For the notebook's yhat = [.9, .2, .1, .4, .9] and
     * y = [1, 0, 0, 1, 1] it is 1.1.
     *
     * @param yhat predictions, any shape
     * @param y    labels, the same shape
     */
    public static double l1(Matrix yhat, Matrix y) {
        Shapes.sameShape("L1", yhat, y);
        return y.minus(yhat).abs().sum();
    }

    /**
     * The L2 loss {@code Σ (y - yhat)²} (the notebook's {@code np.dot(y - yhat, y - yhat)}); 0.43 for the
     * notebook's vectors.
     *
     * @param yhat predictions, any shape
     * @param y    labels, the same shape
     */
    public static double l2(Matrix yhat, Matrix y) {
        Shapes.sameShape("L2", yhat, y);
        Matrix d = y.minus(yhat);
        return d.dot(d);
    }

    /** {@link #l1(Matrix, Matrix)} of two vectors of equal length. */
    public static double l1(double[] yhat, double[] y) {
        return l1(vector("L1", yhat, y), Matrix.row(y));
    }

    /** {@link #l2(Matrix, Matrix)} of two vectors of equal length. */
    public static double l2(double[] yhat, double[] y) {
        return l2(vector("L2", yhat, y), Matrix.row(y));
    }

    private static Matrix vector(String operation, double[] yhat, double[] y) {
        if (yhat.length != y.length) {
            throw new IllegalArgumentException(String.format(
                    "%s: yhat has %d values but y has %d; pass one prediction per label", operation, yhat.length, y.length));
        }
        return Matrix.row(yhat);
    }
}
