package dlbasics.course;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * The second course's "Initialization" notebook under Java names: three ways to start the same
 * network, and what each does to training.
 *
 * <pre>
 * course                                               Java
 * initialize_parameters_zeros(layers_dims)             initializeParametersZeros(layersDims)
 * initialize_parameters_random(layers_dims)  (seed 3)  initializeParametersRandom(layersDims)    W = randn · 10
 * initialize_parameters_he(layers_dims)      (seed 3)  initializeParametersHe(layersDims)        W = randn · sqrt(2 / n[l-1])
 * model(X, Y, learning_rate, num_iterations, print_cost, initialization)
 *                                                      model(X, Y, learningRate, iterations, "zeros" | "random" | "he")
 * predict(X, Y, parameters)                            DeepNetworkSteps.predict(X, Y, parameters)
 * </pre>
 *
 * <p>The model is the notebook's {@code [n_x, 10, 5, 1]}, ReLU hidden layers and a sigmoid output,
 * trained by full-batch gradient descent through {@link RegularizationSteps#forwardPropagation} and
 * {@link RegularizationSteps#backwardPropagation}; its cost is {@link RegularizationSteps#computeCost},
 * the notebook's, which is infinite while the output saturates to the wrong label. On the notebook's
 * circles (learning rate 0.01, 15000 iterations) zeros never break the symmetry (cost 0.6931, 50 %),
 * {@code randn · 10} starts at an infinite cost and reaches 83 % / 86 %, He reaches 99.33 % / 96 %
 * ({@code InitializationStepsTest}). Shapes: W[l] is {@code n[l] x n[l-1]}, b[l] {@code n[l] x 1}.
 */
public final class InitializationSteps {
    /** The model records its cost, and tells its listener, every this many iterations (from 0). */
    public static final int COST_EVERY = 1000;

    private InitializationSteps() {
    }

    /**
     * What {@link #model} returns, the notebook's {@code parameters} and {@code costs}.
     *
     * @param parameters the trained W1, b1, W2, b2, W3, b3
     * @param costs      the cost before the update of iterations 0, 1000, 2000, ...; may start at infinity
     */
    public record ModelResult(Map<String, Matrix> parameters, List<Double> costs) {
        /** Keeps unmodifiable copies (the map keeps its order). */
        public ModelResult {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            costs = List.copyOf(costs);
        }
    }

    // ------------------------------------------------------------------ initializers

    /**
     * {@code initialize_parameters_zeros}: every W[l] and b[l] zero. Every unit of a layer then computes
     * the same function and receives the same gradient, so they stay equal: the network is no better
     * than logistic regression.
     *
     * @param layersDims {@code [n0, n1, ..., nL]}
     * @return W1, b1, ..., WL, bL with W[l] {@code n[l] x n[l-1]} and b[l] {@code n[l] x 1}
     */
    public static Map<String, Matrix> initializeParametersZeros(int[] layersDims) {
        checkDims("initializeParametersZeros", layersDims);
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        for (int l = 1; l < layersDims.length; l++) {
            parameters.put("W" + l, Matrix.zeros(layersDims[l], layersDims[l - 1]));
            parameters.put("b" + l, Matrix.zeros(layersDims[l], 1));
        }
        return parameters;
    }

    /**
     * {@code initialize_parameters_random}: seed 3, then {@code W[l] = randn(n[l], n[l-1]) · 10},
     * {@code b[l] = 0}. The large weights break the symmetry but saturate the sigmoid output.
     */
    public static Map<String, Matrix> initializeParametersRandom(int[] layersDims) {
        return initializeParametersRandom(layersDims, new NumpyRandom(3));
    }

    /** As {@link #initializeParametersRandom(int[])}, drawing from {@code rng} (layer 1 first) instead of seeding 3. */
    public static Map<String, Matrix> initializeParametersRandom(int[] layersDims, NumpyRandom rng) {
        checkDims("initializeParametersRandom", layersDims);
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        for (int l = 1; l < layersDims.length; l++) {
            parameters.put("W" + l, rng.randn(layersDims[l], layersDims[l - 1]).times(10));
            parameters.put("b" + l, Matrix.zeros(layersDims[l], 1));
        }
        return parameters;
    }

    /**
     * {@code initialize_parameters_he}: seed 3, then {@code W[l] = randn(n[l], n[l-1]) · sqrt(2 / n[l-1])},
     * {@code b[l] = 0} (He et al. 2015: keeps the variance of ReLU activations from layer to layer).
     */
    public static Map<String, Matrix> initializeParametersHe(int[] layersDims) {
        return initializeParametersHe(layersDims, new NumpyRandom(3));
    }

    /** As {@link #initializeParametersHe(int[])}, drawing from {@code rng} (layer 1 first) instead of seeding 3. */
    public static Map<String, Matrix> initializeParametersHe(int[] layersDims, NumpyRandom rng) {
        checkDims("initializeParametersHe", layersDims);
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        for (int l = 1; l < layersDims.length; l++) {
            parameters.put("W" + l, rng.randn(layersDims[l], layersDims[l - 1]).times(Math.sqrt(2.0 / layersDims[l - 1])));
            parameters.put("b" + l, Matrix.zeros(layersDims[l], 1));
        }
        return parameters;
    }

    // ------------------------------------------------------------------ model

    /**
     * The notebook's {@code model} without a listener.
     *
     * @see #model(Matrix, Matrix, double, int, String, ObjDoubleConsumer)
     */
    public static ModelResult model(Matrix X, Matrix Y, double learningRate, int iterations, String init) {
        return model(X, Y, learningRate, iterations, init, null);
    }

    /**
     * The notebook's {@code model}: {@code [n_x, 10, 5, 1]} initialized by {@code init}, then full-batch
     * gradient descent (the notebook's run: learning rate 0.01, 15000 iterations). The cost may be
     * infinite (see {@link RegularizationSteps#computeCost}); a NaN cost stops the run.
     *
     * @param X            {@code n_x x m}
     * @param Y            {@code 1 x m}, labels 0/1
     * @param init         "zeros", "random" or "he"
     * @param costListener told {@code (iteration, cost)} every {@link #COST_EVERY} iterations (the
     *                     notebook's print); may be null
     * @return the parameters and the cost before iterations 0, 1000, 2000, ...
     */
    public static ModelResult model(Matrix X, Matrix Y, double learningRate, int iterations, String init,
                                    ObjDoubleConsumer<Integer> costListener) {
        String op = "InitializationSteps.model";
        Dataset.validate(op, X, Y);
        checkTraining(op, learningRate, iterations, "0.01");
        int[] layersDims = {X.rows(), 10, 5, 1};
        Map<String, Matrix> parameters = switch (init == null ? "" : init.trim().toLowerCase(Locale.ROOT)) {
            case "zeros" -> initializeParametersZeros(layersDims);
            case "random" -> initializeParametersRandom(layersDims);
            case "he" -> initializeParametersHe(layersDims);
            default -> throw new IllegalArgumentException(String.format(
                    "%s: init is \"%s\"; valid are \"zeros\", \"random\" (randn x 10) and \"he\" (randn x sqrt(2/n[l-1]))",
                    op, init));
        };
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            var forward = RegularizationSteps.forwardPropagation(X, parameters);
            double cost = RegularizationSteps.computeCost(forward.AL(), Y);
            checkCost(op, cost, i, learningRate);
            Map<String, Matrix> grads = RegularizationSteps.backwardPropagation(X, Y, forward.cache());
            parameters = DeepNetworkSteps.updateParameters(parameters, grads, learningRate);
            if (i % COST_EVERY == 0) {
                costs.add(cost);
                if (costListener != null) {
                    costListener.accept(i, cost);
                }
            }
        }
        return new ModelResult(parameters, costs);
    }

    // ------------------------------------------------------------------ checks shared by the second course's classes

    static void checkDims(String op, int[] layersDims) {
        if (layersDims == null || layersDims.length < 2) {
            throw new IllegalArgumentException(String.format(
                    "%s: layersDims is %s but needs at least two sizes, [n_x, ..., n_y]; e.g. {2, 10, 5, 1}",
                    op, layersDims == null ? "null" : java.util.Arrays.toString(layersDims)));
        }
        for (int n : layersDims) {
            if (n < 1) {
                throw new IllegalArgumentException(String.format(
                        "%s: layersDims %s holds %d; every layer needs at least one unit",
                        op, java.util.Arrays.toString(layersDims), n));
            }
        }
    }

    static void checkTraining(String op, double learningRate, int iterations, String courseRate) {
        if (iterations < 0 || !(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(String.format(
                    "%s: learningRate %s and iterations %d; the learning rate must be positive and finite "
                            + "(the notebook uses %s) and the iterations 0 or more", op, learningRate, iterations, courseRate));
        }
    }

    /** A NaN cost stops a run; an infinite one does not (the notebooks' cost is infinite while the output saturates). */
    static void checkCost(String op, double cost, int iteration, double learningRate) {
        if (Double.isNaN(cost)) {
            throw new IllegalArgumentException(String.format(
                    "%s: the cost became NaN at iteration %d (learningRate=%s); try a smaller learning rate or scale the inputs",
                    op, iteration, learningRate));
        }
    }
}
