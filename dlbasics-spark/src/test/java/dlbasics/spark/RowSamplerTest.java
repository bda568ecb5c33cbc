package dlbasics.spark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sampled mini-batch rule: a fraction of the rows, a fresh sample per step and attempt, the same for the same seed. */
class RowSamplerTest {
    private static int count(RowSampler sampler, long key, int rows) {
        int n = 0;
        for (int r = 0; r < rows; r++) {
            n += sampler.keeps(key, r) ? 1 : 0;
        }
        return n;
    }

    @Test
    void eachStepSamplesAboutTheFractionOfTheRows() {
        int rows = 100_000;
        for (double f : new double[] {0.01, 0.1, 0.5, 0.9}) {
            RowSampler sampler = new RowSampler(11, f);
            for (int step = 0; step < 3; step++) {
                int n = count(sampler, sampler.key(step, 0), rows);
                double sd = Math.sqrt(rows * f * (1 - f));
                assertTrue(Math.abs(n - rows * f) < 5 * sd, "fraction " + f + " step " + step + ": " + n + " of " + rows);
            }
        }
        assertEquals(rows, count(new RowSampler(11, 1.0), new RowSampler(11, 1.0).key(4, 0), rows));
    }

    @Test
    void stepsAttemptsAndSeedsDrawDifferentSamplesAndTheSameKeysTheSameOnes() {
        RowSampler a = new RowSampler(11, 0.5);
        RowSampler b = new RowSampler(12, 0.5);
        long[] keys = {a.key(0, 0), a.key(1, 0), a.key(0, 1), b.key(0, 0), a.key(1L << 31, 0)};
        for (int i = 0; i < keys.length; i++) {
            for (int j = i + 1; j < keys.length; j++) {
                assertNotEquals(keys[i], keys[j], "keys " + i + " and " + j);
                int same = 0;
                for (int r = 0; r < 1000; r++) {
                    same += a.keeps(keys[i], r) == a.keeps(keys[j], r) ? 1 : 0;
                }
                assertTrue(same > 400 && same < 600, "samples " + i + " and " + j + " agree on " + same + " of 1000 rows");
            }
        }
        for (int r = 0; r < 1000; r++) {
            assertEquals(a.keeps(a.key(5, 2), r), new RowSampler(11, 0.5).keeps(new RowSampler(11, 0.5).key(5, 2), r));
        }
    }
}
