package dlbasics.model;

/**
 * How the learning rate falls over the epochs, the optimization notebook's {@code update_lr} and
 * {@code schedule_lr_decay}. As in the notebook's {@code model}, the rate is set after each epoch from
 * the initial one: epoch 0 trains with α0 and epoch e ≥ 1 with {@code rate(α0, e - 1)}.
 *
 * @param kind     NONE, INVERSE_TIME or STEP
 * @param rate     the decay rate k, finite and 0 or more (the notebook uses 1 and 0.3)
 * @param interval STEP's interval in epochs, at least 1 (the notebook uses 1000); 1 for the others
 */
public record LearningRateDecay(Kind kind, double rate, int interval) {
    /** The shape of the schedule. */
    public enum Kind {
        /** The rate stays α0. */
        NONE,
        /** {@code α0 / (1 + k·epoch)}, the notebook's {@code update_lr}. */
        INVERSE_TIME,
        /** {@code α0 / (1 + k·floor(epoch / interval))}, the notebook's {@code schedule_lr_decay}. */
        STEP
    }

    /** No decay. */
    public static final LearningRateDecay NONE = new LearningRateDecay(Kind.NONE, 0, 1);

    /** Checks the values. */
    public LearningRateDecay {
        if (kind == null) {
            throw new IllegalArgumentException("LearningRateDecay: kind is null; use LearningRateDecay.NONE for a fixed rate");
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(String.format(
                    "LearningRateDecay: the decay rate is %s; it must be finite and 0 or more (the notebook uses 1 and 0.3)", rate));
        }
        if (interval < 1) {
            throw new IllegalArgumentException(String.format(
                    "LearningRateDecay: the interval is %d epochs; it must be at least 1 (the notebook uses 1000)", interval));
        }
    }

    /** {@code α0 / (1 + k·epoch)}. */
    public static LearningRateDecay inverseTime(double rate) {
        return new LearningRateDecay(Kind.INVERSE_TIME, rate, 1);
    }

    /** {@code α0 / (1 + k·floor(epoch / interval))}. */
    public static LearningRateDecay step(double rate, int interval) {
        return new LearningRateDecay(Kind.STEP, rate, interval);
    }

    /** The schedule's value at {@code epoch} (from 0), written as the notebook writes it. */
    public double learningRate(double learningRate0, int epoch) {
        return switch (kind) {
            case NONE -> learningRate0;
            case INVERSE_TIME -> 1 / (1 + rate * epoch) * learningRate0;
            case STEP -> 1 / (1 + rate * Math.floor((double) epoch / interval)) * learningRate0;
        };
    }

    /** The learning rate epoch {@code epoch} trains with: α0 for epoch 0, {@code learningRate(α0, epoch - 1)} after. */
    public double rateForEpoch(double learningRate0, int epoch) {
        return epoch == 0 || kind == Kind.NONE ? learningRate0 : learningRate(learningRate0, epoch - 1);
    }

    /**
     * Parses "none", "inverse:K" (or just "K") and "step:K:INTERVAL", e.g. "inverse:1", "step:0.3:1000".
     */
    public static LearningRateDecay parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.equals("none") || t.isEmpty()) {
                return NONE;
            }
            String[] p = t.split(":");
            if (p.length == 1) {
                return inverseTime(Double.parseDouble(p[0]));
            }
            if (p[0].equals("inverse") && p.length == 2) {
                return inverseTime(Double.parseDouble(p[1]));
            }
            if (p[0].equals("step") && p.length == 3) {
                return step(Double.parseDouble(p[1]), Integer.parseInt(p[2]));
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(String.format(
                "LearningRateDecay.parse: cannot read \"%s\"; write none, inverse:K (α0/(1+K·epoch)) or step:K:INTERVAL, "
                        + "e.g. inverse:1 or step:0.3:1000", text));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case INVERSE_TIME -> "inverse:" + rate;
            case STEP -> "step:" + rate + ":" + interval;
        };
    }
}
