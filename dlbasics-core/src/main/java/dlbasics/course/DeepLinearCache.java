package dlbasics.course;

import dlbasics.matrix.Matrix;

/**
 * What {@link DeepNetworkSteps#linearForward} keeps for the backward pass, the course's
 * {@code linear_cache = (A, W, b)}.
 *
 * @param APrev the layer's input A[l-1], {@code n[l-1] x m}
 * @param W     the layer's weights, {@code n[l] x n[l-1]}
 * @param b     the layer's biases, {@code n[l] x 1}
 */
public record DeepLinearCache(Matrix APrev, Matrix W, Matrix b) {
}
