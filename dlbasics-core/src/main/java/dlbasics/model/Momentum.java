package dlbasics.model;

import java.util.Map;

/**
 * Gradient descent with momentum, the course's {@code update_parameters_with_momentum}: for each
 * parameter p, {@code v[dp] = β·v[dp] + (1 - β)·dp}, then {@code p = p - α·v[dp]}; the velocities start
 * at zero ({@code initialize_velocity}) and are the state "vdW1", "vdb1", ....
 *
 * @param beta β in [0, 1) (the course uses 0.9; 0 is plain gradient descent)
 */
public record Momentum(double beta) implements UpdateRule {
    /** Checks β. */
    public Momentum {
        StatefulRun.checkBeta("Momentum", "beta", beta, "0.9");
    }

    /** The course's β = 0.9. */
    public Momentum() {
        this(0.9);
    }

    @Override
    public Run start(Network network) {
        return new StatefulRun(network, true, false, false) {
            @Override
            public void update(Gradients gradients, double learningRate) {
                update(gradients, learningRate, 0);
            }

            @Override
            public void updateExceptW1(Gradients gradients, double learningRate) {
                update(gradients, learningRate, 1); // parameter 0 is W1
            }

            private void update(Gradients gradients, double learningRate, int first) {
                for (int k = first; k < params.length; k++) {
                    double[] p = params[k].data();
                    double[] vel = v[k].data();
                    double[] g = grad(gradients, k).data();
                    for (int i = 0; i < p.length; i++) {
                        vel[i] = vel[i] * beta + g[i] * (1 - beta);
                        p[i] = p[i] - vel[i] * learningRate;
                    }
                }
            }
        };
    }

    /** True: the velocity is a linear combination of the gradients, and so is each step. */
    @Override
    public boolean linearInGradient() {
        return true;
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of("beta", beta);
    }

    @Override
    public String toString() {
        return "momentum (β=" + beta + ")";
    }
}
