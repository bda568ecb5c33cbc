package dlbasics.plot;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.model.Network;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionBoundaryTest {
    // four points at (±1, ±1): class 1 on the right
    static final Matrix X = Matrix.of(2, 4, -1, -1, 1, 1, -1, 1, -1, 1);
    static final Matrix Y = Matrix.row(0, 0, 1, 1);

    @Test
    void threeClassesGetThreeRegionsAndALegendOfThree() {
        // class 0 left of x1 = -0.5, class 2 right of x1 = 0.5, class 1 between; points of all three
        Matrix X3 = Matrix.of(2, 3, -1, 0, 1, 0, 0, 0);
        Matrix Y3 = Matrix.row(0, 1, 2);
        BufferedImage img = DecisionBoundary.render(P -> {
            Matrix c = Matrix.zeros(1, P.cols());
            for (int j = 0; j < P.cols(); j++) {
                c.set(0, j, P.get(0, j) < -0.5 ? 0 : P.get(0, j) > 0.5 ? 2 : 1);
            }
            return c;
        }, X3, Y3, "three", "x1", "x2", List.of("a", "b", "c"), 400, 300);
        int top = 300 - DecisionBoundary.BOTTOM - 6;
        assertEquals(Pictures.rgb(Palette.REGION0), img.getRGB(DecisionBoundary.LEFT + 5, top) & 0xFFFFFF);
        assertEquals(Pictures.rgb(Palette.REGION1), img.getRGB(DecisionBoundary.LEFT + (400 - DecisionBoundary.LEFT - DecisionBoundary.RIGHT) / 2, top) & 0xFFFFFF);
        assertEquals(Pictures.rgb(Palette.region(2)), img.getRGB(400 - DecisionBoundary.RIGHT - 6, top) & 0xFFFFFF);
        Set<Integer> all = Pictures.colours(img, 0, 0, 400, 300);
        assertTrue(all.contains(Pictures.rgb(Palette.point(2))), "the class-2 point (and its legend dot) is drawn");
        assertTrue(Palette.point(2).getRGB() != Palette.point(1).getRGB() && Palette.point(3).getRGB() != Palette.point(2).getRGB());
        assertEquals("DecisionBoundary: label 3.0 at column 2 is not a class index 0..2; with 3 classes the labels are one row of "
                        + "indices 0..2 (map your class names to indices first)",
                assertThrows(IllegalArgumentException.class, () -> DecisionBoundary.render(P -> Matrix.zeros(1, P.cols()), X3,
                        Matrix.row(0, 1, 3), "", "x1", "x2", List.of("a", "b", "c"), 400, 300)).getMessage());
    }

    @Test
    void regionsTakeThePredictedClassesColours() {
        // predicts 1 where x1 > 0
        BufferedImage img = DecisionBoundary.render(P -> P.row(0).greaterThan(0), X, Y, "x1 > 0", 400, 300);
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        int top = DecisionBoundary.TOP + 5;
        int left = DecisionBoundary.LEFT + 5;
        int right = 400 - DecisionBoundary.RIGHT - 6;
        assertEquals(Pictures.rgb(Palette.REGION0), img.getRGB(left, top) & 0xFFFFFF, "left of x1 = 0 is class 0");
        assertEquals(Pictures.rgb(Palette.REGION1), img.getRGB(right, top) & 0xFFFFFF, "right of x1 = 0 is class 1");
        Set<Integer> plot = Pictures.colours(img, DecisionBoundary.LEFT + 1, DecisionBoundary.TOP + 1,
                400 - DecisionBoundary.LEFT - DecisionBoundary.RIGHT - 2, 300 - DecisionBoundary.TOP - DecisionBoundary.BOTTOM - 2);
        assertTrue(plot.contains(Pictures.rgb(Palette.CLASS0)) && plot.contains(Pictures.rgb(Palette.CLASS1)), "points of both classes drawn");
    }

    @Test
    void oneClassEverywhereGivesOneRegionColour() {
        BufferedImage img = DecisionBoundary.render(P -> Matrix.zeros(1, P.cols()), X, Y, "", 300, 240);
        int top = DecisionBoundary.TOP + 2;
        int w = 300 - DecisionBoundary.LEFT - DecisionBoundary.RIGHT - 4;
        Set<Integer> band = Pictures.colours(img, DecisionBoundary.LEFT + 2, top, w, 3);
        assertEquals(Set.of(Pictures.rgb(Palette.REGION0)), band, "the top band, away from the points, is all class 0");
    }

    @Test
    void worksWithANetwork() {
        Network net = Network.of(2, 1);
        net.W(1).set(0, 0, 5.0);
        BufferedImage img = DecisionBoundary.render(net, new Dataset(X, Y), "logistic", 320, 240);
        assertTrue(Pictures.colours(img).containsAll(List.of(Pictures.rgb(Palette.REGION0), Pictures.rgb(Palette.REGION1))));
    }

    @Test
    void rangeIsTheCoursesMarginOfOne() {
        double[] r = DecisionBoundary.range(Matrix.row(-4, 4));
        assertEquals(-5, r[0]);
        assertEquals(5, r[1]);
        r = DecisionBoundary.range(Matrix.row(0, 1000));
        assertEquals(-50, r[0], "wide data: 5 % of the range");
    }

    @Test
    void onlyTwoDimensionalData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundary.render(P -> P, Matrix.zeros(3, 2), Matrix.row(0, 1), "", 300, 300));
        assertEquals("DecisionBoundary: X is 3x2; a decision boundary can be drawn for 2-D data only (X 2 x m) — examples go in columns, "
                + "did you mean X.transpose()?", e.getMessage());
    }
}
