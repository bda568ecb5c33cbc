package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.nn.Linear;
import dlbasics.nn.Loss;
import dlbasics.nn.SoftmaxCrossEntropy;
import dlbasics.random.NumpyRandom;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dense feed-forward classifier: {@code L} layers of sizes {@code layerDims = [n0, n1, ..., nL]},
 * hidden layers with ReLU (or tanh). The output follows nL: one unit is the course's sigmoid with binary
 * cross-entropy (labels 0/1); K ≥ 2 units are a softmax with categorical cross-entropy over K classes
 * (labels 0..K-1), see {@link #loss()}.
 *
 * <p>Parameters use the course's names and shapes: {@code W[l]} is {@code n[l] x n[l-1]},
 * {@code b[l]} is {@code n[l] x 1}, for l = 1..L. Inputs X are {@code n0 x m}, one example per
 * column; outputs are {@code nL x m} (usually {@code 1 x m}).
 *
 * <p>{@code Network.of(12288, 20, 7, 5, 1)} makes the course's L-layer architecture with zero
 * parameters; {@link #initialize} draws them, and {@link Trainer} fits them. The parameter matrices
 * are live: training updates them in place.
 */
public final class Network {
    private final int[] layerDims;
    private final Activation hidden;
    private final Matrix[] W;
    private final Matrix[] b;

    private Network(int[] layerDims, Activation hidden) {
        checkDims(layerDims);
        this.layerDims = layerDims.clone();
        this.hidden = hidden;
        int L = layerDims.length - 1;
        this.W = new Matrix[L + 1];
        this.b = new Matrix[L + 1];
        for (int l = 1; l <= L; l++) {
            W[l] = Matrix.zeros(layerDims[l], layerDims[l - 1]);
            b[l] = Matrix.zeros(layerDims[l], 1);
        }
    }

    private static void checkDims(int[] dims) {
        if (dims.length < 2) {
            throw new IllegalArgumentException(String.format(
                    "Network: layer sizes %s name no layer; give the input size and at least one layer, e.g. Network.of(12288, 20, 7, 5, 1)",
                    Arrays.toString(dims)));
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new IllegalArgumentException(String.format(
                        "Network: layer sizes %s have %d at position %d; every layer needs at least one unit",
                        Arrays.toString(dims), dims[i], i));
            }
        }
    }

    /** ReLU hidden layers and a sigmoid output: {@code Network.of(12288, 20, 7, 5, 1)}. Parameters start at 0. */
    public static Network of(int... layerDims) {
        return new Network(layerDims, Activation.RELU);
    }

    /** Hidden layers with {@code hidden} (RELU or TANH) and a sigmoid (one unit) or softmax (K units) output. Parameters start at 0. */
    public static Network of(Activation hidden, int... layerDims) {
        if (hidden == null) {
            throw new IllegalArgumentException("Network.of: the hidden activation is null; use Activation.RELU or Activation.TANH");
        }
        if (hidden == Activation.SOFTMAX) {
            throw new IllegalArgumentException("Network.of: softmax is an output activation, not a hidden one; use Activation.RELU "
                    + "or Activation.TANH (a network with K >= 2 output units ends with softmax by itself)");
        }
        return new Network(layerDims, hidden);
    }

    /**
     * A network holding the given parameters (copied), named as the course names them: W1, b1, ..., WL, bL.
     * Layer sizes are read from the shapes.
     */
    public static Network fromParameters(Activation hidden, Map<String, Matrix> parameters) {
        int L = 0;
        while (parameters.containsKey("W" + (L + 1))) {
            L++;
        }
        if (L == 0) {
            throw new IllegalArgumentException("Network.fromParameters: no W1 among " + parameters.keySet()
                    + "; parameters are named W1, b1, W2, b2, ...");
        }
        int[] dims = new int[L + 1];
        dims[0] = parameters.get("W1").cols();
        for (int l = 1; l <= L; l++) {
            dims[l] = parameters.get("W" + l).rows();
        }
        Network net = of(hidden, dims);
        for (int l = 1; l <= L; l++) {
            Matrix w = parameters.get("W" + l);
            Matrix bias = parameters.get("b" + l);
            if (bias == null) {
                throw new IllegalArgumentException("Network.fromParameters: W" + l + " has no b" + l + "; every layer needs both");
            }
            if (!w.hasShape(dims[l], dims[l - 1]) || !bias.hasShape(dims[l], 1)) {
                throw new IllegalArgumentException(String.format(
                        "Network.fromParameters: W%d is %s and b%d is %s, but layer %d maps %d inputs to %d units "
                                + "(W%d must be %dx%d and b%d %dx1)",
                        l, Shapes.shape(w), l, Shapes.shape(bias), l, dims[l - 1], dims[l], l, dims[l], dims[l - 1], l, dims[l]));
            }
            net.W[l].setTo(w);
            net.b[l].setTo(bias);
        }
        return net;
    }

    /** Draws fresh weights with {@code initializer} from {@code rng} (layer 1 first) and zeroes the biases; returns this. */
    public Network initialize(Initializer initializer, NumpyRandom rng) {
        for (int l = 1; l <= numLayers(); l++) {
            W[l].setTo(initializer.weights(layerDims[l], layerDims[l - 1], rng));
            java.util.Arrays.fill(b[l].data(), 0.0);
        }
        return this;
    }

    /** The layer sizes {@code [n0, n1, ..., nL]} (a copy). */
    public int[] layerDims() {
        return layerDims.clone();
    }

    /** L, the number of layers with parameters (the input layer is not counted). */
    public int numLayers() {
        return layerDims.length - 1;
    }

    /** n0, the number of input features. */
    public int inputSize() {
        return layerDims[0];
    }

    /** The activation of the hidden layers. */
    public Activation hiddenActivation() {
        return hidden;
    }

    /** The activation of layer {@code l} (1-based): the loss's output activation for the last, the hidden activation otherwise. */
    public Activation activation(int l) {
        return l == numLayers() ? loss().outputActivation() : hidden;
    }

    /** The cost this network trains with: binary cross-entropy (sigmoid) for one output unit, softmax cross-entropy for K ≥ 2. */
    public Loss loss() {
        return outputSize() == 1 ? Loss.BINARY_CROSS_ENTROPY : Loss.SOFTMAX_CROSS_ENTROPY;
    }

    /** nL, the number of output units. */
    public int outputSize() {
        return layerDims[layerDims.length - 1];
    }

    /** K, the number of classes told apart: 2 for one sigmoid unit, nL for a softmax output. */
    public int classes() {
        return outputSize() == 1 ? 2 : outputSize();
    }

    /**
     * The labels Y ({@code 1 x m}) in the form the loss takes: Y itself for a sigmoid output, the one-hot
     * {@code K x m} matrix for a softmax output.
     */
    public Matrix targets(Matrix Y) {
        return outputSize() == 1 ? Y : SoftmaxCrossEntropy.oneHot(Y, outputSize());
    }

    /** The live weight matrix of layer {@code l} (1-based), {@code n[l] x n[l-1]}. */
    public Matrix W(int l) {
        checkLayer(l);
        return W[l];
    }

    /** The live bias column of layer {@code l} (1-based), {@code n[l] x 1}. */
    public Matrix b(int l) {
        checkLayer(l);
        return b[l];
    }

    private void checkLayer(int l) {
        if (l < 1 || l > numLayers()) {
            throw new IndexOutOfBoundsException(String.format(
                    "Network: layer %d does not exist; layers are numbered 1 to %d as in the course", l, numLayers()));
        }
    }

    /** The number of trainable values, Σ n[l]·(n[l-1] + 1). */
    public long parameterCount() {
        long n = 0;
        for (int l = 1; l <= numLayers(); l++) {
            n += (long) layerDims[l] * (layerDims[l - 1] + 1);
        }
        return n;
    }

    /** Copies of the parameters by course name, in order W1, b1, W2, b2, ... */
    public Map<String, Matrix> parameters() {
        Map<String, Matrix> p = new LinkedHashMap<>();
        for (int l = 1; l <= numLayers(); l++) {
            p.put("W" + l, W[l].copy());
            p.put("b" + l, b[l].copy());
        }
        return p;
    }

    /** A deep copy. */
    public Network copy() {
        return fromParameters(hidden, parameters());
    }

    /** Checks that X is {@code n0 x m} with finite values, naming the operation. */
    void checkInput(String op, Matrix X) {
        if (X.rows() != inputSize()) {
            throw new IllegalArgumentException(String.format(
                    "%s: X is %s but the network takes %d inputs per example (X must be %d x m)%s",
                    op, Shapes.shape(X), inputSize(), inputSize(),
                    X.cols() == inputSize() ? "; examples go in columns — did you mean X.transpose()?" : ""));
        }
        int bad = X.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: X holds %s at row %d, column %d (example %d); clean or impute the data before predicting",
                    op, X.data()[bad], bad / X.cols(), bad % X.cols(), bad % X.cols()));
        }
    }

    /**
     * The output activations {@code AL}, {@code nL x m}, for inputs X ({@code n0 x m}): {@code σ(Z[L])},
     * the probability of class 1, for one unit; {@code softmax(Z[L])}, one probability per class in each
     * column (summing to 1), for K units.
     */
    public Matrix predictProbabilities(Matrix X) {
        checkInput("predictProbabilities", X);
        int m = X.cols();
        if (m <= PREDICT_COLUMNS) {
            return forwardAll(X);
        }
        // in blocks of columns: a large set's activations never exist whole (Fashion-MNIST's 60,000
        // examples: 190 MB for [784, 256, 128, 10]); every column is computed on its own, so the bits are the same
        Matrix out = Matrix.zeros(outputSize(), m);
        for (int j0 = 0; j0 < m; j0 += PREDICT_COLUMNS) {
            int j1 = Math.min(m, j0 + PREDICT_COLUMNS);
            Matrix block = forwardAll(X.columns(j0, j1));
            for (int i = 0; i < out.rows(); i++) {
                System.arraycopy(block.data(), i * (j1 - j0), out.data(), i * m + j0, j1 - j0);
            }
        }
        return out;
    }

    /** Examples per block of {@link #predictProbabilities}: 2048 columns of 784 inputs are 12.5 MB. */
    static final int PREDICT_COLUMNS = 2048;

    private Matrix forwardAll(Matrix X) {
        Matrix A = X;
        for (int l = 1; l <= numLayers(); l++) {
            Matrix Z = Matrix.zeros(layerDims[l], X.cols());
            Linear.forward(W[l], A, b[l], Z);
            activation(l).forward(Z, Z);
            A = Z;
        }
        return A;
    }

    /**
     * Predicted labels, {@code 1 x m}: for one sigmoid unit 1 where the output is {@code > 0.5}, else 0;
     * for a softmax output the class index 0..K-1 of the highest probability (the first on a tie).
     */
    public Matrix predict(Matrix X) {
        Matrix P = predictProbabilities(X);
        return outputSize() == 1 ? P.greaterThan(0.5) : argmaxColumns(P);
    }

    /** The row index of each column's largest value (the first on a tie), {@code 1 x m}. */
    static Matrix argmaxColumns(Matrix P) {
        int K = P.rows();
        int m = P.cols();
        double[] p = P.data();
        Matrix c = Matrix.zeros(1, m);
        for (int j = 0; j < m; j++) {
            int best = 0;
            for (int k = 1; k < K; k++) {
                if (p[k * m + j] > p[best * m + j]) {
                    best = k;
                }
            }
            c.data()[j] = best;
        }
        return c;
    }

    /** The share of predictions equal to Y ({@code 1 x m}), in [0, 1]. Multiply by 100 for the course's percent. */
    public double accuracy(Matrix X, Matrix Y) {
        Matrix p = predict(X);
        if (p.rows() != Y.rows() || p.cols() != Y.cols()) {
            throw new IllegalArgumentException(String.format(
                    "accuracy: the predictions are %s but Y is %s; Y must hold one label per example (1 x m)",
                    Shapes.shape(p), Shapes.shape(Y)));
        }
        return p.equalTo(Y).mean();
    }

    @Override
    public String toString() {
        return "Network" + Arrays.toString(layerDims) + " (" + hidden.courseName() + " hidden, "
                + activation(numLayers()).courseName() + " output, "
                + parameterCount() + " parameters)";
    }
}
