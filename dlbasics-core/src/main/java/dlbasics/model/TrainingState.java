package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

import java.util.Collections;
import java.util.Map;

/**
 * Where a training run stands, beside its network's parameters: the number of iterations (updates)
 * done so far, the costs recorded so far (every {@code costEvery} iterations, iteration 0 first), and
 * the generator's state (it draws the dropout masks), and the update rule's state by course name
 * (momentum's "vdW1", Adam's "vdW1", "sdW1" and "t"; empty for gradient descent). With the parameters, this is everything a resumed run needs to continue
 * bit for bit as if it had never stopped.
 */
public record TrainingState(int iteration, double[] costs, NumpyRandom.State rng, Map<String, Matrix> updateState) {
    /** A state of a rule without state (gradient descent). */
    public TrainingState(int iteration, double[] costs, NumpyRandom.State rng) {
        this(iteration, costs, rng, Map.of());
    }

    /** Checks the values and copies the cost array and the update rule's state. */
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
    }

    /** A copy of the recorded costs. */
    @Override
    public double[] costs() {
        return costs.clone();
    }
}
