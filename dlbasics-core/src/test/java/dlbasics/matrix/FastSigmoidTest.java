package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our sigmoid against the naive formula with {@link StrictMath#exp} over seeded points, its special
 * values, and the array form against the scalar form bit for bit, also once the JIT has vectorised it.
 */
class FastSigmoidTest {
    /** Half the points normal(0, 8), half uniform over ±745 (where e^-z is near underflow or overflow). */
    private static double[] points(long seed, int count) {
        NumpyRandom rng = new NumpyRandom(seed);
        double[] z = new double[count];
        for (int i = 0; i < count; i++) {
            z[i] = i % 2 == 0 ? 8 * rng.nextGaussian() : 1490 * (rng.nextDouble() - 0.5);
        }
        return z;
    }

    private static double reference(double z) {
        return 1.0 / (1.0 + StrictMath.exp(-z));
    }

    /**
     * Within 4 ulps of 1 / (1 + StrictMath.exp(-z)), 99.5 % within 1 ulp. Where e^-z is near 2^53 and
     * above (z &lt; -36) the formula's {@code 1 + e^-z} rounds twice as coarsely as σ's ulp, so two
     * exps one ulp apart give σs up to 4 ulps apart; elsewhere the two agree within 2 ulps.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void closeToTheFormulaWithStrictMathExp(long seed) {
        double[] z = points(seed, 1_000_000);
        double[] a = new double[z.length];
        FastSigmoid.sigmoid(z, a, z.length);
        int beyondOne = 0;
        for (int i = 0; i < z.length; i++) {
            double expected = reference(z[i]);
            double ulps = Math.abs(a[i] - expected) / Math.ulp(expected);
            assertTrue(ulps <= (z[i] < -36 ? 4 : 2), "seed " + seed + ", z = " + z[i] + ": " + a[i] + " vs " + expected + " (" + ulps + " ulps)");
            if (ulps > 1) {
                beyondOne++;
            }
        }
        assertTrue(beyondOne < z.length / 200, "seed " + seed + ": " + beyondOne + " of " + z.length + " beyond 1 ulp");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 4})
    void arrayFormEqualsScalarFormBitForBit(long seed) {
        double[] z = points(seed, 4000);
        double[] expected = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            expected[i] = FastSigmoid.sigmoid(z[i]);
        }
        double[] a = new double[z.length];
        for (int round = 0; round < 2000; round++) {
            int n = z.length - round % 7;
            FastSigmoid.sigmoid(z, a, n);
            for (int i = 0; i < n; i++) {
                if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(expected[i])) {
                    assertEquals(expected[i], a[i], 0.0, "seed " + seed + ", round " + round + ", z = " + z[i]);
                }
            }
        }
    }

    @Test
    void specialValues() {
        assertEquals(0.5, FastSigmoid.sigmoid(0.0), 0.0);
        assertEquals(0.5, FastSigmoid.sigmoid(-0.0), 0.0);
        assertEquals(1.0, FastSigmoid.sigmoid(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, FastSigmoid.sigmoid(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1.0, FastSigmoid.sigmoid(40), 0.0);
        assertEquals(0.0, FastSigmoid.sigmoid(-710), 0.0, "e^710 overflows: 1 / (1 + inf) = 0, as the naive formula gives");
        assertEquals(reference(-709), FastSigmoid.sigmoid(-709), 2 * Math.ulp(reference(-709)));
        assertEquals(reference(-740), FastSigmoid.sigmoid(-740), 0.0, "the naive formula overflows at 709.78 too");
        assertEquals(reference(-30), FastSigmoid.sigmoid(-30), Math.ulp(reference(-30)));
        assertTrue(Double.isNaN(FastSigmoid.sigmoid(Double.NaN)));
    }
}
