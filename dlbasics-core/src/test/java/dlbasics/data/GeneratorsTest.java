package dlbasics.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extra data sets of the planar notebook (load_extra_datasets) and the two added ones, checked
 * against generators.txt, which generators.py writes with numpy's RandomState following
 * scikit-learn's algorithms call for call. Labels must agree exactly (they prove the random draws are
 * consumed in sklearn's order); coordinates to 1e-12, which allows for cos/sin differing by an ulp
 * between Java and numpy.
 */
class GeneratorsTest {
    record Golden(String name, int m, long seed, double[] x, double[] y, double[] labels) {
        @Override
        public String toString() {
            return name + " m=" + m + " seed=" + seed;
        }
    }

    static List<Golden> golden() throws IOException {
        try (InputStream in = GeneratorsTest.class.getResourceAsStream("generators.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Golden> out = new ArrayList<>();
            for (int i = 0; i + 3 < lines.length; i += 4) {
                String[] h = lines[i].split(" ");
                out.add(new Golden(h[0], Integer.parseInt(h[1]), Long.parseLong(h[2]),
                        parse(lines[i + 1]), parse(lines[i + 2]), parse(lines[i + 3])));
            }
            return out;
        }
    }

    private static double[] parse(String line) {
        return Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    static Dataset make(String name, int m, long seed) {
        return switch (name) {
            case "circles" -> Circles.make(m, 0.5, 0.3, seed);
            case "moons" -> Moons.make(m, 0.2, seed);
            case "blobs" -> Blobs.make(m, 6, 1.0, seed);
            case "quantiles" -> GaussianQuantiles.make(m, 0.5, seed);
            case "no-structure" -> NoStructure.make(m, seed);
            case "spirals" -> Spirals.make(m, 0.2, seed);
            case "xor" -> Xor.make(m, 0.1, seed);
            default -> throw new IllegalStateException("unknown generator " + name);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void reproducesNumpyReference(Golden g) {
        Dataset d = make(g.name(), g.m(), g.seed());
        assertEquals(2, d.X().rows(), g + ": X has 2 rows");
        assertEquals(g.m(), d.size(), g + ": m");
        assertArrayEquals(g.labels(), d.Y().data(), g + ": labels");
        assertArrayEquals(g.x(), d.X().row(0).data(), 1e-12, g + ": first coordinate");
        assertArrayEquals(g.y(), d.X().row(1).data(), 1e-12, g + ": second coordinate");
    }

    @Test
    void courseDefaultsMakeTwoHundredPointsInBothClasses() {
        List<Dataset> sets = List.of(Circles.make(1), Moons.make(1), Blobs.make(Blobs.COURSE_SEED),
                GaussianQuantiles.make(1), NoStructure.make(1), Spirals.make(1), Xor.make(1));
        for (Dataset d : sets) {
            assertEquals(2, d.features());
            assertEquals(200, d.size());
            double ones = d.Y().sum();
            assertTrue(ones > 50 && ones < 150, "both classes present, got " + ones + " ones");
        }
        assertEquals(100, Circles.make(1).Y().sum(), "make_circles: half the points inner");
        assertEquals(100, GaussianQuantiles.make(1).Y().sum(), "quantiles: the outer half is class 1");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameSeedSamePointsOtherSeedOtherPoints(long seed) {
        for (String name : List.of("circles", "moons", "blobs", "quantiles", "no-structure", "spirals", "xor")) {
            Dataset a = make(name, 200, seed);
            Dataset b = make(name, 200, seed);
            Dataset c = make(name, 200, seed + 1);
            assertEquals(a.X(), b.X(), name + " seed " + seed + ": deterministic");
            assertFalse(a.X().equals(c.X()), name + " seed " + seed + ": another seed, other points");
        }
    }

    static long[] seeds() {
        return new long[] {0, 3, 1234};
    }

    @Test
    void quantilesSplitByDistance() {
        Dataset d = GaussianQuantiles.make(200, 0.5, 7);
        double maxInner = 0;
        double minOuter = Double.MAX_VALUE;
        for (int i = 0; i < d.size(); i++) {
            double r2 = d.X().get(0, i) * d.X().get(0, i) + d.X().get(1, i) * d.X().get(1, i);
            if (d.Y().get(0, i) == 0) {
                maxInner = Math.max(maxInner, r2);
            } else {
                minOuter = Math.min(minOuter, r2);
            }
        }
        assertTrue(maxInner < minOuter, "every class-0 point is nearer the centre than every class-1 point");
    }

    @Test
    void xorLabelsFollowTheSignsWithoutNoise() {
        Dataset d = Xor.make(100, 0.0, 9);
        for (int i = 0; i < d.size(); i++) {
            boolean differ = (d.X().get(0, i) > 0) != (d.X().get(1, i) > 0);
            assertEquals(differ ? 1.0 : 0.0, d.Y().get(0, i), "example " + i);
        }
    }

    @Test
    void badParametersAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Circles.make(200, 1.5, 0.3, 1));
        assertEquals("Circles.make: factor is 1.5; the inner circle's radius must lie in (0, 1), the course uses 0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Moons.make(200, -0.2, 1));
        assertEquals("Moons.make: noise is -0.2; it is a standard deviation, finite and 0 or more", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Xor.make(0, 0.1, 1));
        assertEquals("data generator: m is 0; ask for at least one example (the course uses 200)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blobs.make(200, 0, 1.0, 1));
        assertEquals("Blobs.make: centers is 0; ask for at least 1 (the course uses 6)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GaussianQuantiles.make(200, Double.NaN, 1));
        assertEquals("GaussianQuantiles.make: cov is NaN; the variance must be finite and above 0 (the course uses 0.5)", e.getMessage());
    }
}
