package dlbasics.course;

import dlbasics.matrix.Matrix;

/**
 * The result of {@link DeepNetworkSteps#linearForward}: {@code Z = W·A + b} and its cache.
 *
 * @param Z     {@code n[l] x m}
 * @param cache (A, W, b)
 */
public record DeepLinearForward(Matrix Z, DeepLinearCache cache) {
}
