package dlbasics.course;

import dlbasics.matrix.Matrix;

/**
 * What {@link DeepNetworkSteps#linearActivationForward} keeps for the backward pass, the course's
 * {@code cache = (linear_cache, activation_cache)}.
 *
 * @param linear the linear cache (A[l-1], W[l], b[l])
 * @param Z      the activation cache, the pre-activation Z[l], {@code n[l] x m}
 */
public record DeepLayerCache(DeepLinearCache linear, Matrix Z) {
}
