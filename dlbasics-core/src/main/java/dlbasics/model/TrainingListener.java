package dlbasics.model;

/**
 * Watches a training run of {@link Trainer}: the library never prints, so progress bars, cost logs,
 * plots and checkpoints are listeners. Every method has an empty default; implement the ones you need.
 *
 * <p>The order for a run of n iterations: {@code onStart}, then for each iteration i:
 * {@code onCost} (only when {@code i % costEvery == 0}, before that iteration's update), the update,
 * {@code onUpdate} (after every update); finally {@code onEnd}. A listener may call
 * {@link TrainingEvent#requestStop()} to end the run after the current iteration.
 *
 * <p>The event object is reused from call to call (so that training allocates nothing per iteration):
 * read it during the call, and keep {@link TrainingEvent#state()} if you need a snapshot.
 */
public interface TrainingListener {
    /** Before the first iteration; {@code e.iteration()} is 0, or where a resumed run starts. */
    default void onStart(TrainingEvent e) {
    }

    /**
     * Each recorded cost (iterations 0, costEvery, 2·costEvery, ...), computed before that iteration's
     * update: {@code e.cost()} is J at {@code e.iteration()} updates done.
     */
    default void onCost(TrainingEvent e) {
    }

    /** After every update; {@code e.iteration()} counts the updates done. Called often: keep it cheap. */
    default void onUpdate(TrainingEvent e) {
    }

    /**
     * After every epoch of a run with a validation set (after its {@code onUpdate}; runs without one
     * compute no per-epoch metrics and skip this), with {@link TrainingEvent#trainCost()},
     * {@link TrainingEvent#trainAccuracy()}, {@link TrainingEvent#validationCost()} and
     * {@link TrainingEvent#validationAccuracy()}; {@code e.iteration()} is the number of epochs done.
     */
    default void onEpoch(TrainingEvent e) {
    }

    /** Once at the end, also when a listener stopped the run (not when training threw). */
    default void onEnd(TrainingResult r) {
    }
}
