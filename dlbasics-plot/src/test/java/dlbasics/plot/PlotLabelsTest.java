package dlbasics.plot;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, "Plots a user reads without the source": legends, axis names, titles, iterations on the x axis. */
class PlotLabelsTest {
    @Test
    void theLegendShowsADotOfEachClassInTheTopRightCorner() {
        BufferedImage plain = DecisionBoundary.render(P -> P.row(0).greaterThan(0), DecisionBoundaryTest.X, DecisionBoundaryTest.Y,
                "t", "age", "income", null, 400, 300);
        BufferedImage legend = DecisionBoundary.render(P -> P.row(0).greaterThan(0), DecisionBoundaryTest.X, DecisionBoundaryTest.Y,
                "t", "age", "income", List.of("red", "blue"), 400, 300);
        // the corner holds no data point (the range is padded by 1 around (±1, ±1))
        int x0 = 400 - DecisionBoundary.RIGHT - 110;
        int y0 = DecisionBoundary.TOP + 1;
        assertTrue(!Pictures.colours(plain, x0, y0, 100, 40).contains(Pictures.rgb(Palette.CLASS0)), "no class-0 dot there without a legend");
        var corner = Pictures.colours(legend, x0, y0, 100, 40);
        assertTrue(corner.contains(Pictures.rgb(Palette.CLASS0)) && corner.contains(Pictures.rgb(Palette.CLASS1)) && corner.contains(0xFFFFFF),
                "a white box with a dot of each class");
    }

    @Test
    void costCurvesCountIterationsWhateverTheRecordingInterval() {
        assertArrayEquals(new double[] {0, 7, 14}, CostCurve.iterations(3, 7));
        assertArrayEquals(new double[] {0, 100}, CostCurve.iterations(1, 100), "one cost still draws a line");
        BufferedImage img = CostCurve.render(new double[] {0.69, 0.5, 0.4, 0.35}, 7, 1.2, 400, 300);
        assertEquals(400, img.getWidth());
    }

    @Test
    void mislabelledGridsHaveATitleBandSayingHowManyAreShown() {
        // three 2x2 images, all mislabelled; show at most two
        Matrix X = Matrix.filled(12, 3, 0.5);
        Matrix Y = Matrix.row(0, 0, 0);
        Matrix wrong = Matrix.row(1, 1, 1);
        BufferedImage untitled = ImageGrid.mislabelled(X, wrong, Y, List.of("non-cat", "cat"), 2, 2, 5, 2);
        BufferedImage titled = ImageGrid.mislabelled(X, wrong, Y, List.of("non-cat", "cat"), 2, 2, 5, 2, "Mislabelled test images");
        assertEquals(untitled.getHeight() + ImageGrid.TITLE, titled.getHeight());
        assertEquals(untitled.getWidth(), titled.getWidth(), "two images shown, not three");
        assertTrue(Pictures.inked(titled.getSubimage(0, 0, titled.getWidth(), ImageGrid.TITLE)) > 0, "the band holds the title");
    }
}
