package dlbasics.data;

import dlbasics.random.NumpyRandom;

/**
 * The course's "noisy circles": a large circle of class 0 around a smaller one of class 1, as
 * {@code sklearn.datasets.make_circles(n_samples=200, factor=.5, noise=.3)} makes them.
 *
 * <p>Same algorithm and the same random draws as scikit-learn with {@code random_state} a
 * RandomState seeded with {@code seed}: m // 2 outer points at angles {@code linspace(0, 2π, m//2,
 * endpoint=False)}, the rest inner (radius {@code factor}), shuffled, then Gaussian noise added.
 * (The notebook passed no random_state, so its own draws depended on what ran before.)
 */
public final class Circles {
    private Circles() {
    }

    /** 200 points, factor 0.5, noise 0.3: X is {@code 2 x 200}, Y is {@code 1 x 200}. */
    public static Dataset make(long seed) {
        return make(200, 0.5, 0.3, seed);
    }

    /** {@code m} points; X is {@code 2 x m}, Y is {@code 1 x m} (0 outer, 1 inner). */
    public static Dataset make(int m, double factor, double noise, long seed) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("Circles.make: factor is " + factor + "; the inner circle's radius must lie in (0, 1), the course uses 0.5");
        }
        Points.checkNoise("Circles.make", noise);
        Points p = new Points(m);
        int out = m / 2;
        int in = m - out;
        double[] tOut = Points.linspace(0, 2 * Math.PI, out, false);
        double[] tIn = Points.linspace(0, 2 * Math.PI, in, false);
        for (int i = 0; i < out; i++) {
            p.x[i] = Math.cos(tOut[i]);
            p.y[i] = Math.sin(tOut[i]);
        }
        for (int i = 0; i < in; i++) {
            p.x[out + i] = Math.cos(tIn[i]) * factor;
            p.y[out + i] = Math.sin(tIn[i]) * factor;
            p.label[out + i] = 1;
        }
        NumpyRandom rng = new NumpyRandom(seed);
        p.shuffle(rng);
        p.addNoise(rng, noise);
        return p.toDataset();
    }
}
