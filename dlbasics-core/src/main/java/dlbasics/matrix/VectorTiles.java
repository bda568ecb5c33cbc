package dlbasics.matrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * What the Vector API kernels share: the one vector species they all use, and the 4x2 register tile of
 * {@code C = A · B} that both {@link VectorGemmKernel} (row tiles) and {@link VectorPackedKernel} (strips)
 * run.
 *
 * <p>One species, 256-bit, for every kernel, whatever the machine prefers: C2 reaches the JDK's
 * {@code DoubleVector.add} and {@code mul} through call sites shared by all their callers, and once two
 * vector classes have passed there it boxes the accumulators in every iteration (see bench/NOTES.md,
 * "Cross-shape runs in one JVM"). Vectors never cross a call: tiles take arrays and offsets.
 */
final class VectorTiles {
    /** The species of every kernel: 4 doubles. */
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** Doubles per vector. */
    static final int L = 4;
    /** Columns per tile: two vectors, one strip of a {@link PackedMatrix}. */
    static final int W = 2 * L;
    /**
     * Where a tile's accumulators start in a product's first block of p (pass it as {@code ci} with
     * {@code keep} 0): zeros, so C need not be cleared beforehand.
     */
    static final double[] ZERO = new double[W];

    private VectorTiles() {
    }

    /** True when the species is the machine's own size or smaller (256-bit vectors run natively). */
    static boolean usable() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize() && S.length() == L;
    }

    /**
     * The 4x2 tile: 8 columns of rows c0..c3 of cc (offsets of their first column) become
     * {@code start + Σ_{q < kc} A4[q][r] · Bs[q][0..7]}, q increasing, one multiply and one add per term;
     * {@code start} is read from {@code ci} at {@code c0·keep, ...}: {@code (ZERO, 0)} starts at zero,
     * {@code (cc, 1)} adds to what cc holds. The caller chooses, so the tile has no branch whose profile
     * could depend on the shapes run before (a branch C2 has never seen taken deoptimises the tile). A4 is 4 values per q from {@code ap[ao]},
     * the strip Bs 8 values per q from {@code bp[bo]}. Per q: 2 vector loads, 4 broadcasts, 8 multiplies,
     * 8 adds, 8 accumulators (more spill on C2).
     */
    static void tile4x2(double[] ap, int ao, double[] bp, int bo, double[] cc,
                        int c0, int c1, int c2, int c3, int kc, double[] ci, int keep) {
        DoubleVector s00 = DoubleVector.fromArray(S, ci, c0 * keep);
        DoubleVector s01 = DoubleVector.fromArray(S, ci, c0 * keep + L);
        DoubleVector s10 = DoubleVector.fromArray(S, ci, c1 * keep);
        DoubleVector s11 = DoubleVector.fromArray(S, ci, c1 * keep + L);
        DoubleVector s20 = DoubleVector.fromArray(S, ci, c2 * keep);
        DoubleVector s21 = DoubleVector.fromArray(S, ci, c2 * keep + L);
        DoubleVector s30 = DoubleVector.fromArray(S, ci, c3 * keep);
        DoubleVector s31 = DoubleVector.fromArray(S, ci, c3 * keep + L);
        for (int q = 0; q < kc; q++) {
            int bq = bo + q * W;
            int aq = ao + q * 4;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bq + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[aq]);
            s00 = s00.add(x.mul(b0));
            s01 = s01.add(x.mul(b1));
            x = DoubleVector.broadcast(S, ap[aq + 1]);
            s10 = s10.add(x.mul(b0));
            s11 = s11.add(x.mul(b1));
            x = DoubleVector.broadcast(S, ap[aq + 2]);
            s20 = s20.add(x.mul(b0));
            s21 = s21.add(x.mul(b1));
            x = DoubleVector.broadcast(S, ap[aq + 3]);
            s30 = s30.add(x.mul(b0));
            s31 = s31.add(x.mul(b1));
        }
        s00.intoArray(cc, c0);
        s01.intoArray(cc, c0 + L);
        s10.intoArray(cc, c1);
        s11.intoArray(cc, c1 + L);
        s20.intoArray(cc, c2);
        s21.intoArray(cc, c2 + L);
        s30.intoArray(cc, c3);
        s31.intoArray(cc, c3 + L);
    }
}
