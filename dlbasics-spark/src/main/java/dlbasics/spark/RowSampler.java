package dlbasics.spark;

import java.io.Serializable;

/**
 * Which rows a sampled mini-batch step trains on, as a pure function of (seed, step, attempt, row):
 * no generator state, so neither partition scheduling nor a retried task can change the sample.
 * {@code row} is the row's index in the whole data set's order (partition offset + index in the
 * partition), so any partitioning of the same ordered rows samples the same rows.
 * <pre>
 * key(s, a)   = mix(mix(seed) + γ·(s·2³² + a + 1))        one SplitMix64 state per step and attempt
 * u(s, a, r)  = top 53 bits of mix(key(s, a) + γ·(r + 1)) / 2⁵³   uniform in [0, 1)
 * row r is in the sample  ⇔  u(s, a, r) &lt; fraction
 * </pre>
 * mix is SplitMix64's finalizer and γ its increment: row r's u is the (r+1)-th output of a SplitMix64
 * generator started at key(s, a).
 */
final class RowSampler implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final double fraction;

    /** Samples each row with probability {@code fraction}, in (0, 1]. */
    RowSampler(long seed, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalStateException("RowSampler: fraction " + fraction + " outside (0, 1]");
        }
        this.seed = seed;
        this.fraction = fraction;
    }

    /** The per-step key; pass it to {@link #keeps(long, long)} for every row of the step's attempt. */
    long key(long step, int attempt) {
        return mix(mix(seed) + GAMMA * ((step << 32) + attempt + 1));
    }

    /** Whether row {@code row} (its index in the whole data set) is in the sample of {@code key}'s step. */
    boolean keeps(long key, long row) {
        return (mix(key + GAMMA * (row + 1)) >>> 11) * 0x1.0p-53 < fraction;
    }

    /** SplitMix64's finalizer (Stafford's variant 13), a bijection of the 64-bit values. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
