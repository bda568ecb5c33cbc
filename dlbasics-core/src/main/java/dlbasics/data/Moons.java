package dlbasics.data;

import dlbasics.random.NumpyRandom;

/**
 * The course's "noisy moons": two interleaving half circles, as
 * {@code sklearn.datasets.make_moons(n_samples=200, noise=.2)} makes them.
 *
 * <p>Same algorithm and random draws as scikit-learn with a RandomState seeded with {@code seed}:
 * the upper moon {@code (cos t, sin t)} for m // 2 angles {@code t = linspace(0, π)} is class 0, the
 * lower {@code (1 - cos t, 1 - sin t - 0.5)} class 1; shuffled, then Gaussian noise added.
 */
public final class Moons {
    private Moons() {
    }

    /** 200 points, noise 0.2: X is {@code 2 x 200}, Y is {@code 1 x 200}. */
    public static Dataset make(long seed) {
        return make(200, 0.2, seed);
    }

    /** {@code m} points; X is {@code 2 x m}, Y is {@code 1 x m}. */
    public static Dataset make(int m, double noise, long seed) {
        Points.checkNoise("Moons.make", noise);
        Points p = new Points(m);
        int out = m / 2;
        int in = m - out;
        double[] tOut = Points.linspace(0, Math.PI, out, true);
        double[] tIn = Points.linspace(0, Math.PI, in, true);
        for (int i = 0; i < out; i++) {
            p.x[i] = Math.cos(tOut[i]);
            p.y[i] = Math.sin(tOut[i]);
        }
        for (int i = 0; i < in; i++) {
            p.x[out + i] = 1 - Math.cos(tIn[i]);
            p.y[out + i] = 1 - Math.sin(tIn[i]) - 0.5;
            p.label[out + i] = 1;
        }
        NumpyRandom rng = new NumpyRandom(seed);
        p.shuffle(rng);
        p.addNoise(rng, noise);
        return p.toDataset();
    }
}
