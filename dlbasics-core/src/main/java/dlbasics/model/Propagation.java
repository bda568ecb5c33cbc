package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;
import dlbasics.nn.Linear;
import dlbasics.nn.Loss;
import dlbasics.random.NumpyRandom;

/**
 * The forward and backward pass of a {@link Network} on fixed data, through the one layer code
 * ({@link Linear}, {@link dlbasics.nn.Activation}, {@link Loss}), with every buffer allocated here once
 * per run, so that a pass allocates nothing.
 *
 * <pre>
 * shapes, for layer l = 1..L with n[l] units and m examples:
 *   A[0] = X        n[0] x m      a fixed view (Matrix.fixed): Gemm may keep a packed copy for both products
 *   Z[l], A[l]      n[l] x m
 *   dZ[l]           n[l] x m      dA[l]  n[l] x m  (l = 1..L-1, and L for the course's output gradient)
 *   dW[l], db[l]    in Gradients  (no dA[0]: the input layer needs none)
 *   D[l], G[l]      n[l] x m      with dropout (l = 1..L-1): the mask (1 keep, 0 drop) and g(Z[l]) before it
 * </pre>
 * Regularization, the second course's formulas inside the one pass:
 * <pre>
 * L2 (λ &gt; 0):        J += (λ/(2m))·Σ_l ‖W[l]‖²        dW[l] += (λ·W[l])/m
 * dropout (keep p):  D[l] = rand(n[l], m) &lt; p, A[l] = (G[l]·D[l])/p      dA[l] = (dA[l]·D[l])/p
 * </pre>
 * The masks come from the generator given to {@link #forward(NumpyRandom)} (layer 1 first, C order,
 * as {@code np.random.rand}); the activation's backward reads G[l], the unmasked output.
 */
final class Propagation {
    private final Network network;
    private final Loss loss;
    private final OutputGradient outputGradient;
    private final int L;
    private final Matrix Y;
    private final Matrix[] A;
    private final Matrix[] Z;
    private final Matrix[] dZ;
    private final Matrix[] dA;
    private final Gradients gradients;
    private final double l2;
    private final double keepProb;
    private final Matrix[] D;
    private final Matrix[] G;
    /** The Gram form's carried W[1]·X ({@code n[1] x m}), or null: then layer 1 runs through {@link Linear}. */
    private Matrix carried;

    /**
     * Allocates the buffers for {@code network} on X ({@code n[0] x m}) and Y ({@code 1 x m}, labels 0/1 or
     * class indices 0..K-1), already checked; a softmax output gets Y one-hot ({@code K x m}) once here.
     */
    Propagation(Network network, Matrix X, Matrix Y, OutputGradient outputGradient) {
        this(network, X, Y, outputGradient, true, 0.0, 1.0);
    }

    /**
     * As above, with L2 strength {@code l2} and keep probability {@code keepProb}; {@code fixedInput}
     * says X keeps its values for the whole run (false for a mini-batch buffer refilled every step).
     */
    Propagation(Network network, Matrix X, Matrix Y, OutputGradient outputGradient, boolean fixedInput, double l2, double keepProb) {
        this.network = network;
        this.l2 = l2;
        this.keepProb = keepProb;
        this.loss = network.loss();
        this.outputGradient = outputGradient;
        this.L = network.numLayers();
        this.Y = network.targets(Y);
        int m = X.cols();
        int[] n = network.layerDims();
        A = new Matrix[L + 1];
        Z = new Matrix[L + 1];
        dZ = new Matrix[L + 1];
        dA = new Matrix[L + 1];
        // read by both first-layer products every iteration: Gemm may keep a packed copy of a fixed X
        A[0] = fixedInput ? X.fixed() : X;
        D = new Matrix[L + 1];
        G = new Matrix[L + 1];
        for (int l = 1; l <= L; l++) {
            Z[l] = Matrix.zeros(n[l], m);
            A[l] = Matrix.zeros(n[l], m);
            dZ[l] = Matrix.zeros(n[l], m);
            if (l < L || outputGradient == OutputGradient.COURSE_DAL_THROUGH_SIGMOID) {
                dA[l] = Matrix.zeros(n[l], m);
            }
            if (keepProb < 1 && l < L) {
                D[l] = Matrix.zeros(n[l], m);
                G[l] = Matrix.zeros(n[l], m);
            }
        }
        gradients = new Gradients(network);
    }

    /**
     * From now on {@code Z[1] = P + b[1]} with P = W[1]·X carried by the caller ({@code n[1] x m}, live), and
     * the backward pass forms db[1] but neither dW[1] nor its L2 term: the Gram form moves W[1] itself.
     */
    void carryFirstLayer(Matrix P) {
        carried = P;
    }

    /** {@code Z[l] = W[l]·A[l-1] + b[l]}, {@code A[l] = g(Z[l])} for l = 1..L, with the current parameters. */
    void forward() {
        forward(null);
    }

    /** {@link #forward()} with dropout masks drawn from {@code rng} (needed when keepProb &lt; 1). */
    void forward(NumpyRandom rng) {
        for (int l = 1; l <= L; l++) {
            if (l == 1 && carried != null) {
                MatrixOps.plusColumn(carried, network.b(1), Z[1]);
            } else {
                Linear.forward(network.W(l), A[l - 1], network.b(l), Z[l]);
            }
            if (G[l] == null) {
                network.activation(l).forward(Z[l], A[l]);
            } else {
                network.activation(l).forward(Z[l], G[l]);
                double[] d = D[l].data();
                double[] g = G[l].data();
                double[] a = A[l].data();
                for (int i = 0; i < d.length; i++) {
                    d[i] = rng.nextDouble() < keepProb ? 1.0 : 0.0;
                    a[i] = (g[i] * d[i]) / keepProb;
                }
            }
        }
    }

    /** The cost J of the last forward pass, from the logits Z[L] (finite for any finite Z[L]), plus the L2 term. */
    double cost() {
        double J = loss.costFromLogits(Z[L], Y);
        if (l2 == 0) {
            return J;
        }
        double squares = 0;
        for (int l = 1; l <= L; l++) {
            double[] w = network.W(l).data();
            double s = 0;
            for (double v : w) {
                s += v * v;
            }
            squares += s;
        }
        return J + (1.0 / Y.cols() * l2 / 2) * squares;
    }

    /** The output logits Z[L] of the last forward pass ({@code n[L] x m}), for divergence checks. */
    Matrix outputLogits() {
        return Z[L];
    }

    /** dW[l] and db[l] for l = L down to 1 into {@link #gradients()}, from the last forward pass. */
    void backward() {
        if (outputGradient == OutputGradient.A_MINUS_Y) {
            loss.outputGradient(A[L], Y, dZ[L]);
        } else {
            loss.activationGradient(A[L], Y, dA[L]);
            network.activation(L).backward(dA[L], Z[L], A[L], dZ[L]);
        }
        for (int l = L; l >= 1; l--) {
            if (l < L) {
                if (D[l] == null) {
                    network.activation(l).backward(dA[l], Z[l], A[l], dZ[l]);
                } else {
                    double[] d = D[l].data();
                    double[] da = dA[l].data();
                    for (int i = 0; i < d.length; i++) {
                        da[i] = (da[i] * d[i]) / keepProb;
                    }
                    network.activation(l).backward(dA[l], Z[l], G[l], dZ[l]);
                }
            }
            if (l == 1 && carried != null) {
                Linear.biasGradient(dZ[1], gradients.db(1));
                break;
            }
            Linear.backward(dZ[l], A[l - 1], network.W(l), gradients.dW(l), gradients.db(l), l > 1 ? dA[l - 1] : null);
            if (l2 != 0) {
                double[] w = network.W(l).data();
                double[] dw = gradients.dW(l).data();
                double m = Y.cols();
                for (int i = 0; i < w.length; i++) {
                    dw[i] = dw[i] + (l2 * w[i]) / m;
                }
            }
        }
    }

    /** dZ[1] of the last backward pass, {@code n[1] x m}: the Gram form's input. */
    Matrix firstLayerDZ() {
        return dZ[1];
    }

    /** The dropout mask of hidden layer l of the last forward pass (1 keep, 0 drop), or null without dropout. */
    Matrix mask(int l) {
        return D[l];
    }

    /** The examples of the last forward pass classified right: output above 0.5 for one unit, the largest output for K. */
    int correct() {
        double[] a = A[L].data();
        double[] y = Y.data();
        int K = A[L].rows();
        int m = A[L].cols();
        int n = 0;
        if (K == 1) {
            for (int i = 0; i < a.length; i++) {
                if ((a[i] > 0.5 ? 1.0 : 0.0) == y[i]) {
                    n++;
                }
            }
            return n;
        }
        // K classes: the column's largest output against the one-hot label's class
        for (int j = 0; j < m; j++) {
            int best = 0;
            int label = 0;
            for (int k = 1; k < K; k++) {
                if (a[k * m + j] > a[best * m + j]) {
                    best = k;
                }
                if (y[k * m + j] > y[label * m + j]) {
                    label = k;
                }
            }
            if (best == label) {
                n++;
            }
        }
        return n;
    }

    /** The input buffer A[0] = X, {@code n[0] x m} (refilled per step for mini-batches). */
    Matrix input() {
        return A[0];
    }

    /** The labels Y, {@code n[L] x m}. */
    Matrix labels() {
        return Y;
    }

    /** The number of examples m of this pass. */
    int examples() {
        return Y.cols();
    }

    /** The gradient buffers that {@link #backward()} overwrites. */
    Gradients gradients() {
        return gradients;
    }
}
