package dlbasics.data;

import dlbasics.random.NumpyRandom;

/**
 * Two interleaved spiral arms, one per class (not in scikit-learn; in the style of the flower and of
 * the classic spiral set). For class j = 0 then 1, with N = m/2 points per arm (class 0 gets the extra
 * one when m is odd):
 * <pre>
 *   s = linspace(0.05, 1, N)            (how far along the arm)
 *   t = j·π + 3π·s + noise·randn(N)
 *   r = 4·s                             (the flower's size, a = 4)
 *   points (r·sin t, r·cos t), label j
 * </pre>
 * A linear model cannot separate the arms; with the course's planar settings (tanh, learning rate
 * 1.2, 10000 iterations, seed 2) 4 hidden units reach 75 % and 8 reach 96 % (seed 1).
 */
public final class Spirals {
    /** The outer radius: the flower's a = 4, so the course's settings (tanh, learning rate 1.2) suit both. */
    static final double RADIUS = 4.0;

    private Spirals() {
    }

    /** 200 points, noise 0.2: X is {@code 2 x 200}, Y is {@code 1 x 200}. */
    public static Dataset make(long seed) {
        return make(200, 0.2, seed);
    }

    /** {@code m} points; X is {@code 2 x m}, Y is {@code 1 x m}. */
    public static Dataset make(int m, double noise, long seed) {
        Points.checkNoise("Spirals.make", noise);
        Points p = new Points(m);
        NumpyRandom rng = new NumpyRandom(seed);
        int i = 0;
        for (int j = 0; j < 2; j++) {
            int n = j == 0 ? m - m / 2 : m / 2;
            double[] s = Points.linspace(0.05, 1.0, n, true);
            double[] g = rng.randn(n);
            for (int k = 0; k < n; k++, i++) {
                double t = j * Math.PI + 3 * Math.PI * s[k] + noise * g[k];
                double r = RADIUS * s[k];
                p.x[i] = r * Math.sin(t);
                p.y[i] = r * Math.cos(t);
                p.label[i] = j;
            }
        }
        return p.toDataset();
    }
}
