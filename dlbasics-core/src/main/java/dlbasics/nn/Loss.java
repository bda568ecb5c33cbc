package dlbasics.nn;

import dlbasics.matrix.Matrix;

/**
 * A cost J of the network's output against the labels, its forward beside its backward. Every loss
 * pairs with the output activation it is written for ({@link #outputActivation()}), so that the
 * backward pass can start at the logits with {@link #outputGradient}. A (activations), Z (logits), Y
 * (labels), dA and dZ are all {@code n[L] x m}, one column per example.
 */
public interface Loss {
    /** Binary cross-entropy with a sigmoid output, the course's cost for notebooks 2 to 5. */
    Loss BINARY_CROSS_ENTROPY = BinaryCrossEntropy.INSTANCE;

    /** Categorical cross-entropy with a softmax output, for K ≥ 2 classes; Y is one-hot, {@code K x m}. */
    Loss SOFTMAX_CROSS_ENTROPY = SoftmaxCrossEntropy.INSTANCE;

    /** The output activation this loss is written for (sigmoid for binary cross-entropy). */
    Activation outputActivation();

    /** J from the output activations A, the course's {@code compute_cost(AL, Y)}. */
    double cost(Matrix A, Matrix Y);

    /** J from the logits Z, with {@code A = outputActivation(Z)}: finite for any finite Z. */
    double costFromLogits(Matrix Z, Matrix Y);

    /**
     * The gradient with respect to the logits, {@code dZ[L]}, without the 1/m that
     * {@link Linear#backward} applies; dZ may be A.
     */
    void outputGradient(Matrix A, Matrix Y, Matrix dZ);

    /**
     * The gradient with respect to the activations, {@code dA[L]} (the course's {@code dAL}), without the
     * 1/m; through {@link #outputActivation()}'s backward it gives {@link #outputGradient} up to rounding.
     */
    void activationGradient(Matrix A, Matrix Y, Matrix dA);
}
