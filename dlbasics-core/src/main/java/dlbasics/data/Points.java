package dlbasics.data;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

/**
 * Labelled 2-D points in scikit-learn's layout while a generator builds them: {@code x[i]} and
 * {@code y[i]} are the coordinates of example i (one row each, as sklearn's {@code (m, 2)} array) and
 * {@code label[i]} its class. The steps below consume random numbers exactly as scikit-learn does, so
 * a generator written with them draws the same numbers as sklearn would from numpy's RandomState.
 */
final class Points {
    final double[] x;
    final double[] y;
    final int[] label;

    Points(int m) {
        if (m <= 0) {
            throw new IllegalArgumentException("data generator: m is " + m + "; ask for at least one example (the course uses 200)");
        }
        x = new double[m];
        y = new double[m];
        label = new int[m];
    }

    int size() {
        return label.length;
    }

    /** {@code np.linspace(start, stop, n, endpoint)}: {@code start + i·step}, the last one exactly {@code stop} when included. */
    static double[] linspace(double start, double stop, int n, boolean endpoint) {
        double[] v = new double[n];
        int div = endpoint ? n - 1 : n;
        double step = div > 0 ? (stop - start) / div : 0.0;
        for (int i = 0; i < n; i++) {
            v[i] = i * step + start;
        }
        if (endpoint && n > 1) {
            v[n - 1] = stop;
        }
        return v;
    }

    /**
     * {@code sklearn.utils.shuffle(X, y, random_state=rng)}: {@code indices = arange(m); rng.shuffle(indices)},
     * then rows are taken in that order.
     */
    void shuffle(NumpyRandom rng) {
        int[] idx = new int[size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        rng.shuffle(idx);
        reorder(idx);
    }

    /** Puts example {@code order[k]} at position k. */
    void reorder(int[] order) {
        double[] nx = new double[size()];
        double[] ny = new double[size()];
        int[] nl = new int[size()];
        for (int k = 0; k < order.length; k++) {
            nx[k] = x[order[k]];
            ny[k] = y[order[k]];
            nl[k] = label[order[k]];
        }
        System.arraycopy(nx, 0, x, 0, nx.length);
        System.arraycopy(ny, 0, y, 0, ny.length);
        System.arraycopy(nl, 0, label, 0, nl.length);
    }

    /** {@code X += rng.normal(scale=noise, size=X.shape)}: draws fill the (m, 2) array in C order, x then y of each example. */
    void addNoise(NumpyRandom rng, double noise) {
        for (int i = 0; i < size(); i++) {
            x[i] += rng.normal(0.0, noise);
            y[i] += rng.normal(0.0, noise);
        }
    }

    /** The course's layout: X is {@code 2 x m} (row 0 the first coordinate), Y is {@code 1 x m}. */
    Dataset toDataset() {
        int m = size();
        Matrix X = Matrix.zeros(2, m);
        Matrix Y = Matrix.zeros(1, m);
        for (int i = 0; i < m; i++) {
            X.set(0, i, x[i]);
            X.set(1, i, y[i]);
            Y.set(0, i, label[i]);
        }
        return new Dataset(X, Y);
    }

    static void checkNoise(String generator, double noise) {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException(generator + ": noise is " + noise + "; it is a standard deviation, finite and 0 or more");
        }
    }
}
