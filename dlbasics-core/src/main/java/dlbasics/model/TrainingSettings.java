package dlbasics.model;

import dlbasics.nn.Initializer;

/**
 * How a network was (or will be) trained by full-batch gradient descent: the learning rate, the number
 * of iterations (updates), the initializer and the seed of the numpy-compatible generator that drew
 * the initial weights, and how often the cost is recorded (the course records every 100 iterations).
 */
public record TrainingSettings(double learningRate, int iterations, Initializer initializer, long seed, int costEvery) {
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
    }
}
