package dlbasics.model;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training of a {@link Network}, the course's loop. An iteration is one epoch: one update on all m
 * examples by default (full batch, the first course), or one update per mini-batch
 * ({@link Builder#batchSize}: the examples reshuffled each epoch as {@code random_mini_batches} does,
 * full batches then a partial one):
 * <pre>
 * for epoch e = 0 .. iterations-1:
 *     α = decay(α0, e)                          (the notebook sets it after each epoch; epoch 0 uses α0)
 *     for each mini-batch (X_b, Y_b), or (X, Y) once:
 *         forward:  Z[l] = W[l]·A[l-1] + b[l], A[l] = g(Z[l]) for l = 1..L   (A[0] = X_b; dropout masks on hidden A[l])
 *         cost:     J = -(1/m) Σ [y log a + (1-y) log(1-a)] + λ/(2m)·Σ‖W‖², when e % costEvery == 0 (recorded: Σ m_b·J_b / m)
 *         backward: dZ[L] = A[L] - Y, then dW[l] (+ (λ/m)·W[l]), db[l] for l = L down to 1 (no dA[0])
 *         update:   the update rule (gradient descent, Momentum, RmsProp, Adam)
 *     with a validation set: its cost and accuracy; early stopping after `patience` epochs without a better cost
 * </pre>
 * The cost is computed from the logits Z[L] (finite for any finite Z), and {@code dZ[L] = A[L] - Y}
 * is the course's {@code dAL = -(Y/AL - (1-Y)/(1-AL))} through {@code sigmoid_backward}, simplified:
 * equal in exact arithmetic, a few ulps apart in floating point, and free of the course's division by
 * an output that saturated to 0 or 1 ({@link OutputGradient#COURSE_DAL_THROUGH_SIGMOID} selects the
 * course's form). The course's printed L-layer costs on the cat images are reproduced to every printed
 * digit (TrainerCatIT in dlbasics-io).
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder()          // defaults: the course's L-layer settings
 *         .learningRate(0.0075).iterations(2500)
 *         .initializer(Initializer.SCALED_BY_FAN_IN).seed(1)
 *         .costEvery(100)
 *         .listener(listener)
 *         .build();
 * TrainingResult r = trainer.fit(Network.of(12288, 20, 7, 5, 1), X, Y);
 *
 * Trainer adam = Trainer.builder()             // the optimization notebook's Adam run on its moons: 94.33 %
 *         .learningRate(0.0007).epochs(5000).batchSize(64).shuffleSeed(11)
 *         .initializer(Initializer.HE).seed(3).updateRule(new Adam())
 *         .build();
 * }</pre>
 *
 * <p>In full-batch training with gradient descent or momentum, wide inputs ({@code m} well below {@code n[0]}, the
 * cat images' 209 examples of 12288 values) take the exact Gram form of the first layer by default
 * ({@link FirstLayer}): {@code W[1]·X} is carried through {@code G = Xᵀ·X} instead of recomputed, W[1] is built
 * when something reads it ({@link TrainingEvent#network()}, {@link TrainingEvent#state()}, the end of the run),
 * and the costs agree with the course's algorithm to about 1e-15 relative ({@link Builder#firstLayer}).
 *
 * <p>{@link #fit} draws the initial weights from {@code new NumpyRandom(seed)} and trains the network
 * in place; {@link #resume} continues a run from a {@link TrainingState}. Runs are deterministic.
 * Buffers are allocated once per call (two passes with mini-batches: full and partial batch) and an
 * iteration allocates nothing. The library never prints:
 * progress goes to {@link TrainingListener}s. A NaN or infinite output Z[L] (checked every iteration)
 * or recorded cost throws {@link TrainingDivergedException}. A trainer holds no run state and may be
 * reused.
 */
public final class Trainer {
    private final TrainingSettings settings;
    private final List<TrainingListener> listeners;
    private final OutputGradient outputGradient;
    private final UpdateRule updateRule;
    private final int patience;

    /** A trainer with these settings and no listeners. */
    public Trainer(TrainingSettings settings) {
        this(settings, List.of());
    }

    /** A trainer with these settings, calling the listeners in order. */
    public Trainer(TrainingSettings settings, List<TrainingListener> listeners) {
        this(settings, listeners, OutputGradient.A_MINUS_Y);
    }

    /** A trainer with these settings and listeners, starting the backward pass as {@code outputGradient} says. */
    public Trainer(TrainingSettings settings, List<TrainingListener> listeners, OutputGradient outputGradient) {
        this(settings, listeners, outputGradient, new GradientDescent());
    }

    /** A trainer with these settings and listeners, this output gradient and this update rule. */
    public Trainer(TrainingSettings settings, List<TrainingListener> listeners, OutputGradient outputGradient,
                   UpdateRule updateRule) {
        this(settings, listeners, outputGradient, updateRule, 0);
    }

    /**
     * A trainer that also stops early: with a validation set ({@link #fit(Network, Matrix, Matrix, Matrix, Matrix)}),
     * after {@code patience} epochs without a lower validation cost, restoring the best epoch's parameters; 0 never stops.
     */
    public Trainer(TrainingSettings settings, List<TrainingListener> listeners, OutputGradient outputGradient,
                   UpdateRule updateRule, int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("Trainer: patience is " + patience
                    + "; give the epochs to wait for a better validation cost, 1 or more, or 0 for no early stopping");
        }
        this.patience = patience;
        if (outputGradient == null) {
            throw new IllegalArgumentException("Trainer: outputGradient is null; use OutputGradient.A_MINUS_Y (the default) "
                    + "or COURSE_DAL_THROUGH_SIGMOID");
        }
        if (updateRule == null) {
            throw new IllegalArgumentException("Trainer: updateRule is null; use new GradientDescent() (the default)");
        }
        if (listeners == null) {
            throw new IllegalArgumentException("Trainer: the listener list is null; pass List.of() for none");
        }
        if (settings == null) {
            throw new IllegalArgumentException("Trainer: settings are null; use Trainer.builder() for the course's defaults");
        }
        for (TrainingListener l : listeners) {
            if (l == null) {
                throw new IllegalArgumentException("Trainer: a listener is null");
            }
        }
        if (settings.firstLayer() == FirstLayer.GRAM && FirstLayer.whyNotGram(settings, updateRule) != null) {
            throw new IllegalArgumentException("Trainer: firstLayer is GRAM but " + FirstLayer.whyNotGram(settings, updateRule)
                    + "; use FirstLayer.DIRECT or AUTO (--first-layer direct|auto)");
        }
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
        this.outputGradient = outputGradient;
        this.updateRule = updateRule;
    }

    /** How parameters move given their gradients (default {@link GradientDescent}). */
    public UpdateRule updateRule() {
        return updateRule;
    }

    /** How the backward pass starts at the output (default {@link OutputGradient#A_MINUS_Y}). */
    public OutputGradient outputGradient() {
        return outputGradient;
    }

    /** A builder starting from the course's L-layer settings: 0.0075, 2500 iterations, SCALED_BY_FAN_IN, seed 1, cost every 100. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings of this trainer. */
    public TrainingSettings settings() {
        return settings;
    }

    /** The listeners, in call order. */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /** {@link #fit(Network, Matrix, Matrix)} on a data set's X and Y. */
    public TrainingResult fit(Network network, Dataset data) {
        return fit(network, data.X(), data.Y());
    }

    /**
     * Draws the network's initial parameters (weights from {@code settings().initializer()} with a
     * {@code new NumpyRandom(settings().seed())}, layer 1 first; biases 0), then trains it in place.
     *
     * @param network the network to train; its parameters are overwritten
     * @param X       inputs, {@code n[0] x m}, one example per column, finite
     * @param Y       labels, {@code 1 x m}: 0 or 1 for one output unit, class indices 0..K-1 for K output units
     * @throws IllegalArgumentException   when X or Y do not fit the network or the course's conventions
     * @throws TrainingDivergedException when the cost or the output becomes NaN or infinite
     */
    public TrainingResult fit(Network network, Matrix X, Matrix Y) {
        checkData("Trainer.fit", network, X, Y);
        checkBatchSize("Trainer.fit", X);
        NumpyRandom rng = new NumpyRandom(settings.seed());
        network.initialize(settings.initializer(), rng);
        return run(network, X, Y, 0, new double[0], rng, null, null, null, TrainingState.EarlyStopping.NONE);
    }

    /** Epochs without a lower validation cost before the run stops (0: never). */
    public int patience() {
        return patience;
    }

    /** {@link #fit(Network, Matrix, Matrix, Matrix, Matrix)} on data sets. */
    public TrainingResult fit(Network network, Dataset train, Dataset validation) {
        return fit(network, train.X(), train.Y(), validation.X(), validation.Y());
    }

    /**
     * {@link #fit(Network, Matrix, Matrix)} that also measures the validation set XVal ({@code n[0] x v}),
     * YVal ({@code 1 x v}) after every epoch (listeners hear it in {@code onEpoch}) and, with a patience,
     * stops after that many epochs without a lower validation cost and restores the parameters of the
     * best epoch (the result then says {@code stopped()}; its iterations count the epochs run).
     */
    public TrainingResult fit(Network network, Matrix X, Matrix Y, Matrix XVal, Matrix YVal) {
        checkData("Trainer.fit", network, X, Y);
        checkBatchSize("Trainer.fit", X);
        checkData("Trainer.fit (validation set)", network, XVal, YVal);
        NumpyRandom rng = new NumpyRandom(settings.seed());
        network.initialize(settings.initializer(), rng);
        return run(network, X, Y, 0, new double[0], rng, null, XVal, YVal, TrainingState.EarlyStopping.NONE);
    }

    /** {@link #resume(Network, Matrix, Matrix, TrainingState)} on a data set's X and Y. */
    public TrainingResult resume(Network network, Dataset data, TrainingState state) {
        return resume(network, data.X(), data.Y(), state);
    }

    /**
     * Continues training from {@code state} (no new initial weights): iterations
     * {@code state.iteration()} up to {@code settings().iterations()}, appending to the recorded costs.
     * With the parameters and state of a run stopped at iteration k, the result equals the
     * uninterrupted run's bit for bit; a run saved in the Gram form of the first layer (its state holds the
     * "gram:" entries) continues in it unless the settings say {@link FirstLayer#DIRECT}.
     *
     * @param network the network holding the parameters at {@code state.iteration()}
     * @param X       inputs, {@code n[0] x m}
     * @param Y       labels, {@code 1 x m}
     * @param state   where the earlier run stood (e.g. {@link TrainingResult#finalState()}), from a run without a validation set
     */
    public TrainingResult resume(Network network, Matrix X, Matrix Y, TrainingState state) {
        NumpyRandom rng = resumable("Trainer.resume", network, X, Y, state);
        if (state.earlyStopping().started()) {
            throw new IllegalArgumentException(String.format(
                    "Trainer.resume: the state comes from a run with a validation set (best epoch %d); pass that validation set "
                            + "too, resume(network, X, Y, XVal, YVal, state), so that its watch continues",
                    state.earlyStopping().bestEpoch()));
        }
        return run(network, X, Y, state.iteration(), state.costs(), rng, state.updateState(), null, null, TrainingState.EarlyStopping.NONE);
    }

    /** {@link #resume(Network, Matrix, Matrix, Matrix, Matrix, TrainingState)} on data sets. */
    public TrainingResult resume(Network network, Dataset train, Dataset validation, TrainingState state) {
        return resume(network, train.X(), train.Y(), validation.X(), validation.Y(), state);
    }

    /**
     * Continues a run with a validation set ({@link #fit(Network, Matrix, Matrix, Matrix, Matrix)}) from
     * {@code state}, its early-stopping watch included (best validation cost, best epoch, best
     * parameters): with the same validation set and patience, it stops where the uninterrupted run
     * stops, with the same restored parameters, bit for bit.
     *
     * @param XVal  the validation inputs, {@code n[0] x v}, the same examples as before
     * @param YVal  the validation labels, {@code 1 x v}
     * @param state where the earlier run stood, from a run with this validation set (or at iteration 0)
     */
    public TrainingResult resume(Network network, Matrix X, Matrix Y, Matrix XVal, Matrix YVal, TrainingState state) {
        NumpyRandom rng = resumable("Trainer.resume", network, X, Y, state);
        checkData("Trainer.resume (validation set)", network, XVal, YVal);
        TrainingState.EarlyStopping watch = state.earlyStopping();
        if (state.iteration() > 0 && !watch.started()) {
            throw new IllegalArgumentException(String.format(
                    "Trainer.resume: the state at iteration %d comes from a run without a validation set; resume it with "
                            + "resume(network, X, Y, state), or start a validated run with fit", state.iteration()));
        }
        if (patience > 0 && watch.started() && watch.bestParameters().isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    "Trainer.resume: patience is %d but the state holds no best parameters (its run did not stop early); "
                            + "resume with the patience of the run that saved it (0)", patience));
        }
        if (patience > 0 && watch.started() && state.iteration() - watch.bestEpoch() >= patience) {
            throw new IllegalArgumentException(String.format(
                    "Trainer.resume: the state's run stopped early at epoch %d, %d epochs after its best epoch %d (patience %d), "
                            + "and its parameters are the best epoch's; nothing is left to train: use them, or start a new run with fit",
                    state.iteration(), state.iteration() - watch.bestEpoch(), watch.bestEpoch(), patience));
        }
        if (!watch.bestParameters().isEmpty() && !watch.bestParameters().keySet().equals(network.parameters().keySet())) {
            throw new IllegalArgumentException(String.format(
                    "Trainer.resume: the state's best parameters are %s but the network %s has %s",
                    watch.bestParameters().keySet(), Arrays.toString(network.layerDims()), network.parameters().keySet()));
        }
        return run(network, X, Y, state.iteration(), state.costs(), rng, state.updateState(), XVal, YVal, watch);
    }

    /** Checks a resume's data and state; the generator at the state's position. */
    private NumpyRandom resumable(String op, Network network, Matrix X, Matrix Y, TrainingState state) {
        checkData(op, network, X, Y);
        checkBatchSize(op, X);
        if (state == null) {
            throw new IllegalArgumentException(op + ": state is null; pass the TrainingState of the run to continue, or call fit");
        }
        if (state.iteration() > settings.iterations()) {
            throw new IllegalArgumentException(String.format(
                    "%s: the state is at iteration %d but the settings stop at %d; iterations counts "
                            + "updates from the very start, so set iterations to %d or more",
                    op, state.iteration(), settings.iterations(), state.iteration()));
        }
        int expected = recordedBefore(state.iteration());
        if (state.costs().length != expected) {
            throw new IllegalArgumentException(String.format(
                    "%s: the state holds %d costs at iteration %d, but costEvery=%d records %d by then; "
                            + "resume with the costEvery of the run that made the state",
                    op, state.costs().length, state.iteration(), settings.costEvery(), expected));
        }
        NumpyRandom rng = new NumpyRandom(0);
        rng.setState(state.rng());
        return rng;
    }

    /** The number of costs recorded in iterations 0 .. i-1: those with index divisible by costEvery. */
    private int recordedBefore(int i) {
        return i == 0 ? 0 : (i - 1) / settings.costEvery() + 1;
    }

    private void checkBatchSize(String op, Matrix X) {
        if (settings.batchSize() > X.cols()) {
            throw new IllegalArgumentException(String.format(
                    "%s: batchSize is %d but X has only %d examples (X is %s); use a batch size from 1 to %d, or 0 for full batch",
                    op, settings.batchSize(), X.cols(), Shapes.shape(X), X.cols()));
        }
    }

    private static void checkData(String op, Network network, Matrix X, Matrix Y) {
        if (network == null || X == null || Y == null) {
            throw new IllegalArgumentException(op + ": network, X and Y must not be null");
        }
        int outputs = network.outputSize();
        if (outputs == 1 && Y.rows() == 1 && Y.cols() > 0 && Y.max() >= 2 && Y.max() == Math.rint(Y.max())) {
            throw new IllegalArgumentException(String.format(
                    "%s: Y holds class indices up to %d but the network %s has one (sigmoid) output unit for labels 0/1; "
                            + "for K classes end with K units, e.g. Network.of(%d, ..., %d)",
                    op, (int) Y.max(), Arrays.toString(network.layerDims()), network.inputSize(), (int) Y.max() + 1));
        }
        Dataset.validate(op, X, Y, network.classes());
        if (X.cols() == 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: X is %s and has no examples; training needs at least one example (one column of X per example)",
                    op, Shapes.shape(X)));
        }
        network.checkInput(op, X);
    }

    private TrainingResult run(Network network, Matrix X, Matrix Y, int start, double[] earlierCosts, NumpyRandom rng,
                               Map<String, Matrix> ruleState, Matrix XVal, Matrix YVal, TrainingState.EarlyStopping watch) {
        long startNanos = System.nanoTime();
        int total = settings.iterations();
        int costEvery = settings.costEvery();
        int m = X.cols();
        CostHistory costs = new CostHistory(earlierCosts, recordedBefore(total) - earlierCosts.length);
        Batches batches = new Batches(network, X, Y);
        UpdateRule.Run update = updateRule.start(network);
        if (ruleState != null) {
            update.restore(GramFirstLayer.part(ruleState, false));
        }
        boolean validating = XVal != null;
        GramFirstLayer gram = null;
        if (firstLayer(network, X, ruleState, total - start, validating) == FirstLayer.GRAM) {
            Propagation whole = batches.load(0); // full batch: the one pass on X itself
            // X as given, not the pass's fixed view: the Gram form reads X only for G and to build W[1], and a
            // fixed view would make Gemm keep packed copies of it (twice X's size) for those few products
            gram = new GramFirstLayer(network, X, updateRule, settings.l2(), update.state());
            if (ruleState != null && GramFirstLayer.holdsState(ruleState)) {
                gram.restore(GramFirstLayer.part(ruleState, true));
            }
            whole.carryFirstLayer(gram.carried());
        }
        TrainingEvent event = new TrainingEvent(settings, network, costs, rng, updateRule, update, startNanos);
        event.carryFirstLayer(gram);
        event.moveTo(start, Double.NaN);
        // with a validation set: its pass (no dropout, no L2 term), and the best parameters so far, allocated once
        Propagation validation = validating ? new Propagation(network, XVal, YVal, outputGradient, true, 0.0, 1.0) : null;
        Network best = validating && patience > 0 ? network.copy() : null;
        double bestCost = watch.bestCost(); // a resumed run continues the watch it was saved with
        int bestEpoch = watch.bestEpoch();
        if (best != null && !watch.bestParameters().isEmpty()) {
            setParameters(best, watch.bestParameters());
        }
        if (validating) {
            event.watchValidation(watch, best);
        }
        TrainingListener[] heard = listeners.toArray(new TrainingListener[0]); // indexed below: no iterator per iteration
        for (TrainingListener l : heard) {
            l.onStart(event);
        }
        boolean early = false;
        int i = start;
        while (i < total && !event.stopRequested()) {
            double learningRate = settings.decay().rateForEpoch(settings.learningRate(), i);
            batches.shuffle(i);
            // the cost only where it is recorded; divergence shows in Z[L] anyway (the cost from the logits
            // is finite for any finite Z[L])
            boolean recorded = i % costEvery == 0;
            boolean costed = recorded || validating;
            double cost = 0.0;
            int correct = 0;
            for (int k = 0; k < batches.count; k++) {
                Propagation pass = batches.load(k);
                pass.forward(rng);
                if (gram != null && costed && settings.l2() != 0) {
                    gram.materialize(); // the L2 term reads W[1]
                }
                double batchCost = costed ? pass.cost() : 0.0;
                if (validating) {
                    correct += pass.correct();
                }
                checkFinite(batchCost, pass.outputLogits(), i, learningRate);
                // full batch: J itself (bit-identical to the first course); mini-batches: Σ m_b·J_b / m
                cost += batches.full ? batchCost : batchCost * pass.examples();
                pass.backward();
                if (gram == null) {
                    update.update(pass.gradients(), learningRate);
                } else {
                    update.updateExceptW1(pass.gradients(), learningRate);
                    gram.step(pass.firstLayerDZ(), learningRate);
                }
            }
            if (costed && !batches.full) {
                cost = cost / m;
            }
            if (recorded) {
                costs.add(cost);
                event.moveTo(i, cost);
                for (int k = 0; k < heard.length; k++) {
                    heard[k].onCost(event);
                }
            }
            i++;
            event.moveTo(i, Double.NaN);
            for (int k = 0; k < heard.length; k++) {
                heard[k].onUpdate(event);
            }
            if (validating) {
                if (gram != null) {
                    gram.materialize();
                }
                validation.forward();
                double validationCost = validation.cost();
                if (validationCost < bestCost) {
                    bestCost = validationCost;
                    bestEpoch = i;
                    if (best != null) {
                        copyParameters(network, best);
                    }
                }
                event.epochEnded(cost, (double) correct / m, validationCost, (double) validation.correct() / YVal.cols(), bestEpoch,
                        bestCost);
                for (int k = 0; k < heard.length; k++) {
                    heard[k].onEpoch(event);
                }
                if (best != null && i - bestEpoch >= patience) {
                    copyParameters(best, network);
                    early = true;
                    // the network now holds the best epoch's W[1]: the Gram form's later one must not overwrite it
                    event.carryFirstLayer(null);
                    break;
                }
            }
        }
        boolean stopped = i < total || early;
        double[] recorded = costs.toArray();
        if (gram != null && !early) {
            gram.materialize(); // W[1], and momentum's vdW1 in the rule's state copied next
        }
        Map<String, Matrix> finalState = copy(update.state());
        if (gram != null && !early) {
            finalState.putAll(copy(gram.state()));
        }
        TrainingResult result = new TrainingResult(recorded, i, stopped, System.nanoTime() - startNanos, settings,
                new TrainingState(i, recorded, rng.state(), finalState, event.earlyStopping()));
        for (TrainingListener l : heard) {
            l.onEnd(result);
        }
        return result;
    }

    /**
     * The first layer's form of this run: a resumed run keeps the form its state was saved in (AUTO continues
     * in the Gram form when the state holds it); otherwise {@link FirstLayer#resolve}. A direct run's momentum
     * velocity cannot be written as the Gram form's coefficients, so such a state resumes directly.
     */
    private FirstLayer firstLayer(Network network, Matrix X, Map<String, Matrix> ruleState, int iterations, boolean validating) {
        FirstLayer asked = settings.firstLayer();
        boolean savedGram = ruleState != null && GramFirstLayer.holdsState(ruleState);
        Matrix velocity = ruleState == null || savedGram ? null : ruleState.get("vdW1");
        if (velocity != null && !Arrays.stream(velocity.data()).allMatch(v -> v == 0)) {
            if (asked == FirstLayer.GRAM) {
                throw new IllegalArgumentException("Trainer.resume: firstLayer is GRAM but the state was saved by a direct run "
                        + "with momentum, whose velocity vdW1 the Gram form cannot carry; resume with FirstLayer.DIRECT or AUTO");
            }
            return FirstLayer.DIRECT;
        }
        if (asked == FirstLayer.AUTO && savedGram && FirstLayer.whyNotGram(settings, updateRule) == null) {
            return FirstLayer.GRAM;
        }
        return FirstLayer.resolve(asked, settings, updateRule, X.rows(), network.layerDims()[1], X.cols(), iterations, validating);
    }

    private static void copyParameters(Network from, Network to) {
        for (int l = 1; l <= from.numLayers(); l++) {
            to.W(l).setTo(from.W(l));
            to.b(l).setTo(from.b(l));
        }
    }

    private static void setParameters(Network to, Map<String, Matrix> parameters) {
        for (int l = 1; l <= to.numLayers(); l++) {
            to.W(l).setTo(parameters.get("W" + l));
            to.b(l).setTo(parameters.get("b" + l));
        }
    }

    static Map<String, Matrix> copy(Map<String, Matrix> state) {
        Map<String, Matrix> c = new LinkedHashMap<>();
        state.forEach((k, v) -> c.put(k, v.copy()));
        return c;
    }

    /**
     * An epoch's mini-batches, the course's {@code random_mini_batches} order: a permutation of the m
     * examples, then full batches of batchSize columns, then a last partial batch of the rest. Two
     * passes, allocated once: one for the full batches, one for the partial batch (when m mod
     * batchSize is not 0). Full-batch training uses X itself, unshuffled.
     */
    private final class Batches {
        final boolean full;
        final int count;
        private final Matrix X;
        private final Matrix Y;
        private final int size;
        private final int[] order;
        private final NumpyRandom shuffler;
        private final Propagation whole;
        private final Propagation rest;

        Batches(Network network, Matrix X, Matrix Y) {
            this.X = X;
            full = settings.fullBatch();
            // batches are gathered from the targets (one-hot K x m for a softmax output), the passes' label buffers' shape
            this.Y = full ? Y : network.targets(Y);
            int m = X.cols();
            size = full ? m : settings.batchSize();
            count = (m + size - 1) / size;
            whole = new Propagation(network, full ? X : Matrix.zeros(X.rows(), size), full ? Y : Matrix.zeros(Y.rows(), size),
                    outputGradient, full, settings.l2(), settings.keepProb());
            int last = m % size;
            rest = last == 0 ? null : new Propagation(network, Matrix.zeros(X.rows(), last), Matrix.zeros(Y.rows(), last),
                    outputGradient, false, settings.l2(), settings.keepProb());
            order = full ? null : new int[m];
            shuffler = full ? null : new NumpyRandom(0);
        }

        /** Draws epoch e's order: {@code new NumpyRandom(shuffleSeed + e).permutation(m)}. */
        void shuffle(int epoch) {
            if (full) {
                return;
            }
            shuffler.seed(settings.shuffleSeed() + epoch);
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            shuffler.shuffle(order);
        }

        /** The pass of batch k with its examples copied into its input buffers. */
        Propagation load(int k) {
            if (full) {
                return whole;
            }
            Propagation pass = k * size + size <= order.length ? whole : rest;
            gather(X, pass.input(), k * size);
            gather(Y, pass.labels(), k * size);
            return pass;
        }

        private void gather(Matrix from, Matrix to, int first) {
            // examples are columns: each value read is its own cache line of X (bench/NOTES.md, Fashion-MNIST)
            dlbasics.matrix.MatrixOps.selectColumns(from, order, first, to);
        }
    }

    private static void checkFinite(double cost, Matrix ZL, int iteration, double learningRate) {
        if (!Double.isFinite(cost)) {
            throw new TrainingDivergedException("Cost", cost, iteration, learningRate);
        }
        int bad = ZL.firstNonFinite();
        if (bad >= 0) {
            throw new TrainingDivergedException("Output Z[L]", ZL.data()[bad], iteration, learningRate);
        }
    }

    /** Builds a {@link Trainer}; starts from the course's L-layer settings. */
    public static final class Builder {
        private double learningRate = 0.0075;
        private int iterations = 2500;
        private Initializer initializer = Initializer.SCALED_BY_FAN_IN;
        private long seed = 1;
        private int costEvery = 100;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private OutputGradient outputGradient = OutputGradient.A_MINUS_Y;
        private UpdateRule updateRule = new GradientDescent();
        private int batchSize = 0;
        private long shuffleSeed = 11;
        private double l2 = 0.0;
        private double keepProb = 1.0;
        private LearningRateDecay decay = LearningRateDecay.NONE;
        private int patience = 0;
        private FirstLayer firstLayer = FirstLayer.AUTO;

        private Builder() {
        }

        /** Copies every value of {@code s}. */
        public Builder settings(TrainingSettings s) {
            learningRate = s.learningRate();
            iterations = s.iterations();
            initializer = s.initializer();
            seed = s.seed();
            costEvery = s.costEvery();
            batchSize = s.batchSize();
            shuffleSeed = s.shuffleSeed();
            l2 = s.l2();
            keepProb = s.keepProb();
            decay = s.decay();
            firstLayer = s.firstLayer();
            return this;
        }

        /**
         * How the first layer's {@code W[1]·X} is computed (default {@link FirstLayer#AUTO}: the exact Gram form
         * when it is cheaper and the run is full-batch with gradient descent or momentum); GRAM with mini-batches,
         * RMSprop or Adam makes {@link #build()} throw IllegalArgumentException.
         */
        public Builder firstLayer(FirstLayer firstLayer) {
            this.firstLayer = firstLayer;
            return this;
        }

        /** The number of epochs (passes over the data); the same count as {@link #iterations}. */
        public Builder epochs(int epochs) {
            return iterations(epochs);
        }

        /** Examples per mini-batch, 1..m; 0 (the default) trains on all examples at once, unshuffled. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The shuffle seed of epoch 0; epoch e shuffles with seed + e (default 11, the optimization notebook's). */
        public Builder shuffleSeed(long shuffleSeed) {
            this.shuffleSeed = shuffleSeed;
            return this;
        }

        /** L2 weight decay λ (default 0): {@code J += λ/(2m)·Σ‖W‖²}, {@code dW += (λ/m)·W}. */
        public Builder l2(double lambda) {
            this.l2 = lambda;
            return this;
        }

        /** Inverted dropout on the hidden layers with this keep probability in (0, 1] (default 1: none). */
        public Builder keepProb(double keepProb) {
            this.keepProb = keepProb;
            return this;
        }

        /** Early stopping: epochs without a lower validation cost before stopping, 0 (default) never; needs a validation set. */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** The learning-rate schedule over the epochs (default {@link LearningRateDecay#NONE}). */
        public Builder decay(LearningRateDecay decay) {
            this.decay = decay;
            return this;
        }

        /** The step size α of {@code W -= α·dW} (default 0.0075). */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** The number of updates, counted from the very start of a run (default 2500). */
        public Builder iterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /** How {@link Trainer#fit} draws the initial weights (default SCALED_BY_FAN_IN). */
        public Builder initializer(Initializer initializer) {
            this.initializer = initializer;
            return this;
        }

        /** The seed of the numpy-compatible generator for the initial weights (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Record the cost every this many iterations, iteration 0 first (default 100). */
        public Builder costEvery(int costEvery) {
            this.costEvery = costEvery;
            return this;
        }

        /** How the backward pass starts at the output (default A_MINUS_Y, {@code dZ[L] = A[L] - Y}). */
        public Builder outputGradient(OutputGradient outputGradient) {
            this.outputGradient = outputGradient;
            return this;
        }

        /** How parameters move given their gradients (default {@link GradientDescent}). */
        public Builder updateRule(UpdateRule updateRule) {
            this.updateRule = updateRule;
            return this;
        }

        /** Adds a listener (any number; called in the order added). */
        public Builder listener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("Trainer.Builder.listener: the listener is null");
            }
            listeners.add(listener);
            return this;
        }

        /** The trainer; checks the settings (see {@link TrainingSettings}). */
        public Trainer build() {
            return new Trainer(new TrainingSettings(learningRate, iterations, initializer, seed, costEvery, batchSize, shuffleSeed,
                    l2, keepProb, decay, firstLayer), listeners, outputGradient, updateRule, patience);
        }
    }
}
