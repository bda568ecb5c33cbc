package dlbasics.spark;

import dlbasics.matrix.Matrix;
import dlbasics.model.BatchGradients;
import dlbasics.model.Gradients;
import dlbasics.model.Network;
import dlbasics.model.OutputGradient;
import dlbasics.nn.Activation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One partition's examples as the course's matrices, X ({@code n[0] x m}, row-major) and Y
 * ({@code 1 x m}), checked once when the partition is read, and cached by Spark for every step.
 * The first problem found (a missing or NaN feature, a label outside the network's classes: 0 or 1
 * for one output unit, 0..K-1 for K) is kept as a message naming the column, partition and row; the
 * driver throws it before any training step.
 *
 * <p>The network and pass built from the block are kept in transient fields, so each step on a cached
 * block only copies the broadcast parameters in and runs the pass (no allocation, and Gemm keeps its
 * packed copy of the fixed X). Serializable because Spark may spill cached blocks.
 */
final class PartitionBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    final int partition;
    final int features;
    final int m;
    final double[] x;
    final double[] y;
    final String problem;

    private transient Network network;
    private transient BatchGradients pass;
    private transient Gradients sums;

    private PartitionBlock(int partition, int features, int m, double[] x, double[] y, String problem) {
        this.partition = partition;
        this.features = features;
        this.m = m;
        this.x = x;
        this.y = y;
        this.problem = problem;
    }

    /** The columns' names for messages: the feature names (or one vector column's name) and the label's. */
    record Columns(List<String> features, boolean vector, String label) implements Serializable {
        String feature(int k) {
            return vector ? String.format(Locale.ROOT, "%s (element %d)", features.get(0), k) : features.get(k);
        }
    }

    /** Reads one partition's examples for a network of n0 inputs and {@code classes} classes; never throws for bad data (the problem is kept instead). */
    static PartitionBlock read(int partition, java.util.Iterator<Example> examples, int n0, int classes, Columns columns) {
        List<Example> rows = new ArrayList<>();
        examples.forEachRemaining(rows::add);
        int m = rows.size();
        double[] x = new double[n0 * m];
        double[] y = new double[m];
        String problem = null;
        for (int j = 0; j < m && problem == null; j++) {
            Example e = rows.get(j);
            if (e.features().length != n0) {
                problem = String.format(Locale.ROOT,
                        "SparkTrainer.fit: row %d of partition %d has %d features but the network takes %d; every example needs "
                                + "%d values in %s", j, partition, e.features().length, n0, n0, columns.vector() ? columns.features().get(0)
                                : "the feature columns " + columns.features());
                break;
            }
            for (int k = 0; k < n0; k++) {
                double v = e.features()[k];
                if (!Double.isFinite(v)) {
                    problem = String.format(Locale.ROOT,
                            "SparkTrainer.fit: feature column %s holds %s at row %d of partition %d; remove or impute missing "
                                    + "and non-finite values before training (e.g. Dataset.na().drop())", columns.feature(k), v, j, partition);
                    break;
                }
                x[k * m + j] = v;
            }
            double label = e.label();
            if (problem == null && classes == 2 && label != 0.0 && label != 1.0) {
                problem = String.format(Locale.ROOT,
                        "SparkTrainer.fit: label column %s holds %s at row %d of partition %d; binary classification needs "
                                + "labels 0 and 1 (map your classes to 0/1 first)", columns.label(), label, j, partition);
            } else if (problem == null && (label != Math.rint(label) || label < 0 || label >= classes)) {
                problem = String.format(Locale.ROOT,
                        "SparkTrainer.fit: label column %s holds %s at row %d of partition %d; a network with %d output units "
                                + "needs class indices 0..%d (map your class names to indices first)", columns.label(), label, j,
                        partition, classes, classes - 1);
            }
            y[j] = label;
        }
        return new PartitionBlock(partition, n0, m, x, y, problem);
    }

    /**
     * The partition's summed cost and gradients for the parameters in {@code flat} (the layout of
     * {@link SparkTrainer#flatten}): {@code [m, cost sum, non-finite outputs (0 or 1), then m·dW1, m·db1, ...]},
     * over all its rows, or with a {@code sampler} over the rows the step's {@code key} keeps ({@code m}
     * then counts them; {@code offset} is the partition's first row in the whole data set).
     */
    synchronized double[] sums(int[] dims, Activation hidden, OutputGradient outputGradient, double[] flat, boolean withCost,
                               RowSampler sampler, long key, long offset) {
        if (network == null) {
            network = Network.of(hidden, dims);
            pass = new BatchGradients(network, Matrix.wrap(features, m, x).fixed(), Matrix.wrap(1, m, y), outputGradient);
            sums = new Gradients(network);
        }
        SparkTrainer.unflatten(flat, network);
        BatchGradients batch = sampler == null ? pass : sample(sampler, key, offset, outputGradient);
        double cost = batch.sums(sums, withCost);
        int L = network.numLayers();
        double[] out = new double[3 + flat.length];
        out[0] = batch.examples();
        out[1] = Double.isNaN(cost) ? 0 : cost;
        out[2] = Double.isNaN(cost) ? 1 : 0;
        int at = 3;
        for (int l = 1; l <= L; l++) {
            at = copy(sums.dW(l), out, at);
            at = copy(sums.db(l), out, at);
        }
        return out;
    }

    /** The pass over the rows the sampler keeps for {@code key}, in partition order: X_s {@code n[0] x m_s}, Y_s {@code 1 x m_s}. */
    private BatchGradients sample(RowSampler sampler, long key, long offset, OutputGradient outputGradient) {
        int[] kept = new int[m];
        int ms = 0;
        for (int j = 0; j < m; j++) {
            if (sampler.keeps(key, offset + j)) {
                kept[ms++] = j;
            }
        }
        double[] xs = new double[features * ms];
        double[] ys = new double[ms];
        for (int c = 0; c < ms; c++) {
            ys[c] = y[kept[c]];
        }
        for (int k = 0; k < features; k++) {
            for (int c = 0; c < ms; c++) {
                xs[k * ms + c] = x[k * m + kept[c]];
            }
        }
        return new BatchGradients(network, Matrix.wrap(features, ms, xs), Matrix.wrap(1, ms, ys), outputGradient);
    }

    private static int copy(Matrix from, double[] to, int at) {
        double[] d = from.data();
        System.arraycopy(d, 0, to, at, d.length);
        return at + d.length;
    }
}
