package dlbasics.model;

import dlbasics.matrix.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Signs that a run went wrong though it ended without error: labels of one class only, a cost that
 * rose, a cost that stopped falling far above zero. The library never prints: callers show the
 * {@link Warning}s (the CLI on stderr and in {@code --json}).
 *
 * <pre>
 * one_class  every label of Y is the same     a model that always says it scores 100 %
 * rising     a recorded cost above the one before it by more than 5 % and 0.01
 *            (gradient descent with a small enough rate never rises; smaller wobbles near a minimum are left alone)
 * stalled    the last cost above {@value #FAR_ABOVE_ZERO} and the second half of the recorded costs fell by
 *            less than {@value #STALL_PERCENT} % (a plateau, e.g. too few hidden units or too small a rate)
 * </pre>
 */
public final class TrainingHealth {
    /** A cost above this is far from the zero a separable set can reach. */
    public static final double FAR_ABOVE_ZERO = 0.1;
    /** A fall below this percentage over the second half of a run counts as stalled. */
    public static final double STALL_PERCENT = 1.0;

    /** One finding: {@code kind} is "one_class", "rising" or "stalled"; {@code message} says what and what to try. */
    public record Warning(String kind, String message) {
    }

    private TrainingHealth() {
    }

    /** A warning when Y ({@code 1 x m}) holds one class only, else null. */
    public static Warning oneClass(Matrix Y) {
        if (Y.cols() == 0) {
            return null;
        }
        double first = Y.get(0, 0);
        for (int j = 1; j < Y.cols(); j++) {
            if (Y.get(0, j) != first) {
                return null;
            }
        }
        return new Warning("one_class", String.format(Locale.ROOT,
                "every one of the %d training labels is %s, so the model learns to always answer %s and its accuracy means "
                        + "nothing; check the label column (and --label), or add examples of the other class",
                Y.cols(), (int) first, (int) first));
    }

    /**
     * Warnings about the recorded costs of a run.
     *
     * @param costs        recorded every {@code costEvery} iterations from iteration 0 (NaN-free: a
     *                     diverged run throws before this)
     * @param costEvery    iterations between two recorded costs
     * @param learningRate named in the hints
     */
    public static List<Warning> costs(double[] costs, int costEvery, double learningRate) {
        List<Warning> found = new ArrayList<>();
        int worst = -1;
        double worstRise = 0;
        int rises = 0;
        for (int k = 1; k < costs.length; k++) {
            double rise = costs[k] - costs[k - 1];
            if (rise > 0.05 * Math.abs(costs[k - 1]) && rise > 0.01) {
                rises++;
                if (rise > worstRise) {
                    worstRise = rise;
                    worst = k;
                }
            }
        }
        if (worst > 0) {
            found.add(new Warning("rising", String.format(Locale.ROOT,
                    "the cost rose %d time%s, most from %.6f at iteration %d to %.6f at iteration %d; gradient descent with a small "
                            + "enough learning rate never rises — try a smaller learning rate than %s",
                    rises, rises == 1 ? "" : "s", costs[worst - 1], (worst - 1) * costEvery, costs[worst], worst * costEvery,
                    rate(learningRate))));
        }
        if (costs.length >= 4) {
            double last = costs[costs.length - 1];
            int half = costs.length / 2;
            double mid = costs[half];
            double fell = 100 * (mid - last) / mid;
            if (last > FAR_ABOVE_ZERO && fell < STALL_PERCENT && worst < 0) {
                found.add(new Warning("stalled", String.format(Locale.ROOT,
                        "the cost stalled far above zero: %.6f at iteration %d, %.6f at iteration %d (%.2f %% lower); the model may be "
                                + "stuck on a plateau — try more hidden units, another learning rate than %s, or more iterations",
                        mid, half * costEvery, last, (costs.length - 1) * costEvery, fell, rate(learningRate))));
            }
        }
        return found;
    }

    private static String rate(double learningRate) {
        return java.math.BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString();
    }
}
