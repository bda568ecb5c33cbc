package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link TrainingListener} sees during a run. One event object serves the whole run and is
 * updated before each call (training allocates nothing per iteration): read it during the call; keep
 * {@link #state()} or {@link Network#copy()} of {@link #network()} if you need a snapshot.
 */
public final class TrainingEvent {
    private final TrainingSettings settings;
    private final Network network;
    private final CostHistory costs;
    private final NumpyRandom rng;
    private final UpdateRule.Run update;
    private final UpdateRule rule;
    private final long startNanos;
    private int iteration;
    private double cost = Double.NaN;
    private boolean stopRequested;
    private double trainCost = Double.NaN;
    private double trainAccuracy = Double.NaN;
    private double validationCost = Double.NaN;
    private double validationAccuracy = Double.NaN;
    private int bestEpoch = -1;
    private GramFirstLayer gram;
    private double bestCost = Double.POSITIVE_INFINITY;
    private boolean validating;
    private Network best;

    TrainingEvent(TrainingSettings settings, Network network, CostHistory costs, NumpyRandom rng, UpdateRule rule,
                  UpdateRule.Run update, long startNanos) {
        this.rule = rule;
        this.update = update;
        this.settings = settings;
        this.network = network;
        this.costs = costs;
        this.rng = rng;
        this.startNanos = startNanos;
    }

    /** The run's Gram form of the first layer (or null): {@link #network()} and {@link #state()} bring W[1] up to date first. */
    void carryFirstLayer(GramFirstLayer gram) {
        this.gram = gram;
    }

    /** Moves the event to {@code iteration} updates done; {@code cost} is NaN outside onCost. */
    void moveTo(int iteration, double cost) {
        this.iteration = iteration;
        this.cost = cost;
    }

    /** Sets the epoch's metrics before {@code onEpoch}. */
    void epochEnded(double trainCost, double trainAccuracy, double validationCost, double validationAccuracy, int bestEpoch,
                    double bestCost) {
        this.trainCost = trainCost;
        this.trainAccuracy = trainAccuracy;
        this.validationCost = validationCost;
        this.validationAccuracy = validationAccuracy;
        this.bestEpoch = bestEpoch;
        this.bestCost = bestCost;
    }

    /**
     * A run with a validation set: {@link #state()} carries its early-stopping watch, starting from
     * {@code watch}; {@code best} holds the best epoch's parameters (null without early stopping).
     */
    void watchValidation(TrainingState.EarlyStopping watch, Network best) {
        this.validating = true;
        this.bestEpoch = watch.bestEpoch();
        this.bestCost = watch.bestCost();
        this.best = best;
    }

    /** True when the run measures a validation set after every epoch (then {@code onEpoch} is called). */
    public boolean validating() {
        return validating;
    }

    /**
     * In {@code onEpoch}: the epoch's training cost, {@code Σ m_b·J_b / m} over its mini-batches as they
     * were trained (with dropout, before each batch's update; L2 term included); NaN elsewhere.
     */
    public double trainCost() {
        return trainCost;
    }

    /** In {@code onEpoch}: the share of training examples the batches' forward passes classified right, in [0, 1]. */
    public double trainAccuracy() {
        return trainAccuracy;
    }

    /** In {@code onEpoch}: the cross-entropy on the validation set after the epoch (no dropout, no L2 term); NaN without one. */
    public double validationCost() {
        return validationCost;
    }

    /** In {@code onEpoch}: the validation accuracy after the epoch, in [0, 1]; NaN without a validation set. */
    public double validationAccuracy() {
        return validationAccuracy;
    }

    /** In {@code onEpoch}: the epoch count (from 1) with the lowest validation cost so far; -1 without a validation set. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The updates done so far (in {@code onCost}: before this iteration's update). */
    public int iteration() {
        return iteration;
    }

    /** The cost J recorded at {@link #iteration()}; NaN outside {@code onCost}. */
    public double cost() {
        return cost;
    }

    /** The number of updates the run is set to reach, {@code settings().iterations()}. */
    public int totalIterations() {
        return settings.iterations();
    }

    /** Nanoseconds since this run (this fit or resume call) started. */
    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** The settings of the run. */
    public TrainingSettings settings() {
        return settings;
    }

    /** The update rule of the run (its state is in {@link #state()}). */
    public UpdateRule updateRule() {
        return rule;
    }

    /**
     * The network being trained, with its live parameters (do not change them during training). In the
     * Gram form of the first layer ({@link FirstLayer#GRAM}) this call brings W[1] up to date (one product
     * with X), so call it in the listener method that reads the parameters rather than keeping the network
     * from an earlier call.
     */
    public Network network() {
        if (gram != null) {
            gram.materialize();
        }
        return network;
    }

    /**
     * A snapshot of where the run stands: {@link #iteration()}, the costs recorded so far, the
     * generator's and the update rule's state and, with a validation set, the early-stopping watch
     * (take it in {@code onEpoch}, once the epoch is validated). With a copy of the parameters it is a
     * checkpoint that {@link Trainer#resume} continues bit for bit.
     */
    public TrainingState state() {
        if (gram == null) {
            return new TrainingState(iteration, costs.toArray(), rng.state(), update.state(), earlyStopping());
        }
        gram.materialize(); // momentum's vdW1 in the rule's state
        Map<String, Matrix> all = new LinkedHashMap<>(update.state());
        all.putAll(gram.state());
        return new TrainingState(iteration, costs.toArray(), rng.state(), all, earlyStopping());
    }

    /** The early-stopping watch as it stands (NONE without a validation set). */
    TrainingState.EarlyStopping earlyStopping() {
        if (!validating || bestEpoch < 0) {
            return TrainingState.EarlyStopping.NONE;
        }
        return new TrainingState.EarlyStopping(bestCost, bestEpoch, best == null ? java.util.Map.of() : best.parameters());
    }

    /** Ends training after the current iteration; the result then says {@code stopped() == true}. */
    public void requestStop() {
        stopRequested = true;
    }

    /** True once a listener has called {@link #requestStop()}. */
    public boolean stopRequested() {
        return stopRequested;
    }
}
