package dlbasics.model;

/**
 * Training produced a NaN or infinite cost, output or parameter: gradient descent diverged. Every
 * training loop throws it: the {@link Trainer} and the course's {@code nnModel}, {@code optimize},
 * {@code model}, {@code twoLayerModel} and {@code lLayerModel}. The message names
 * what went bad, the iteration and the learning rate, and suggests a fix, e.g.
 * {@code Cost became NaN at iteration 37 (learningRate=1.2): try a smaller learning rate or scale the
 * inputs (images: divide by 255)}. The network's parameters are left as they were at that iteration
 * (no longer useful): initialize again before retrying.
 */
public final class TrainingDivergedException extends RuntimeException {
    private final String quantity;
    private final double value;
    private final int iteration;
    private final double learningRate;

    /**
     * @param quantity     what became non-finite, e.g. "Cost", "Output Z[L]" or a parameter's course name ("W1", "w")
     * @param value        its value (NaN or ±Infinity)
     * @param iteration    the updates done before the forward pass that produced it
     * @param learningRate the learning rate of the run
     */
    public TrainingDivergedException(String quantity, double value, int iteration, double learningRate) {
        super(String.format("%s became %s at iteration %d (learningRate=%s): "
                        + "try a smaller learning rate or scale the inputs (images: divide by 255)",
                quantity, value, iteration, learningRate));
        this.quantity = quantity;
        this.value = value;
        this.iteration = iteration;
        this.learningRate = learningRate;
    }

    /** What became non-finite: "Cost", "Output Z[L]" or a parameter's course name. */
    public String quantity() {
        return quantity;
    }

    /** The non-finite value: NaN, Infinity or -Infinity. */
    public double value() {
        return value;
    }

    /** The number of updates done before the forward pass that produced the value. */
    public int iteration() {
        return iteration;
    }

    /** The learning rate of the run. */
    public double learningRate() {
        return learningRate;
    }
}
