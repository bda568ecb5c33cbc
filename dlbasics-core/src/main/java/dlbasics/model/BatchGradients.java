package dlbasics.model;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;

/**
 * One batch's summed cost and summed gradients, computed with the {@link Trainer}'s own forward and
 * backward pass, for trainers that add batches up elsewhere (dlbasics-spark sums one batch per
 * partition). Summing instead of averaging lets batches of any size, also empty ones, be added and
 * divided by the total m once:
 * <pre>
 * X  n[0] x m,  Y  n[L] x m          the batch, one example per column
 * cost sum   Σ_j loss(a_j, y_j)      = m · J
 * dW[l] sum  dZ[l] · A[l-1]ᵀ         = m · dW[l]   n[l] x n[l-1]
 * db[l] sum  Σ_columns dZ[l]         = m · db[l]   n[l] x 1
 * </pre>
 * The buffers are allocated once here; {@link #sums} reads the network's current parameters each call.
 */
public final class BatchGradients {
    private final Propagation pass;
    private final int m;

    /**
     * Checks the batch like {@link Trainer#fit} (shapes, finite X, labels 0 or 1; zero examples allowed)
     * and allocates the pass.
     *
     * @param network the network whose live parameters each {@link #sums} call reads
     * @param X       inputs, {@code n[0] x m}
     * @param Y       labels, {@code n[L] x m}, each 0 or 1
     */
    public BatchGradients(Network network, Matrix X, Matrix Y, OutputGradient outputGradient) {
        if (network == null || X == null || Y == null || outputGradient == null) {
            throw new IllegalArgumentException("BatchGradients: network, X, Y and outputGradient must not be null");
        }
        Dataset.validate("BatchGradients", X, Y);
        network.checkInput("BatchGradients", X);
        this.m = X.cols();
        this.pass = m == 0 ? null : new Propagation(network, X, Y, outputGradient);
    }

    /** m, the number of examples in the batch. */
    public int examples() {
        return m;
    }

    /**
     * One forward and backward pass: writes {@code m·dW[l]} and {@code m·db[l]} into {@code out} and
     * returns {@code m·J} when {@code withCost}, else 0. An empty batch gives zeros. When an output
     * Z[L] is NaN or infinite, returns NaN (the caller reports divergence with its iteration).
     *
     * @param out gradients shaped like the network's parameters ({@code new Gradients(network)}), overwritten
     */
    public double sums(Gradients out, boolean withCost) {
        if (pass == null) {
            for (int l = 1; l <= out.numLayers(); l++) {
                java.util.Arrays.fill(out.dW(l).data(), 0.0);
                java.util.Arrays.fill(out.db(l).data(), 0.0);
            }
            return 0.0;
        }
        pass.forward();
        if (pass.outputLogits().firstNonFinite() >= 0) {
            return Double.NaN;
        }
        double cost = withCost ? pass.cost() * m : 0.0;
        pass.backward();
        Gradients g = pass.gradients();
        for (int l = 1; l <= out.numLayers(); l++) {
            scaleInto(g.dW(l), m, out.dW(l));
            scaleInto(g.db(l), m, out.db(l));
        }
        return cost;
    }

    private static void scaleInto(Matrix source, double s, Matrix target) {
        double[] a = source.data();
        double[] t = target.data();
        for (int k = 0; k < a.length; k++) {
            t[k] = a[k] * s;
        }
    }
}
