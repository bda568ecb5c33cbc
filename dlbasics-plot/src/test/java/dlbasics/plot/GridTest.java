package dlbasics.plot;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridTest {
    @Test
    void panelsAreTiledRowByRowUnderTheTitle() {
        BufferedImage a = DecisionBoundary.render(P -> P.row(0).greaterThan(0), DecisionBoundaryTest.X, DecisionBoundaryTest.Y, "1: 50 %", 300, 240);
        BufferedImage b = DecisionBoundary.render(P -> P.row(1).greaterThan(0), DecisionBoundaryTest.X, DecisionBoundaryTest.Y, "2: 100 %", 300, 240);
        BufferedImage grid = Grid.tile(List.of(a, b, a), 2, "Hidden layer sizes");
        assertEquals(600, grid.getWidth());
        assertEquals(36 + 2 * 240, grid.getHeight());
        assertEquals(a.getRGB(100, 100), grid.getRGB(100, 136), "first panel top left");
        assertEquals(b.getRGB(100, 100), grid.getRGB(400, 136), "second panel top right");
        assertEquals(a.getRGB(100, 100), grid.getRGB(100, 376), "third panel on the second row");
        assertEquals(0xFFFFFF, grid.getRGB(400, 376) & 0xFFFFFF, "the missing fourth panel is white");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Grid.tile(List.of(a, new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)), 2, ""));
        assertEquals("Grid.tile: panels are 300x240 and 10x10; render every panel at the same size", e.getMessage());
    }

    @Test
    void mislabelledImagesOnlyAndTheirPixels() {
        // three 2x2 images: red, green, blue; the second is mislabelled
        Matrix X = Matrix.zeros(12, 3);
        for (int p = 0; p < 4; p++) {
            X.set(p * 3, 0, 1.0);
            X.set(p * 3 + 1, 1, 1.0);
            X.set(p * 3 + 2, 2, 1.0);
        }
        Matrix predictions = Matrix.row(1, 1, 0);
        Matrix Y = Matrix.row(1, 0, 0);
        BufferedImage img = ImageGrid.mislabelled(X, predictions, Y, List.of("non-cat", "cat"), 2, 2, 5, 10);
        assertEquals(160, img.getWidth(), "one cell");
        assertTrue(Pictures.colours(img).contains(0x00FF00), "the green (mislabelled) image is drawn");
        assertTrue(!Pictures.colours(img).contains(0xFF0000), "the red (right) image is not");
        assertTrue(Pictures.colours(img).size() > 3, "text is drawn as well");
        assertNull(ImageGrid.mislabelled(X, Y, Y, List.of("non-cat", "cat"), 2, 2, 5, 10), "nothing mislabelled, no picture");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.mislabelled(X, predictions, Y, List.of("a", "b"), 64, 64, 5, 10));
        assertEquals("ImageGrid.mislabelled: X is 12x3 but 64x64 images need 12288 rows (height·width·3, colour) or 4096 (height·width, grey), one image per column", e.getMessage());
    }
}
