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
 *   W[l], dW[l]          n[l] x n[l-1], row-major;  b[l], db[l]  n[l]
 * </pre>
 * An iteration allocates nothing.
 */
final class SmallNetworkStep implements TrainingStep {
    /** The widest layer (input included) this step takes; wider networks take {@link GradientDescentStep}. */
    static final int MAX_WIDTH = 8;

    private final Network network;
    private final OutputGradient outputGradient;
    private final int L;
    private final int m;
    private final int[] n;
    private final double invM;
    private final Matrix Y;
    private final double[][] W;
    private final double[][] b;
    private final double[][] dW;
    private final double[][] db;
    private final double[][][] A;
    private final double[][][] Z;
    private final double[][][] dA;
    private final double[][][] dZ;
    /** 1 x m views of the rows above, for the activation kernels. */
    private final Matrix[][] AM;
    private final Matrix[][] ZM;
    private final Matrix[][] dAM;
    private final Matrix[][] dZM;
    /** inputs[l] = the rows of A[l-1], then a row of ones: db[l] is the sum of dZ[l]·1 (x·1 = x exactly). */
    private final double[][][] inputs;
    /** The sums of one call of {@link #sums4x3} or {@link #sums1x6}. */
    private final double[] sums = new double[12];

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
        if (!fits(network)) {
            throw new IllegalStateException("SmallNetworkStep: the network " + java.util.Arrays.toString(network.layerDims())
                    + " is too wide; use GradientDescentStep");
        }
        this.network = network;
        this.outputGradient = outputGradient;
        this.Y = Y;
        this.n = network.layerDims();
        this.L = n.length - 1;
        this.m = X.cols();
        this.invM = 1.0 / m;
        W = new double[L + 1][];
        b = new double[L + 1][];
        dW = new double[L + 1][];
        db = new double[L + 1][];
        A = new double[L + 1][][];
        Z = new double[L + 1][][];
        dA = new double[L + 1][][];
        dZ = new double[L + 1][][];
        AM = new Matrix[L + 1][];
        ZM = new Matrix[L + 1][];
        dAM = new Matrix[L + 1][];
        dZM = new Matrix[L + 1][];
        inputs = new double[L + 1][][];
        A[0] = new double[n[0]][];
        for (int p = 0; p < n[0]; p++) {
            A[0][p] = new double[m];
            System.arraycopy(X.data(), p * m, A[0][p], 0, m);
        }
        double[] ones = new double[m];
        java.util.Arrays.fill(ones, 1.0);
        for (int l = 1; l <= L; l++) {
            W[l] = network.W(l).data();
            b[l] = network.b(l).data();
            dW[l] = new double[n[l] * n[l - 1]];
            db[l] = new double[n[l]];
            boolean withDA = l < L || outputGradient == OutputGradient.COURSE;
            A[l] = new double[n[l]][];
            Z[l] = new double[n[l]][];
            dZ[l] = new double[n[l]][];
            dA[l] = new double[n[l]][];
            AM[l] = new Matrix[n[l]];
            ZM[l] = new Matrix[n[l]];
            dZM[l] = new Matrix[n[l]];
            dAM[l] = new Matrix[n[l]];
            for (int i = 0; i < n[l]; i++) {
                A[l][i] = new double[m];
                Z[l][i] = new double[m];
                dZ[l][i] = new double[m];
                AM[l][i] = Matrix.wrap(1, m, A[l][i]);
                ZM[l][i] = Matrix.wrap(1, m, Z[l][i]);
                dZM[l][i] = Matrix.wrap(1, m, dZ[l][i]);
                if (withDA) {
                    dA[l][i] = new double[m];
                    dAM[l][i] = Matrix.wrap(1, m, dA[l][i]);
                }
            }
            inputs[l] = java.util.Arrays.copyOf(A[l - 1], n[l - 1] + 1);
            inputs[l][n[l - 1]] = ones;
        }
    }

    /** {@code Z[l] = W[l]·A[l-1] + b[l]}, {@code A[l] = g(Z[l])} for l = 1..L. */
    @Override
    public void forwardWithoutCost() {
        for (int l = 1; l <= L; l++) {
            int k = n[l - 1];
            Activation g = network.activation(l);
            for (int i = 0; i < n[l]; i++) {
                // Z[l][i] = (0 + Σ_p W[l][i][p]·A[l-1][p], p = 0..k-1 in order) + b[l][i]
                combine(W[l], i * k, 1, A[l - 1], k, Z[l][i], true, b[l][i]);
                g.forward(ZM[l][i], AM[l][i]);
            }
        }
    }

    /** {@code J = (1/m) Σ [y softplus(-z) + (1-y) softplus(z)]} over the logits z of Z[L]. */
    @Override
    public double cost() {
        return Losses.crossEntropyFromLogits(ZM[L][0], Y);
    }

    @Override
    public Matrix outputLogits() {
        return ZM[L][0];
    }

    /** dW[l], db[l] for l = L down to 1, from the last forward pass (no dA[0]). */
    @Override
    public void backward() {
        if (outputGradient == OutputGradient.COURSE) {
            // dAL = -(Y/AL - (1-Y)/(1-AL));  dZ[L] = dAL · σ(Z[L]) · (1 - σ(Z[L]))
            LossBackward.crossEntropy(AM[L][0], Y, dAM[L][0]);
            Activation.SIGMOID.backward(dAM[L][0], ZM[L][0], AM[L][0], dZM[L][0]);
        } else {
            // dZ[L] = A[L] - Y
            MatrixOps.minus(AM[L][0], Y, dZM[L][0]);
        }
        for (int l = L; l >= 1; l--) {
            int k = n[l - 1];
            if (l < L) {
                // dZ[l] = dA[l] · g'(Z[l])
                Activation g = network.activation(l);
                for (int i = 0; i < n[l]; i++) {
                    g.backward(dAM[l][i], ZM[l][i], AM[l][i], dZM[l][i]);
                }
            }
            gradients(l);
            if (l > 1) {
                // dA[l-1][p] = 0 + Σ_i W[l][i][p]·dZ[l][i], i = 0..n[l]-1 in order
                for (int p = 0; p < k; p++) {
                    combine(W[l], p, k, dZ[l], n[l], dA[l - 1][p], false, 0.0);
                }
            }
        }
    }

    /**
     * {@code dW[l][i][p] = (1/m)·(0 + Σ_j dZ[l][i][j]·A[l-1][p][j])} and {@code db[l][i] = (1/m)·(0 + Σ_j dZ[l][i][j])},
     * j = 0..m-1 in order: several sums side by side, each in its own local.
     */
    private void gradients(int l) {
        int k = n[l - 1];
        int q = k + 1; // the inputs, then the row of ones for db
        double[][] in = inputs[l];
        double[][] d = dZ[l];
        int units = n[l];
        if (units == 1) {
            for (int p0 = 0; p0 < q; p0 += 6) {
                sums1x6(d[0], in[p0], in[Math.min(p0 + 1, q - 1)], in[Math.min(p0 + 2, q - 1)],
                        in[Math.min(p0 + 3, q - 1)], in[Math.min(p0 + 4, q - 1)], in[Math.min(p0 + 5, q - 1)], m, sums);
                for (int c = 0; c < 6 && p0 + c < q; c++) {
                    store(l, 0, p0 + c, sums[c]);
                }
            }
            return;
        }
        for (int i0 = 0; i0 < units; i0 += 4) {
            int last = units - 1;
            for (int p0 = 0; p0 < q; p0 += 3) {
                sums4x3(d[i0], d[Math.min(i0 + 1, last)], d[Math.min(i0 + 2, last)], d[Math.min(i0 + 3, last)],
                        in[p0], in[Math.min(p0 + 1, q - 1)], in[Math.min(p0 + 2, q - 1)], m, sums);
                for (int r = 0; r < 4 && i0 + r < units; r++) {
                    for (int c = 0; c < 3 && p0 + c < q; c++) {
                        store(l, i0 + r, p0 + c, sums[3 * r + c]);
                    }
                }
            }
        }
    }

    /** dW[l][i][p] = (1/m)·sum, or db[l][i] for p = n[l-1]. */
    private void store(int l, int i, int p, double sum) {
        int k = n[l - 1];
        if (p < k) {
            dW[l][i * k + p] = invM * sum;
        } else {
            db[l][i] = invM * sum;
        }
    }

    /** The gradient dW[l] of the last backward pass, {@code n[l] x n[l-1]} row-major (live; for tests). */
    double[] dW(int l) {
        return dW[l];
    }

    /** The gradient db[l] of the last backward pass, {@code n[l]} (live; for tests). */
    double[] db(int l) {
        return db[l];
    }

    /** {@code W[l] = W[l] - learningRate·dW[l]}, {@code b[l] = b[l] - learningRate·db[l]}, in the network's own arrays. */
    @Override
    public void update(double learningRate) {
        for (int l = 1; l <= L; l++) {
            double[] w = W[l];
            double[] g = dW[l];
            for (int x = 0; x < w.length; x++) {
                w[x] = w[x] - learningRate * g[x];
            }
            double[] c = b[l];
            double[] h = db[l];
            for (int x = 0; x < c.length; x++) {
                c[x] = c[x] - learningRate * h[x];
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

    /** out[3r + c] = 0 + Σ_j d_r[j]·a_c[j], j = 0..m-1 in order: twelve sums side by side. */
    private static void sums4x3(double[] d0, double[] d1, double[] d2, double[] d3, double[] a0, double[] a1, double[] a2,
                                int m, double[] out) {
        double s00 = 0.0, s01 = 0.0, s02 = 0.0;
        double s10 = 0.0, s11 = 0.0, s12 = 0.0;
        double s20 = 0.0, s21 = 0.0, s22 = 0.0;
        double s30 = 0.0, s31 = 0.0, s32 = 0.0;
        for (int j = 0; j < m; j++) {
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
        out[0] = s00;
        out[1] = s01;
        out[2] = s02;
        out[3] = s10;
        out[4] = s11;
        out[5] = s12;
        out[6] = s20;
        out[7] = s21;
        out[8] = s22;
        out[9] = s30;
        out[10] = s31;
        out[11] = s32;
    }

    /** out[c] = 0 + Σ_j d[j]·a_c[j], j = 0..m-1 in order: six sums side by side. */
    private static void sums1x6(double[] d, double[] a0, double[] a1, double[] a2, double[] a3, double[] a4, double[] a5,
                                int m, double[] out) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0;
        for (int j = 0; j < m; j++) {
            double e = d[j];
            s0 += e * a0[j];
            s1 += e * a1[j];
            s2 += e * a2[j];
            s3 += e * a3[j];
            s4 += e * a4[j];
            s5 += e * a5[j];
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
        out[4] = s4;
        out[5] = s5;
    }
}
