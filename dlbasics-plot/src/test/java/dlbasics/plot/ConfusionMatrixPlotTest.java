package dlbasics.plot;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The confusion matrix picture and the image grid with K classes and grey images. */
class ConfusionMatrixPlotTest {
    @Test
    void cellsAreShadedByTheirShareOfTheRow() {
        long[][] c = {{8, 2, 0}, {0, 10, 0}, {5, 0, 5}};
        BufferedImage img = ConfusionMatrixPlot.render(c, List.of("a", "b", "c"), "test", 40);
        assertEquals(ConfusionMatrixPlot.LEFT + 3 * 40 + 20, img.getWidth());
        assertEquals(ConfusionMatrixPlot.TOP + 3 * 40 + 40, img.getHeight());
        // a corner pixel of each cell (away from the count's text)
        int x = ConfusionMatrixPlot.LEFT + 2;
        int y = ConfusionMatrixPlot.TOP + 2;
        assertEquals(Pictures.rgb(ConfusionMatrixPlot.shade(0.8)), img.getRGB(x, y) & 0xFFFFFF, "8 of 10");
        assertEquals(Pictures.rgb(ConfusionMatrixPlot.shade(1.0)), img.getRGB(x + 40, y + 40) & 0xFFFFFF, "10 of 10");
        assertEquals(Pictures.rgb(ConfusionMatrixPlot.shade(0.5)), img.getRGB(x, y + 80) & 0xFFFFFF, "5 of 10");
        assertEquals(0xFFFFFF, img.getRGB(x + 80, y) & 0xFFFFFF, "0 is white");
        assertEquals("ConfusionMatrixPlot: 3 rows, 2 class names and cells of 40 pixels; give a K x K matrix (K >= 2), one name "
                        + "per class and cells of 16 pixels or more",
                assertThrows(IllegalArgumentException.class, () -> ConfusionMatrixPlot.render(c, List.of("a", "b"), "", 40)).getMessage());
    }

    @Test
    void theImageGridDrawsGreyImagesOfKClasses() {
        // three 2x2 grey images: labels 0, 1, 2, predicted 0, 2, 2: only the second is wrong
        Matrix X = Matrix.of(4, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0); // image 1: a white top-left pixel, the rest black
        BufferedImage img = ImageGrid.mislabelled(X, Matrix.row(0, 2, 2), Matrix.row(0, 1, 2), List.of("a", "b", "c"), 2, 2, 5, 10);
        assertTrue(img != null && img.getWidth() == 160, "one cell of at least 150 + 10 pixels");
        BufferedImage one = ImageGrid.image(X, 1, 2, 2);
        assertEquals(0xFFFFFF, one.getRGB(0, 0) & 0xFFFFFF, "value 1 is white");
        assertEquals(0x000000, one.getRGB(1, 0) & 0xFFFFFF, "value 0 is black");
    }
}
