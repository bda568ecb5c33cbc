package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;
import dlbasics.nn.Activation;
import dlbasics.nn.Linear;
import dlbasics.nn.LossBackward;
import dlbasics.nn.Losses;

/**
 * One full-batch gradient-descent iteration of a {@link Network} on fixed data, with every buffer
 * allocated once here and reused, so an iteration allocates nothing. The maths is the nn kernels'
 * ({@link Linear}, {@link Activation}, {@link Losses}, {@link MatrixOps}), in the course's order:
 * forward layer 1 to L, backward layer L down to 1, then update every layer.
 *
 * <pre>
 * shapes, for layer l = 1..L with n[l] units and m examples:
 *   A[0] = X        n[0] x m      a fixed view (Matrix.fixed): Gemm may keep a packed copy for both products
 *   Z[l], A[l]      n[l] x m      AT[l] = A[l]ᵀ  m x n[l]  (l = 1..L-1 with n[l] > 4, refreshed each backward)
 *   dZ[l]           n[l] x m      dA[l]  n[l] x m  (l = 1..L-1; no dA[0]: the input layer needs none)
 *   dW[l]           n[l] x n[l-1] db[l]  n[l] x 1
 * </pre>
 *
 * <p>Output layer: with {@code A[L] = σ(Z[L])} and the cross-entropy cost, the course computes
 * {@code dAL = -(Y/AL - (1-Y)/(1-AL))} and then {@code dZ[L] = dAL · σ'(Z[L])}; the two simplify to
 * {@code dZ[L] = A[L] - Y}, which we use: it is one subtraction, never divides by an A that saturated
 * to exactly 0 or 1 (the course's form then gives inf·0 = NaN; {@code TrainerCourseFormTest}'s data
 * does that at learning rate 0.075), and agrees with the course's form to about 1e-12 where both are
 * finite ({@code TrainerCourseFormTest}), and with the course's printed L-layer costs on the cat images
 * to every printed digit ({@code TrainerCatIT} in dlbasics-io). The cost J is computed from the logits
 * {@code Z[L]} ({@link Losses#crossEntropyFromLogits}), finite for any finite Z.
 * {@link OutputGradient#COURSE} selects the course's form instead (one more 1 x m buffer, dA[L]).
 */
final class GradientDescentStep implements TrainingStep {
    private final Network network;
    private final int L;
    private final Matrix Y;
    private final Matrix[] A;
    private final Matrix[] AT;
    private final Matrix[] Z;
    private final Matrix[] dZ;
    private final Matrix[] dA;
    private final Matrix[] dW;
    private final Matrix[] db;
    private final OutputGradient outputGradient;
    /**
     * Hidden layers of at most this many units are not copied transposed for {@code dW[l+1] = dZ[l+1]·A[l]ᵀ}:
     * the product reads A[l] in place as fast (its dW is at most 4 wide: a dot product per entry).
     */
    private static final int NARROW_LAYER = 4;

    /** Allocates the buffers for {@code network} on X ({@code n[0] x m}) and Y ({@code 1 x m}), already checked. */
    GradientDescentStep(Network network, Matrix X, Matrix Y, OutputGradient outputGradient) {
        this.network = network;
        this.outputGradient = outputGradient;
        this.L = network.numLayers();
        this.Y = Y;
        int m = X.cols();
        int[] n = network.layerDims();
        A = new Matrix[L + 1];
        AT = new Matrix[L + 1];
        Z = new Matrix[L + 1];
        dZ = new Matrix[L + 1];
        dA = new Matrix[L + 1];
        dW = new Matrix[L + 1];
        db = new Matrix[L + 1];
        A[0] = X.fixed(); // read by both first-layer products every iteration: Gemm may keep a packed copy
        for (int l = 1; l <= L; l++) {
            Z[l] = Matrix.zeros(n[l], m);
            A[l] = Matrix.zeros(n[l], m);
            dZ[l] = Matrix.zeros(n[l], m);
            dW[l] = Matrix.zeros(n[l], n[l - 1]);
            db[l] = Matrix.zeros(n[l], 1);
            if (l < L || outputGradient == OutputGradient.COURSE) {
                dA[l] = Matrix.zeros(n[l], m);
            }
            if (l < L && n[l] > NARROW_LAYER) {
                AT[l] = Matrix.zeros(m, n[l]);
            }
        }
    }

    /**
     * The forward pass with the current parameters: {@code Z[l] = W[l]·A[l-1] + b[l]},
     * {@code A[l] = g(Z[l])} for l = 1..L; returns the cost J from the logits Z[L].
     */
    double forward() {
        forwardWithoutCost();
        return cost();
    }

    /** The forward pass of {@link #forward()} without the cost (iterations that do not record it). */
    @Override
    public void forwardWithoutCost() {
        for (int l = 1; l <= L; l++) {
            // Z[l] = W[l] · A[l-1] + b[l];  A[l] = g(Z[l])
            Linear.forward(network.W(l), A[l - 1], network.b(l), Z[l]);
            network.activation(l).forward(Z[l], A[l]);
        }
    }

    /** The cost of the last forward pass: {@code J = (1/m) Σ [y softplus(-z) + (1-y) softplus(z)]} over the logits z of Z[L]. */
    @Override
    public double cost() {
        return Losses.crossEntropyFromLogits(Z[L], Y);
    }

    /** The output logits Z[L] of the last forward pass ({@code nL x m}), for divergence checks. */
    @Override
    public Matrix outputLogits() {
        return Z[L];
    }

    /** The backward pass from the last forward pass: dW[l] and db[l] for l = L down to 1. */
    @Override
    public void backward() {
        if (outputGradient == OutputGradient.COURSE) {
            // dAL = -(Y/AL - (1-Y)/(1-AL));  dZ[L] = dAL · σ(Z[L]) · (1 - σ(Z[L]))
            LossBackward.crossEntropy(A[L], Y, dA[L]);
            Activation.SIGMOID.backward(dA[L], Z[L], A[L], dZ[L]);
        } else {
            // dZ[L] = A[L] - Y  (sigmoid output with cross-entropy; see the class comment)
            MatrixOps.minus(A[L], Y, dZ[L]);
        }
        for (int l = L; l >= 1; l--) {
            if (l < L) {
                // dZ[l] = dA[l] · g'(Z[l])
                network.activation(l).backward(dA[l], Z[l], A[l], dZ[l]);
            }
            if (l > 1 && AT[l - 1] == null) {
                // a narrow hidden layer's A[l-1] is read transposed in place: as fast as its copy, which is saved
                Linear.backward(dZ[l], A[l - 1], network.W(l), dW[l], db[l], dA[l - 1]);
                continue;
            }
            if (l > 1) {
                MatrixOps.transpose(A[l - 1], AT[l - 1]);
            }
            // dW[l] = (1/m) dZ[l] · A[l-1]ᵀ;  db[l] = (1/m) Σ_columns dZ[l];  dA[l-1] = W[l]ᵀ · dZ[l] (none for l = 1)
            if (l == 1) {
                Linear.backward(dZ[1], A[0], network.W(1), dW[1], db[1], null);
            } else {
                Linear.backwardTransposedInput(dZ[l], AT[l - 1], network.W(l), dW[l], db[l], dA[l - 1]);
            }
        }
    }

    /** The gradient dW[l] of the last backward pass, {@code n[l] x n[l-1]} (live buffer; for tests). */
    Matrix dW(int l) {
        return dW[l];
    }

    /** The gradient db[l] of the last backward pass, {@code n[l] x 1} (live buffer; for tests). */
    Matrix db(int l) {
        return db[l];
    }

    /** The update of every layer: {@code W[l] -= learningRate · dW[l]}, {@code b[l] -= learningRate · db[l]}. */
    @Override
    public void update(double learningRate) {
        for (int l = 1; l <= L; l++) {
            MatrixOps.subtractScaled(network.W(l), learningRate, dW[l]);
            MatrixOps.subtractScaled(network.b(l), learningRate, db[l]);
        }
    }
}
