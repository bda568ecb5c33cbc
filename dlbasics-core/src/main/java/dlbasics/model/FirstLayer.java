package dlbasics.model;

/**
 * How the trainer computes the first layer's pre-activation {@code Z[1] = W[1]·X + b[1]} in full-batch
 * training.
 * <ul>
 *   <li>{@link #DIRECT}: the course's algorithm, {@code W[1]·X} every iteration and {@code dW[1] = (1/m)·dZ[1]·Xᵀ}
 *       for the update: two products with X ({@code 2·n[1]·n[0]·m} multiply-adds) per iteration.</li>
 *   <li>{@link #GRAM}: the exact Gram form. With {@code G = Xᵀ·X} ({@code m x m}, once) it carries
 *       {@code P = W[1]·X} and moves it as the update rule moves W[1], {@code P ← P − α·(dZ[1]·G)/m} for gradient
 *       descent ({@code n[1]·m²} per iteration); W[1] itself is {@code a·W[1](0) + C·Xᵀ}, built only when
 *       something reads it. Equal to DIRECT in exact arithmetic, a few ulps apart in floating point.</li>
 *   <li>{@link #AUTO} (the default): GRAM when it pays and applies, else DIRECT; see {@link #resolve}.</li>
 * </ul>
 * GRAM needs a full batch and an update rule linear in the gradient ({@link UpdateRule#linearInGradient()}:
 * gradient descent, momentum, with or without L2 and learning-rate decay). RMSprop and Adam divide each
 * weight's step by its own gradient history, which no product with X can carry, so they keep DIRECT.
 * Mini-batches keep DIRECT too: each batch's update would move P for all m examples ({@code n[1]·m_b·m}
 * per batch, as much per epoch as a full-batch iteration) and the next batch's columns would be gathered
 * from it; this form does not do that bookkeeping. Dropout acts after layer 1 and is fine.
 */
public enum FirstLayer {
    /** GRAM when {@link #resolve} finds it cheaper and applicable, else DIRECT. */
    AUTO,
    /** {@code W[1]·X} and {@code dZ[1]·Xᵀ} every iteration: the course's algorithm. */
    DIRECT,
    /** The carried pre-activation {@code P = W[1]·X}, updated through {@code G = Xᵀ·X}. */
    GRAM;

    /** The CLI's and JSON's name: "auto", "direct" or "gram". */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The form named "auto", "direct" or "gram" (any case). */
    public static FirstLayer parse(String name) {
        for (FirstLayer f : values()) {
            if (f.cliName().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("FirstLayer.parse: unknown first-layer form \"" + name
                + "\"; the forms are auto, direct and gram");
    }

    /**
     * Why GRAM cannot run with these settings and rule, or null when it can: it needs a full batch
     * and a rule linear in the gradient that it knows (gradient descent or momentum).
     */
    static String whyNotGram(TrainingSettings settings, UpdateRule rule) {
        if (!settings.fullBatch()) {
            return "the Gram form carries W[1]·X for all m examples, so it needs full-batch training (batchSize 0), "
                    + "but batchSize is " + settings.batchSize();
        }
        if (!rule.linearInGradient() || !(rule instanceof GradientDescent || rule instanceof Momentum)) {
            return "the Gram form needs an update rule linear in the gradient (gradient descent or momentum), but the rule is "
                    + rule + "; RMSprop and Adam scale each weight's step by its own history";
        }
        return null;
    }

    /**
     * The form a run takes: DIRECT and GRAM as asked (GRAM where it cannot run throws
     * IllegalArgumentException saying why); AUTO is GRAM when it can run, its multiply-adds per iteration
     * {@code n[1]·m²} (plus {@code n[1]·n[0]·m} to rebuild W[1] each epoch with a validation set, plus
     * {@code n[0]·m²} for G spread over the iterations) are at most 3/4 of DIRECT's {@code 2·n[1]·n[0]·m}
     * (without a validation set: m up to about 1.5·n[0]),
     * and G ({@code 8·m²} bytes) takes at most 1/8 of the maximum heap.
     *
     * @param nX         n[0], the inputs per example
     * @param n1         n[1], the first layer's units
     * @param m          the examples
     * @param iterations the iterations this run does
     * @param validating whether a validation set is measured every epoch
     */
    static FirstLayer resolve(FirstLayer asked, TrainingSettings settings, UpdateRule rule, long nX, long n1, long m,
                              long iterations, boolean validating) {
        String why = whyNotGram(settings, rule);
        if (asked == GRAM && why != null) {
            throw new IllegalArgumentException("Trainer: firstLayer is GRAM but " + why
                    + "; use FirstLayer.DIRECT or AUTO (--first-layer direct|auto)");
        }
        if (asked != AUTO) {
            return asked;
        }
        if (why != null || iterations == 0) {
            return DIRECT;
        }
        double direct = 2.0 * n1 * nX * m;
        double gram = (double) n1 * m * m + (validating ? (double) n1 * nX * m : 0) + (double) nX * m * m / iterations;
        boolean fits = 8.0 * m * m <= Runtime.getRuntime().maxMemory() / 8.0;
        return gram <= 0.75 * direct && fits ? GRAM : DIRECT;
    }
}
