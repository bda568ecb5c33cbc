package dlbasics.course;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.model.GradientDescent;
import dlbasics.model.Network;
import dlbasics.model.TrainingDivergedException;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
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
 * The course's fourth and fifth notebooks, "Building your deep neural network: step by step" and
 * "Deep neural network application", under Java names. Each function returns new matrices, like the
 * notebooks, and does its maths through the one layer code the trainer uses ({@link Linear},
 * {@link Activation}, {@link Loss}, {@link GradientDescent#step}).
 *
 * <p>The model is {@code [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID}. Shapes follow the course:
 * X is {@code n[0] x m} (one example per column), Y is {@code 1 x m}, W[l] is {@code n[l] x n[l-1]},
 * b[l] is {@code n[l] x 1}, A[l] and Z[l] are {@code n[l] x m}.
 *
 * <pre>
 * course                                        Java
 * initialize_parameters(n_x, n_h, n_y)          initializeParameters(nX, nH, nY)
 * initialize_parameters_deep(layer_dims)        initializeParametersDeep(layerDims...)      (step by step: seed 3, * 0.01)
 *   (application: seed 1, / sqrt(n[l-1]))       initializeParametersDeep(dims, Initializer.SCALED_BY_FAN_IN, new NumpyRandom(1))
 * linear_forward(A, W, b)                       linearForward(A, W, b)          -> Z(), cache()
 * linear_activation_forward(A_prev, W, b, act)  linearActivationForward(APrev, W, b, "relu")  -> A(), cache()
 * L_model_forward(X, parameters)                lModelForward(X, parameters)    -> AL(), caches()
 * compute_cost(AL, Y)                           computeCost(AL, Y)
 * linear_backward(dZ, cache)                    linearBackward(dZ, cache)       -> dAPrev(), dW(), db()
 * relu_backward / sigmoid_backward(dA, cache)   reluBackward(dA, Z) / sigmoidBackward(dA, Z)
 * linear_activation_backward(dA, cache, act)    linearActivationBackward(dA, cache, "sigmoid")
 * L_model_backward(AL, Y, caches)               lModelBackward(AL, Y, caches)   -> {dA(L-1), dWL, dbL, ..., dA0, dW1, db1}
 * update_parameters(parameters, grads, lr)      updateParameters(parameters, grads, learningRate)
 * two_layer_model / L_layer_model               twoLayerModel / lLayerModel     -> parameters(), costs()
 * predict(X, y, parameters)                     predict(X, Y, parameters)       -> predictions(), accuracy()
 * </pre>
 *
 * <p>Parameters and gradients are insertion-ordered maps keyed by the course's names: "W1", "b1",
 * "W2", ... and "dA0", "dW1", "db1", .... Seeded runs print the course's numbers: see
 * {@code DeepNetworkStepsTest} (the step-by-step test cases) and {@code TwoLayerCatIT} /
 * {@code LLayerCatIT} (the cat-image application).
 */
public final class DeepNetworkSteps {
    /** Costs are recorded every this many iterations, from iteration 0. */
    public static final int COST_EVERY = 100;

    private DeepNetworkSteps() {
    }

    /**
     * The course's {@code linear_cache = (A, W, b)}, what {@link #linearForward} keeps for the backward pass.
     *
     * @param APrev the layer's input A[l-1], {@code n[l-1] x m}
     * @param W     the layer's weights, {@code n[l] x n[l-1]}
     * @param b     the layer's biases, {@code n[l] x 1}
     */
    public record LinearCache(Matrix APrev, Matrix W, Matrix b) {
    }

    /**
     * The course's {@code cache = (linear_cache, activation_cache)} of {@link #linearActivationForward}.
     *
     * @param linear the linear cache (A[l-1], W[l], b[l])
     * @param Z      the activation cache, the pre-activation Z[l], {@code n[l] x m}
     */
    public record LayerCache(LinearCache linear, Matrix Z) {
    }

    /** What {@link #linearForward} returns: {@code Z = W·A + b} ({@code n[l] x m}) and its cache. */
    public record LinearResult(Matrix Z, LinearCache cache) {
    }

    /** What {@link #linearActivationForward} returns: {@code A = g(W·APrev + b)} ({@code n[l] x m}) and its cache. */
    public record LinearActivationResult(Matrix A, LayerCache cache) {
    }

    /**
     * What {@link #lModelForward} returns: the output activations and one cache per layer.
     *
     * @param AL     the sigmoid output, {@code n[L] x m} (usually {@code 1 x m})
     * @param caches the layer caches, layer 1 first ({@code caches.get(l - 1)} is layer l's)
     */
    public record ModelOutput(Matrix AL, List<LayerCache> caches) {
        /** Keeps an unmodifiable copy of the list. */
        public ModelOutput {
            caches = List.copyOf(caches);
        }
    }

    /**
     * The gradients of one layer, the course's {@code dA_prev, dW, db}.
     *
     * @param dAPrev gradient with respect to the layer's input, {@code n[l-1] x m}
     * @param dW     gradient with respect to W[l], {@code n[l] x n[l-1]}
     * @param db     gradient with respect to b[l], {@code n[l] x 1}
     */
    public record LayerGradients(Matrix dAPrev, Matrix dW, Matrix db) {
    }

    /**
     * What {@link #twoLayerModel} and {@link #lLayerModel} return, the course's {@code parameters, costs}.
     *
     * @param parameters the trained parameters by course name, W1, b1, W2, b2, ... in that order
     * @param costs      the cost before the update of iterations 0, 100, 200, ... (one every 100)
     */
    public record ModelResult(Map<String, Matrix> parameters, List<Double> costs) {
        /** Keeps unmodifiable copies (the map keeps its order). */
        public ModelResult {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            costs = List.copyOf(costs);
        }
    }

    /**
     * What {@link #predict} returns.
     *
     * @param predictions 1 where the output activation is {@code > 0.5}, else 0; {@code 1 x m}
     * @param accuracy    the share of predictions equal to the labels, in [0, 1] (multiply by 100 for percent)
     */
    public record Prediction(Matrix predictions, double accuracy) {
    }

    // ------------------------------------------------------------------ initialization

    /**
     * {@code initialize_parameters(n_x, n_h, n_y)} of the two-layer model: seed 1, then
     * {@code W1 = randn(n_h, n_x) * 0.01}, {@code b1 = 0}, {@code W2 = randn(n_y, n_h) * 0.01}, {@code b2 = 0}.
     *
     * @return W1 ({@code nH x nX}), b1 ({@code nH x 1}), W2 ({@code nY x nH}), b2 ({@code nY x 1})
     */
    public static Map<String, Matrix> initializeParameters(int nX, int nH, int nY) {
        return initializeParameters(nX, nH, nY, new NumpyRandom(1));
    }

    /** As {@link #initializeParameters(int, int, int)}, drawing from {@code rng} instead of seeding 1. */
    public static Map<String, Matrix> initializeParameters(int nX, int nH, int nY, NumpyRandom rng) {
        return initializeParametersDeep(new int[] {nX, nH, nY}, Initializer.SMALL_RANDOM, rng);
    }

    /**
     * {@code initialize_parameters_deep(layer_dims)} of the step-by-step notebook: seed 3, then for
     * l = 1..L {@code W[l] = randn(n[l], n[l-1]) * 0.01} and {@code b[l] = 0}.
     *
     * @param layerDims {@code [n0, n1, ..., nL]}
     * @return W1, b1, ..., WL, bL with W[l] {@code n[l] x n[l-1]} and b[l] {@code n[l] x 1}
     */
    public static Map<String, Matrix> initializeParametersDeep(int... layerDims) {
        return initializeParametersDeep(layerDims, Initializer.SMALL_RANDOM, new NumpyRandom(3));
    }

    /**
     * W[l] drawn by {@code initializer} from {@code rng} (layer 1 first) and {@code b[l] = 0}. The
     * application notebook's {@code initialize_parameters_deep} is
     * {@code (layerDims, Initializer.SCALED_BY_FAN_IN, new NumpyRandom(1))}.
     *
     * @return W1, b1, ..., WL, bL with W[l] {@code n[l] x n[l-1]} and b[l] {@code n[l] x 1}
     */
    public static Map<String, Matrix> initializeParametersDeep(int[] layerDims, Initializer initializer, NumpyRandom rng) {
        return Network.of(layerDims).initialize(initializer, rng).parameters();
    }

    // ------------------------------------------------------------------ forward

    /**
     * {@code linear_forward}: {@code Z = W·A + b}, b added to every column.
     *
     * @param A the layer's input, {@code n[l-1] x m}
     * @param W {@code n[l] x n[l-1]}
     * @param b {@code n[l] x 1}
     * @return Z ({@code n[l] x m}) and the cache (A, W, b)
     */
    public static LinearResult linearForward(Matrix A, Matrix W, Matrix b) {
        Matrix Z = Matrix.zeros(W.rows(), A.cols());
        Linear.forward(W, A, b, Z);
        return new LinearResult(Z, new LinearCache(A, W, b));
    }

    /**
     * {@code linear_activation_forward} with the course's activation names, "relu" or "sigmoid"
     * ("tanh" works too).
     *
     * @see #linearActivationForward(Matrix, Matrix, Matrix, Activation)
     */
    public static LinearActivationResult linearActivationForward(Matrix APrev, Matrix W, Matrix b, String activation) {
        return linearActivationForward(APrev, W, b, Activation.parse(activation));
    }

    /**
     * {@code linear_activation_forward}: {@code Z = W·APrev + b}, {@code A = g(Z)}.
     *
     * @param APrev the layer's input, {@code n[l-1] x m}
     * @param W     {@code n[l] x n[l-1]}
     * @param b     {@code n[l] x 1}
     * @return A ({@code n[l] x m}) and the cache ((APrev, W, b), Z)
     */
    public static LinearActivationResult linearActivationForward(Matrix APrev, Matrix W, Matrix b, Activation activation) {
        LinearResult linear = linearForward(APrev, W, b);
        Matrix A = activation.forward(linear.Z());
        return new LinearActivationResult(A, new LayerCache(linear.cache(), linear.Z()));
    }

    /**
     * {@code L_model_forward}: {@code [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID}.
     *
     * @param X          {@code n[0] x m}
     * @param parameters W1, b1, ..., WL, bL
     * @return AL ({@code n[L] x m}) and the L caches, layer 1 first
     */
    public static ModelOutput lModelForward(Matrix X, Map<String, Matrix> parameters) {
        int L = numLayers("lModelForward", parameters);
        List<LayerCache> caches = new ArrayList<>(L);
        Matrix A = X;
        for (int l = 1; l <= L; l++) {
            Activation g = l == L ? Activation.SIGMOID : Activation.RELU;
            LinearActivationResult f = linearActivationForward(A, parameters.get("W" + l), parameters.get("b" + l), g);
            caches.add(f.cache());
            A = f.A();
        }
        return new ModelOutput(A, caches);
    }

    /** L, the number of layers: W1, b1, ... are counted until the first missing W; each W needs its b. */
    static int numLayers(String op, Map<String, Matrix> parameters) {
        int L = 0;
        while (parameters.containsKey("W" + (L + 1))) {
            L++;
            if (!parameters.containsKey("b" + L)) {
                throw new IllegalArgumentException(String.format(
                        "%s: the parameters have W%d but no b%d (keys %s); every layer needs both", op, L, L, parameters.keySet()));
            }
        }
        if (L == 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: no W1 among the parameters %s; name them W1, b1, W2, b2, ... as initializeParametersDeep does",
                    op, parameters.keySet()));
        }
        return L;
    }

    /**
     * {@code compute_cost}: {@code J = -(1/m) Σ [y log(a) + (1-y) log(1-a)]}, through
     * {@link Loss#BINARY_CROSS_ENTROPY} (kept finite where an activation saturates to exactly 0 or 1).
     *
     * @param AL the output activations, {@code 1 x m}
     * @param Y  the labels, {@code 1 x m}
     */
    public static double computeCost(Matrix AL, Matrix Y) {
        return Loss.BINARY_CROSS_ENTROPY.cost(AL, Y);
    }

    // ------------------------------------------------------------------ backward

    /**
     * {@code linear_backward}: {@code dW = (1/m) dZ·APrevᵀ}, {@code db = (1/m) Σ_columns dZ},
     * {@code dAPrev = Wᵀ·dZ}.
     *
     * @param dZ    {@code n[l] x m}
     * @param cache (APrev, W, b) from {@link #linearForward}
     * @return dAPrev ({@code n[l-1] x m}), dW ({@code n[l] x n[l-1]}), db ({@code n[l] x 1})
     */
    public static LayerGradients linearBackward(Matrix dZ, LinearCache cache) {
        return linearBackward(dZ, cache, true);
    }

    private static LayerGradients linearBackward(Matrix dZ, LinearCache cache, boolean withDAPrev) {
        Matrix APrev = cache.APrev();
        Matrix W = cache.W();
        Matrix dW = Matrix.zeros(W.rows(), W.cols());
        Matrix db = Matrix.zeros(W.rows(), 1);
        Matrix dAPrev = withDAPrev ? Matrix.zeros(APrev.rows(), APrev.cols()) : null;
        Linear.backward(dZ, APrev, W, dW, db, dAPrev);
        return new LayerGradients(dAPrev, dW, db);
    }

    /**
     * {@code relu_backward}: {@code dZ = dA} where {@code Z > 0}, else 0.
     *
     * @param dA {@code n x m}
     * @param Z  the activation cache, {@code n x m}
     * @return dZ, {@code n x m}
     */
    public static Matrix reluBackward(Matrix dA, Matrix Z) {
        return activationBackward(dA, Z, Activation.RELU);
    }

    /**
     * {@code sigmoid_backward}: {@code dZ = dA · s · (1 - s)} with {@code s = σ(Z)}.
     *
     * @param dA {@code n x m}
     * @param Z  the activation cache, {@code n x m}
     * @return dZ, {@code n x m}
     */
    public static Matrix sigmoidBackward(Matrix dA, Matrix Z) {
        return activationBackward(dA, Z, Activation.SIGMOID);
    }

    /** {@code dZ = dA · g'(Z)} as a new matrix; tanh's backward reads {@code A = tanh(Z)}, recomputed here. */
    private static Matrix activationBackward(Matrix dA, Matrix Z, Activation activation) {
        Matrix dZ = Matrix.zeros(Z.rows(), Z.cols());
        activation.backward(dA, Z, activation == Activation.TANH || activation == Activation.SOFTMAX ? activation.forward(Z) : null, dZ);
        return dZ;
    }

    /**
     * {@code linear_activation_backward} with the course's activation names, "relu" or "sigmoid".
     *
     * @see #linearActivationBackward(Matrix, LayerCache, Activation)
     */
    public static LayerGradients linearActivationBackward(Matrix dA, LayerCache cache, String activation) {
        return linearActivationBackward(dA, cache, Activation.parse(activation));
    }

    /**
     * {@code linear_activation_backward}: {@code dZ = dA · g'(Z)}, then {@link #linearBackward}.
     *
     * @param dA    {@code n[l] x m}
     * @param cache ((APrev, W, b), Z) from {@link #linearActivationForward}
     * @return dAPrev ({@code n[l-1] x m}), dW ({@code n[l] x n[l-1]}), db ({@code n[l] x 1})
     */
    public static LayerGradients linearActivationBackward(Matrix dA, LayerCache cache, Activation activation) {
        return linearBackward(activationBackward(dA, cache.Z(), activation), cache.linear());
    }

    /**
     * {@code L_model_backward}: {@code dAL = -(Y/AL - (1-Y)/(1-AL))}, then the sigmoid layer L and the
     * ReLU layers L-1, ..., 1.
     *
     * @param AL     {@code 1 x m}, from {@link #lModelForward}
     * @param Y      {@code 1 x m}
     * @param caches the L caches of {@link #lModelForward}, layer 1 first
     * @return in the course's order: dA(L-1), dW(L), db(L), dA(L-2), dW(L-1), db(L-1), ..., dA0, dW1,
     * db1, where dA(l) is the gradient with respect to A[l] ({@code n[l] x m}; dA0 is with respect to X)
     */
    public static Map<String, Matrix> lModelBackward(Matrix AL, Matrix Y, List<LayerCache> caches) {
        return lModelBackward(AL, Y, caches, true);
    }

    /** {@link #lModelBackward(Matrix, Matrix, List)}, without dA0 when {@code withDA0} is false (no update needs it). */
    private static Map<String, Matrix> lModelBackward(Matrix AL, Matrix Y, List<LayerCache> caches, boolean withDA0) {
        int L = caches.size();
        if (L == 0) {
            throw new IllegalArgumentException("lModelBackward: no caches; pass the caches that lModelForward returned with AL");
        }
        Matrix dAL = Matrix.zeros(AL.rows(), AL.cols());
        Loss.BINARY_CROSS_ENTROPY.activationGradient(AL, Y, dAL);
        Map<String, Matrix> grads = new LinkedHashMap<>();
        Matrix dA = dAL;
        for (int l = L; l >= 1; l--) {
            Activation g = l == L ? Activation.SIGMOID : Activation.RELU;
            LayerCache cache = caches.get(l - 1);
            LayerGradients layer = linearBackward(activationBackward(dA, cache.Z(), g), cache.linear(), l > 1 || withDA0);
            if (layer.dAPrev() != null) {
                grads.put("dA" + (l - 1), layer.dAPrev());
            }
            grads.put("dW" + l, layer.dW());
            grads.put("db" + l, layer.db());
            dA = layer.dAPrev();
        }
        return grads;
    }

    /**
     * {@code update_parameters}: {@code W[l] = W[l] - learningRate · dW[l]}, {@code b[l] = b[l] - learningRate · db[l]}.
     *
     * @param parameters W1, b1, ..., WL, bL (left unchanged)
     * @param grads      holding dW1, db1, ..., dWL, dbL of the same shapes
     * @return the new parameters, in the order W1, b1, ..., WL, bL
     */
    public static Map<String, Matrix> updateParameters(Map<String, Matrix> parameters, Map<String, Matrix> grads,
                                                       double learningRate) {
        int L = numLayers("updateParameters", parameters);
        Map<String, Matrix> updated = new LinkedHashMap<>();
        for (int l = 1; l <= L; l++) {
            for (String name : new String[] {"W" + l, "b" + l}) {
                Matrix gradient = grads.get("d" + name);
                if (gradient == null) {
                    throw new IllegalArgumentException(String.format(
                            "updateParameters: the gradients have no d%s (keys %s); pass what lModelBackward returned",
                            name, grads.keySet()));
                }
                Matrix p = parameters.get(name).copy();
                GradientDescent.step(p, gradient, learningRate);
                updated.put(name, p);
            }
        }
        return updated;
    }

    // ------------------------------------------------------------------ models

    /**
     * {@code two_layer_model} with the course's defaults, learning rate 0.0075 and 3000 iterations.
     *
     * @see #twoLayerModel(Matrix, Matrix, int[], double, int)
     */
    public static ModelResult twoLayerModel(Matrix X, Matrix Y, int[] layersDims) {
        return twoLayerModel(X, Y, layersDims, 0.0075, 3000);
    }

    /**
     * {@code two_layer_model}: {@code LINEAR -> RELU -> LINEAR -> SIGMOID}, parameters from
     * {@link #initializeParameters(int, int, int)} (seed 1, randn · 0.01), then full-batch gradient descent.
     *
     * @param X          {@code n_x x m}
     * @param Y          {@code 1 x m}, labels 0/1
     * @param layersDims {@code (n_x, n_h, n_y)}
     * @return the trained parameters and the cost before iterations 0, 100, 200, ...
     */
    public static ModelResult twoLayerModel(Matrix X, Matrix Y, int[] layersDims, double learningRate,
                                                int numIterations) {
        return twoLayerModel(X, Y, layersDims, learningRate, numIterations, null);
    }

    /**
     * As {@link #twoLayerModel(Matrix, Matrix, int[], double, int)}, telling {@code costListener}
     * {@code (iteration, cost)} each time a cost is recorded (the notebook's {@code print_cost=True}).
     *
     * @param costListener may be null
     */
    public static ModelResult twoLayerModel(Matrix X, Matrix Y, int[] layersDims, double learningRate,
                                                int numIterations, ObjDoubleConsumer<Integer> costListener) {
        if (layersDims.length != 3) {
            throw new IllegalArgumentException(String.format(
                    "twoLayerModel: layersDims has %d sizes but a two-layer model takes three, (n_x, n_h, n_y); "
                            + "use lLayerModel for other depths", layersDims.length));
        }
        Map<String, Matrix> parameters = initializeParameters(layersDims[0], layersDims[1], layersDims[2]);
        return train("twoLayerModel", X, Y, parameters, learningRate, numIterations, costListener);
    }

    /**
     * {@code L_layer_model} with the course's defaults, learning rate 0.0075 and 3000 iterations.
     *
     * @see #lLayerModel(Matrix, Matrix, int[], double, int)
     */
    public static ModelResult lLayerModel(Matrix X, Matrix Y, int[] layersDims) {
        return lLayerModel(X, Y, layersDims, 0.0075, 3000);
    }

    /**
     * {@code L_layer_model}: {@code [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID}, parameters from the
     * application notebook's {@code initialize_parameters_deep} (seed 1, randn / sqrt(n[l-1])), then
     * full-batch gradient descent.
     *
     * @param X          {@code n[0] x m}
     * @param Y          {@code 1 x m}, labels 0/1
     * @param layersDims {@code [n0, n1, ..., nL]}, e.g. {12288, 20, 7, 5, 1}
     * @return the trained parameters and the cost before iterations 0, 100, 200, ...
     */
    public static ModelResult lLayerModel(Matrix X, Matrix Y, int[] layersDims, double learningRate,
                                              int numIterations) {
        return lLayerModel(X, Y, layersDims, learningRate, numIterations, null);
    }

    /**
     * As {@link #lLayerModel(Matrix, Matrix, int[], double, int)}, telling {@code costListener}
     * {@code (iteration, cost)} each time a cost is recorded (the notebook's {@code print_cost=True}).
     *
     * @param costListener may be null
     */
    public static ModelResult lLayerModel(Matrix X, Matrix Y, int[] layersDims, double learningRate,
                                              int numIterations, ObjDoubleConsumer<Integer> costListener) {
        Map<String, Matrix> parameters = initializeParametersDeep(layersDims, Initializer.SCALED_BY_FAN_IN, new NumpyRandom(1));
        return train("lLayerModel", X, Y, parameters, learningRate, numIterations, costListener);
    }

    /**
     * The loop both models share: forward, cost, backward (without dA0, which no update needs and
     * which at 12288 inputs is a third of the work), update. The cost is the course's formula on AL
     * ({@link #computeCost}); it is recorded before the update of every 100th iteration. A NaN cost
     * stops the run with a {@link TrainingDivergedException} that suggests a fix, as the Trainer does.
     */
    private static ModelResult train(String op, Matrix X, Matrix Y, Map<String, Matrix> parameters,
                                         double learningRate, int numIterations,
                                         ObjDoubleConsumer<Integer> costListener) {
        Dataset.validate(op, X, Y);
        if (X.rows() != parameters.get("W1").cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: X is %s but layersDims starts with %d inputs; the first size must be X.rows (n_x)",
                    op, Shapes.shape(X), parameters.get("W1").cols()));
        }
        if (numIterations < 0 || !(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(String.format(
                    "%s: learningRate %s and numIterations %d; the learning rate must be positive and finite "
                            + "(the course uses 0.0075) and the iterations at least 0", op, learningRate, numIterations));
        }
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < numIterations; i++) {
            ModelOutput forward = lModelForward(X, parameters);
            double cost = computeCost(forward.AL(), Y);
            if (!Double.isFinite(cost)) {
                throw new TrainingDivergedException("Cost", cost, i, learningRate);
            }
            Map<String, Matrix> grads = lModelBackward(forward.AL(), Y, forward.caches(), false);
            parameters = updateParameters(parameters, grads, learningRate);
            if (i % COST_EVERY == 0) {
                costs.add(cost);
                if (costListener != null) {
                    costListener.accept(i, cost);
                }
            }
        }
        return new ModelResult(parameters, costs);
    }

    /**
     * {@code predict}: 1 where the output of {@link #lModelForward} is {@code > 0.5}, else 0, and the
     * share of predictions equal to Y.
     *
     * @param X          {@code n[0] x m}
     * @param Y          {@code 1 x m}
     * @param parameters W1, b1, ..., WL, bL
     * @return the predictions ({@code 1 x m}) and the accuracy in [0, 1]
     */
    public static Prediction predict(Matrix X, Matrix Y, Map<String, Matrix> parameters) {
        Matrix p = lModelForward(X, parameters).AL().greaterThan(0.5);
        if (p.rows() != Y.rows() || p.cols() != Y.cols()) {
            throw new IllegalArgumentException(String.format(
                    "predict: the predictions are %s but Y is %s; Y must hold one label per example (1 x m)%s",
                    Shapes.shape(p), Shapes.shape(Y),
                    p.rows() == Y.cols() && p.cols() == Y.rows() ? " (did you mean Y.transpose()?)" : ""));
        }
        return new Prediction(p, p.equalTo(Y).mean());
    }
}
