package dlbasics.model;

import dlbasics.matrix.Matrix;

import java.util.Map;

/**
 * How parameters move, given their gradients: the last step of the course's loop. A rule is a recipe
 * that a trainer may run many times; {@link #start} makes one run's {@link Run}, with any state it keeps
 * between iterations allocated there (momentum's {@code vdW1}, Adam's {@code vdW1} and {@code sdW1}), so
 * that an update allocates nothing. Today: {@link GradientDescent}.
 */
public interface UpdateRule {
    /** The update of one run on {@code network}, whose parameters it changes in place. */
    Run start(Network network);

    /** One run's update and its state. */
    interface Run {
        /** Moves every parameter of the network by its gradient; allocates nothing. */
        void update(Gradients gradients, double learningRate);

        /** The state kept between updates, by course name (e.g. "vdW1"); empty for plain gradient descent. */
        default Map<String, Matrix> state() {
            return Map.of();
        }
    }
}
