package dlbasics.data;

import dlbasics.random.NumpyRandom;

/**
 * The course's "blobs": Gaussian clusters around 6 random centres with the cluster index taken mod 2 as
 * the label, as {@code sklearn.datasets.make_blobs(n_samples=200, random_state=5, n_features=2,
 * centers=6)} followed by the notebook's {@code Y = Y % 2}.
 *
 * <p>Same algorithm and random draws as scikit-learn: centres {@code uniform(-10, 10, size=(6, 2))},
 * then for each centre k its points {@code normal(loc=centre_k, scale=1.0, size=(n_k, 2))} (the first
 * {@code m % 6} centres get one point more), then a shuffle. The course's seed is 5.
 */
public final class Blobs {
    /** The course's {@code random_state}. */
    public static final long COURSE_SEED = 5;

    private Blobs() {
    }

    /** 200 points around 6 centres, labels mod 2: X is {@code 2 x 200}, Y is {@code 1 x 200}. */
    public static Dataset make(long seed) {
        return make(200, 6, 1.0, seed);
    }

    /** {@code m} points around {@code centers} centres with standard deviation {@code std}; X is {@code 2 x m}, Y is {@code 1 x m}. */
    public static Dataset make(int m, int centers, double std, long seed) {
        if (centers < 1) {
            throw new IllegalArgumentException("Blobs.make: centers is " + centers + "; ask for at least 1 (the course uses 6)");
        }
        Points.checkNoise("Blobs.make", std);
        Points p = new Points(m);
        NumpyRandom rng = new NumpyRandom(seed);
        double[] cx = new double[centers];
        double[] cy = new double[centers];
        for (int k = 0; k < centers; k++) {
            cx[k] = rng.uniform(-10.0, 10.0);
            cy[k] = rng.uniform(-10.0, 10.0);
        }
        int i = 0;
        for (int k = 0; k < centers; k++) {
            int n = m / centers + (k < m % centers ? 1 : 0);
            for (int j = 0; j < n; j++, i++) {
                p.x[i] = rng.normal(cx[k], std);
                p.y[i] = rng.normal(cy[k], std);
                p.label[i] = k % 2;
            }
        }
        p.shuffle(rng);
        return p.toDataset();
    }
}
