package dlbasics.data;

import dlbasics.random.NumpyRandom;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The course's "gaussian quantiles": one 2-D Gaussian cloud split by distance from its centre, the
 * nearer half class 0 and the outer half class 1, as {@code sklearn.datasets.make_gaussian_quantiles(
 * cov=0.5, n_samples=200, n_features=2, n_classes=2)} makes it.
 *
 * <p>Same algorithm and random draws as scikit-learn: {@code multivariate_normal(0, cov·I, m)} (for
 * {@code cov·I} numpy's SVD is the identity, so each point is {@code sqrt(cov) · randn(2)}), sorted by
 * squared distance from the origin, the first m // 2 labelled 0, then shuffled. numpy's argsort is not
 * stable; with distinct distances (ties have probability 0) the order is the same.
 */
public final class GaussianQuantiles {
    private GaussianQuantiles() {
    }

    /** 200 points, covariance 0.5·I: X is {@code 2 x 200}, Y is {@code 1 x 200}. */
    public static Dataset make(long seed) {
        return make(200, 0.5, seed);
    }

    /** {@code m} points with covariance {@code cov·I}; X is {@code 2 x m}, Y is {@code 1 x m}. */
    public static Dataset make(int m, double cov, long seed) {
        if (!(cov > 0) || !Double.isFinite(cov)) {
            throw new IllegalArgumentException("GaussianQuantiles.make: cov is " + cov + "; the variance must be finite and above 0 (the course uses 0.5)");
        }
        Points p = new Points(m);
        NumpyRandom rng = new NumpyRandom(seed);
        double s = Math.sqrt(cov);
        for (int i = 0; i < m; i++) {
            // x @ (sqrt(S)[:, None] * V) with V = I: x0·s + x1·0
            double g0 = rng.nextGaussian();
            double g1 = rng.nextGaussian();
            p.x[i] = g0 * s + g1 * 0.0;
            p.y[i] = g0 * 0.0 + g1 * s;
        }
        double[] dist = new double[m];
        for (int i = 0; i < m; i++) {
            dist[i] = p.x[i] * p.x[i] + p.y[i] * p.y[i];
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> dist[i]));
        p.reorder(Arrays.stream(order).mapToInt(Integer::intValue).toArray());
        // step = m // n_classes; the remainder goes to the last class
        for (int i = m / 2; i < m; i++) {
            p.label[i] = 1;
        }
        p.shuffle(rng);
        return p.toDataset();
    }
}
