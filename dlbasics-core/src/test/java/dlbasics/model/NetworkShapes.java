package dlbasics.model;

import dlbasics.nn.Activation;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The networks the trainer's tests run on, one for each way a product can run: the flower's narrow
 * [2, 4, 1] (tanh), layers wider than 8 ([2, 12, 1], [5, 20, 7, 1]) and a cat-like wide input
 * ([3000, 20, 7, 5, 1] on 16 examples: n1·n0·m = 960,000 ≥ 65,536, so Gemm packs X), each with seeded
 * {@link GeneratedData}.
 */
enum NetworkShapes {
    FLOWER(Activation.TANH, 40, 2, 4, 1),
    WIDE_HIDDEN(Activation.RELU, 40, 2, 12, 1),
    TWO_WIDE_LAYERS(Activation.TANH, 40, 5, 20, 7, 1),
    CAT_LIKE(Activation.RELU, 16, 3000, 20, 7, 5, 1);

    final Activation hidden;
    final int examples;
    final int[] dims;

    NetworkShapes(Activation hidden, int examples, int... dims) {
        this.hidden = hidden;
        this.examples = examples;
        this.dims = dims;
    }

    /** A fresh network of this shape, parameters 0. */
    Network network() {
        return Network.of(hidden, dims);
    }

    /** Seeded data for this shape: {@code n0 x examples} and {@code 1 x examples}. */
    GeneratedData data(long seed) {
        return GeneratedData.of(seed, dims[0], examples);
    }

    /** True for the shape whose iterations cost milliseconds: tests run it for fewer iterations. */
    boolean large() {
        return this == CAT_LIKE;
    }

    static Stream<NetworkShapes> all() {
        return Stream.of(values());
    }

    @Override
    public String toString() {
        return Arrays.toString(dims) + " " + hidden.courseName();
    }
}
