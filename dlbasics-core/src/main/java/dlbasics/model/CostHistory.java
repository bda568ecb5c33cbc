package dlbasics.model;

import java.util.Arrays;

/**
 * The costs a run has recorded, in order, in an array that grows by doubling (so a run of two billion
 * iterations does not reserve its whole history up front, and recording stays allocation-free but
 * for a rare, amortised growth).
 */
final class CostHistory {
    private double[] values;
    private int size;

    /** Starts with the costs of an earlier run (copied), with room for {@code expectedMore} more. */
    CostHistory(double[] earlier, int expectedMore) {
        values = Arrays.copyOf(earlier, earlier.length + Math.max(16, Math.min(expectedMore, 4096)));
        size = earlier.length;
    }

    void add(double cost) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = cost;
    }

    int size() {
        return size;
    }

    /** A copy of the recorded costs. */
    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
