package dlbasics.model;

/**
 * How the trainer starts the backward pass at the sigmoid output with the cross-entropy cost. Both are
 * the same mathematics ({@link dlbasics.nn.BinaryCrossEntropy}); they round differently.
 */
public enum OutputGradient {
    /**
     * {@code dZ[L] = A[L] - Y}: one subtraction, never divides by an output that saturated to exactly
     * 0 or 1. The default.
     */
    A_MINUS_Y,
    /**
     * The course's {@code L_model_backward}: {@code dAL = -(Y/AL - (1-Y)/(1-AL))}, then
     * {@code dZ[L] = dAL · σ(Z[L]) · (1 - σ(Z[L]))}. With it the trainer's parameters equal those of the
     * course's step functions ({@link dlbasics.course.DeepNetworkSteps}) bit for bit.
     */
    COURSE_DAL_THROUGH_SIGMOID
}
