package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;
import dlbasics.nn.Activation;
import dlbasics.nn.LossBackward;
import dlbasics.nn.Losses;

/**
 * {@link GradientDescentStep} for a network whose every layer, the input included, has at most
 * {@value #MAX_WIDTH} units and one output unit (the flower network, 2-4-1): the same iteration, the same
 * bits, in a few plain loops over the examples ({@link RowKernels}) instead of about twenty matrix calls with
 * their shape checks and kernel choices. The activations and the output gradient are the nn kernels'
 * ({@link Activation}, {@link LossBackward}, {@link MatrixOps#minus}) called on each unit's row; the products
 * and sums are written out in {@link dlbasics.matrix.Gemm}'s documented order, which is what makes the bits
 * equal ({@code SmallNetworkStepTest} checks it):
 * <pre>
 * forward,  block by block:  Z[l][i] = (0 + Σ_p W[l][i][p]·A[l-1][p], p in order) + b[l][i];  A[l][i] = g(Z[l][i])
 * backward, block by block:  dZ[L] = A[L] - Y (or the course's form);  for l = L..1:
 *                              dZ[l] = dA[l]·g'(Z[l]) (l &lt; L);  sums of dZ[l][i]·A[l-1][p] and of dZ[l][i], continued;
 *                              dA[l-1][p] = 0 + Σ_i W[l][i][p]·dZ[l][i], i in order
 *           then:            dW[l][i][p] = (1/m)·sum, db[l][i] = (1/m)·sum  (each sum over j = 0..m-1 in order)
 * update:                    W[l] = W[l] - learningRate·dW[l],  b[l] = b[l] - learningRate·db[l]
 * </pre>
 * The examples are split into {@link ExampleBlock}s, each taken through all layers in turn. An iteration
 * allocates nothing. Measured on the flower network (fresh JVM, {@code dlbasics train}, 2-core AMD EPYC shared
 * with other work, 2026-11-26): 10000 iterations 0.22 s instead of 0.37 s, 1000 in 0.075 s instead of
 * 0.14 s; once compiled about 14 µs per iteration (CPU time; GradientDescentStep 15.6 µs), of which tanh
 * ({@code FastTanh}, 1600 values) takes 7.7 µs.
 */
final class SmallNetworkStep implements TrainingStep {
    /** The widest layer (input included) this step takes; wider networks take {@link GradientDescentStep}. */
    static final int MAX_WIDTH = 8;
    /**
     * The examples are taken in blocks, each block through all layers. For the first
     * {@value #WARM_UP_ITERATIONS} iterations the blocks hold at most {@value #WARM_UP_BLOCK} examples: every
     * loop is short, so the JIT sees many calls per iteration and compiles each method whole soon after the
     * start, instead of first compiling its long loops on the stack (twice the compiler's work, and late).
     * Then blocks of at most {@value #BLOCK} take over: fewer calls per iteration once all is compiled.
     * Both give the same bits (the gradient sums run over the examples in order either way). Data sets of
     * more than {@value #WARM_UP_MAX_EXAMPLES} examples skip the warm-up blocks (long loops compile soon
     * anyway, and the second copy of the rows would cost memory).
     */
    static final int WARM_UP_BLOCK = 64;
    static final int BLOCK = 512;
    static final int WARM_UP_ITERATIONS = 1000;
    static final int WARM_UP_MAX_EXAMPLES = 4096;

    private final Network network;
    private final OutputGradient outputGradient;
    private final int L;
    private final int[] n;
    private final double invM;
    private final Matrix Y;
    /** The network's own parameter arrays: W[l] {@code n[l] x n[l-1]} row-major, b[l] {@code n[l]}. */
    private final double[][] W;
    private final double[][] b;
    /** dW[l] ({@code n[l] x n[l-1]}) and db[l] ({@code n[l] x 1}) of the last backward pass. */
    private final Matrix[] dW;
    private final Matrix[] db;
    /** The blocks of the warm-up (0 .. warmUpBlocks-1), then the others; an iteration runs blocks first .. end-1. */
    private final ExampleBlock[] blocks;
    private final int warmUpBlocks;
    private final int warmUpIterations;
    private int first;
    private int end;
    private int iterations;
    /** Z[L] of all examples, {@code 1 x m}, gathered from the blocks for the cost and the divergence check. */
    private final Matrix ZL;
    /**
     * The running sums of dW[l] and db[l] over the blocks so far, in the groups of {@link RowKernels#groups};
     * a block continues them, so each is one sum over j = 0..m-1 in order. place[l][o] = where sum o goes in
     * dW[l] (row-major), then db[l], or -1 for a repeated one.
     */
    private final double[][] acc;
    private final int[][] place;

    /** True when {@code network} fits this step: one output unit and at most {@value #MAX_WIDTH} units in every layer. */
    static boolean fits(Network network) {
        int[] dims = network.layerDims();
        if (dims[dims.length - 1] != 1) {
            return false;
        }
        for (int d : dims) {
            if (d > MAX_WIDTH) {
                return false;
            }
        }
        return true;
    }

    /** Allocates the rows for {@code network} (one that {@link #fits}) on X ({@code n[0] x m}) and Y ({@code 1 x m}), already checked. */
    SmallNetworkStep(Network network, Matrix X, Matrix Y, OutputGradient outputGradient) {
        this(network, X, Y, outputGradient, WARM_UP_ITERATIONS);
    }

    /** As above, with the warm-up's small blocks for the first {@code warmUpIterations} iterations (tests shorten it). */
    SmallNetworkStep(Network network, Matrix X, Matrix Y, OutputGradient outputGradient, int warmUpIterations) {
        if (!fits(network)) {
            throw new IllegalStateException("SmallNetworkStep: the network " + java.util.Arrays.toString(network.layerDims())
                    + " is too wide; use GradientDescentStep");
        }
        this.network = network;
        this.outputGradient = outputGradient;
        this.warmUpIterations = warmUpIterations;
        this.Y = Y;
        this.n = network.layerDims();
        this.L = n.length - 1;
        int m = X.cols();
        this.invM = 1.0 / m;
        this.ZL = Matrix.zeros(1, m);
        W = new double[L + 1][];
        b = new double[L + 1][];
        dW = new Matrix[L + 1];
        db = new Matrix[L + 1];
        place = new int[L + 1][];
        acc = new double[L + 1][];
        for (int l = 1; l <= L; l++) {
            W[l] = network.W(l).data();
            b[l] = network.b(l).data();
            dW[l] = Matrix.zeros(n[l], n[l - 1]);
            db[l] = Matrix.zeros(n[l], 1);
            place[l] = RowKernels.placement(n[l], n[l - 1]);
            acc[l] = new double[place[l].length];
        }
        warmUpBlocks = m <= WARM_UP_MAX_EXAMPLES ? (m + WARM_UP_BLOCK - 1) / WARM_UP_BLOCK : 0;
        int steadyBlocks = (m + BLOCK - 1) / BLOCK;
        blocks = new ExampleBlock[warmUpBlocks + steadyBlocks];
        first = 0;
        end = warmUpBlocks > 0 ? warmUpBlocks : blocks.length;
        boolean outputDA = outputGradient == OutputGradient.COURSE;
        split(0, warmUpBlocks, X, outputDA);
        split(warmUpBlocks, steadyBlocks, X, outputDA);
    }

    /** Blocks {@code k0 .. k0+count-1}: all examples in order, in blocks of nearly equal size. */
    private void split(int k0, int count, Matrix X, boolean outputDA) {
        int m = X.cols();
        int from = 0;
        for (int k = 0; k < count; k++) {
            int len = m / count + (k < m % count ? 1 : 0);
            blocks[k0 + k] = new ExampleBlock(n, X, Y, from, len, outputDA);
            from += len;
        }
    }

    /** {@code Z[l] = W[l]·A[l-1] + b[l]}, {@code A[l] = g(Z[l])} for l = 1..L, block by block. */
    @Override
    public void forwardWithoutCost() {
        if (iterations++ == warmUpIterations) {
            first = warmUpBlocks;
            end = blocks.length;
        }
        int from = 0;
        for (int k = first; k < end; k++) {
            ExampleBlock e = blocks[k];
            for (int l = 1; l <= L; l++) {
                int inputsOfLayer = n[l - 1];
                Activation g = network.activation(l);
                for (int i = 0; i < n[l]; i++) {
                    // Z[l][i] = (0 + Σ_p W[l][i][p]·A[l-1][p], p = 0..n[l-1]-1 in order) + b[l][i]
                    RowKernels.combine(W[l], i * inputsOfLayer, 1, e.A[l - 1], inputsOfLayer, e.Z[l][i], true, b[l][i]);
                    g.forward(e.ZM[l][i], e.AM[l][i]);
                }
            }
            double[] z = e.Z[L][0];
            System.arraycopy(z, 0, ZL.data(), from, z.length);
            from += z.length;
        }
    }

    /** {@code J = (1/m) Σ [y softplus(-z) + (1-y) softplus(z)]} over the logits z of Z[L]. */
    @Override
    public double cost() {
        return Losses.crossEntropyFromLogits(ZL, Y);
    }

    @Override
    public Matrix outputLogits() {
        return ZL;
    }

    /** dW[l], db[l] for l = L down to 1, from the last forward pass (no dA[0]), block by block. */
    @Override
    public void backward() {
        for (int l = 1; l <= L; l++) {
            java.util.Arrays.fill(acc[l], 0.0);
        }
        for (int k = first; k < end; k++) {
            ExampleBlock e = blocks[k];
            if (outputGradient == OutputGradient.COURSE) {
                // dAL = -(Y/AL - (1-Y)/(1-AL));  dZ[L] = dAL · σ(Z[L]) · (1 - σ(Z[L]))
                LossBackward.crossEntropy(e.AM[L][0], e.Y, e.dAM[L][0]);
                Activation.SIGMOID.backward(e.dAM[L][0], e.ZM[L][0], e.AM[L][0], e.dZM[L][0]);
            } else {
                // dZ[L] = A[L] - Y
                MatrixOps.minus(e.AM[L][0], e.Y, e.dZM[L][0]);
            }
            for (int l = L; l >= 1; l--) {
                int inputsOfLayer = n[l - 1];
                if (l < L) {
                    // dZ[l] = dA[l] · g'(Z[l])
                    Activation g = network.activation(l);
                    for (int i = 0; i < n[l]; i++) {
                        g.backward(e.dAM[l][i], e.ZM[l][i], e.AM[l][i], e.dZM[l][i]);
                    }
                }
                // the running sums of dW[l] (Σ_j dZ[l][i][j]·A[l-1][p][j]) and db[l] (Σ_j dZ[l][i][j]), j in order
                RowKernels.accumulate(e.sumRows[l], e.sumInputs[l], acc[l]);
                if (l > 1) {
                    // dA[l-1][p] = 0 + Σ_i W[l][i][p]·dZ[l][i], i = 0..n[l]-1 in order
                    for (int p = 0; p < inputsOfLayer; p++) {
                        RowKernels.combine(W[l], p, inputsOfLayer, e.dZ[l], n[l], e.dA[l - 1][p], false, 0.0);
                    }
                }
            }
        }
        for (int l = 1; l <= L; l++) {
            finish(l);
        }
    }

    /** {@code dW[l] = (1/m)·sum}, {@code db[l] = (1/m)·sum}: each finished sum to its place ({@link #place}). */
    private void finish(int l) {
        double[] s = acc[l];
        int[] to = place[l];
        double[] w = dW[l].data();
        double[] c = db[l].data();
        for (int o = 0; o < s.length; o++) {
            int t = to[o];
            if (t >= w.length) {
                c[t - w.length] = invM * s[o];
            } else if (t >= 0) {
                w[t] = invM * s[o];
            }
        }
    }

    /** {@code W[l] = W[l] - learningRate·dW[l]}, {@code b[l] = b[l] - learningRate·db[l]}, as {@link GradientDescentStep#update}. */
    @Override
    public void update(double learningRate) {
        for (int l = 1; l <= L; l++) {
            MatrixOps.subtractScaled(network.W(l), learningRate, dW[l]);
            MatrixOps.subtractScaled(network.b(l), learningRate, db[l]);
        }
    }
}
