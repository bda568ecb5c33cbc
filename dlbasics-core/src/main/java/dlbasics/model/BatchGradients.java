package dlbasics.model;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;

/**
 * One batch's summed cost and summed gradients, computed with the {@link Trainer}'s own forward and
 * backward pass, for trainers that add batches up elsewhere (dlbasics-spark sums one batch per
 * partition). Summing instead of averaging lets batches of any size, also empty ones, be added and
 * divided by the total m once:
 * <pre>
 * X  n[0] x m,  Y  1 x m             the batch, one example per column (labels 0/1, or 0..K-1 for K output units)
 * cost sum   Σ_j loss(a_j, y_j)      = m · J
 * dW[l] sum  dZ[l] · A[l-1]ᵀ         = m · dW[l]   n[l] x n[l-1]
 * db[l] sum  Σ_columns dZ[l]         = m · db[l]   n[l] x 1
 * </pre>
 * {@link #mean} turns the added-up sums into the Trainer's J and gradients, with its L2 term. The
 * buffers are allocated once here; {@link #sums} reads the network's current parameters each call.
 */
public final class BatchGradients {
    private final Propagation pass;
    private final int m;

    /**
     * Checks the batch like {@link Trainer#fit} (shapes, finite X, labels 0 or 1 for one output unit,
     * class indices 0..K-1 for K; zero examples allowed) and allocates the pass.
     *
     * @param network the network whose live parameters each {@link #sums} call reads
     * @param X       inputs, {@code n[0] x m}
     * @param Y       labels, {@code 1 x m}: 0 or 1 for one output unit, class indices 0..K-1 for K output units
     */
    public BatchGradients(Network network, Matrix X, Matrix Y, OutputGradient outputGradient) {
        if (network == null || X == null || Y == null || outputGradient == null) {
            throw new IllegalArgumentException("BatchGradients: network, X, Y and outputGradient must not be null");
        }
        Dataset.validate("BatchGradients", X, Y, network.classes());
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

    /**
     * The Trainer's cost and gradients from sums over {@code m} examples (one batch's or many added up),
     * with the L2 term as the Trainer's pass adds it (λ = {@code l2}, the network's current W):
     * <pre>
     * J      = costSum / m + (λ/(2m))·Σ_l ‖W[l]‖²
     * dW[l]  = dWsum[l] / m + (λ·W[l]) / m       n[l] x n[l-1]
     * db[l]  = dbsum[l] / m                      n[l] x 1
     * </pre>
     *
     * @param sums    the summed gradients ({@link #sums}' output, or several added up)
     * @param m       the number of examples summed, 1 or more
     * @param out     where the averaged gradients go; may be {@code sums} itself
     * @return J (NaN when {@code costSum} is NaN)
     */
    public static double mean(Network network, double costSum, Gradients sums, long m, double l2, Gradients out) {
        if (m < 1) {
            throw new IllegalArgumentException("BatchGradients.mean: m is " + m + "; the sums must cover at least one example");
        }
        double invM = 1.0 / m;
        double squares = 0;
        for (int l = 1; l <= network.numLayers(); l++) {
            double[] w = network.W(l).data();
            double[] dw = out.dW(l).data();
            double[] s = sums.dW(l).data();
            double layer = 0;
            for (int i = 0; i < w.length; i++) {
                dw[i] = l2 == 0 ? s[i] * invM : s[i] * invM + (l2 * w[i]) / m;
                layer += w[i] * w[i];
            }
            squares += layer;
            scaleInto(sums.db(l), invM, out.db(l));
        }
        double J = costSum * invM;
        return l2 == 0 ? J : J + (1.0 / m * l2 / 2) * squares;
    }
}
