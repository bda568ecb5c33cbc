package dlbasics.course;

import dlbasics.matrix.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden values written by a numpy script checked in beside them (OneHiddenLayerReference.py,
 * LogisticRegressionReference.py): lines {@code key v1 v2 ...} with repr floats, read back exactly.
 */
final class OneHiddenLayerReference {
    private final String resource;
    private final Map<String, double[]> values = new HashMap<>();

    private OneHiddenLayerReference(String resource) {
        this.resource = resource;
        try (InputStream in = OneHiddenLayerReference.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing; run the numpy script beside it");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                double[] v = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = Double.parseDouble(f[i].replace("inf", "Infinity"));
                }
                values.put(f[0], v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of OneHiddenLayerReference.txt (planar network, notebook 3). */
    static OneHiddenLayerReference planar() {
        return new OneHiddenLayerReference("OneHiddenLayerReference.txt");
    }

    /** The values of LogisticRegressionReference.txt (notebook 2's own test cases). */
    static OneHiddenLayerReference logisticRegression() {
        return new OneHiddenLayerReference("LogisticRegressionReference.txt");
    }

    double[] values(String key) {
        double[] v = values.get(key);
        assertNotNull(v, "no key " + key + " in " + resource);
        return v;
    }

    double value(String key) {
        double[] v = values(key);
        assertEquals(1, v.length, key + " holds " + v.length + " values");
        return v[0];
    }

    /** The key's values as a rows x cols matrix (numpy's C order). */
    Matrix matrix(String key, int rows, int cols) {
        return Matrix.of(rows, cols, values(key));
    }

    /** Asserts |actual - expected| <= relTol * |expected| + absTol for every entry, naming key and index. */
    static void assertClose(String what, double[] expected, double[] actual, double relTol, double absTol) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            assertTrue(err <= relTol * Math.abs(expected[i]) + absTol, String.format(
                    "%s[%d]: expected %s (numpy), got %s (error %.3g)", what, i, expected[i], actual[i], err));
        }
    }
}
