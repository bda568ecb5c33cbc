package dlbasics.course;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.nn.Activation;
import dlbasics.random.NumpyRandom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;

/**
 * The second course's "Regularization" notebook under Java names: L2 regularization and inverted
 * dropout on {@code [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID} (the notebook's network has L = 3;
 * these take any L). The other notebooks of the second course train through the same forward and
 * backward ({@link #forwardPropagation}, {@link #backwardPropagation}), as its {@code *_utils} do.
 *
 * <p>Shapes as in the course: X is {@code n[0] x m}, Y is {@code 1 x m}, W[l] {@code n[l] x n[l-1]},
 * b[l] {@code n[l] x 1}, Z[l], A[l] and the dropout mask D[l] {@code n[l] x m}. Each function returns
 * new matrices and maps and leaves its arguments unchanged.
 *
 * <pre>
 * course                                                  Java
 * initialize_parameters(layer_dims)  (seed 3, / sqrt)      initializeParameters(layersDims)
 * forward_propagation(X, parameters)                       forwardPropagation(X, parameters)       -> AL(), cache()
 * forward_propagation_with_dropout(X, parameters, kp)      forwardPropagationWithDropout(X, parameters, keepProb)
 * compute_cost(a3, Y)                                      computeCost(AL, Y)
 * compute_cost_with_regularization(A3, Y, parameters, λ)   computeCostWithRegularization(AL, Y, parameters, lambd)
 * backward_propagation(X, Y, cache)                        backwardPropagation(X, Y, cache)
 * backward_propagation_with_regularization(X, Y, cache, λ) backwardPropagationWithRegularization(X, Y, cache, lambd)
 * backward_propagation_with_dropout(X, Y, cache, kp)       backwardPropagationWithDropout(X, Y, cache, keepProb)
 * model(X, Y, learning_rate, num_iterations, lambd, kp)    model(X, Y, learningRate, iterations, lambd, keepProb)
 * </pre>
 *
 * <p>Gradients are keyed as the notebook's: dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
 * (no dA0). Each layer's linear part goes through {@link DeepNetworkSteps#linearForward} and
 * {@link DeepNetworkSteps#linearBackward}, the ReLU's backward through {@link DeepNetworkSteps#reluBackward}.
 */
public final class RegularizationSteps {
    /** The model records its cost every this many iterations, from iteration 0 (the notebook's plot). */
    public static final int COST_EVERY = 1000;
    /** The model tells its listener the cost every this many iterations (the notebook's print). */
    public static final int PRINT_EVERY = 10000;

    private RegularizationSteps() {
    }

    /**
     * What a forward pass keeps for its backward pass, the notebook's
     * {@code cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)}, one {@link Layer} per layer.
     * It also holds each layer's linear cache from {@link DeepNetworkSteps#linearForward}, which the
     * backward pass hands to {@link DeepNetworkSteps#linearBackward}.
     */
    public static final class Cache {
        private final List<Layer> layers;
        private final List<Function<Matrix, LinearGradients>> linearBackward;
        private final double keepProb;

        private Cache(List<Layer> layers, List<Function<Matrix, LinearGradients>> linearBackward, double keepProb) {
            this.layers = Collections.unmodifiableList(layers);
            this.linearBackward = linearBackward;
            this.keepProb = keepProb;
        }

        /** The layers, layer 1 first ({@code layers().get(l - 1)} is layer l's). */
        public List<Layer> layers() {
            return layers;
        }

        /** The keep probability of the forward pass, 1 without dropout. */
        public double keepProb() {
            return keepProb;
        }
    }

    /**
     * One layer of a {@link Cache}.
     *
     * @param W the layer's weights, {@code n[l] x n[l-1]}
     * @param b the layer's biases, {@code n[l] x 1}
     * @param Z {@code W·A[l-1] + b}, {@code n[l] x m}
     * @param D the dropout mask (1 kept, 0 dropped), {@code n[l] x m}; null without dropout and at the output
     * @param A the layer's output as the next layer sees it ({@code relu(Z)·D / keepProb}; the sigmoid at the output)
     */
    public record Layer(Matrix W, Matrix b, Matrix Z, Matrix D, Matrix A) {
    }

    /**
     * A forward pass: the notebook's {@code A3, cache}.
     *
     * @param AL    the sigmoid output, {@code 1 x m}
     * @param cache what the backward pass needs
     */
    public record Forward(Matrix AL, Cache cache) {
    }

    /**
     * What {@link #model} returns, the notebook's {@code parameters} and {@code costs}.
     *
     * @param parameters the trained W1, b1, ..., WL, bL in that order
     * @param costs      the cost before the update of iterations 0, 1000, 2000, ...
     */
    public record ModelResult(Map<String, Matrix> parameters, List<Double> costs) {
        /** Keeps unmodifiable copies (the map keeps its order). */
        public ModelResult {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            costs = List.copyOf(costs);
        }
    }

    /** One layer's linear gradients: dA[l-1], dW[l], db[l]. */
    private record LinearGradients(Matrix dAPrev, Matrix dW, Matrix db) {
    }

    // ------------------------------------------------------------------ initialization

    /**
     * The notebook's {@code initialize_parameters(layer_dims)}: seed 3, then for l = 1..L
     * {@code W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1])} and {@code b[l] = 0}.
     *
     * @param layersDims {@code [n0, n1, ..., nL]}, e.g. {@code {2, 20, 3, 1}}
     */
    public static Map<String, Matrix> initializeParameters(int[] layersDims) {
        return initializeParameters(layersDims, new NumpyRandom(3));
    }

    /** As {@link #initializeParameters(int[])}, drawing from {@code rng} instead of seeding 3. */
    public static Map<String, Matrix> initializeParameters(int[] layersDims, NumpyRandom rng) {
        InitializationSteps.checkDims("initializeParameters", layersDims);
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        for (int l = 1; l < layersDims.length; l++) {
            parameters.put("W" + l, rng.randn(layersDims[l], layersDims[l - 1]).divide(Math.sqrt(layersDims[l - 1])));
            parameters.put("b" + l, Matrix.zeros(layersDims[l], 1));
        }
        return parameters;
    }

    // ------------------------------------------------------------------ forward

    /**
     * {@code forward_propagation}: {@code A[l] = relu(W[l]·A[l-1] + b[l])} for l &lt; L,
     * {@code AL = σ(W[L]·A[L-1] + b[L])}.
     *
     * @param X          {@code n[0] x m}
     * @param parameters W1, b1, ..., WL, bL
     * @return AL ({@code 1 x m}) and the cache
     */
    public static Forward forwardPropagation(Matrix X, Map<String, Matrix> parameters) {
        return forward("forwardPropagation", X, parameters, 1.0, null);
    }

    /**
     * {@code forward_propagation_with_dropout}, inverted dropout on every hidden layer: after
     * {@code np.random.seed(1)} (once per call, as the notebook does, so every call draws the same
     * masks), for l &lt; L {@code D[l] = rand(n[l], m) < keepProb}, {@code A[l] = relu(Z[l])·D[l] / keepProb}.
     * The output layer keeps all its units.
     *
     * @param keepProb the probability of keeping a hidden unit, in (0, 1]; 1 is no dropout (the notebook uses 0.86)
     */
    public static Forward forwardPropagationWithDropout(Matrix X, Map<String, Matrix> parameters, double keepProb) {
        return forwardPropagationWithDropout(X, parameters, keepProb, new NumpyRandom(1));
    }

    /** As {@link #forwardPropagationWithDropout(Matrix, Map, double)}, the masks drawn from {@code rng} (layer 1 first). */
    public static Forward forwardPropagationWithDropout(Matrix X, Map<String, Matrix> parameters, double keepProb,
                                                        NumpyRandom rng) {
        checkKeepProb("forwardPropagationWithDropout", keepProb);
        return forward("forwardPropagationWithDropout", X, parameters, keepProb, keepProb < 1 ? rng : null);
    }

    /** The forward pass all variants share; masks are drawn from {@code rng} when it is not null. */
    static Forward forward(String op, Matrix X, Map<String, Matrix> parameters, double keepProb, NumpyRandom rng) {
        int L = numLayers(op, parameters);
        List<Layer> layers = new ArrayList<>(L);
        List<Function<Matrix, LinearGradients>> linearBackward = new ArrayList<>(L);
        Matrix A = X;
        for (int l = 1; l <= L; l++) {
            Matrix W = parameters.get("W" + l);
            Matrix b = parameters.get("b" + l);
            var linear = DeepNetworkSteps.linearForward(A, W, b);
            var linearCache = linear.cache();
            linearBackward.add(dZ -> {
                var g = DeepNetworkSteps.linearBackward(dZ, linearCache);
                return new LinearGradients(g.dAPrev(), g.dW(), g.db());
            });
            Matrix Z = linear.Z();
            Matrix D = null;
            if (l < L) {
                A = Activation.RELU.forward(Z);
                if (rng != null) {
                    D = rng.rand(A.rows(), A.cols()).lessThan(keepProb);
                    A = A.times(D).divide(keepProb);
                }
            } else {
                A = Activation.SIGMOID.forward(Z);
            }
            layers.add(new Layer(W, b, Z, D, A));
        }
        return new Forward(A, new Cache(layers, linearBackward, rng == null ? 1.0 : keepProb));
    }

    // ------------------------------------------------------------------ cost

    /**
     * The notebooks' {@code compute_cost}: {@code J = (1/m) · nansum(-log(a)·y - log(1-a)·(1-y))}.
     * Unlike {@link DeepNetworkSteps#computeCost} it is not kept finite: an output that saturates to
     * exactly the wrong label makes J infinite (the initialization notebook's first cost with
     * {@code randn × 10}); a term {@code 0·log(0)} is NaN and left out, as nansum does.
     *
     * @param AL {@code 1 x m}
     * @param Y  {@code 1 x m}, labels 0/1
     */
    public static double computeCost(Matrix AL, Matrix Y) {
        return 1.0 / Y.cols() * crossEntropySum("computeCost", AL, Y);
    }

    /** {@code nansum(-log(a)·y - log(1-a)·(1-y))}, the optimization notebook's {@code compute_cost} (a sum, not a mean). */
    static double crossEntropySum(String op, Matrix AL, Matrix Y) {
        if (!AL.hasShape(Y.rows(), Y.cols()) || Y.rows() != 1) {
            throw new IllegalArgumentException(String.format(
                    "%s: AL is %s but Y is %s; both must be 1 x m, one column per example%s", op, Shapes.shape(AL),
                    Shapes.shape(Y), AL.rows() == Y.cols() && AL.cols() == Y.rows() ? " (did you mean Y.transpose()?)" : ""));
        }
        double[] a = AL.data();
        double[] y = Y.data();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double term = -Math.log(a[i]) * y[i] + -Math.log(1 - a[i]) * (1 - y[i]);
            if (!Double.isNaN(term)) {
                sum += term;
            }
        }
        return sum;
    }

    /**
     * {@code compute_cost_with_regularization}: the cross-entropy of {@link #computeCost} plus
     * {@code (1/m) · (lambd/2) · Σ_l ‖W[l]‖²} (squared Frobenius norms; the biases are not penalised).
     *
     * @param AL         {@code 1 x m}
     * @param Y          {@code 1 x m}
     * @param parameters W1, b1, ..., WL, bL
     * @param lambd      the L2 strength, 0 or more (the notebook uses 0.7)
     */
    public static double computeCostWithRegularization(Matrix AL, Matrix Y, Map<String, Matrix> parameters, double lambd) {
        String op = "computeCostWithRegularization";
        checkLambd(op, lambd);
        int L = numLayers(op, parameters);
        double crossEntropyCost = 1.0 / Y.cols() * crossEntropySum(op, AL, Y);
        double squares = 0;
        for (int l = 1; l <= L; l++) {
            squares += parameters.get("W" + l).square().sum();
        }
        double l2RegularizationCost = (1.0 / Y.cols() * lambd / 2) * squares;
        return crossEntropyCost + l2RegularizationCost;
    }

    // ------------------------------------------------------------------ backward

    /**
     * {@code backward_propagation}: {@code dZ[L] = AL - Y} (the sigmoid's and the cross-entropy's
     * backward together, finite even where AL saturates), then for l = L..1
     * {@code dW[l] = (1/m)·dZ[l]·A[l-1]ᵀ}, {@code db[l] = (1/m)·Σ dZ[l]}, {@code dA[l-1] = W[l]ᵀ·dZ[l]},
     * {@code dZ[l-1] = dA[l-1]} where {@code Z[l-1] > 0}, else 0.
     *
     * @param X     {@code n[0] x m}, the input of the forward pass
     * @param Y     {@code 1 x m}
     * @param cache from {@link #forwardPropagation}
     * @return dZL, dWL, dbL, dA(L-1), dZ(L-1), ..., dA1, dZ1, dW1, db1
     */
    public static Map<String, Matrix> backwardPropagation(Matrix X, Matrix Y, Cache cache) {
        return backward("backwardPropagation", X, Y, cache, 0.0, 1.0);
    }

    /**
     * {@code backward_propagation_with_regularization}: {@link #backwardPropagation} with
     * {@code (lambd/m)·W[l]} added to each dW[l], the gradient of the L2 term of
     * {@link #computeCostWithRegularization}.
     *
     * @param lambd the L2 strength, 0 or more
     */
    public static Map<String, Matrix> backwardPropagationWithRegularization(Matrix X, Matrix Y, Cache cache, double lambd) {
        checkLambd("backwardPropagationWithRegularization", lambd);
        return backward("backwardPropagationWithRegularization", X, Y, cache, lambd, 1.0);
    }

    /**
     * {@code backward_propagation_with_dropout}: {@link #backwardPropagation} with each hidden
     * layer's dA[l] multiplied by the forward pass's mask D[l] and divided by keepProb, so a dropped unit
     * passes no gradient back.
     *
     * @param cache    from {@link #forwardPropagationWithDropout}
     * @param keepProb the keep probability of that forward pass
     */
    public static Map<String, Matrix> backwardPropagationWithDropout(Matrix X, Matrix Y, Cache cache, double keepProb) {
        checkKeepProb("backwardPropagationWithDropout", keepProb);
        return backward("backwardPropagationWithDropout", X, Y, cache, 0.0, keepProb);
    }

    /** The backward pass all variants share: L2 when lambd != 0, the masks when keepProb &lt; 1. */
    static Map<String, Matrix> backward(String op, Matrix X, Matrix Y, Cache cache, double lambd, double keepProb) {
        if (cache.keepProb() != keepProb) {
            throw new IllegalArgumentException(String.format(
                    "%s: keepProb is %s but the cache comes from a forward pass with keepProb %s; pass the keepProb "
                            + "given to forwardPropagationWithDropout (1 for forwardPropagation)", op, keepProb, cache.keepProb()));
        }
        List<Layer> layers = cache.layers();
        int L = layers.size();
        Matrix AL = layers.get(L - 1).A();
        if (!Y.hasShape(AL.rows(), AL.cols()) || X.cols() != Y.cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: X is %s, Y is %s and AL is %s; Y must be 1 x m like AL, and X the n_x x m input of the forward "
                            + "pass that made the cache", op, Shapes.shape(X), Shapes.shape(Y), Shapes.shape(AL)));
        }
        int m = X.cols();
        Map<String, Matrix> grads = new LinkedHashMap<>();
        Matrix dZ = AL.minus(Y);
        for (int l = L; l >= 1; l--) {
            grads.put("dZ" + l, dZ);
            LinearGradients g = cache.linearBackward.get(l - 1).apply(dZ);
            Matrix dW = g.dW();
            if (lambd != 0) {
                dW = dW.plus(layers.get(l - 1).W().times(lambd).divide(m));
            }
            grads.put("dW" + l, dW);
            grads.put("db" + l, g.db());
            if (l > 1) {
                Layer below = layers.get(l - 2);
                Matrix dA = g.dAPrev();
                if (below.D() != null) {
                    dA = dA.times(below.D()).divide(keepProb);
                }
                grads.put("dA" + (l - 1), dA);
                dZ = DeepNetworkSteps.reluBackward(dA, below.Z());
            }
        }
        return grads;
    }

    // ------------------------------------------------------------------ model

    /**
     * The notebook's {@code model} without a listener.
     *
     * @see #model(Matrix, Matrix, double, int, double, double, ObjDoubleConsumer)
     */
    public static ModelResult model(Matrix X, Matrix Y, double learningRate, int iterations, double lambd, double keepProb) {
        return model(X, Y, learningRate, iterations, lambd, keepProb, null);
    }

    /**
     * The notebook's {@code model}: {@code [n_x, 20, 3, 1]} from {@link #initializeParameters(int[])}, then
     * full-batch gradient descent, the cost with L2 when {@code lambd > 0} and dropout when
     * {@code keepProb < 1} (the notebook allows one at a time; both together work, and
     * {@code RegularizationStepsTest} checks their gradient). The notebook's run is learning rate 0.3,
     * 30000 iterations, lambd 0.7 or keepProb 0.86.
     *
     * @param X            {@code n_x x m}
     * @param Y            {@code 1 x m}, labels 0/1
     * @param costListener told {@code (iteration, cost)} every {@link #PRINT_EVERY} iterations; may be null
     * @return the parameters and the cost before iterations 0, 1000, 2000, ...
     */
    public static ModelResult model(Matrix X, Matrix Y, double learningRate, int iterations, double lambd, double keepProb,
                                    ObjDoubleConsumer<Integer> costListener) {
        String op = "RegularizationSteps.model";
        Dataset.validate(op, X, Y);
        checkLambd(op, lambd);
        checkKeepProb(op, keepProb);
        InitializationSteps.checkTraining(op, learningRate, iterations, "0.3");
        Map<String, Matrix> parameters = initializeParameters(new int[] {X.rows(), 20, 3, 1});
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            Forward f = forward(op, X, parameters, keepProb, keepProb < 1 ? new NumpyRandom(1) : null);
            double cost = lambd == 0 ? computeCost(f.AL(), Y) : computeCostWithRegularization(f.AL(), Y, parameters, lambd);
            InitializationSteps.checkCost(op, cost, i, learningRate);
            Map<String, Matrix> grads = backward(op, X, Y, f.cache(), lambd, keepProb);
            parameters = DeepNetworkSteps.updateParameters(parameters, grads, learningRate);
            if (i % COST_EVERY == 0) {
                costs.add(cost);
            }
            if (i % PRINT_EVERY == 0 && costListener != null) {
                costListener.accept(i, cost);
            }
        }
        return new ModelResult(parameters, costs);
    }

    // ------------------------------------------------------------------ checks

    /** L, the number of layers: W1, b1, W2, ... counted until the first missing W; each W needs its b. */
    static int numLayers(String op, Map<String, Matrix> parameters) {
        return DeepNetworkSteps.numLayers(op, parameters);
    }

    static void checkKeepProb(String op, double keepProb) {
        if (!(keepProb > 0 && keepProb <= 1)) {
            throw new IllegalArgumentException(String.format(
                    "%s: keepProb is %s but it must lie in (0, 1]; it is the probability of keeping a hidden unit "
                            + "(the notebook uses 0.86; 1 turns dropout off)", op, keepProb));
        }
    }

    static void checkLambd(String op, double lambd) {
        if (!(lambd >= 0) || Double.isInfinite(lambd)) {
            throw new IllegalArgumentException(String.format(
                    "%s: lambd is %s but the L2 strength must be finite and 0 or more (the notebook uses 0.7; 0 turns L2 off)",
                    op, lambd));
        }
    }
}
