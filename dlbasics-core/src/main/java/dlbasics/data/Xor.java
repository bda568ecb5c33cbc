package dlbasics.data;

import dlbasics.random.NumpyRandom;

/**
 * The XOR pattern: points uniform in the square [-1, 1)², labelled 1 where the two coordinates have
 * different signs (the exclusive or of "x > 0" and "y > 0") and 0 otherwise. Not in scikit-learn.
 * Points are {@code uniform(-1, 1, size=(m, 2))} in C order; then, when {@code noise > 0}, Gaussian
 * noise {@code normal(scale=noise, size=(m, 2))} moves them after labelling, blurring the borders.
 */
public final class Xor {
    private Xor() {
    }

    /** 200 points, noise 0.1: X is {@code 2 x 200}, Y is {@code 1 x 200}. */
    public static Dataset make(long seed) {
        return make(200, 0.1, seed);
    }

    /** {@code m} points; X is {@code 2 x m}, Y is {@code 1 x m}. */
    public static Dataset make(int m, double noise, long seed) {
        Points.checkNoise("Xor.make", noise);
        Points p = new Points(m);
        NumpyRandom rng = new NumpyRandom(seed);
        for (int i = 0; i < m; i++) {
            p.x[i] = rng.uniform(-1.0, 1.0);
            p.y[i] = rng.uniform(-1.0, 1.0);
            p.label[i] = (p.x[i] > 0) != (p.y[i] > 0) ? 1 : 0;
        }
        if (noise > 0) {
            p.addNoise(rng, noise);
        }
        return p.toDataset();
    }
}
