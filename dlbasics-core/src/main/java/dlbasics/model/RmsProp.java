package dlbasics.model;

import java.util.Map;

/**
 * RMSprop, as the course's lecture writes it: for each parameter p,
 * {@code s[dp] = β2·s[dp] + (1 - β2)·dp²}, then {@code p = p - α·dp / (√s[dp] + ε)}; the averages start at
 * zero and are the state "sdW1", "sdb1", .... Each parameter's step is scaled by its recent gradient size.
 *
 * @param beta2   β2 in [0, 1) (the course uses 0.999)
 * @param epsilon ε, positive, keeps the division finite (the course uses 1e-8)
 */
public record RmsProp(double beta2, double epsilon) implements UpdateRule {
    /** Checks β2 and ε. */
    public RmsProp {
        StatefulRun.checkBeta("RmsProp", "beta2", beta2, "0.999");
        StatefulRun.checkEpsilon("RmsProp", epsilon);
    }

    /** The course's β2 = 0.999, ε = 1e-8. */
    public RmsProp() {
        this(0.999, 1e-8);
    }

    @Override
    public Run start(Network network) {
        return new StatefulRun(network, false, true, false) {
            @Override
            public void update(Gradients gradients, double learningRate) {
                for (int k = 0; k < params.length; k++) {
                    double[] p = params[k].data();
                    double[] sq = s[k].data();
                    double[] g = grad(gradients, k).data();
                    for (int i = 0; i < p.length; i++) {
                        sq[i] = sq[i] * beta2 + (g[i] * g[i]) * (1 - beta2);
                        p[i] = p[i] - (g[i] * learningRate) / (Math.sqrt(sq[i]) + epsilon);
                    }
                }
            }
        };
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of("beta2", beta2, "epsilon", epsilon);
    }

    @Override
    public String toString() {
        return "RMSprop (β2=" + beta2 + ", ε=" + epsilon + ")";
    }
}
