package dlbasics.nn;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

/**
 * How a layer's weights start. Biases always start at zero. Each layer draws its
 * {@code n[l] x n[l-1]} weights from the generator in C order, layer 1 first, as the course does.
 */
public enum Initializer {
    /** All weights 0 (the course's {@code initialize_with_zeros}, logistic regression). */
    ZEROS,
    /** {@code W = randn(n[l], n[l-1]) * 0.01} (planar, step by step, two-layer model). */
    SMALL_RANDOM,
    /** {@code W = randn(n[l], n[l-1]) / sqrt(n[l-1])} (the course's L-layer application). */
    SCALED_BY_FAN_IN,
    /** {@code W = randn(n[l], n[l-1]) * sqrt(2 / n[l-1])} (He et al., for ReLU networks). */
    HE,
    /** {@code W = randn(n[l], n[l-1]) * 10}, the initialization notebook's {@code initialize_parameters_random}: too large. */
    RANDOM,
    /** {@code W = randn(n[l], n[l-1]) * sqrt(1 / n[l-1])} (Xavier/Glorot as the course gives it, for tanh networks). */
    XAVIER;

    /** A fresh {@code rows x cols} weight matrix ({@code rows = n[l]}, {@code cols = n[l-1]}). */
    public Matrix weights(int rows, int cols, NumpyRandom rng) {
        if (this == ZEROS) {
            return Matrix.zeros(rows, cols);
        }
        Matrix w = rng.randn(rows, cols);
        double[] d = w.data();
        switch (this) {
            case SMALL_RANDOM:
                for (int i = 0; i < d.length; i++) {
                    d[i] = d[i] * 0.01;
                }
                break;
            case SCALED_BY_FAN_IN: {
                double s = Math.sqrt(cols);
                for (int i = 0; i < d.length; i++) {
                    d[i] = d[i] / s;
                }
                break;
            }
            case RANDOM:
                for (int i = 0; i < d.length; i++) {
                    d[i] = d[i] * 10;
                }
                break;
            case XAVIER: {
                double s = Math.sqrt(1.0 / cols);
                for (int i = 0; i < d.length; i++) {
                    d[i] = d[i] * s;
                }
                break;
            }
            default: {
                double s = Math.sqrt(2.0 / cols);
                for (int i = 0; i < d.length; i++) {
                    d[i] = d[i] * s;
                }
            }
        }
        return w;
    }

    /**
     * {@code W = randn(rows, cols) * scale}, random initialization at any scale (SMALL_RANDOM is 0.01,
     * RANDOM 10): the notebook's experiment of how the scale decides whether a network learns.
     */
    public static Matrix randomWeights(int rows, int cols, double scale, NumpyRandom rng) {
        Matrix w = rng.randn(rows, cols);
        double[] d = w.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] * scale;
        }
        return w;
    }

    /** Parses a name such as "small-random" or "SCALED_BY_FAN_IN", listing the valid names on error. */
    public static Initializer parse(String name) {
        String n = name.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        for (Initializer i : values()) {
            if (i.name().equals(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.format(
                "Initializer.parse: unknown initializer \"%s\"; valid names are zeros, small-random, scaled-by-fan-in, he, random (x10), xavier", name));
    }
}
