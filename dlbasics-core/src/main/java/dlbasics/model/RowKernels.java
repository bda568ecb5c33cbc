package dlbasics.model;

/**
 * The loops of {@link SmallNetworkStep}, over rows of examples (one array per unit, all of one length, so
 * C2 vectorises the element-wise ones): a unit's weighted sum of rows in {@link dlbasics.matrix.Gemm}'s
 * documented order ({@link #combine}), and the gradient sums over the examples in order, several side by
 * side ({@link #sums4x3}, {@link #sums1x6}, continued block after block by {@link #accumulate}).
 */
final class RowKernels {
    private RowKernels() {
    }

    /**
     * The groups of the gradient sums of one layer and block, for {@link #sums4x3} (units in fours, inputs
     * in threes) or, for a one-unit layer, {@link #sums1x6} (inputs in sixes): rows[g] = the dZ rows of group
     * g (4, or 1), inputs[g] = its input rows (3, or 6), taken from {@code in} (A[l-1]'s rows, then a row of
     * ones: db is the sum of dZ·1, and x·1 = x exactly). A group that runs past the last unit or input
     * repeats it; those sums are never read ({@link #placement} says -1).
     */
    static double[][][][] groups(double[][] dZ, double[][] in) {
        int units = dZ.length;
        int q = in.length;
        int width = units == 1 ? 6 : 3;
        int height = units == 1 ? 1 : 4;
        int count = ((units + height - 1) / height) * ((q + width - 1) / width);
        double[][][] rows = new double[count][][];
        double[][][] inputs = new double[count][][];
        int g = 0;
        for (int i0 = 0; i0 < units; i0 += height) {
            for (int p0 = 0; p0 < q; p0 += width, g++) {
                rows[g] = new double[height][];
                for (int r = 0; r < height; r++) {
                    rows[g][r] = dZ[Math.min(i0 + r, units - 1)];
                }
                inputs[g] = new double[width][];
                for (int c = 0; c < width; c++) {
                    inputs[g][c] = in[Math.min(p0 + c, q - 1)];
                }
            }
        }
        return new double[][][][]{rows, inputs};
    }

    /**
     * Where each running sum of a layer with {@code units} units and {@code k} inputs goes in its grad array
     * (dW row-major, then db), group by group as {@link #groups} lays them out; -1 for a repeated sum.
     */
    static int[] placement(int units, int k) {
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

    /**
     * Continues the running sums s (laid out as {@link #placement} says) over one block: group g's sums are
     * {@code Σ_j rows[g][r][j]·inputs[g][c][j]}, j in order.
     */
    static void accumulate(double[][][] rows, double[][][] inputs, double[] s) {
        if (rows.length > 0 && rows[0].length == 1) {
            for (int g = 0; g < rows.length; g++) {
                double[][] a = inputs[g];
                sums1x6(rows[g][0], a[0], a[1], a[2], a[3], a[4], a[5], s, 6 * g);
            }
            return;
        }
        for (int g = 0; g < rows.length; g++) {
            double[][] d = rows[g];
            double[][] a = inputs[g];
            sums4x3(d[0], d[1], d[2], d[3], a[0], a[1], a[2], s, 12 * g);
        }
    }

    /**
     * {@code out = (0 + Σ_q w[wo + q·ws]·a[q], q = 0..k-1 in order)}, then {@code + bias} when withBias:
     * the terms two at a time, one pass over out per pair. All rows have out's length.
     */
    static void combine(double[] w, int wo, int ws, double[][] a, int k, double[] out, boolean withBias, double bias) {
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
        }
        // k - q == 0 only for k = 2 without a bias: start2 did it all (k = 2 with a bias returned above)
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

    /** s[o + 3r + c] += Σ_j d_r[j]·a_c[j], j in order: twelve running sums side by side. */
    static void sums4x3(double[] d0, double[] d1, double[] d2, double[] d3, double[] a0, double[] a1, double[] a2,
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
    static void sums1x6(double[] d, double[] a0, double[] a1, double[] a2, double[] a3, double[] a4, double[] a5,
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
