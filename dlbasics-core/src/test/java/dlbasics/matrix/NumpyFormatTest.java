package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NumpyFormat} against {@code str(np.array(...))} of numpy 2.4 with default print options:
 * the golden strings are written by {@code numpy_format.py} into {@code numpy_format.txt} beside it.
 */
class NumpyFormatTest {

    static Stream<Arguments> numpyCases() {
        List<Arguments> cases = new ArrayList<>();
        dlbasics.NumpyCases.read("/dlbasics/matrix/numpy_format.txt")
                .forEach((name, c) -> cases.add(Arguments.of(name, c.value(), c.printed())));
        assertTrue(cases.size() >= 40, "the fixture holds all cases");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyCases")
    void printsLikeNumpy(String name, Matrix m, String expected) {
        assertEquals(expected, NumpyFormat.format(m), name);
        assertEquals(expected, m.toString(), name + " (toString)");
    }

    /** The step-by-step notebook prints W1 of initialize_parameters(3, 2, 1) under seed 1 so. */
    @Test
    void courseWeightsPrintAsInTheNotebook() {
        assertEquals("[[ 0.01624345 -0.00611756]]", Matrix.row(0.01624345, -0.00611756).toString());
        assertEquals("[[ 0.01624345 -0.00611756]]", Matrix.row(0.016243453636632417, -0.006117564136500754).toString());
    }

    @Test
    void everyLineFitsTheWidth() {
        Matrix m = Matrix.zeros(7, 40).map(x -> -1.23456789e-5);
        for (String line : m.toString().split("\n")) {
            assertTrue(line.length() <= 75, "line longer than 75: " + line);
        }
    }

    /** Shortest digits are those numpy's Dragon4 "unique" mode picks, where JDK 17's toString gives more. */
    @ParameterizedTest
    @ValueSource(doubles = {2e23, 7e22, 4.9473701e19, 1e23, Double.MIN_VALUE, 5.9e-323, 0.1, 0.3, 1.0 / 3, 123.456, 1e-7})
    void shortestDigitsRoundTripAndAreMinimal(double v) {
        BigDecimal d = NumpyFormat.shortest(v);
        assertEquals(v, d.doubleValue(), 0.0, "round trip of " + v);
        if (d.precision() > 1) {
            BigDecimal shorter = new BigDecimal(v).round(new java.math.MathContext(d.precision() - 1));
            assertTrue(shorter.doubleValue() != v, v + ": " + shorter + " also reads back, so " + d + " is not shortest");
        }
    }

    @Test
    void shortestDigitsOfKnownJdk17Cases() {
        assertEquals("2E+23", NumpyFormat.shortest(2e23).toString());
        assertEquals("5E-324", NumpyFormat.shortest(Double.MIN_VALUE).toString());
        assertEquals("0.1", NumpyFormat.shortest(0.1).toPlainString());
    }

    /** Random values over many magnitudes: shortest() reads back and agrees with the JDK when the JDK is short. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shortestDigitsAgreeWithRoundTripOverRandomValues(long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = 0; i < 2000; i++) {
            double v = Double.longBitsToDouble(rnd.nextLong() >>> 1);
            if (!Double.isFinite(v)) {
                continue;
            }
            BigDecimal d = NumpyFormat.shortest(v);
            assertEquals(v, d.doubleValue(), 0.0, "seed " + seed + ": " + v);
            BigDecimal jdk = new BigDecimal(Double.toString(v)).stripTrailingZeros();
            assertTrue(d.precision() <= jdk.precision(), "seed " + seed + ": " + d + " longer than the JDK's " + jdk);
        }
    }
}
