package dlbasics.course;

import dlbasics.matrix.Matrix;

/**
 * The gradients of one layer, the course's {@code dA_prev, dW, db}.
 *
 * @param dAPrev gradient of the cost with respect to the layer's input, {@code n[l-1] x m}
 * @param dW     gradient with respect to W[l], {@code n[l] x n[l-1]}
 * @param db     gradient with respect to b[l], {@code n[l] x 1}
 */
public record DeepGradients(Matrix dAPrev, Matrix dW, Matrix db) {
}
