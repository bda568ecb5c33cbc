package dlbasics.model;

import dlbasics.nn.Initializer;

/**
 * How a network was (or will be) trained: the learning rate, the number of iterations, the initializer
 * and the seed of the numpy-compatible generator that drew the initial weights, how often the cost is
 * recorded (the course records every 100 iterations), and the second course's options.
 *
 * <p>An iteration is one epoch, one pass over the training set: one update in full-batch training
 * ({@code batchSize == 0}, the default), {@code ceil(m / batchSize)} updates with mini-batches. Each
 * epoch e shuffles the examples with {@code new NumpyRandom(shuffleSeed + e)}, as the optimization
 * notebook's {@code model} reseeds {@code random_mini_batches} (its first seed is 11).
 *
 * @param batchSize   examples per mini-batch, 1..m, or 0 for full batch (no shuffling)
 * @param shuffleSeed the shuffle seed of epoch 0, in [0, 2^32 - 1 - epochs]
 * @param l2          λ of L2 weight decay, 0 or more: {@code J += λ/(2m)·Σ‖W[l]‖²}, {@code dW[l] += (λ/m)·W[l]}
 * @param keepProb    inverted dropout's keep probability of the hidden units, in (0, 1]; 1 is no dropout
 * @param decay       the learning-rate schedule over the epochs
 * @param firstLayer  how the first layer's W[1]·X is computed ({@link FirstLayer}; AUTO by default)
 */
public record TrainingSettings(double learningRate, int iterations, Initializer initializer, long seed, int costEvery,
                               int batchSize, long shuffleSeed, double l2, double keepProb, LearningRateDecay decay,
                               FirstLayer firstLayer) {
    /** The first course's settings: full batch, no regularization, no decay. */
    public TrainingSettings(double learningRate, int iterations, Initializer initializer, long seed, int costEvery) {
        this(learningRate, iterations, initializer, seed, costEvery, 0, 11, 0.0, 1.0, LearningRateDecay.NONE);
    }

    /** The settings with the first layer's form chosen by {@link FirstLayer#AUTO}. */
    public TrainingSettings(double learningRate, int iterations, Initializer initializer, long seed, int costEvery,
                            int batchSize, long shuffleSeed, double l2, double keepProb, LearningRateDecay decay) {
        this(learningRate, iterations, initializer, seed, costEvery, batchSize, shuffleSeed, l2, keepProb, decay, FirstLayer.AUTO);
    }

    /** These settings with the first layer computed as {@code firstLayer} says. */
    public TrainingSettings withFirstLayer(FirstLayer firstLayer) {
        return new TrainingSettings(learningRate, iterations, initializer, seed, costEvery, batchSize, shuffleSeed, l2, keepProb,
                decay, firstLayer);
    }

    /** Checks every value, naming the bad one and a sensible range. */
    public TrainingSettings {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException(String.format(
                    "TrainingSettings: learningRate is %s; it must be a finite number above 0 (the course uses 0.0075 to 1.2)", learningRate));
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("TrainingSettings: iterations is " + iterations + "; it must be 0 or more");
        }
        if (initializer == null) {
            throw new IllegalArgumentException("TrainingSettings: initializer is null; choose one of " + java.util.Arrays.toString(Initializer.values()));
        }
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("TrainingSettings: seed " + seed + " is outside [0, 4294967295] (numpy's seed range)");
        }
        if (costEvery <= 0) {
            throw new IllegalArgumentException("TrainingSettings: costEvery is " + costEvery + "; record the cost every 1 or more iterations (the course uses 100)");
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("TrainingSettings: batchSize is " + batchSize
                    + "; a mini-batch needs at least 1 example (the notebook uses 64), or 0 for full-batch training");
        }
        if (shuffleSeed < 0 || shuffleSeed + iterations > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(String.format(
                    "TrainingSettings: shuffleSeed %d plus %d epochs leaves [0, 4294967295] (numpy's seed range); epoch e "
                            + "shuffles with shuffleSeed + e", shuffleSeed, iterations));
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException(String.format(
                    "TrainingSettings: l2 is %s; the L2 strength λ must be finite and 0 or more (the notebook uses 0.7)", l2));
        }
        if (!(keepProb > 0 && keepProb <= 1)) {
            throw new IllegalArgumentException(String.format(
                    "TrainingSettings: keepProb is %s; the probability of keeping a hidden unit must lie in (0, 1], "
                            + "1 for no dropout (the notebook uses 0.86)", keepProb));
        }
        if (decay == null) {
            throw new IllegalArgumentException("TrainingSettings: decay is null; use LearningRateDecay.NONE for a fixed rate");
        }
        if (firstLayer == null) {
            throw new IllegalArgumentException("TrainingSettings: firstLayer is null; use FirstLayer.AUTO to let the trainer choose");
        }
    }

    /** True when every epoch is one update on all examples (batchSize 0). */
    public boolean fullBatch() {
        return batchSize == 0;
    }
}
