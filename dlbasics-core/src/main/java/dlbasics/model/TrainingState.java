package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

import java.util.Collections;
import java.util.Map;

/**
 * Where a training run stands, beside its network's parameters: the number of iterations (updates)
 * done so far, the costs recorded so far (every {@code costEvery} iterations, iteration 0 first), and
 * the generator's state (it draws the dropout masks), the update rule's state by course name
 * (momentum's "vdW1", Adam's "vdW1", "sdW1" and "t"; empty for gradient descent), and, for a run with a
 * validation set, its {@link EarlyStopping} watch. With the parameters, this is everything a resumed run
 * needs to continue bit for bit as if it had never stopped.
 */
public record TrainingState(int iteration, double[] costs, NumpyRandom.State rng, Map<String, Matrix> updateState,
                            EarlyStopping earlyStopping) {
    /** A state of a rule without state (gradient descent), without a validation set. */
    public TrainingState(int iteration, double[] costs, NumpyRandom.State rng) {
        this(iteration, costs, rng, Map.of());
    }

    /** A state without a validation set. */
    public TrainingState(int iteration, double[] costs, NumpyRandom.State rng, Map<String, Matrix> updateState) {
        this(iteration, costs, rng, updateState, EarlyStopping.NONE);
    }

    /** Checks the values and copies the cost array, the update rule's state and the best parameters. */
    public TrainingState {
        if (iteration < 0) {
            throw new IllegalArgumentException("TrainingState: iteration is " + iteration + "; it counts updates done, 0 or more");
        }
        if (costs == null || rng == null) {
            throw new IllegalArgumentException("TrainingState: costs and rng must not be null");
        }
        costs = costs.clone();
        if (updateState == null) {
            throw new IllegalArgumentException("TrainingState: updateState is null; pass Map.of() for gradient descent");
        }
        updateState = Collections.unmodifiableMap(Trainer.copy(updateState));
        if (earlyStopping == null) {
            throw new IllegalArgumentException("TrainingState: earlyStopping is null; pass EarlyStopping.NONE for a run without a validation set");
        }
        if (earlyStopping.bestEpoch() > iteration) {
            throw new IllegalArgumentException(String.format(
                    "TrainingState: the best epoch is %d but only %d epochs are done", earlyStopping.bestEpoch(), iteration));
        }
    }

    /** A copy of the recorded costs. */
    @Override
    public double[] costs() {
        return costs.clone();
    }

    /**
     * What a run with a validation set has seen so far: the lowest validation cost, the epoch (from 1)
     * that reached it, and, when the run stops early (a patience above 0), that epoch's parameters by
     * course name ("W1", "b1", ...), restored when it stops. {@link #NONE} before the first epoch and
     * for runs without a validation set.
     *
     * @param bestCost       the lowest validation cost so far; +∞ before the first epoch
     * @param bestEpoch      the epoch of {@code bestCost}, 1 or more; -1 before the first epoch
     * @param bestParameters the parameters after {@code bestEpoch}; empty without early stopping
     */
    public record EarlyStopping(double bestCost, int bestEpoch, Map<String, Matrix> bestParameters) {
        /** Nothing seen yet: the watch of a run without a validation set, or before its first epoch. */
        public static final EarlyStopping NONE = new EarlyStopping(Double.POSITIVE_INFINITY, -1, Map.of());

        /** Checks the values and copies the parameters. */
        public EarlyStopping {
            if (bestEpoch < -1 || bestEpoch == 0 || (bestEpoch == -1) != (bestCost == Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(String.format(
                        "TrainingState.EarlyStopping: best epoch %d with best cost %s; the epoch counts from 1 and has a finite "
                                + "cost, or is -1 with +Infinity before the first epoch", bestEpoch, bestCost));
            }
            if (bestParameters == null) {
                throw new IllegalArgumentException("TrainingState.EarlyStopping: bestParameters is null; pass Map.of() without early stopping");
            }
            bestParameters = Collections.unmodifiableMap(Trainer.copy(bestParameters));
        }

        /** True once an epoch has been validated. */
        public boolean started() {
            return bestEpoch > 0;
        }
    }
}
