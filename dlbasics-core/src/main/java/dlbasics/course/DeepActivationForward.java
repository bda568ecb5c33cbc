package dlbasics.course;

import dlbasics.matrix.Matrix;

/**
 * The result of {@link DeepNetworkSteps#linearActivationForward}: {@code A = g(W·APrev + b)} and its cache.
 *
 * @param A     {@code n[l] x m}
 * @param cache ((APrev, W, b), Z)
 */
public record DeepActivationForward(Matrix A, DeepLayerCache cache) {
}
