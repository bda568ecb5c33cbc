package dlbasics.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first notebook, "Python Basics with Numpy": every function against the notebook's own numpy code
 * ({@code numpy_basics.py} writes {@code numpy_basics.txt} beside it). Each test checks the values to a
 * stated tolerance and that the result prints exactly as the notebook prints it.
 */
class NumpyBasicsTest {
    /** exp and sqrt of the JDK and of numpy may round differently by an ulp; results agree to this. */
    private static final double TOL = 1e-15;

    private record Expected(Matrix value, String printed) {
    }

    private static Map<String, Expected> expected;

    @BeforeAll
    static void load() {
        expected = new HashMap<>();
        dlbasics.NumpyCases.read("/dlbasics/basics/numpy_basics.txt")
                .forEach((name, c) -> expected.put(name, new Expected(c.value(), c.printed())));
    }

    private static void assertLikeNotebook(String name, Matrix got) {
        Expected e = expected.get(name);
        assertTrue(e != null, "no case " + name);
        assertTrue(got.hasShape(e.value.rows(), e.value.cols()), name + ": shape " + got.rows() + "x" + got.cols());
        assertTrue(got.approxEquals(e.value, TOL), name + ": expected\n" + e.value + "\ngot\n" + got);
        assertEquals(e.printed, got.toString(), name + " prints as the notebook");
    }

    @Test
    void basicSigmoidOfThree() {
        // notebook: basic_sigmoid(3) = 0.9525741268224334
        assertEquals(expected.get("basic_sigmoid_3").value.get(0, 0), NumpyBasics.sigmoid(3.0), TOL);
    }

    @Test
    void sigmoidOfOneTwoThree() {
        // notebook: sigmoid(np.array([1, 2, 3])) = [0.73105858 0.88079708 0.95257413]
        assertLikeNotebook("sigmoid_1_2_3", NumpyBasics.sigmoid(Matrix.row(1, 2, 3)));
    }

    @Test
    void sigmoidDerivativeOfOneTwoThree() {
        // notebook: sigmoid_derivative(x) = [0.19661193 0.10499359 0.04517666]
        assertLikeNotebook("sigmoid_derivative_1_2_3", NumpyBasics.sigmoidDerivative(Matrix.row(1, 2, 3)));
    }

    /** The notebook's 3x3x2 image, read back from the fixture (stored as 9 rows of depth 2). */
    private static double[][][] notebookImage() {
        Matrix flat = expected.get("image").value;
        double[][][] image = new double[3][3][2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    image[i][j][k] = flat.get(3 * i + j, k);
                }
            }
        }
        return image;
    }

    @Test
    void image2vectorOfTheNotebooksImage() {
        // notebook: image2vector(image) is an 18 x 1 column starting 0.67826139, 0.29380381, 0.90714982
        Matrix v = NumpyBasics.image2vector(notebookImage());
        assertLikeNotebook("image2vector", v);
        assertEquals(expected.get("image2vector").value, v, "a reshape moves values without changing a bit");
        Matrix flat = NumpyBasics.image2vector(3, 3, 2, expected.get("image").value.toArray());
        assertEquals(v, flat);
    }

    @Test
    void image2vectorAgreesWithFlattenExamplesForOneImage() {
        double[] values = new NumpyRandom(4).rand(5 * 4 * 3);
        Matrix a = NumpyBasics.image2vector(5, 4, 3, values);
        assertEquals(Matrix.flattenExamples(1, values), a);
    }

    @Test
    void normalizeRowsOfTheNotebooksMatrix() {
        // notebook: normalizeRows([[0, 3, 4], [1, 6, 4]]) = [[0. 0.6 0.8] [0.13736056 0.82416338 0.54944226]]
        assertLikeNotebook("normalize_rows", NumpyBasics.normalizeRows(Matrix.of(2, 3, 0, 3, 4, 1, 6, 4)));
    }

    @Test
    void softmaxOfTheNotebooksMatrix() {
        // notebook: softmax([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]) = [[9.80897665e-01 8.94462891e-04 ...
        assertLikeNotebook("softmax", NumpyBasics.softmax(Matrix.of(2, 5, 9, 2, 5, 0, 0, 7, 5, 0, 0, 0)));
    }

    @Test
    void l1AndL2OfTheNotebooksVectors() {
        double[] yhat = {.9, 0.2, 0.1, .4, .9};
        double[] y = {1, 0, 0, 1, 1};
        // notebook: L1 = 1.1, L2 = 0.43
        assertEquals(expected.get("L1").value.get(0, 0), NumpyBasics.l1(yhat, y), TOL);
        assertEquals(expected.get("L2").value.get(0, 0), NumpyBasics.l2(yhat, y), TOL);
        assertEquals(1.1, NumpyBasics.l1(Matrix.row(yhat), Matrix.row(y)), 1e-15);
        assertEquals(0.43, NumpyBasics.l2(Matrix.row(yhat), Matrix.row(y)), 1e-15);
        // any equal shape: the same five values as a column
        assertEquals(NumpyBasics.l2(yhat, y), NumpyBasics.l2(Matrix.column(yhat), Matrix.column(y)), 0.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42})
    void softmaxRowsSumToOneAndIgnoreAShift(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        // entries on a grid of 2^-20 and integer shifts, so x + c is exact and the shift must change nothing
        Matrix x = rng.randn(4, 7).times(5 * 1048576.0).map(Math::rint).divide(1048576.0);
        Matrix c = rng.randn(4, 1).times(100).map(Math::rint);
        Matrix s = NumpyBasics.softmax(x);
        Matrix sums = s.rowSums();
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, sums.get(i, 0), 1e-15, "seed " + seed + ", row " + i + " sums to 1");
        }
        assertEquals(s, NumpyBasics.softmax(x.plusColumn(c)), "seed " + seed + ": softmax(x + c) = softmax(x)");
        assertTrue(s.min() > 0, "seed " + seed);
        // an inexact shift: equal up to the rounding of x + c (relative 1e-12 while |x + c| stays below 1000)
        Matrix again = NumpyBasics.softmax(x.plusColumn(c.plus(0.1)));
        for (int i = 0; i < s.size(); i++) {
            assertEquals(s.data()[i], again.data()[i], 1e-12 * s.data()[i], "seed " + seed + ", entry " + i);
        }
    }

    @Test
    void softmaxDoesNotOverflowWhereTheNotebooksFormulaWould() {
        // the notebook's np.exp(1000) is inf and inf / inf is nan; shifted by the maximum it is exact
        Matrix s = NumpyBasics.softmax(Matrix.of(2, 2, 1000, 1000, 1e300, -1e300));
        assertEquals(Matrix.of(2, 2, 0.5, 0.5, 1, 0), s);
    }

    @Test
    void sigmoidIsFiniteForHugeInputs() {
        Matrix s = NumpyBasics.sigmoid(Matrix.row(-1e300, -800, 0, 800, 1e300));
        assertEquals(Matrix.row(0, Math.exp(-800) == 0 ? 0 : 1 / (1 + Math.exp(800)), 0.5, 1, 1), s);
        assertTrue(s.allFinite());
    }

    @Test
    void emptyInputsGiveEmptyResults() {
        assertEquals(0, NumpyBasics.softmax(Matrix.zeros(3, 0)).size());
        assertEquals(0, NumpyBasics.normalizeRows(Matrix.zeros(0, 4)).size());
        assertEquals(0.0, NumpyBasics.l1(new double[0], new double[0]), 0.0);
        assertTrue(NumpyBasics.image2vector(new double[0][][]).hasShape(0, 1));
    }

    @Test
    void badShapesAreNamed() {
        assertEquals("L1: yhat has 2 values but y has 3; pass one prediction per label",
                assertThrows(IllegalArgumentException.class,
                        () -> NumpyBasics.l1(new double[2], new double[3])).getMessage());
        assertEquals("L2: shapes differ; this is 1x5 but the other is 5x1; did you mean to transpose one of them?",
                assertThrows(IllegalArgumentException.class,
                        () -> NumpyBasics.l2(Matrix.zeros(1, 5), Matrix.zeros(5, 1))).getMessage());
        assertEquals("image2vector: image[1][0] has 1 values but image[0][0] has 2; the image must be a "
                        + "(length, height, depth) block",
                assertThrows(IllegalArgumentException.class,
                        () -> NumpyBasics.image2vector(new double[][][] {{{1, 2}}, {{3}}})).getMessage());
        assertEquals("image2vector: 5 values cannot be an image of shape (2, 2, 1), which holds 4; "
                        + "pass the image's length, height and depth",
                assertThrows(IllegalArgumentException.class,
                        () -> NumpyBasics.image2vector(2, 2, 1, new double[5])).getMessage());
    }
}
