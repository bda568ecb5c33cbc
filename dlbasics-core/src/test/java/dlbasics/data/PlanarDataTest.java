package dlbasics.data;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flower against the course's {@code load_planar_dataset()} run by numpy (PlanarFlowerReference.py). */
class PlanarDataTest {

    /** The 400 lines "x0 x1 y" of PlanarFlower.txt. */
    static List<double[]> reference() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = PlanarDataTest.class.getResourceAsStream("PlanarFlower.txt")) {
            assertNotNull(in, "PlanarFlower.txt is missing; run PlanarFlowerReference.py beside it");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        return rows;
    }

    /**
     * All 800 coordinates of flower(1) within one ulp of numpy's, labels equal. Measured on OpenJDK 17
     * against numpy 2.4.6 on glibc: 799 are bit-equal; one (example 396, x1 = r cos t at t = 6.3253010394138)
     * is one ulp away, because the JDK's cos (Math.cos and StrictMath.cos alike) rounds 0.99911326363041691452…
     * up while glibc rounds it correctly down (the true value is 0.5005 ulp from the JDK's result).
     */
    @Test
    void flowerOfSeedOneIsTheCoursesPointsToOneUlp() throws IOException {
        Dataset flower = PlanarData.flower(1);
        List<double[]> ref = reference();
        assertEquals(400, ref.size());
        Matrix X = flower.X();
        int differ = 0;
        long worstUlps = 0;
        for (int j = 0; j < 400; j++) {
            for (int i = 0; i < 2; i++) {
                long ulps = Math.abs(Double.doubleToLongBits(X.get(i, j)) - Double.doubleToLongBits(ref.get(j)[i]));
                if (ulps != 0) {
                    differ++;
                    worstUlps = Math.max(worstUlps, ulps);
                }
                assertTrue(ulps <= 1, "X[" + i + "][" + j + "] is " + X.get(i, j) + ", numpy's " + ref.get(j)[i]);
            }
            assertEquals(ref.get(j)[2], flower.Y().get(0, j), "label of example " + j);
        }
        // Not a pass/fail threshold on its own: a guard that the one-ulp cases stay rare (measured: 1 of 800)
        assertTrue(differ <= 8, differ + " of 800 coordinates differ from numpy's (worst " + worstUlps + " ulps)");
    }
}
