package dlbasics.model;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Full-batch training of a {@link Network}, the course's loop:
 * <pre>
 * for i = 0 .. iterations-1:
 *     forward:  Z[l] = W[l]·A[l-1] + b[l], A[l] = g(Z[l]) for l = 1..L   (A[0] = X)
 *     cost:     J = -(1/m) Σ [y log a + (1-y) log(1-a)], only when i % costEvery == 0 (it is recorded)
 *     backward: dZ[L] = A[L] - Y, then dW[l], db[l] for l = L down to 1 (no dA[0])
 *     update:   the update rule, W[l] -= learningRate·dW[l], b[l] -= learningRate·db[l] by default
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
 * }</pre>
 *
 * <p>{@link #fit} draws the initial weights from {@code new NumpyRandom(seed)} and trains the network
 * in place; {@link #resume} continues a run from a {@link TrainingState}. Runs are deterministic.
 * Buffers are allocated once per call and an iteration allocates nothing. The library never prints:
 * progress goes to {@link TrainingListener}s. A NaN or infinite output Z[L] (checked every iteration)
 * or recorded cost throws {@link TrainingDivergedException}. A trainer holds no run state and may be
 * reused.
 */
public final class Trainer {
    private final TrainingSettings settings;
    private final List<TrainingListener> listeners;
    private final OutputGradient outputGradient;
    private final UpdateRule updateRule;

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
        NumpyRandom rng = new NumpyRandom(settings.seed());
        network.initialize(settings.initializer(), rng);
        return run(network, X, Y, 0, new double[0], rng.state());
    }

    /** {@link #resume(Network, Matrix, Matrix, TrainingState)} on a data set's X and Y. */
    public TrainingResult resume(Network network, Dataset data, TrainingState state) {
        return resume(network, data.X(), data.Y(), state);
    }

    /**
     * Continues training from {@code state} (no new initial weights): iterations
     * {@code state.iteration()} up to {@code settings().iterations()}, appending to the recorded costs.
     * With the parameters and state of a run stopped at iteration k, the result equals the
     * uninterrupted run's bit for bit.
     *
     * @param network the network holding the parameters at {@code state.iteration()}
     * @param X       inputs, {@code n[0] x m}
     * @param Y       labels, {@code 1 x m}
     * @param state   where the earlier run stood (e.g. {@link TrainingResult#finalState()})
     */
    public TrainingResult resume(Network network, Matrix X, Matrix Y, TrainingState state) {
        checkData("Trainer.resume", network, X, Y);
        if (state == null) {
            throw new IllegalArgumentException("Trainer.resume: state is null; pass the TrainingState of the run to continue, or call fit");
        }
        if (state.iteration() > settings.iterations()) {
            throw new IllegalArgumentException(String.format(
                    "Trainer.resume: the state is at iteration %d but the settings stop at %d; iterations counts "
                            + "updates from the very start, so set iterations to %d or more",
                    state.iteration(), settings.iterations(), state.iteration()));
        }
        int expected = recordedBefore(state.iteration());
        if (state.costs().length != expected) {
            throw new IllegalArgumentException(String.format(
                    "Trainer.resume: the state holds %d costs at iteration %d, but costEvery=%d records %d by then; "
                            + "resume with the costEvery of the run that made the state",
                    state.costs().length, state.iteration(), settings.costEvery(), expected));
        }
        return run(network, X, Y, state.iteration(), state.costs(), state.rng());
    }

    /** The number of costs recorded in iterations 0 .. i-1: those with index divisible by costEvery. */
    private int recordedBefore(int i) {
        return i == 0 ? 0 : (i - 1) / settings.costEvery() + 1;
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

    private TrainingResult run(Network network, Matrix X, Matrix Y, int start, double[] earlierCosts, NumpyRandom.State rng) {
        long startNanos = System.nanoTime();
        int total = settings.iterations();
        int costEvery = settings.costEvery();
        double learningRate = settings.learningRate();
        CostHistory costs = new CostHistory(earlierCosts, recordedBefore(total) - earlierCosts.length);
        Propagation pass = new Propagation(network, X, Y, outputGradient);
        UpdateRule.Run update = updateRule.start(network);
        TrainingEvent event = new TrainingEvent(settings, network, costs, rng, startNanos);
        event.moveTo(start, Double.NaN);
        TrainingListener[] heard = listeners.toArray(new TrainingListener[0]); // indexed below: no iterator per iteration
        for (TrainingListener l : heard) {
            l.onStart(event);
        }
        int i = start;
        while (i < total && !event.stopRequested()) {
            pass.forward();
            // the cost only where it is recorded; divergence shows in Z[L] anyway (the cost from the logits
            // is finite for any finite Z[L])
            boolean recorded = i % costEvery == 0;
            double cost = recorded ? pass.cost() : 0.0;
            checkFinite(cost, pass.outputLogits(), i, learningRate);
            if (recorded) {
                costs.add(cost);
                event.moveTo(i, cost);
                for (int k = 0; k < heard.length; k++) {
                    heard[k].onCost(event);
                }
            }
            pass.backward();
            update.update(pass.gradients(), learningRate);
            i++;
            event.moveTo(i, Double.NaN);
            for (int k = 0; k < heard.length; k++) {
                heard[k].onUpdate(event);
            }
        }
        boolean stopped = i < total;
        double[] recorded = costs.toArray();
        TrainingResult result = new TrainingResult(recorded, i, stopped, System.nanoTime() - startNanos, settings,
                new TrainingState(i, recorded, rng));
        for (TrainingListener l : heard) {
            l.onEnd(result);
        }
        return result;
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

        private Builder() {
        }

        /** Copies all five values of {@code s}. */
        public Builder settings(TrainingSettings s) {
            learningRate = s.learningRate();
            iterations = s.iterations();
            initializer = s.initializer();
            seed = s.seed();
            costEvery = s.costEvery();
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
            return new Trainer(new TrainingSettings(learningRate, iterations, initializer, seed, costEvery), listeners, outputGradient,
                    updateRule);
        }
    }
}
