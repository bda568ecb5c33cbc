package dlbasics.data;

import dlbasics.random.NumpyRandom;

/**
 * The course's "no structure" set: uniform random points with uniform random labels, so no classifier
 * can do better than chance. The notebook drew {@code np.random.rand(200, 2)} for the points and
 * another {@code rand(200, 2)} for the "labels", which are not 0/1; here the points are
 * {@code rand(m, 2)} and the labels {@code randint(0, 2, m)}, drawn in that order.
 */
public final class NoStructure {
    private NoStructure() {
    }

    /** 200 points: X is {@code 2 x 200} in [0, 1)², Y is {@code 1 x 200}. */
    public static Dataset make(long seed) {
        return make(200, seed);
    }

    /** {@code m} points; X is {@code 2 x m}, Y is {@code 1 x m}. */
    public static Dataset make(int m, long seed) {
        Points p = new Points(m);
        NumpyRandom rng = new NumpyRandom(seed);
        for (int i = 0; i < m; i++) {
            p.x[i] = rng.nextDouble();
            p.y[i] = rng.nextDouble();
        }
        long[] labels = rng.randint(0, 2, m);
        for (int i = 0; i < m; i++) {
            p.label[i] = (int) labels[i];
        }
        return p.toDataset();
    }
}
