package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Linear;
import dlbasics.nn.Loss;

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
 * </pre>
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

    /**
     * Allocates the buffers for {@code network} on X ({@code n[0] x m}) and Y ({@code 1 x m}, labels 0/1 or
     * class indices 0..K-1), already checked; a softmax output gets Y one-hot ({@code K x m}) once here.
     */
    Propagation(Network network, Matrix X, Matrix Y, OutputGradient outputGradient) {
        this.network = network;
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
        A[0] = X.fixed(); // read by both first-layer products every iteration: Gemm may keep a packed copy
        for (int l = 1; l <= L; l++) {
            Z[l] = Matrix.zeros(n[l], m);
            A[l] = Matrix.zeros(n[l], m);
            dZ[l] = Matrix.zeros(n[l], m);
            if (l < L || outputGradient == OutputGradient.COURSE_DAL_THROUGH_SIGMOID) {
                dA[l] = Matrix.zeros(n[l], m);
            }
        }
        gradients = new Gradients(network);
    }

    /** {@code Z[l] = W[l]·A[l-1] + b[l]}, {@code A[l] = g(Z[l])} for l = 1..L, with the current parameters. */
    void forward() {
        for (int l = 1; l <= L; l++) {
            Linear.forward(network.W(l), A[l - 1], network.b(l), Z[l]);
            network.activation(l).forward(Z[l], A[l]);
        }
    }

    /** The cost J of the last forward pass, from the logits Z[L] (finite for any finite Z[L]). */
    double cost() {
        return loss.costFromLogits(Z[L], Y);
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
                network.activation(l).backward(dA[l], Z[l], A[l], dZ[l]);
            }
            Linear.backward(dZ[l], A[l - 1], network.W(l), gradients.dW(l), gradients.db(l), l > 1 ? dA[l - 1] : null);
        }
    }

    /** The gradient buffers that {@link #backward()} overwrites. */
    Gradients gradients() {
        return gradients;
    }
}
