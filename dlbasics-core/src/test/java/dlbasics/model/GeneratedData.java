package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

/**
 * Small seeded data sets for the trainer's tests, drawn as a numpy script would draw them:
 * {@code np.random.seed(seed); X = np.random.randn(nX, m)} and label 1 where
 * {@code x0 + x1·x2 > 0}, or {@code x0·x1 > 0} for two features (neither linearly separable, so
 * hidden layers matter).
 */
final class GeneratedData {
    final Matrix X;
    final Matrix Y;

    private GeneratedData(Matrix X, Matrix Y) {
        this.X = X;
        this.Y = Y;
    }

    /** nX ≥ 2 features, m examples. */
    static GeneratedData of(long seed, int nX, int m) {
        Matrix X = new NumpyRandom(seed).randn(nX, m);
        Matrix Y = Matrix.zeros(1, m);
        for (int j = 0; j < m; j++) {
            boolean label = nX == 2 ? X.get(0, j) * X.get(1, j) > 0 : X.get(0, j) + X.get(1, j) * X.get(2, j) > 0;
            Y.set(0, j, label ? 1 : 0);
        }
        return new GeneratedData(X, Y);
    }
}
