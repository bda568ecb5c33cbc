package dlbasics.model;

import dlbasics.random.NumpyRandom;

import java.util.List;

/**
 * The {@link Trainer}'s loop bookkeeping for a trainer whose gradients come from elsewhere (a Spark
 * cluster): the recorded costs, the listener calls in the Trainer's order, the divergence check, the
 * learning-rate decay and the update rule. An iteration is one update: the Trainer's full-batch epoch,
 * or one sampled mini-batch step, so the decay schedule counts updates. The caller computes each
 * iteration's gradients (and the cost when {@link #costDue()}):
 * <pre>{@code
 * TrainingRun run = new TrainingRun(trainer, network, rng.state());   // calls onStart
 * while (run.hasNext()) {
 *     double cost = ...;  Gradients g = ...;   // cost only if run.costDue(), else NaN
 *     run.step(cost, g);                       // onCost, the update, onUpdate
 * }
 * TrainingResult r = run.finish();             // onEnd
 * }</pre>
 */
public final class TrainingRun {
    private final TrainingSettings settings;
    private final TrainingListener[] heard;
    private final UpdateRule.Run update;
    private final CostHistory costs;
    private final TrainingEvent event;
    private final NumpyRandom rng;
    private final long startNanos = System.nanoTime();
    private int i;

    /**
     * Starts a run from iteration 0 with the trainer's settings, listeners and update rule on
     * {@code network} (already initialized); calls every listener's onStart.
     */
    public TrainingRun(Trainer trainer, Network network, NumpyRandom.State rng) {
        if (trainer == null || network == null || rng == null) {
            throw new IllegalArgumentException("TrainingRun: trainer, network and rng must not be null");
        }
        this.settings = trainer.settings();
        this.heard = trainer.listeners().toArray(new TrainingListener[0]);
        this.update = trainer.updateRule().start(network);
        this.rng = new NumpyRandom(0);
        this.rng.setState(rng);
        int total = settings.iterations();
        this.costs = new CostHistory(new double[0], total == 0 ? 0 : (total - 1) / settings.costEvery() + 1);
        this.event = new TrainingEvent(settings, network, costs, this.rng, trainer.updateRule(), update, startNanos);
        event.moveTo(0, Double.NaN);
        for (TrainingListener l : heard) {
            l.onStart(event);
        }
    }

    /** Whether another iteration is due: fewer than {@code iterations} done and no stop requested. */
    public boolean hasNext() {
        return i < settings.iterations() && !event.stopRequested();
    }

    /** The updates done so far. */
    public int iteration() {
        return i;
    }

    /** Whether this iteration records its cost ({@code iteration() % costEvery == 0}). */
    public boolean costDue() {
        return i % settings.costEvery() == 0;
    }

    /** The learning rate of this iteration: the settings' decay at {@link #iteration()}, as the Trainer's epoch. */
    public double learningRate() {
        return settings.decay().rateForEpoch(settings.learningRate(), i);
    }

    /**
     * One iteration after the caller's forward and backward pass: records {@code cost} and calls onCost
     * when {@link #costDue()}, updates the parameters by {@code gradients} (averaged over the examples
     * of the update) at {@link #learningRate()}, calls onUpdate.
     *
     * @param cost      J before this update; ignored unless {@link #costDue()}
     * @param gradients dW[l], db[l] averaged over the m examples
     * @param outputsFinite false when some output Z[L] was NaN or infinite
     * @throws TrainingDivergedException when the outputs or the recorded cost are not finite
     */
    public void step(double cost, Gradients gradients, boolean outputsFinite) {
        if (!hasNext()) {
            throw new IllegalStateException("TrainingRun.step: the run is over at iteration " + i + "; check hasNext() first");
        }
        double learningRate = learningRate();
        if (!outputsFinite) {
            throw new TrainingDivergedException("Output Z[L]", Double.NaN, i, learningRate);
        }
        if (costDue()) {
            if (!Double.isFinite(cost)) {
                throw new TrainingDivergedException("Cost", cost, i, learningRate);
            }
            costs.add(cost);
            event.moveTo(i, cost);
            for (TrainingListener l : heard) {
                l.onCost(event);
            }
        }
        update.update(gradients, learningRate);
        i++;
        event.moveTo(i, Double.NaN);
        for (TrainingListener l : heard) {
            l.onUpdate(event);
        }
    }

    /** Ends the run: the result as {@link Trainer#fit} returns it; calls every listener's onEnd. */
    public TrainingResult finish() {
        double[] recorded = costs.toArray();
        TrainingResult result = new TrainingResult(recorded, i, i < settings.iterations(), System.nanoTime() - startNanos,
                settings, new TrainingState(i, recorded, rng.state(), update.state()));
        for (TrainingListener l : heard) {
            l.onEnd(result);
        }
        return result;
    }
}
