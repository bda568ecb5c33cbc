package dlbasics.model;

import dlbasics.matrix.Matrix;

import java.util.Map;

/**
 * How parameters move, given their gradients: the last step of the course's loop. A rule is a recipe
 * that a trainer may run many times; {@link #start} makes one run's {@link Run}, with any state it keeps
 * between iterations allocated there (momentum's {@code vdW1}, Adam's {@code vdW1} and {@code sdW1}), so
 * that an update allocates nothing: {@link GradientDescent}, {@link Momentum}, {@link RmsProp}, {@link Adam}.
 */
public interface UpdateRule {
    /** The rule's name as the CLI and model files write it: "gd", "momentum", "rmsprop" or "adam". */
    default String name() {
        return "gd";
    }

    /** The rule's hyperparameters by name (e.g. "beta1" -&gt; 0.9), for model files; empty for gradient descent. */
    default Map<String, Double> hyperparameters() {
        return Map.of();
    }

    /**
     * The rule named {@code name} ("gd", "momentum", "rmsprop", "adam") with these hyperparameters
     * ({@link #hyperparameters()}; a missing one takes the course's value): how model files restore it.
     */
    static UpdateRule of(String name, Map<String, Double> hyperparameters) {
        java.util.function.BiFunction<String, Double, Double> get = (k, d) -> hyperparameters.getOrDefault(k, d);
        return switch (name) {
            case "gd" -> new GradientDescent();
            case "momentum" -> new Momentum(get.apply("beta", 0.9));
            case "rmsprop" -> new RmsProp(get.apply("beta2", 0.999), get.apply("epsilon", 1e-8));
            case "adam" -> new Adam(get.apply("beta1", 0.9), get.apply("beta2", 0.999), get.apply("epsilon", 1e-8));
            default -> throw new IllegalArgumentException("UpdateRule.of: unknown update rule \"" + name
                    + "\"; the rules are gd, momentum, rmsprop and adam");
        };
    }

    /**
     * Whether a step is linear in the gradient, so that it commutes with the product with X: the
     * trainer's Gram form of the first layer ({@link FirstLayer#GRAM}) needs it. True for
     * {@link GradientDescent} and {@link Momentum}; false (the default) for rules that divide by the
     * gradient's own history ({@link RmsProp}, {@link Adam}).
     */
    default boolean linearInGradient() {
        return false;
    }

    /** The update of one run on {@code network}, whose parameters it changes in place. */
    Run start(Network network);

    /** One run's update and its state. */
    interface Run {
        /** Moves every parameter of the network by its gradient; allocates nothing. */
        void update(Gradients gradients, double learningRate);

        /**
         * {@link #update} of every parameter but W[1] (and W[1]'s state), which the Gram form of the first
         * layer moves itself; rules that are not {@link #linearInGradient()} do not support it.
         */
        default void updateExceptW1(Gradients gradients, double learningRate) {
            throw new IllegalStateException("UpdateRule.Run.updateExceptW1: this rule cannot leave W1 out; "
                    + "the trainer uses the Gram form only with rules linear in the gradient");
        }

        /**
         * The live state kept between updates, by course name ("vdW1", "sdW1", ...; Adam's step count as
         * the 1x1 matrix "t"); empty for plain gradient descent. Copy it for a snapshot.
         */
        default Map<String, Matrix> state() {
            return Map.of();
        }

        /** Sets the state to a copy of {@code state} (from {@link #state()} of an earlier run), for resuming. */
        default void restore(Map<String, Matrix> state) {
            if (!state.isEmpty()) {
                throw new IllegalArgumentException("UpdateRule.restore: this rule keeps no state but was given "
                        + state.keySet() + "; resume with the update rule of the run that saved it");
            }
        }
    }
}
