package dlbasics.course;

import dlbasics.matrix.Matrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The golden values of {@code DeepNetworkSteps.golden.txt}, written by {@code DeepNetworkStepsReference.py}
 * (beside it, in test resources) from the course's numpy functions: one matrix a line,
 * {@code <name> <rows> <cols> <values in C order>}; a line whose second field is not a number holds words.
 */
final class DeepNetworkGolden {
    private final Map<String, Matrix> matrices = new LinkedHashMap<>();
    private final Map<String, List<String>> words = new LinkedHashMap<>();

    private DeepNetworkGolden() {
    }

    static DeepNetworkGolden load() {
        DeepNetworkGolden g = new DeepNetworkGolden();
        try (InputStream in = DeepNetworkGolden.class.getResourceAsStream("DeepNetworkSteps.golden.txt")) {
            assertNotNull(in, "DeepNetworkSteps.golden.txt is missing; run DeepNetworkStepsReference.py");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" +");
                if (!f[1].matches("\\d+")) {
                    g.words.put(f[0], List.of(f).subList(1, f.length));
                    continue;
                }
                int rows = Integer.parseInt(f[1]);
                int cols = Integer.parseInt(f[2]);
                double[] v = new double[rows * cols];
                assertEquals(v.length, f.length - 3, "golden line " + f[0] + " has the wrong number of values");
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.parseDouble(f[3 + i]);
                }
                g.matrices.put(f[0], Matrix.wrap(rows, cols, v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    /** The golden matrix {@code name} (a fresh copy, so a test may change it). */
    Matrix get(String name) {
        Matrix m = matrices.get(name);
        assertNotNull(m, "no golden value " + name + " in DeepNetworkSteps.golden.txt");
        return m.copy();
    }

    /** The golden scalar {@code name} (a 1x1 matrix). */
    double scalar(String name) {
        Matrix m = get(name);
        assertEquals(1, m.size(), name + " is not a scalar");
        return m.get(0, 0);
    }

    /** The words of line {@code name}. */
    List<String> words(String name) {
        List<String> w = words.get(name);
        assertNotNull(w, "no golden line " + name + " in DeepNetworkSteps.golden.txt");
        return w;
    }

    /** W1, b1, ... stored under {@code prefix + "W1"}, ...: the parameters the reference used or produced. */
    Map<String, Matrix> parameters(String prefix, int layers) {
        Map<String, Matrix> p = new LinkedHashMap<>();
        for (int l = 1; l <= layers; l++) {
            p.put("W" + l, get(prefix + "W" + l));
            p.put("b" + l, get(prefix + "b" + l));
        }
        return p;
    }

    /**
     * Asserts equal shapes and every entry within {@code relTol} of numpy's, relative to
     * {@code max(1, |expected|)} (numpy's BLAS sums products in another order, so the last bits differ).
     */
    static void assertClose(Matrix expected, Matrix actual, double relTol, String what) {
        assertEquals(expected.rows() + "x" + expected.cols(), actual.rows() + "x" + actual.cols(), what + ": shape");
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.data()[i];
            double a = actual.data()[i];
            if (!(Math.abs(a - e) <= relTol * Math.max(1.0, Math.abs(e)))) {
                fail(String.format("%s: entry %d (row %d, col %d) is %s but numpy gives %s", what, i,
                        i / expected.cols(), i % expected.cols(), a, e));
            }
        }
        assertTrue(actual.allFinite(), what + " is not finite");
    }
}
