package dlbasics.model;

import dlbasics.matrix.Elementwise;

import java.util.Map;

/**
 * Adam, the course's {@code update_parameters_with_adam}: with t the number of updates including this
 * one (from 1), for each parameter p
 * <pre>
 * v[dp] = β1·v[dp] + (1 - β1)·dp              vCorrected = v[dp] / (1 - β1^t)
 * s[dp] = β2·s[dp] + (1 - β2)·dp²             sCorrected = s[dp] / (1 - β2^t)
 * p     = p - α·vCorrected / (√sCorrected + ε)
 * </pre>
 * The state is "vdW1", "sdW1", ... and "t" (1x1), all zero at the start ({@code initialize_adam}); t
 * counts updates over the whole run, across epochs. Same operations in the same order as
 * {@link dlbasics.course.OptimizationSteps#updateParametersWithAdam}, hence the same bits. Large
 * parameters are updated in ranges on several threads ({@link Elementwise}): each entry on its own, so
 * the bits do not depend on the thread count.
 *
 * @param beta1   β1 in [0, 1) (the course uses 0.9)
 * @param beta2   β2 in [0, 1) (the course uses 0.999)
 * @param epsilon ε, positive (the course uses 1e-8)
 */
public record Adam(double beta1, double beta2, double epsilon) implements UpdateRule {
    /** Checks β1, β2 and ε. */
    public Adam {
        StatefulRun.checkBeta("Adam", "beta1", beta1, "0.9");
        StatefulRun.checkBeta("Adam", "beta2", beta2, "0.999");
        StatefulRun.checkEpsilon("Adam", epsilon);
    }

    /** The course's β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public Adam() {
        this(0.9, 0.999, 1e-8);
    }

    @Override
    public Run start(Network network) {
        return new StatefulRun(network, true, true, true) {
            // the step of one update, read by the loop's ranges (set before each parameter's loop)
            private final Elementwise.Range step = this::step;
            private double[] p;
            private double[] first;
            private double[] second;
            private double[] g;
            private double rate;
            private double vBias;
            private double sBias;

            @Override
            public void update(Gradients gradients, double learningRate) {
                double[] count = t.data();
                count[0] = count[0] + 1;
                vBias = 1 - Math.pow(beta1, count[0]);
                sBias = 1 - Math.pow(beta2, count[0]);
                rate = learningRate;
                for (int k = 0; k < params.length; k++) {
                    p = params[k].data();
                    first = v[k].data();
                    second = s[k].data();
                    g = grad(gradients, k).data();
                    Elementwise.forEach(p.length, step);
                }
                p = first = second = g = null;
            }

            /** Entries from..to-1: every entry on its own, so the threads that run it do not change a bit. */
            private void step(int from, int to) {
                double[] p = this.p;
                double[] first = this.first;
                double[] second = this.second;
                double[] g = this.g;
                for (int i = from; i < to; i++) {
                    first[i] = first[i] * beta1 + g[i] * (1 - beta1);
                    double firstCorrected = first[i] / vBias;
                    second[i] = second[i] * beta2 + (g[i] * g[i]) * (1 - beta2);
                    double secondCorrected = second[i] / sBias;
                    p[i] = p[i] - (firstCorrected * rate) / (Math.sqrt(secondCorrected) + epsilon);
                }
            }
        };
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Map.of("beta1", beta1, "beta2", beta2, "epsilon", epsilon);
    }

    @Override
    public String toString() {
        return "Adam (β1=" + beta1 + ", β2=" + beta2 + ", ε=" + epsilon + ")";
    }
}
