package dlbasics.course;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.random.NumpyRandom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * The second course's "Optimization methods" notebook under Java names: mini-batches, momentum,
 * Adam and learning-rate decay, for parameters W1, b1, ..., WL, bL of any depth.
 *
 * <pre>
 * course                                                         Java
 * update_parameters_with_gd(parameters, grads, lr)               updateParametersWithGd(parameters, grads, learningRate)
 * random_mini_batches(X, Y, mini_batch_size, seed)               randomMiniBatches(X, Y, miniBatchSize, seed)   -> [X(), Y()]
 * initialize_velocity(parameters)                                initializeVelocity(parameters)
 * update_parameters_with_momentum(parameters, grads, v, β, lr)   updateParametersWithMomentum(...)  -> parameters(), v()
 * initialize_adam(parameters)                                    initializeAdam(parameters)         -> v(), s()
 * update_parameters_with_adam(parameters, grads, v, s, t, lr, β1, β2, ε)
 *                                                                updateParametersWithAdam(...)      -> parameters(), v(), s(), vCorrected(), sCorrected()
 * update_lr(lr0, epoch_num, decay_rate)                          updateLr(learningRate0, epochNum, decayRate)
 * schedule_lr_decay(lr0, epoch_num, decay_rate, time_interval)   scheduleLrDecay(learningRate0, epochNum, decayRate, timeInterval)
 * model(X, Y, layers_dims, optimizer, learning_rate, mini_batch_size, beta, beta1, beta2, epsilon, num_epochs, ...)
 *                                                                model(X, Y, layersDims, "gd" | "momentum" | "adam", ...)
 * </pre>
 *
 * <p>Velocities and moments are keyed like the gradients: dW1, db1, ...; v[dW l] has W[l]'s shape
 * ({@code n[l] x n[l-1]}), v[db l] b[l]'s ({@code n[l] x 1}). Every function returns new maps and
 * leaves its arguments unchanged. On the notebook's moons (5000 epochs, learning rate 0.0007,
 * batches of 64) gradient descent and momentum reach 71.67 %, Adam 94.33 % ({@code OptimizationModelTest}).
 */
public final class OptimizationSteps {
    /** The model records the epoch's cost every this many epochs, from epoch 0 (the notebook's plot). */
    public static final int COST_EVERY = 100;
    /** The model tells its listener the cost every this many epochs (the notebook's print). */
    public static final int PRINT_EVERY = 1000;
    /** The notebook's first shuffle seed is this plus one: the seed is incremented before each epoch's shuffle. */
    public static final int FIRST_SEED = 10;

    private OptimizationSteps() {
    }

    /**
     * One mini-batch: the notebook's {@code (mini_batch_X, mini_batch_Y)}.
     *
     * @param X {@code n_x x size}
     * @param Y {@code 1 x size}
     */
    public record MiniBatch(Matrix X, Matrix Y) {
    }

    /**
     * What {@link #updateParametersWithMomentum} returns.
     *
     * @param parameters the updated W1, b1, ...
     * @param v          the updated velocities dW1, db1, ...
     */
    public record MomentumUpdate(Map<String, Matrix> parameters, Map<String, Matrix> v) {
        /** Keeps unmodifiable copies. */
        public MomentumUpdate {
            parameters = frozen(parameters);
            v = frozen(v);
        }
    }

    /**
     * Adam's two moving averages: the notebook's {@code v, s}, keyed dW1, db1, ....
     *
     * @param v the average of the gradients (first moment)
     * @param s the average of the squared gradients (second moment)
     */
    public record AdamMoments(Map<String, Matrix> v, Map<String, Matrix> s) {
        /** Keeps unmodifiable copies. */
        public AdamMoments {
            v = frozen(v);
            s = frozen(s);
        }
    }

    /**
     * What {@link #updateParametersWithAdam} returns, the notebook's five results.
     *
     * @param parameters the updated W1, b1, ...
     * @param v          the updated first moments
     * @param s          the updated second moments
     * @param vCorrected {@code v / (1 - β1^t)}
     * @param sCorrected {@code s / (1 - β2^t)}
     */
    public record AdamUpdate(Map<String, Matrix> parameters, Map<String, Matrix> v, Map<String, Matrix> s,
                             Map<String, Matrix> vCorrected, Map<String, Matrix> sCorrected) {
        /** Keeps unmodifiable copies. */
        public AdamUpdate {
            parameters = frozen(parameters);
            v = frozen(v);
            s = frozen(s);
            vCorrected = frozen(vCorrected);
            sCorrected = frozen(sCorrected);
        }
    }

    /**
     * What {@link #model} returns, the notebook's {@code parameters} and {@code costs}.
     *
     * @param parameters the trained W1, b1, ..., WL, bL
     * @param costs      the cost of epochs 0, 100, 200, ... (each the sum over the epoch's mini-batches, divided by m)
     */
    public record ModelResult(Map<String, Matrix> parameters, List<Double> costs) {
        /** Keeps unmodifiable copies (the map keeps its order). */
        public ModelResult {
            parameters = frozen(parameters);
            costs = List.copyOf(costs);
        }
    }

    /** A learning-rate schedule as the notebook passes it to {@code model}: {@link #updateLr} or {@link #scheduleLrDecay}. */
    @FunctionalInterface
    public interface Decay {
        /** The learning rate after epoch {@code epochNum} (from 0), from the initial one. */
        double learningRate(double learningRate0, int epochNum, double decayRate);
    }

    private static Map<String, Matrix> frozen(Map<String, Matrix> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    // ------------------------------------------------------------------ gradient descent and mini-batches

    /**
     * {@code update_parameters_with_gd}: {@code W[l] = W[l] - learningRate · dW[l]},
     * {@code b[l] = b[l] - learningRate · db[l]}, the first part's {@link DeepNetworkSteps#updateParameters}.
     *
     * @param grads dW1, db1, ... (other keys are ignored)
     */
    public static Map<String, Matrix> updateParametersWithGd(Map<String, Matrix> parameters, Map<String, Matrix> grads,
                                                             double learningRate) {
        return DeepNetworkSteps.updateParameters(parameters, grads, learningRate);
    }

    /**
     * {@code random_mini_batches}: {@code np.random.seed(seed)}, the columns of X and Y shuffled by
     * {@code np.random.permutation(m)}, then cut into {@code floor(m / miniBatchSize)} batches of
     * miniBatchSize and, if {@code m mod miniBatchSize > 0}, a last partial batch of the rest. A size
     * above m gives one batch of all m examples, shuffled, as numpy's does.
     *
     * @param X             {@code n_x x m}
     * @param Y             {@code 1 x m}
     * @param miniBatchSize at least 1 (the notebook uses 64; powers of two are customary)
     * @param seed          in [0, 2^32 - 1]
     */
    public static List<MiniBatch> randomMiniBatches(Matrix X, Matrix Y, int miniBatchSize, long seed) {
        String op = "randomMiniBatches";
        if (miniBatchSize < 1) {
            throw new IllegalArgumentException(String.format(
                    "%s: miniBatchSize is %d but a mini-batch needs at least one example (the notebook uses 64; "
                            + "m = %d is full-batch gradient descent)", op, miniBatchSize, X.cols()));
        }
        if (Y.rows() != 1 || Y.cols() != X.cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: X is %s but Y is %s; Y must be 1 x m with one label per column of X%s", op, Shapes.shape(X),
                    Shapes.shape(Y), Y.cols() == 1 && Y.rows() == X.cols() ? " (did you mean Y.transpose()?)" : ""));
        }
        int m = X.cols();
        int[] permutation = new NumpyRandom(seed).permutation(m);
        Matrix shuffledX = X.selectColumns(permutation);
        Matrix shuffledY = Y.selectColumns(permutation);
        int numCompleteMinibatches = m / miniBatchSize;
        List<MiniBatch> miniBatches = new ArrayList<>(numCompleteMinibatches + 1);
        for (int k = 0; k < numCompleteMinibatches; k++) {
            miniBatches.add(new MiniBatch(shuffledX.columns(k * miniBatchSize, (k + 1) * miniBatchSize),
                    shuffledY.columns(k * miniBatchSize, (k + 1) * miniBatchSize)));
        }
        if (m % miniBatchSize != 0) {
            miniBatches.add(new MiniBatch(shuffledX.columns(numCompleteMinibatches * miniBatchSize, m),
                    shuffledY.columns(numCompleteMinibatches * miniBatchSize, m)));
        }
        return miniBatches;
    }

    // ------------------------------------------------------------------ momentum

    /**
     * {@code initialize_velocity}: v[dW l] and v[db l] zero, of W[l]'s and b[l]'s shapes.
     *
     * @return dW1, db1, ..., dWL, dbL
     */
    public static Map<String, Matrix> initializeVelocity(Map<String, Matrix> parameters) {
        int L = RegularizationSteps.numLayers("initializeVelocity", parameters);
        Map<String, Matrix> v = new LinkedHashMap<>();
        for (int l = 1; l <= L; l++) {
            for (String p : new String[] {"W" + l, "b" + l}) {
                Matrix shape = parameters.get(p);
                v.put("d" + p, Matrix.zeros(shape.rows(), shape.cols()));
            }
        }
        return v;
    }

    /**
     * {@code update_parameters_with_momentum}: for each parameter p,
     * {@code v[dp] = β·v[dp] + (1 - β)·dp}, then {@code p = p - learningRate · v[dp]}.
     *
     * @param v    the velocities, from {@link #initializeVelocity} or the previous update
     * @param beta the momentum, in [0, 1) (the notebook uses 0.9; 0 is plain gradient descent)
     * @return the new parameters and velocities
     */
    public static MomentumUpdate updateParametersWithMomentum(Map<String, Matrix> parameters, Map<String, Matrix> grads,
                                                              Map<String, Matrix> v, double beta, double learningRate) {
        String op = "updateParametersWithMomentum";
        checkBeta(op, "beta", beta, "0.9");
        int L = RegularizationSteps.numLayers(op, parameters);
        Map<String, Matrix> newParameters = new LinkedHashMap<>();
        Map<String, Matrix> newV = new LinkedHashMap<>();
        for (int l = 1; l <= L; l++) {
            for (String p : new String[] {"W" + l, "b" + l}) {
                String d = "d" + p;
                Matrix grad = need(op, "grads", grads, d, parameters.get(p));
                Matrix velocity = need(op, "v", v, d, parameters.get(p)).times(beta).plus(grad.times(1 - beta));
                newV.put(d, velocity);
                newParameters.put(p, parameters.get(p).minus(velocity.times(learningRate)));
            }
        }
        return new MomentumUpdate(newParameters, newV);
    }

    // ------------------------------------------------------------------ Adam

    /**
     * {@code initialize_adam}: v and s zero, keyed and shaped as {@link #initializeVelocity}'s.
     */
    public static AdamMoments initializeAdam(Map<String, Matrix> parameters) {
        return new AdamMoments(initializeVelocity(parameters), initializeVelocity(parameters));
    }

    /**
     * {@code update_parameters_with_adam}: for each parameter p, with t the number of updates so far
     * including this one (from 1),
     * <pre>
     * v[dp] = β1·v[dp] + (1 - β1)·dp              vCorrected = v[dp] / (1 - β1^t)
     * s[dp] = β2·s[dp] + (1 - β2)·dp²             sCorrected = s[dp] / (1 - β2^t)
     * p     = p - learningRate · vCorrected / (√sCorrected + ε)
     * </pre>
     * The corrections undo the averages' bias towards their zero start during the first steps.
     *
     * @param t       the update count, from 1
     * @param beta1   in [0, 1) (the notebook uses 0.9)
     * @param beta2   in [0, 1) (the notebook uses 0.999)
     * @param epsilon positive, keeps the division finite (the notebook uses 1e-8)
     */
    public static AdamUpdate updateParametersWithAdam(Map<String, Matrix> parameters, Map<String, Matrix> grads,
                                                      Map<String, Matrix> v, Map<String, Matrix> s, int t,
                                                      double learningRate, double beta1, double beta2, double epsilon) {
        String op = "updateParametersWithAdam";
        checkBeta(op, "beta1", beta1, "0.9");
        checkBeta(op, "beta2", beta2, "0.999");
        checkEpsilon(op, epsilon);
        if (t < 1) {
            throw new IllegalArgumentException(String.format(
                    "%s: t is %d but counts the updates from 1 (the bias corrections divide by 1 - β^t, which is 0 at t = 0); "
                            + "increment t before each update", op, t));
        }
        int L = RegularizationSteps.numLayers(op, parameters);
        Map<String, Matrix> newParameters = new LinkedHashMap<>();
        Map<String, Matrix> newV = new LinkedHashMap<>();
        Map<String, Matrix> newS = new LinkedHashMap<>();
        Map<String, Matrix> vCorrected = new LinkedHashMap<>();
        Map<String, Matrix> sCorrected = new LinkedHashMap<>();
        double vBias = 1 - Math.pow(beta1, t);
        double sBias = 1 - Math.pow(beta2, t);
        for (int l = 1; l <= L; l++) {
            for (String p : new String[] {"W" + l, "b" + l}) {
                String d = "d" + p;
                Matrix param = parameters.get(p);
                Matrix grad = need(op, "grads", grads, d, param);
                Matrix first = need(op, "v", v, d, param).times(beta1).plus(grad.times(1 - beta1));
                Matrix firstCorrected = first.divide(vBias);
                Matrix second = need(op, "s", s, d, param).times(beta2).plus(grad.square().times(1 - beta2));
                Matrix secondCorrected = second.divide(sBias);
                newV.put(d, first);
                vCorrected.put(d, firstCorrected);
                newS.put(d, second);
                sCorrected.put(d, secondCorrected);
                newParameters.put(p, param.minus(firstCorrected.times(learningRate).divide(secondCorrected.sqrt().plus(epsilon))));
            }
        }
        return new AdamUpdate(newParameters, newV, newS, vCorrected, sCorrected);
    }

    // ------------------------------------------------------------------ learning-rate decay

    /**
     * {@code update_lr}: {@code learningRate0 / (1 + decayRate · epochNum)}.
     *
     * @param epochNum  the epoch, from 0
     * @param decayRate 0 or more (0 keeps the rate)
     */
    public static double updateLr(double learningRate0, int epochNum, double decayRate) {
        checkDecay("updateLr", epochNum, decayRate);
        return 1 / (1 + decayRate * epochNum) * learningRate0;
    }

    /** {@link #scheduleLrDecay(double, int, double, int)} with the notebook's interval, 1000 epochs. */
    public static double scheduleLrDecay(double learningRate0, int epochNum, double decayRate) {
        return scheduleLrDecay(learningRate0, epochNum, decayRate, 1000);
    }

    /**
     * {@code schedule_lr_decay}: {@code learningRate0 / (1 + decayRate · floor(epochNum / timeInterval))},
     * the rate lowered in steps, once every timeInterval epochs.
     *
     * @param timeInterval at least 1
     */
    public static double scheduleLrDecay(double learningRate0, int epochNum, double decayRate, int timeInterval) {
        checkDecay("scheduleLrDecay", epochNum, decayRate);
        if (timeInterval < 1) {
            throw new IllegalArgumentException(String.format(
                    "scheduleLrDecay: timeInterval is %d but must be at least 1 epoch (the notebook uses 1000)", timeInterval));
        }
        return 1 / (1 + decayRate * Math.floor((double) epochNum / timeInterval)) * learningRate0;
    }

    // ------------------------------------------------------------------ model

    /** The notebook's {@code model} with its defaults: learning rate 0.0007, batches of 64, β 0.9, β1 0.9, β2 0.999, ε 1e-8, 5000 epochs. */
    public static ModelResult model(Matrix X, Matrix Y, int[] layersDims, String optimizer) {
        return model(X, Y, layersDims, optimizer, 0.0007, 64, 0.9, 0.9, 0.999, 1e-8, 5000);
    }

    /** The notebook's {@code model} without decay or listener. */
    public static ModelResult model(Matrix X, Matrix Y, int[] layersDims, String optimizer, double learningRate,
                                    int miniBatchSize, double beta, double beta1, double beta2, double epsilon, int numEpochs) {
        return model(X, Y, layersDims, optimizer, learningRate, miniBatchSize, beta, beta1, beta2, epsilon, numEpochs,
                null, 1, null);
    }

    /**
     * The notebook's {@code model}: parameters from {@link InitializationSteps#initializeParametersHe(int[])}
     * (seed 3, randn · sqrt(2 / n[l-1])); then per epoch the seed goes up by one (11 for epoch 0), the
     * examples are reshuffled into {@link #randomMiniBatches}, and each mini-batch takes a forward pass
     * ({@link RegularizationSteps#forwardPropagation}), a backward pass and one update by
     * {@code optimizer}; Adam's t counts updates over the whole run. The epoch's cost is the sum of the
     * mini-batches' cross-entropy sums divided by m; after the epoch, {@code decay} (if any) sets the
     * learning rate from the initial one.
     *
     * @param X             {@code n_x x m}
     * @param Y             {@code 1 x m}, labels 0/1
     * @param layersDims    {@code [n_x, ..., 1]}, e.g. {@code {2, 5, 2, 1}}
     * @param optimizer     "gd", "momentum" or "adam"
     * @param beta          momentum's β (used by "momentum"), in [0, 1)
     * @param decay         e.g. {@code OptimizationSteps::scheduleLrDecay}; null keeps the rate
     * @param decayRate     passed to decay
     * @param costListener  told {@code (epoch, cost)} every {@link #PRINT_EVERY} epochs; may be null
     * @return the parameters and the costs of epochs 0, 100, 200, ...
     */
    public static ModelResult model(Matrix X, Matrix Y, int[] layersDims, String optimizer, double learningRate,
                                    int miniBatchSize, double beta, double beta1, double beta2, double epsilon, int numEpochs,
                                    Decay decay, double decayRate, ObjDoubleConsumer<Integer> costListener) {
        String op = "OptimizationSteps.model";
        Dataset.validate(op, X, Y);
        InitializationSteps.checkDims(op, layersDims);
        if (layersDims[0] != X.rows() || layersDims[layersDims.length - 1] != 1) {
            throw new IllegalArgumentException(String.format(
                    "%s: X is %s but layersDims is %s; the first size must be X.rows (n_x) and the last 1 (one sigmoid output)",
                    op, Shapes.shape(X), java.util.Arrays.toString(layersDims)));
        }
        String rule = optimizer == null ? "" : optimizer.trim().toLowerCase(Locale.ROOT);
        if (!rule.equals("gd") && !rule.equals("momentum") && !rule.equals("adam")) {
            throw new IllegalArgumentException(String.format(
                    "%s: optimizer is \"%s\"; valid are \"gd\", \"momentum\" and \"adam\"", op, optimizer));
        }
        InitializationSteps.checkTraining(op, learningRate, numEpochs, "0.0007");
        if (miniBatchSize < 1) {
            throw new IllegalArgumentException(String.format(
                    "%s: miniBatchSize is %d but a mini-batch needs at least one example (the notebook uses 64)", op, miniBatchSize));
        }
        checkBeta(op, "beta", beta, "0.9");
        checkBeta(op, "beta1", beta1, "0.9");
        checkBeta(op, "beta2", beta2, "0.999");
        checkEpsilon(op, epsilon);

        Map<String, Matrix> parameters = InitializationSteps.initializeParametersHe(layersDims);
        Map<String, Matrix> v = initializeVelocity(parameters);
        Map<String, Matrix> s = initializeVelocity(parameters);
        int t = 0;
        long seed = FIRST_SEED;
        int m = X.cols();
        double rate = learningRate;
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < numEpochs; i++) {
            seed = seed + 1;
            double costTotal = 0;
            for (MiniBatch batch : randomMiniBatches(X, Y, miniBatchSize, seed)) {
                var forward = RegularizationSteps.forwardPropagation(batch.X(), parameters);
                costTotal += RegularizationSteps.crossEntropySum(op, forward.AL(), batch.Y());
                Map<String, Matrix> grads = RegularizationSteps.backwardPropagation(batch.X(), batch.Y(), forward.cache());
                switch (rule) {
                    case "gd" -> parameters = updateParametersWithGd(parameters, grads, rate);
                    case "momentum" -> {
                        MomentumUpdate u = updateParametersWithMomentum(parameters, grads, v, beta, rate);
                        parameters = u.parameters();
                        v = u.v();
                    }
                    default -> {
                        t = t + 1;
                        AdamUpdate u = updateParametersWithAdam(parameters, grads, v, s, t, rate, beta1, beta2, epsilon);
                        parameters = u.parameters();
                        v = u.v();
                        s = u.s();
                    }
                }
            }
            double costAvg = costTotal / m;
            InitializationSteps.checkCost(op, costAvg, i, rate);
            if (decay != null) {
                rate = decay.learningRate(learningRate, i, decayRate);
            }
            if (i % COST_EVERY == 0) {
                costs.add(costAvg);
            }
            if (i % PRINT_EVERY == 0 && costListener != null) {
                costListener.accept(i, costAvg);
            }
        }
        return new ModelResult(parameters, costs);
    }

    // ------------------------------------------------------------------ checks

    /** {@code map.get(key)}, which must exist with {@code like}'s shape. */
    private static Matrix need(String op, String mapName, Map<String, Matrix> map, String key, Matrix like) {
        Matrix m = map.get(key);
        if (m == null) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s has no %s (keys %s); it needs dW1, db1, ... for every layer of the parameters",
                    op, mapName, key, map.keySet()));
        }
        if (!m.hasShape(like.rows(), like.cols())) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s[%s] is %s but its parameter is %s; each entry has its parameter's shape",
                    op, mapName, key, Shapes.shape(m), Shapes.shape(like)));
        }
        return m;
    }

    private static void checkBeta(String op, String name, double beta, String course) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s is %s but must lie in [0, 1); it weighs the past in a moving average (the notebook uses %s)",
                    op, name, beta, course));
        }
    }

    private static void checkEpsilon(String op, double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException(String.format(
                    "%s: epsilon is %s but must be positive and finite; it keeps Adam's division finite (the notebook uses 1e-8)",
                    op, epsilon));
        }
    }

    private static void checkDecay(String op, int epochNum, double decayRate) {
        if (epochNum < 0 || !(decayRate >= 0) || Double.isInfinite(decayRate)) {
            throw new IllegalArgumentException(String.format(
                    "%s: epochNum %d and decayRate %s; the epoch counts from 0 and the decay rate must be finite and 0 or more "
                            + "(the notebook uses 1)", op, epochNum, decayRate));
        }
    }
}
