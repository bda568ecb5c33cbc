package dlbasics.course;

import dlbasics.NumpyCases;
import dlbasics.matrix.Matrix;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The golden values of one of the second course's fixtures ({@code XxxReference.txt} in test
 * resources, written by {@code XxxReference.py} beside it from {@code SecondCourse.py}), and the
 * comparisons the tests make: relative 1e-12 unless a test says otherwise.
 */
final class SecondCourseFixture {
    static final double TOLERANCE = 1e-12;

    private final String resource;
    private final Map<String, NumpyCases.Case> cases;

    private SecondCourseFixture(String resource) {
        this.resource = resource;
        this.cases = NumpyCases.read(resource);
    }

    /** {@code name} is the file name in dlbasics/course, e.g. "InitializationReference.txt". */
    static SecondCourseFixture load(String name) {
        return new SecondCourseFixture("/dlbasics/course/" + name);
    }

    /** The golden matrix {@code name}, a fresh copy. */
    Matrix get(String name) {
        NumpyCases.Case c = cases.get(name);
        assertNotNull(c, "no case " + name + " in " + resource + "; rerun the numpy script beside it");
        return c.value().copy();
    }

    double scalar(String name) {
        Matrix m = get(name);
        assertEquals(1, m.size(), name + " is not a scalar");
        return m.get(0, 0);
    }

    /** Every case named {@code prefix + key}, keyed by key, in file order (W1, b1, W2, ... as numpy wrote them). */
    Map<String, Matrix> map(String prefix) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        cases.forEach((name, c) -> {
            if (name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0) {
                out.put(name.substring(prefix.length()), c.value().copy());
            }
        });
        assertTrue(!out.isEmpty(), "no cases " + prefix + "* in " + resource);
        return out;
    }

    /** |actual - expected| <= tolerance · max(1, |expected|) entry by entry, shapes equal. */
    static void assertClose(Matrix expected, Matrix actual, double tolerance, String what) {
        assertNotNull(actual, what + " is missing");
        if (expected.rows() != actual.rows() || expected.cols() != actual.cols()) {
            fail(String.format("%s is %dx%d, numpy's %dx%d", what, actual.rows(), actual.cols(), expected.rows(), expected.cols()));
        }
        double[] e = expected.data();
        double[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            boolean same = e[i] == a[i] || Math.abs(a[i] - e[i]) <= tolerance * Math.max(1, Math.abs(e[i]));
            if (!same) {
                fail(String.format("%s[%d] is %s, numpy's %s (tolerance %.0e)%nnumpy %s%njava  %s",
                        what, i, a[i], e[i], tolerance, expected, actual));
            }
        }
    }

    static void assertClose(double expected, double actual, double tolerance, String what) {
        assertClose(Matrix.of(1, 1, expected), Matrix.of(1, 1, actual), tolerance, what);
    }

    /** The same keys in the same order, each matrix within tolerance. */
    static void assertSameMaps(Map<String, Matrix> expected, Map<String, Matrix> actual, double tolerance, String what) {
        assertEquals(expected.keySet().stream().toList(), actual.keySet().stream().toList(), what + ": keys");
        expected.forEach((k, v) -> assertClose(v, actual.get(k), tolerance, what + "." + k));
    }
}
