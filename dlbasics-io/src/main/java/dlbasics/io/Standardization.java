package dlbasics.io;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.model.Network;

/**
 * Per-feature standardisation: each feature row of X is shifted by its mean and divided by its
 * standard deviation, {@code X' = (X - μ) / σ}, so every feature has mean 0 and spread 1. Fit it on the
 * training examples and apply the same μ and σ to test and new examples.
 *
 * @param mean  μ, {@code n_x x 1}
 * @param scale σ, {@code n_x x 1} (the population standard deviation; 1 where a feature is constant)
 */
public record Standardization(Matrix mean, Matrix scale) {
    /** Checks that both are columns of the same length. */
    public Standardization {
        if (mean.cols() != 1 || scale.cols() != 1 || mean.rows() != scale.rows()) {
            throw new IllegalArgumentException(String.format(
                    "Standardization: mean is %s and scale is %s; both must be n_x x 1 columns", Shapes.shape(mean), Shapes.shape(scale)));
        }
    }

    /** μ and σ of each feature (row) of X ({@code n_x x m}): μ = (1/m) Σ x, σ = sqrt((1/m) Σ (x - μ)²). */
    public static Standardization fit(Matrix X) {
        if (X.cols() == 0) {
            throw new IllegalArgumentException("Standardization.fit: X is " + Shapes.shape(X) + "; it needs at least one example (column)");
        }
        Matrix mu = X.rowSums().divide(X.cols());
        Matrix centred = X.minusColumn(mu);
        Matrix sigma = centred.square().rowSums().divide(X.cols()).sqrt();
        // a constant feature would divide by 0: leave it centred but unscaled
        sigma = sigma.map(s -> s > 0 ? s : 1.0);
        return new Standardization(mu, sigma);
    }

    /** (X - μ) / σ for X {@code n_x x m}; returns a new {@code n_x x m} matrix. */
    public Matrix apply(Matrix X) {
        if (X.rows() != mean.rows()) {
            throw new IllegalArgumentException(String.format(
                    "Standardization.apply: X is %s but the standardisation was fitted on %d features (X must be %d x m)",
                    Shapes.shape(X), mean.rows(), mean.rows()));
        }
        return X.minusColumn(mean).divideColumn(scale);
    }

    /**
     * A copy of {@code network}, trained on standardised inputs, that takes raw inputs instead: the
     * standardisation moves into the first layer.
     * <pre>
     * W1·((x - μ) / σ) + b1 = (W1 / σᵀ)·x + (b1 - (W1 / σᵀ)·μ)
     * </pre>
     * so {@code W1' = W1} with column i divided by σ_i ({@code n1 x n0}) and {@code b1' = b1 - W1'·μ}
     * ({@code n1 x 1}). A saved model then needs no separate scaling step.
     */
    public Network foldInto(Network network) {
        if (network.inputSize() != mean.rows()) {
            throw new IllegalArgumentException(String.format(
                    "Standardization.foldInto: the network takes %d inputs but the standardisation has %d features",
                    network.inputSize(), mean.rows()));
        }
        java.util.Map<String, Matrix> p = network.parameters();
        Matrix W1 = p.get("W1").divideRow(scale.transpose());
        p.put("W1", W1);
        p.put("b1", p.get("b1").minus(W1.mult(mean)));
        return Network.fromParameters(network.hiddenActivation(), p);
    }
}
