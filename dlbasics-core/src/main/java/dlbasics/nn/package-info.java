/**
 * The layer maths, written once, forward beside backward, into caller-owned outputs. Every caller —
 * the course's step functions, the trainer, prediction — reaches the maths through these:
 *
 * <ul>
 *   <li>{@link dlbasics.nn.Linear}: the dense layer, {@code Z = W·APrev + b} and its backward
 *       {@code dW, db, dAPrev}, with the shape legend.</li>
 *   <li>{@link dlbasics.nn.Activation}: sigmoid, ReLU and tanh, each forward beside its backward.</li>
 *   <li>{@link dlbasics.nn.Loss}: a cost and its gradient at the output;
 *       {@link dlbasics.nn.BinaryCrossEntropy} in the course's form (from A), from the logits, and
 *       {@code dZ[L] = A - Y}.</li>
 *   <li>{@link dlbasics.nn.Initializer}: how weights start (zeros, randn · 0.01, / sqrt(n[l-1]), He).</li>
 * </ul>
 * Shapes follow the course: examples are columns, W[l] is {@code n[l] x n[l-1]}, b[l] is {@code n[l] x 1}.
 */
package dlbasics.nn;
