package dlbasics.model;

/**
 * What a {@link Trainer} run returns (the trained parameters are in the network itself).
 *
 * @param costs        the recorded costs, every {@code settings.costEvery()} iterations from iteration 0
 *                     (before that iteration's update), including those recorded before a resume
 * @param iterations   the updates done in total (for a resumed run, counted from the very start)
 * @param stopped      true when a listener's {@link TrainingEvent#requestStop()} ended the run before
 *                     {@code settings.iterations()} updates
 * @param elapsedNanos wall-clock time of this call (not of earlier runs it resumed)
 * @param settings     the settings of the run
 * @param finalState   where the run ended: iteration, costs and generator state, to resume from
 */
public record TrainingResult(double[] costs, int iterations, boolean stopped, long elapsedNanos,
                             TrainingSettings settings, TrainingState finalState) {
    /** Checks and copies. */
    public TrainingResult {
        if (costs == null || settings == null || finalState == null) {
            throw new IllegalArgumentException("TrainingResult: costs, settings and finalState must not be null");
        }
        costs = costs.clone();
    }

    /** A copy of the recorded costs. */
    @Override
    public double[] costs() {
        return costs.clone();
    }

    /** The last recorded cost (at iteration 2400 for the course's 2500-iteration run), or NaN when none was recorded. */
    public double finalCost() {
        return costs.length == 0 ? Double.NaN : costs[costs.length - 1];
    }
}
