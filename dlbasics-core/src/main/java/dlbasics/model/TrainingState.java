package dlbasics.model;

import dlbasics.random.NumpyRandom;

/**
 * Where a training run stands, beside its network's parameters: the number of iterations (updates)
 * done so far, the costs recorded so far (every {@code costEvery} iterations, iteration 0 first), and
 * the generator's state. With the parameters, this is everything a resumed run needs to continue
 * bit for bit as if it had never stopped.
 */
public record TrainingState(int iteration, double[] costs, NumpyRandom.State rng) {
    /** Checks the values and copies the cost array. */
    public TrainingState {
        if (iteration < 0) {
            throw new IllegalArgumentException("TrainingState: iteration is " + iteration + "; it counts updates done, 0 or more");
        }
        if (costs == null || rng == null) {
            throw new IllegalArgumentException("TrainingState: costs and rng must not be null");
        }
        costs = costs.clone();
    }

    /** A copy of the recorded costs. */
    @Override
    public double[] costs() {
        return costs.clone();
    }
}
