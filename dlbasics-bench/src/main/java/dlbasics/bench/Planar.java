package dlbasics.bench;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

/**
 * The course's planar "flower" (load_planar_dataset): seed 1, m = 400, N = 200 per class, a = 4;
 * {@code t = linspace(3.12 j, 3.12 (j+1), N) + 0.2 randn(N)}, {@code r = a sin(4t) + 0.2 randn(N)},
 * points {@code (r sin t, r cos t)}. X is {@code 2 x 400}, Y is {@code 1 x 400}.
 * (The data package will own the real generator; the benchmarks only need the numbers.)
 */
final class Planar {
    private Planar() {
    }

    static Dataset flower() {
        NumpyRandom rng = new NumpyRandom(1);
        int perClass = 200;
        int m = 2 * perClass;
        double a = 4;
        Matrix X = Matrix.zeros(2, m);
        Matrix Y = Matrix.zeros(1, m);
        for (int j = 0; j < 2; j++) {
            double[] t = new double[perClass];
            double lo = 3.12 * j;
            double hi = 3.12 * (j + 1);
            double step = (hi - lo) / (perClass - 1);
            for (int i = 0; i < perClass; i++) {
                t[i] = (i == perClass - 1 ? hi : lo + i * step) + rng.nextGaussian() * 0.2;
            }
            for (int i = 0; i < perClass; i++) {
                double r = a * Math.sin(4 * t[i]) + rng.nextGaussian() * 0.2;
                int col = j * perClass + i;
                X.set(0, col, r * Math.sin(t[i]));
                X.set(1, col, r * Math.cos(t[i]));
                Y.set(0, col, j);
            }
        }
        return new Dataset(X, Y);
    }
}
