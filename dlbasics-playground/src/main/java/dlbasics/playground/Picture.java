package dlbasics.playground;

import dlbasics.data.Dataset;
import dlbasics.model.Network;
import dlbasics.nn.Activation;

import java.util.Base64;

/**
 * What the page draws, computed from a network's parameters with plain loops over
 * {@code W(l)}, {@code b(l)} and {@link Activation#apply}: the output over a grid of the plane (the
 * decision boundary), each hidden unit's output over a coarser grid, and cost and accuracy on a set.
 *
 * <p>Grids are {@code n x n} points over {@code extent = [xMin, xMax, yMin, yMax]}, row 0 at the top
 * (largest y), sent as base64 bytes: the output probability times 255, a hidden unit's activation
 * mapped from [-1, 1] to 0..255 (ReLU's clipped at 1).
 */
final class Picture {
    private final int L;
    private final int[] dims;
    private final double[][][] W;
    private final double[][] b;
    private final Activation[] g;

    /** Copies the parameters: call where they are consistent (the training thread between updates, or idle). */
    Picture(Network network) {
        this.L = network.numLayers();
        this.dims = network.layerDims();
        this.W = new double[L + 1][][];
        this.b = new double[L + 1][];
        this.g = new Activation[L + 1];
        for (int l = 1; l <= L; l++) {
            W[l] = network.W(l).toRows();
            b[l] = network.b(l).toArray();
            g[l] = network.activation(l);
        }
    }

    /** The activations of every layer for one point, {@code a[l][unit]}; {@code a[L][0]} is the logit's sigmoid, {@code z} the last logit. */
    private double forward(double x, double y, double[][] a) {
        a[0][0] = x;
        a[0][1] = y;
        double z = 0;
        for (int l = 1; l <= L; l++) {
            for (int i = 0; i < dims[l]; i++) {
                double s = b[l][i];
                double[] w = W[l][i];
                for (int k = 0; k < dims[l - 1]; k++) {
                    s += w[k] * a[l - 1][k];
                }
                z = s;
                a[l][i] = g[l].apply(s);
            }
        }
        return z;
    }

    private double[][] buffers() {
        double[][] a = new double[L + 1][];
        for (int l = 0; l <= L; l++) {
            a[l] = new double[dims[l]];
        }
        return a;
    }

    /** The output probability on an {@code n x n} grid, as base64 bytes (p · 255). */
    String boundary(double[] extent, int n) {
        byte[] out = new byte[n * n];
        double[][] a = buffers();
        for (int r = 0; r < n; r++) {
            double y = extent[3] - (r + 0.5) * (extent[3] - extent[2]) / n;
            for (int c = 0; c < n; c++) {
                double x = extent[0] + (c + 0.5) * (extent[1] - extent[0]) / n;
                forward(x, y, a);
                out[r * n + c] = (byte) Math.round(clamp(a[L][0], 0, 1) * 255);
            }
        }
        return Base64.getEncoder().encodeToString(out);
    }

    /** Each hidden unit's output on an {@code n x n} grid: {@code [layer - 1][unit]} base64 bytes. */
    String[][] hiddenUnits(double[] extent, int n) {
        String[][] units = new String[L - 1][];
        byte[][][] bytes = new byte[L - 1][][];
        for (int l = 1; l < L; l++) {
            bytes[l - 1] = new byte[dims[l]][n * n];
        }
        double[][] a = buffers();
        for (int r = 0; r < n; r++) {
            double y = extent[3] - (r + 0.5) * (extent[3] - extent[2]) / n;
            for (int c = 0; c < n; c++) {
                double x = extent[0] + (c + 0.5) * (extent[1] - extent[0]) / n;
                forward(x, y, a);
                for (int l = 1; l < L; l++) {
                    for (int i = 0; i < dims[l]; i++) {
                        bytes[l - 1][i][r * n + c] = (byte) Math.round((clamp(a[l][i], -1, 1) + 1) * 127.5);
                    }
                }
            }
        }
        for (int l = 1; l < L; l++) {
            units[l - 1] = new String[dims[l]];
            for (int i = 0; i < dims[l]; i++) {
                units[l - 1][i] = Base64.getEncoder().encodeToString(bytes[l - 1][i]);
            }
        }
        return units;
    }

    /**
     * Cost and accuracy on a data set: {@code [J, accuracy]} with
     * {@code J = (1/m) Σ [softplus(z) − y·z]} (the cross-entropy from the logit z, finite for any z)
     * and accuracy the share of {@code (σ(z) > 0.5) == y}.
     */
    double[] score(Dataset data) {
        double[][] a = buffers();
        int m = data.size();
        double cost = 0;
        int right = 0;
        for (int j = 0; j < m; j++) {
            double z = forward(data.X().get(0, j), data.X().get(1, j), a);
            double y = data.Y().get(0, j);
            cost += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
            if ((a[L][0] > 0.5 ? 1.0 : 0.0) == y) {
                right++;
            }
        }
        return new double[] {cost / m, (double) right / m};
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
