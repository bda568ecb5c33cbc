package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;
import dlbasics.nn.Activation;
import dlbasics.nn.LossBackward;
import dlbasics.nn.Losses;

/**
 * {@link GradientDescentStep} for a network whose every layer, the input included, has at most
 * {@value #MAX_WIDTH} units and one output unit (the flower network, 2-4-1): the same iteration, the same
 * bits, in a few plain loops over the examples instead of about twenty matrix calls, each a few hundred
 * values long, with their shape checks and kernel choices. The activations and the output gradient are
 * the nn kernels' ({@link Activation}, {@link LossBackward}, {@link MatrixOps#minus}) called on each
 * unit's row; the products and sums are written out below in {@link dlbasics.matrix.Gemm}'s documented
 * order, which is what makes the bits equal ({@code SmallNetworkStepTest} checks it).
 *
 * <pre>
 * shapes, for layer l = 1..L with n[l] &lt;= 8 units and m examples; every row is its own array of m
 * values (C2 vectorises a loop over several arrays at one index, not over one array at several offsets):
 *   A[0][p]              X's row p, copied once
 *   Z[l][i], A[l][i]     unit i's pre-activation and activation over the examples
 *   dZ[l][i], dA[l][i]   their gradients (dA for l = 1..L-1, and for L with OutputGradient.COURSE)
 *   W[l]                 n[l] x n[l-1], row-major;  b[l]  n[l]
 *   grad[l]              dW[l] (n[l] x n[l-1], row-major), then db[l] (n[l])
 * </pre>
 * An iteration allocates nothing.
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
    static final int WARM_UP_ITERATIONS = 2000;
    static final int WARM_UP_MAX_EXAMPLES = 4096;

    private final Network network;
    private final OutputGradient outputGradient;
    private final int L;
    private final int[] n;
    private final double invM;
    private final Matrix Y;
    private final double[][] W;
    private final double[][] b;
    private final double[][] grad;
    /** [block][l][unit] rows of the block's examples; A[k][0] holds X's rows. */
    private final double[][][][] A;
    private final double[][][][] Z;
    private final double[][][][] dA;
    private final double[][][][] dZ;
    /** 1 x len views of the rows above, for the activation kernels. */
    private final Matrix[][][] AM;
    private final Matrix[][][] ZM;
    private final Matrix[][][] dAM;
    private final Matrix[][][] dZM;
    /** The labels of each block, {@code 1 x len}. */
    private final Matrix[] YM;
    /**
     * The arguments of the gradient sums of block k and layer l, group by group: groupRows[k][l][g] = the dZ
     * rows (4, or 1 for a one-unit layer), groupInputs[k][l][g] = the input rows (3, or 6), taken from A[k][l-1]'s
     * rows and then a row of ones (db[l] is the sum of dZ[l]·1; x·1 = x exactly). A group that runs past the last
     * unit or input repeats it; those sums are never read.
     */
    private final double[][][][][] groupRows;
    private final double[][][][][] groupInputs;
    /** place[l][o] = where the running sum acc[l][o] goes in grad[l], or -1 for a repeated one. */
    private final int[][] place;
    /** Z[L] of all examples, {@code 1 x m}, gathered from the blocks for the cost and the divergence check. */
    private final Matrix ZL;
    /**
     * The running sums of dW[l] and db[l] over the blocks so far, 12 per group ({@link #sums4x3}: sum
     * 3r + c of a group is unit r's with input c) or 6 ({@link #sums1x6}); a block continues them, so each
     * is one sum over j = 0..m-1 in order.
     */
    private final double[][] acc;
    /** The blocks of the warm-up are 0 .. warmUpBlocks-1, the others follow; an iteration runs blocks first .. end-1. */
    private final int warmUpBlocks;
    private int first;
    private int end;
    private int iterations;
    private final int warmUpIterations;

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
        grad = new double[L + 1][];
        place = new int[L + 1][];
        acc = new double[L + 1][];
        for (int l = 1; l <= L; l++) {
            W[l] = network.W(l).data();
            b[l] = network.b(l).data();
            grad[l] = new double[n[l] * n[l - 1] + n[l]];
            place[l] = placement(n[l], n[l - 1]);
            acc[l] = new double[place[l].length];
        }
        warmUpBlocks = m <= WARM_UP_MAX_EXAMPLES ? (m + WARM_UP_BLOCK - 1) / WARM_UP_BLOCK : 0;
        int steadyBlocks = (m + BLOCK - 1) / BLOCK;
        int blocks = warmUpBlocks + steadyBlocks;
        first = 0;
        end = warmUpBlocks > 0 ? warmUpBlocks : blocks;
        A = new double[blocks][][][];
        Z = new double[blocks][][][];
        dA = new double[blocks][][][];
        dZ = new double[blocks][][][];
        AM = new Matrix[blocks][][];
        ZM = new Matrix[blocks][][];
        dAM = new Matrix[blocks][][];
        dZM = new Matrix[blocks][][];
        YM = new Matrix[blocks];
        groupRows = new double[blocks][][][][];
        groupInputs = new double[blocks][][][][];
        allocateBlocks(0, warmUpBlocks, X);
        allocateBlocks(warmUpBlocks, steadyBlocks, X);
    }

    /** Blocks {@code k0 .. k0+count-1}: all examples in order, in blocks of nearly equal size. */
    private void allocateBlocks(int k0, int count, Matrix X) {
        int m = X.cols();
        int from = 0;
        for (int k = 0; k < count; k++) {
            int len = m / count + (k < m % count ? 1 : 0);
            allocateBlock(k0 + k, X, from, len);
            from += len;
        }
    }

    /** The rows of block k: examples {@code from .. from+len-1}. */
    private void allocateBlock(int k, Matrix X, int from, int len) {
        int m = X.cols();
        A[k] = new double[L + 1][][];
        Z[k] = new double[L + 1][][];
        dA[k] = new double[L + 1][][];
        dZ[k] = new double[L + 1][][];
        AM[k] = new Matrix[L + 1][];
        ZM[k] = new Matrix[L + 1][];
        dAM[k] = new Matrix[L + 1][];
        dZM[k] = new Matrix[L + 1][];
        groupRows[k] = new double[L + 1][][][];
        groupInputs[k] = new double[L + 1][][][];
        YM[k] = Matrix.wrap(1, len, java.util.Arrays.copyOfRange(Y.data(), from, from + len));
        A[k][0] = new double[n[0]][];
        for (int p = 0; p < n[0]; p++) {
            A[k][0][p] = java.util.Arrays.copyOfRange(X.data(), p * m + from, p * m + from + len);
        }
        double[] ones = new double[len];
        java.util.Arrays.fill(ones, 1.0);
        for (int l = 1; l <= L; l++) {
            boolean withDA = l < L || outputGradient == OutputGradient.COURSE;
            A[k][l] = new double[n[l]][];
            Z[k][l] = new double[n[l]][];
            dZ[k][l] = new double[n[l]][];
            dA[k][l] = new double[n[l]][];
            AM[k][l] = new Matrix[n[l]];
            ZM[k][l] = new Matrix[n[l]];
            dZM[k][l] = new Matrix[n[l]];
            dAM[k][l] = new Matrix[n[l]];
            for (int i = 0; i < n[l]; i++) {
                A[k][l][i] = new double[len];
                Z[k][l][i] = new double[len];
                dZ[k][l][i] = new double[len];
                AM[k][l][i] = Matrix.wrap(1, len, A[k][l][i]);
                ZM[k][l][i] = Matrix.wrap(1, len, Z[k][l][i]);
                dZM[k][l][i] = Matrix.wrap(1, len, dZ[k][l][i]);
                if (withDA) {
                    dA[k][l][i] = new double[len];
                    dAM[k][l][i] = Matrix.wrap(1, len, dA[k][l][i]);
                }
            }
            double[][] in = java.util.Arrays.copyOf(A[k][l - 1], n[l - 1] + 1);
            in[n[l - 1]] = ones;
            groups(k, l, in);
        }
    }

    /** {@code Z[l] = W[l]·A[l-1] + b[l]}, {@code A[l] = g(Z[l])} for l = 1..L, block by block. */
    @Override
    public void forwardWithoutCost() {
        if (iterations++ == warmUpIterations) {
            first = warmUpBlocks;
            end = A.length;
        }
        int from = 0;
        for (int k = first; k < end; k++) {
            for (int l = 1; l <= L; l++) {
                int inputsOfLayer = n[l - 1];
                Activation g = network.activation(l);
                for (int i = 0; i < n[l]; i++) {
                    // Z[l][i] = (0 + Σ_p W[l][i][p]·A[l-1][p], p = 0..n[l-1]-1 in order) + b[l][i]
                    combine(W[l], i * inputsOfLayer, 1, A[k][l - 1], inputsOfLayer, Z[k][l][i], true, b[l][i]);
                    g.forward(ZM[k][l][i], AM[k][l][i]);
                }
            }
            double[] z = Z[k][L][0];
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
            if (outputGradient == OutputGradient.COURSE) {
                // dAL = -(Y/AL - (1-Y)/(1-AL));  dZ[L] = dAL · σ(Z[L]) · (1 - σ(Z[L]))
                LossBackward.crossEntropy(AM[k][L][0], YM[k], dAM[k][L][0]);
                Activation.SIGMOID.backward(dAM[k][L][0], ZM[k][L][0], AM[k][L][0], dZM[k][L][0]);
            } else {
                // dZ[L] = A[L] - Y
                MatrixOps.minus(AM[k][L][0], YM[k], dZM[k][L][0]);
            }
            for (int l = L; l >= 1; l--) {
                int inputsOfLayer = n[l - 1];
                if (l < L) {
                    // dZ[l] = dA[l] · g'(Z[l])
                    Activation g = network.activation(l);
                    for (int i = 0; i < n[l]; i++) {
                        g.backward(dAM[k][l][i], ZM[k][l][i], AM[k][l][i], dZM[k][l][i]);
                    }
                }
                accumulate(k, l);
                if (l > 1) {
                    // dA[l-1][p] = 0 + Σ_i W[l][i][p]·dZ[l][i], i = 0..n[l]-1 in order
                    for (int p = 0; p < inputsOfLayer; p++) {
                        combine(W[l], p, inputsOfLayer, dZ[k][l], n[l], dA[k][l - 1][p], false, 0.0);
                    }
                }
            }
        }
        for (int l = 1; l <= L; l++) {
            finish(l);
        }
    }

    /**
     * The groups of block k's sums for layer l (see {@link #groupRows}): units in fours and inputs in threes,
     * or for a one-unit layer inputs in sixes, in the order of {@link #placement}.
     */
    private void groups(int k, int l, double[][] in) {
        int units = n[l];
        int q = in.length;
        double[][] d = dZ[k][l];
        int width = units == 1 ? 6 : 3;
        int height = units == 1 ? 1 : 4;
        int count = ((units + height - 1) / height) * ((q + width - 1) / width);
        groupRows[k][l] = new double[count][][];
        groupInputs[k][l] = new double[count][][];
        int g = 0;
        for (int i0 = 0; i0 < units; i0 += height) {
            for (int p0 = 0; p0 < q; p0 += width, g++) {
                groupRows[k][l][g] = new double[height][];
                for (int r = 0; r < height; r++) {
                    groupRows[k][l][g][r] = d[Math.min(i0 + r, units - 1)];
                }
                groupInputs[k][l][g] = new double[width][];
                for (int c = 0; c < width; c++) {
                    groupInputs[k][l][g][c] = in[Math.min(p0 + c, q - 1)];
                }
            }
        }
    }

    /**
     * Where each running sum of a layer with {@code units} units and {@code k} inputs goes in its grad array
     * (dW row-major, then db), group by group as {@link #groups} lays them out; -1 for a repeated sum.
     */
    private static int[] placement(int units, int k) {
        int q = k + 1;
        int width = units == 1 ? 6 : 3;
        int height = units == 1 ? 1 : 4;
        int count = ((units + height - 1) / height) * ((q + width - 1) / width);
        int[] place = new int[count * width * height];
        int o = 0;
        for (int i0 = 0; i0 < units; i0 += height) {
            for (int p0 = 0; p0 < q; p0 += width) {
                for (int r = 0; r < height; r++) {
                    for (int c = 0; c < width; c++, o++) {
                        int i = i0 + r;
                        int p = p0 + c;
                        place[o] = i >= units || p >= q ? -1 : p < k ? i * k + p : units * k + i;
                    }
                }
            }
        }
        return place;
    }

    /** Continues the sums {@code Σ_j dZ[l][i][j]·A[l-1][p][j]} and {@code Σ_j dZ[l][i][j]} over block k's examples. */
    private void accumulate(int k, int l) {
        double[][][] rows = groupRows[k][l];
        double[][][] in = groupInputs[k][l];
        double[] s = acc[l];
        if (n[l] == 1) {
            for (int g = 0; g < rows.length; g++) {
                sums1x6(rows[g][0], in[g][0], in[g][1], in[g][2], in[g][3], in[g][4], in[g][5], s, 6 * g);
            }
            return;
        }
        for (int g = 0; g < rows.length; g++) {
            double[][] d = rows[g];
            double[][] a = in[g];
            sums4x3(d[0], d[1], d[2], d[3], a[0], a[1], a[2], s, 12 * g);
        }
    }

    /** {@code dW[l] = (1/m)·sums}, {@code db[l] = (1/m)·sums}: each finished sum to its place in grad[l]. */
    private void finish(int l) {
        double[] s = acc[l];
        int[] to = place[l];
        double[] g = grad[l];
        for (int o = 0; o < s.length; o++) {
            if (to[o] >= 0) {
                g[to[o]] = invM * s[o];
            }
        }
    }

    /** {@code W[l] = W[l] - learningRate·dW[l]}, {@code b[l] = b[l] - learningRate·db[l]}, in the network's own arrays. */
    @Override
    public void update(double learningRate) {
        for (int l = 1; l <= L; l++) {
            double[] w = W[l];
            double[] g = grad[l];
            for (int x = 0; x < w.length; x++) {
                w[x] = w[x] - learningRate * g[x];
            }
            double[] c = b[l];
            int o = w.length;
            for (int x = 0; x < c.length; x++) {
                c[x] = c[x] - learningRate * g[o + x];
            }
        }
    }

    /**
     * {@code out = (0 + Σ_q w[wo + q·ws]·a[q], q = 0..k-1 in order)}, then {@code + bias} when withBias:
     * the terms two at a time, one pass over out per pair.
     */
    private static void combine(double[] w, int wo, int ws, double[][] a, int k, double[] out, boolean withBias, double bias) {
        int len = out.length;
        if (k == 1) {
            if (withBias) {
                start1Bias(out, w[wo], a[0], bias, len);
            } else {
                start1(out, w[wo], a[0], len);
            }
            return;
        }
        if (k == 2 && withBias) {
            start2Bias(out, w[wo], a[0], w[wo + ws], a[1], bias, len);
            return;
        }
        start2(out, w[wo], a[0], w[wo + ws], a[1], len);
        int q = 2;
        for (; k - q > 2; q += 2) {
            add2(out, w[wo + q * ws], a[q], w[wo + (q + 1) * ws], a[q + 1], len);
        }
        if (k - q == 2) {
            if (withBias) {
                add2Bias(out, w[wo + q * ws], a[q], w[wo + (q + 1) * ws], a[q + 1], bias, len);
            } else {
                add2(out, w[wo + q * ws], a[q], w[wo + (q + 1) * ws], a[q + 1], len);
            }
        } else if (k - q == 1) {
            if (withBias) {
                add1Bias(out, w[wo + q * ws], a[q], bias, len);
            } else {
                add1(out, w[wo + q * ws], a[q], len);
            }
        } else if (withBias) {
            addBias(out, bias, len);
        }
    }

    private static void start1(double[] z, double w0, double[] a0, int len) {
        for (int j = 0; j < len; j++) {
            z[j] = 0.0 + w0 * a0[j];
        }
    }

    private static void start1Bias(double[] z, double w0, double[] a0, double bias, int len) {
        for (int j = 0; j < len; j++) {
            z[j] = (0.0 + w0 * a0[j]) + bias;
        }
    }

    private static void start2(double[] z, double w0, double[] a0, double w1, double[] a1, int len) {
        for (int j = 0; j < len; j++) {
            z[j] = (0.0 + w0 * a0[j]) + w1 * a1[j];
        }
    }

    private static void start2Bias(double[] z, double w0, double[] a0, double w1, double[] a1, double bias, int len) {
        for (int j = 0; j < len; j++) {
            z[j] = ((0.0 + w0 * a0[j]) + w1 * a1[j]) + bias;
        }
    }

    private static void add1(double[] z, double w0, double[] a0, int len) {
        for (int j = 0; j < len; j++) {
            z[j] = z[j] + w0 * a0[j];
        }
    }

    private static void add1Bias(double[] z, double w0, double[] a0, double bias, int len) {
        for (int j = 0; j < len; j++) {
            z[j] = (z[j] + w0 * a0[j]) + bias;
        }
    }

    private static void add2(double[] z, double w0, double[] a0, double w1, double[] a1, int len) {
        for (int j = 0; j < len; j++) {
            z[j] = (z[j] + w0 * a0[j]) + w1 * a1[j];
        }
    }

    private static void add2Bias(double[] z, double w0, double[] a0, double w1, double[] a1, double bias, int len) {
        for (int j = 0; j < len; j++) {
            z[j] = ((z[j] + w0 * a0[j]) + w1 * a1[j]) + bias;
        }
    }

    private static void addBias(double[] z, double bias, int len) {
        for (int j = 0; j < len; j++) {
            z[j] = z[j] + bias;
        }
    }

    /** s[o + 3r + c] += Σ_j d_r[j]·a_c[j], j in order: twelve running sums side by side. */
    private static void sums4x3(double[] d0, double[] d1, double[] d2, double[] d3, double[] a0, double[] a1, double[] a2,
                                double[] s, int o) {
        double s00 = s[o];
        double s01 = s[o + 1];
        double s02 = s[o + 2];
        double s10 = s[o + 3];
        double s11 = s[o + 4];
        double s12 = s[o + 5];
        double s20 = s[o + 6];
        double s21 = s[o + 7];
        double s22 = s[o + 8];
        double s30 = s[o + 9];
        double s31 = s[o + 10];
        double s32 = s[o + 11];
        for (int j = 0; j < d0.length; j++) {
            double x0 = a0[j];
            double x1 = a1[j];
            double x2 = a2[j];
            double e0 = d0[j];
            double e1 = d1[j];
            double e2 = d2[j];
            double e3 = d3[j];
            s00 += e0 * x0;
            s01 += e0 * x1;
            s02 += e0 * x2;
            s10 += e1 * x0;
            s11 += e1 * x1;
            s12 += e1 * x2;
            s20 += e2 * x0;
            s21 += e2 * x1;
            s22 += e2 * x2;
            s30 += e3 * x0;
            s31 += e3 * x1;
            s32 += e3 * x2;
        }
        s[o] = s00;
        s[o + 1] = s01;
        s[o + 2] = s02;
        s[o + 3] = s10;
        s[o + 4] = s11;
        s[o + 5] = s12;
        s[o + 6] = s20;
        s[o + 7] = s21;
        s[o + 8] = s22;
        s[o + 9] = s30;
        s[o + 10] = s31;
        s[o + 11] = s32;
    }

    /** s[o + c] += Σ_j d[j]·a_c[j], j in order: six running sums side by side. */
    private static void sums1x6(double[] d, double[] a0, double[] a1, double[] a2, double[] a3, double[] a4, double[] a5,
                                double[] s, int o) {
        double s0 = s[o];
        double s1 = s[o + 1];
        double s2 = s[o + 2];
        double s3 = s[o + 3];
        double s4 = s[o + 4];
        double s5 = s[o + 5];
        for (int j = 0; j < d.length; j++) {
            double e = d[j];
            s0 += e * a0[j];
            s1 += e * a1[j];
            s2 += e * a2[j];
            s3 += e * a3[j];
            s4 += e * a4[j];
            s5 += e * a5[j];
        }
        s[o] = s0;
        s[o + 1] = s1;
        s[o + 2] = s2;
        s[o + 3] = s3;
        s[o + 4] = s4;
        s[o + 5] = s5;
    }
}
