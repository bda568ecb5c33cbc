package dlbasics.cli;

import java.math.BigDecimal;
import java.util.Locale;

/** How numbers are printed: costs as the course's {@code %f}, accuracies as percent, rates as typed. */
final class Format {
    private Format() {
    }

    /** "0.672053": the course's {@code "Cost after iteration %i: %f"}. */
    static String cost(double cost) {
        return String.format(Locale.ROOT, "%f", cost);
    }

    /** An accuracy in [0, 1] as percent with at most 4 decimals: 0.9075 gives "90.75 %". */
    static String percent(double share) {
        return new BigDecimal(share * 100).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + " %";
    }

    /** 0.0075 gives "0.0075", 1.2 gives "1.2". */
    static String rate(double learningRate) {
        return BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString();
    }

    /** Seconds with one decimal. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
