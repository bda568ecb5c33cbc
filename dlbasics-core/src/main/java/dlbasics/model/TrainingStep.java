package dlbasics.model;

import dlbasics.matrix.Matrix;

/**
 * One full-batch gradient-descent iteration on fixed data, as {@link Trainer} drives it: forward (the cost
 * only when it is recorded), backward, update. Two implementations give the same bits:
 * {@link GradientDescentStep} (any network, through the nn kernels) and {@link SmallNetworkStep} (networks
 * whose every layer is a few units wide, in fused loops).
 */
interface TrainingStep {
    /** The forward pass with the current parameters, without the cost. */
    void forwardWithoutCost();

    /** The cost J of the last forward pass, from the logits Z[L]. */
    double cost();

    /** The output logits Z[L] of the last forward pass ({@code n[L] x m}), for divergence checks. */
    Matrix outputLogits();

    /** The gradients of every layer from the last forward pass. */
    void backward();

    /** {@code W[l] -= learningRate · dW[l]}, {@code b[l] -= learningRate · db[l]} for every layer. */
    void update(double learningRate);
}
