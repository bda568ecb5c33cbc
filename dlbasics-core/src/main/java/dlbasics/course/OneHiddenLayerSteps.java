package dlbasics.course;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.model.GradientDescent;
import dlbasics.model.TrainingDivergedException;
import dlbasics.nn.Activation;
import dlbasics.nn.Linear;
import dlbasics.nn.Loss;
import dlbasics.random.NumpyRandom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * The course's notebook 3, "planar data classification with one hidden layer", function by function:
 * a 2-layer network {@code X -> LINEAR -> TANH -> LINEAR -> SIGMOID -> A2} trained by full-batch
 * gradient descent. Each method returns new matrices, like the notebook; the maths is the one layer
 * code the trainer uses ({@link Linear}, {@link Activation}, {@link Loss}, {@link GradientDescent#step}).
 *
 * <p>Shapes, m examples in columns: X is {@code n_x x m}, Y is {@code 1 x m}, W1 is {@code n_h x n_x},
 * b1 is {@code n_h x 1}, W2 is {@code n_y x n_h}, b2 is {@code n_y x 1}, Z1 and A1 are {@code n_h x m},
 * Z2 and A2 are {@code n_y x m} (n_y = 1).
 *
 * <p>Parameters, caches and gradients are {@code Map<String, Matrix>} keyed by the course's names
 * ("W1", "b1", "W2", "b2"; "Z1", "A1", "Z2", "A2"; "dW1", "db1", "dW2", "db2"), the form shared by the
 * course classes. The maps returned are unmodifiable and iterate in that order.
 */
public final class OneHiddenLayerSteps {
    /** The notebook's hidden layer size, {@code n_h = 4}. */
    public static final int DEFAULT_HIDDEN_SIZE = 4;
    /** The notebook's learning rate, 1.2. */
    public static final double DEFAULT_LEARNING_RATE = 1.2;
    /** The seed {@code initialize_parameters} sets before drawing W1 and W2. */
    public static final long INITIALIZE_SEED = 2;
    /** nnModel records (and reports) the cost every this many iterations, iteration 0 first. */
    public static final int COST_EVERY = 1000;

    private OneHiddenLayerSteps() {
    }

    /** {@code (n_x, n_h, n_y)}: input size, hidden size, output size. */
    public record LayerSizes(int nX, int nH, int nY) {
    }

    /** The result of {@link #forwardPropagation}: A2 ({@code 1 x m}) and the cache Z1, A1, Z2, A2. */
    public record Forward(Matrix A2, Map<String, Matrix> cache) {
    }

    /** The result of {@link #nnModel}: the learnt parameters and the costs at iterations 0, 1000, 2000, ... */
    public record Model(Map<String, Matrix> parameters, List<Double> costs) {
        /** Copies the list so the record stays as trained. */
        public Model {
            costs = List.copyOf(costs);
        }
    }

    /**
     * {@code layer_sizes(X, Y)}: {@code n_x = X.rows}, {@code n_h = 4}, {@code n_y = Y.rows}.
     *
     * @param X the input, {@code n_x x m}
     * @param Y the labels, {@code n_y x m}
     */
    public static LayerSizes layerSizes(Matrix X, Matrix Y) {
        return new LayerSizes(X.rows(), DEFAULT_HIDDEN_SIZE, Y.rows());
    }

    /**
     * {@code initialize_parameters(n_x, n_h, n_y)}: seeds numpy's generator with 2, then
     * {@code W1 = randn(n_h, n_x) · 0.01}, {@code b1 = 0}, {@code W2 = randn(n_y, n_h) · 0.01}, {@code b2 = 0}.
     *
     * @return W1 {@code n_h x n_x}, b1 {@code n_h x 1}, W2 {@code n_y x n_h}, b2 {@code n_y x 1}
     */
    public static Map<String, Matrix> initializeParameters(int nX, int nH, int nY) {
        return initializeParameters(nX, nH, nY, new NumpyRandom(INITIALIZE_SEED));
    }

    /**
     * The same draws from a caller's generator (not reseeded): W1 first, then W2, each in C order.
     *
     * @return W1 {@code n_h x n_x}, b1 {@code n_h x 1}, W2 {@code n_y x n_h}, b2 {@code n_y x 1}
     */
    public static Map<String, Matrix> initializeParameters(int nX, int nH, int nY, NumpyRandom rng) {
        Shapes.check(nX > 0 && nH > 0 && nY > 0,
                "initializeParameters: layer sizes must be positive, got n_x=%d, n_h=%d, n_y=%d; "
                        + "n_x is X.rows(), n_y is Y.rows()", nX, nH, nY);
        // W = randn(n[l], n[l-1]) * 0.01, written as the course writes it
        Matrix W1 = rng.randn(nH, nX).times(0.01);
        Matrix W2 = rng.randn(nY, nH).times(0.01);
        return parameters(W1, Matrix.zeros(nH, 1), W2, Matrix.zeros(nY, 1));
    }

    /**
     * The parameters map W1, b1, W2, b2 (in that order, unmodifiable; the matrices are not copied), e.g. for
     * parameters learnt elsewhere.
     *
     * @param W1 {@code n_h x n_x}
     * @param b1 {@code n_h x 1}
     * @param W2 {@code n_y x n_h}
     * @param b2 {@code n_y x 1}
     */
    public static Map<String, Matrix> parameters(Matrix W1, Matrix b1, Matrix W2, Matrix b2) {
        return named("W1", W1, "b1", b1, "W2", W2, "b2", b2);
    }

    /**
     * {@code forward_propagation(X, parameters)}:
     * <pre>
     * Z1 = W1 · X + b1      n_h x m
     * A1 = tanh(Z1)         n_h x m
     * Z2 = W2 · A1 + b2     1 x m
     * A2 = σ(Z2)            1 x m
     * </pre>
     *
     * @param X          the input, {@code n_x x m}
     * @param parameters W1 {@code n_h x n_x}, b1 {@code n_h x 1}, W2 {@code 1 x n_h}, b2 {@code 1 x 1}
     * @return A2 ({@code 1 x m}) and the cache Z1, A1, Z2, A2
     */
    public static Forward forwardPropagation(Matrix X, Map<String, Matrix> parameters) {
        Matrix W1 = get("forwardPropagation", parameters, "W1");
        Matrix b1 = get("forwardPropagation", parameters, "b1");
        Matrix W2 = get("forwardPropagation", parameters, "W2");
        Matrix b2 = get("forwardPropagation", parameters, "b2");
        Linear.checkForward("forwardPropagation (layer 1)", W1, X, b1);
        Matrix Z1 = Matrix.zeros(W1.rows(), X.cols());
        Linear.forward(W1, X, b1, Z1);
        Matrix A1 = Activation.TANH.forward(Z1);
        Linear.checkForward("forwardPropagation (layer 2)", W2, A1, b2);
        Matrix Z2 = Matrix.zeros(W2.rows(), X.cols());
        Linear.forward(W2, A1, b2, Z2);
        Matrix A2 = Activation.SIGMOID.forward(Z2);
        return new Forward(A2, named("Z1", Z1, "A1", A1, "Z2", Z2, "A2", A2));
    }

    /**
     * {@code compute_cost(A2, Y)}: {@code J = -(1/m) Σ [y log a2 + (1-y) log(1-a2)]}, by
     * {@link Loss#BINARY_CROSS_ENTROPY}: finite even when A2 saturates to exactly 0 or 1 (numpy gives inf or NaN).
     *
     * @param A2 the output activations, {@code 1 x m}
     * @param Y  the labels, {@code 1 x m}
     */
    public static double computeCost(Matrix A2, Matrix Y) {
        return Loss.BINARY_CROSS_ENTROPY.cost(A2, Y);
    }

    /**
     * {@code backward_propagation(parameters, cache, X, Y)}, each line the course's:
     * <pre>
     * dZ2 = A2 - Y                          1 x m
     * dW2 = (1/m) dZ2 · A1ᵀ                 1 x n_h
     * db2 = (1/m) Σ_columns dZ2             1 x 1
     * dZ1 = (W2ᵀ · dZ2) * (1 - A1²)         n_h x m
     * dW1 = (1/m) dZ1 · Xᵀ                  n_h x n_x
     * db1 = (1/m) Σ_columns dZ1             n_h x 1
     * </pre>
     *
     * @param parameters W1, b1, W2, b2 as given to {@link #forwardPropagation}
     * @param cache      Z1, A1, Z2, A2 from that forward pass
     * @param X          the input, {@code n_x x m}
     * @param Y          the labels, {@code 1 x m}
     * @return dW1, db1, dW2, db2, shaped like W1, b1, W2, b2
     */
    public static Map<String, Matrix> backwardPropagation(Map<String, Matrix> parameters, Map<String, Matrix> cache,
                                                          Matrix X, Matrix Y) {
        String op = "backwardPropagation";
        Matrix W1 = get(op, parameters, "W1");
        Matrix W2 = get(op, parameters, "W2");
        Matrix A1 = get(op, cache, "A1");
        Matrix A2 = get(op, cache, "A2");
        if (A2.rows() != Y.rows() || A2.cols() != Y.cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: A2 is %s but Y is %s; Y must be the labels of the examples given to forwardPropagation",
                    op, Shapes.shape(A2), Shapes.shape(Y)));
        }
        if (A1.cols() != X.cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: the cache holds A1 %s but X is %s; pass the X that produced this cache",
                    op, Shapes.shape(A1), Shapes.shape(X)));
        }
        Matrix dZ2 = Matrix.zeros(A2.rows(), A2.cols());
        Loss.BINARY_CROSS_ENTROPY.outputGradient(A2, Y, dZ2);
        Matrix dW2 = Matrix.zeros(W2.rows(), W2.cols());
        Matrix db2 = Matrix.zeros(W2.rows(), 1);
        Matrix dA1 = Matrix.zeros(A1.rows(), A1.cols());
        Linear.backward(dZ2, A1, W2, dW2, db2, dA1);
        Matrix dZ1 = Matrix.zeros(A1.rows(), A1.cols());
        Activation.TANH.backward(dA1, null, A1, dZ1);
        Matrix dW1 = Matrix.zeros(W1.rows(), W1.cols());
        Matrix db1 = Matrix.zeros(W1.rows(), 1);
        Linear.backward(dZ1, X, W1, dW1, db1, null);
        return named("dW1", dW1, "db1", db1, "dW2", dW2, "db2", db2);
    }

    /** {@link #updateParameters(Map, Map, double)} with the notebook's learning rate 1.2. */
    public static Map<String, Matrix> updateParameters(Map<String, Matrix> parameters, Map<String, Matrix> grads) {
        return updateParameters(parameters, grads, DEFAULT_LEARNING_RATE);
    }

    /**
     * {@code update_parameters(parameters, grads, learning_rate)}: {@code P = P - learning_rate · dP} for
     * P in W1, b1, W2, b2. Returns new matrices; the arguments are left alone.
     *
     * @param parameters W1, b1, W2, b2
     * @param grads      dW1, db1, dW2, db2 of the same shapes
     */
    public static Map<String, Matrix> updateParameters(Map<String, Matrix> parameters, Map<String, Matrix> grads,
                                                       double learningRate) {
        String op = "updateParameters";
        Matrix[] updated = new Matrix[4];
        String[] names = {"W1", "b1", "W2", "b2"};
        for (int i = 0; i < names.length; i++) {
            Matrix P = get(op, parameters, names[i]);
            Matrix dP = get(op, grads, "d" + names[i]);
            Shapes.sameShape(op + " (" + names[i] + " and d" + names[i] + ")", P, dP);
            // P = P - learning_rate * dP
            updated[i] = P.copy();
            GradientDescent.step(updated[i], dP, learningRate);
        }
        return parameters(updated[0], updated[1], updated[2], updated[3]);
    }

    /** {@link #nnModel(Matrix, Matrix, int, int, double, ObjDoubleConsumer)} with learning rate 1.2 and no listener. */
    public static Model nnModel(Matrix X, Matrix Y, int nH, int numIterations) {
        return nnModel(X, Y, nH, numIterations, DEFAULT_LEARNING_RATE, null);
    }

    /**
     * {@code nn_model(X, Y, n_h, num_iterations)}: initialise with {@link #initializeParameters(int, int, int)}
     * (seed 2; the notebook's earlier {@code np.random.seed(3)} is overwritten by it and draws nothing),
     * then {@code numIterations} times: forward, cost, backward, update. The cost is recorded before the
     * update at iterations 0, 1000, 2000, ...; it is computed from the logits Z2
     * ({@link Loss#costFromLogits}), so it stays finite where numpy's {@code log(A2)} gives -inf.
     *
     * @param X            the input, {@code n_x x m}
     * @param Y            labels 0/1, {@code 1 x m}
     * @param nH           the hidden layer size
     * @param learningRate the step size (the notebook's 1.2)
     * @param costListener told {@code (iteration, cost)} each time a cost is recorded; may be null
     * @return the learnt parameters W1, b1, W2, b2 and the recorded costs
     * @throws IllegalArgumentException  for bad data (see {@link Dataset#validate})
     * @throws TrainingDivergedException when the cost or a parameter becomes NaN or infinite (a learning rate too large)
     */
    public static Model nnModel(Matrix X, Matrix Y, int nH, int numIterations, double learningRate,
                                ObjDoubleConsumer<Integer> costListener) {
        Dataset.validate("nnModel", X, Y);
        Shapes.check(numIterations >= 0, "nnModel: numIterations is %d; it must be zero or more", numIterations);
        LayerSizes sizes = layerSizes(X, Y);
        Map<String, Matrix> parameters = initializeParameters(sizes.nX(), nH, sizes.nY());
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < numIterations; i++) {
            Forward forward = forwardPropagation(X, parameters);
            if (i % COST_EVERY == 0) {
                double cost = Loss.BINARY_CROSS_ENTROPY.costFromLogits(forward.cache().get("Z2"), Y);
                checkFinite(cost, i, learningRate);
                costs.add(cost);
                if (costListener != null) {
                    costListener.accept(i, cost);
                }
            }
            Map<String, Matrix> grads = backwardPropagation(parameters, forward.cache(), X, Y);
            parameters = updateParameters(parameters, grads, learningRate);
        }
        for (Map.Entry<String, Matrix> P : parameters.entrySet()) {
            int bad = P.getValue().firstNonFinite();
            if (bad >= 0) {
                throw new TrainingDivergedException(P.getKey(), P.getValue().data()[bad], numIterations, learningRate);
            }
        }
        return new Model(parameters, costs);
    }

    private static void checkFinite(double cost, int iteration, double learningRate) {
        if (!Double.isFinite(cost)) {
            throw new TrainingDivergedException("Cost", cost, iteration, learningRate);
        }
    }

    /**
     * {@code predict(parameters, X)}: 1 where {@code A2 > 0.5}, else 0.
     *
     * @param X the input, {@code n_x x m}
     * @return predictions 0/1, {@code 1 x m}
     */
    public static Matrix predict(Map<String, Matrix> parameters, Matrix X) {
        return forwardPropagation(X, parameters).A2().greaterThan(0.5);
    }

    /**
     * The notebook's accuracy in percent: {@code (Y·predictionsᵀ + (1-Y)·(1-predictions)ᵀ) / m · 100},
     * the share of equal labels (e.g. 363 of 400 gives 90.75).
     *
     * @param predictions 0/1, {@code 1 x m}
     * @param Y           labels 0/1, {@code 1 x m}
     */
    public static double accuracy(Matrix predictions, Matrix Y) {
        Shapes.sameShape("accuracy", predictions, Y);
        Shapes.check(Y.cols() > 0, "accuracy: Y has no examples (0 columns); an accuracy needs m > 0");
        double correct = predictions.equalTo(Y).sum();
        return correct / Y.cols() * 100;
    }

    /** {@code map.get(key)}, or an error that says which names are expected. */
    static Matrix get(String op, Map<String, Matrix> map, String key) {
        Matrix value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException(String.format(
                    "%s: no \"%s\" among %s; parameters are W1, b1, W2, b2 (initializeParameters), the cache "
                            + "Z1, A1, Z2, A2 (forwardPropagation), grads dW1, db1, dW2, db2 (backwardPropagation)",
                    op, key, map.keySet()));
        }
        return value;
    }

    private static Map<String, Matrix> named(Object... namesAndValues) {
        Map<String, Matrix> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], (Matrix) namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
