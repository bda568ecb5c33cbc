package dlbasics.data;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

import java.util.List;

/**
 * The planar data of the course's notebook 3 ("planar data classification with one hidden layer"),
 * drawn with numpy's legacy generator so that a seed gives the notebook's points.
 *
 * <p>{@code PlanarDataTest} compares all 800 coordinates of {@link #flower(long) flower(1)} with the
 * course's {@code load_planar_dataset()} run by numpy ({@code PlanarFlowerReference.py}).
 */
public final class PlanarData {
    /** Points per class of the flower. */
    private static final int POINTS_PER_CLASS = 200;
    /** The flower's largest radius, {@code a} in the course. */
    private static final double MAX_RAY = 4;
    /** The angle span of each class (one half turn, a little less than π). */
    private static final double SPAN = 3.12;

    private PlanarData() {
    }

    /**
     * The "flower": X is {@code 2 x 400}, Y is {@code 1 x 400}; the first 200 columns are class 0
     * ("red"), the last 200 class 1 ("blue"). The course's {@code load_planar_dataset()} is
     * {@code flower(1)}. The recipe, for class j = 0 then 1, with draws from {@code np.random.seed(seed)}:
     * <pre>
     * t = linspace(3.12 j, 3.12 (j+1), 200) + 0.2 · randn(200)     angle
     * r = 4 sin(4 t) + 0.2 · randn(200)                              radius
     * column = (r sin t, r cos t), label j
     * </pre>
     *
     * @param seed numpy's seed, in [0, 2^32 - 1]; the course uses 1
     */
    public static Dataset flower(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int m = 2 * POINTS_PER_CLASS;
        Matrix X = Matrix.zeros(2, m);
        Matrix Y = Matrix.zeros(1, m);
        for (int j = 0; j < 2; j++) {
            double[] t = linspace(j * SPAN, (j + 1) * SPAN, POINTS_PER_CLASS);
            double[] noise = rng.randn(POINTS_PER_CLASS);
            for (int i = 0; i < t.length; i++) {
                // numpy: linspace(...) + randn(N) * 0.2
                t[i] = t[i] + noise[i] * 0.2;
            }
            noise = rng.randn(POINTS_PER_CLASS);
            for (int i = 0; i < t.length; i++) {
                // numpy: a * sin(4 * t) + randn(N) * 0.2
                double r = MAX_RAY * Math.sin(4 * t[i]) + noise[i] * 0.2;
                int col = j * POINTS_PER_CLASS + i;
                X.set(0, col, r * Math.sin(t[i]));
                X.set(1, col, r * Math.cos(t[i]));
                Y.set(0, col, j);
            }
        }
        return new Dataset(X, Y, List.of("red", "blue"));
    }

    /**
     * The small data set of the course's {@code nn_model_test_case()} (testCases_v2): X is {@code 2 x 3},
     * Y is {@code 1 x 3} with labels 0/1.
     * <pre>
     * np.random.seed(1); X = randn(2, 3); Y = (randn(1, 3) > 0)
     * </pre>
     * Y comes out as {@code [[1 0 1]]}. Some versions of the course's helper leave Y as raw normal draws
     * ({@code Y = randn(1, 3)}, labels 1.74, -0.76, 0.32); that variant is not a labelled data set and is
     * the one whose check overflows in numpy (W2 grows to about 6000); {@code OneHiddenLayerModelIT}
     * runs both.
     */
    public static Dataset nnModelTestCase() {
        NumpyRandom rng = new NumpyRandom(1);
        Matrix X = rng.randn(2, 3);
        Matrix Y = rng.randn(1, 3).greaterThan(0);
        return new Dataset(X, Y);
    }

    /**
     * {@code np.linspace(start, stop, num)} as numpy computes it: {@code step = (stop - start) / (num - 1)},
     * entry i is {@code i * step + start}, and the last entry is exactly {@code stop}.
     */
    static double[] linspace(double start, double stop, int num) {
        double[] out = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            out[i] = i * step + start;
        }
        if (num > 1) {
            out[num - 1] = stop;
        }
        return out;
    }
}
