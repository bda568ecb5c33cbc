package dlbasics.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostCurveTest {
    // the course's L-layer costs at 0, 100, ..., 400 (REFERENCE.md)
    static final double[] COSTS = {0.771749, 0.672053, 0.648263, 0.611507, 0.567047};

    @TempDir
    Path dir;

    @Test
    void curveIsDrawnAtTheAskedSize() throws IOException {
        BufferedImage img = CostCurve.render(COSTS, 100, 0.0075, 640, 420);
        assertEquals(640, img.getWidth());
        assertEquals(420, img.getHeight());
        assertTrue(Pictures.inked(img) > 0.01, "not blank");
        assertTrue(Pictures.colours(img).contains(Pictures.rgb(Charts.series(0))), "the curve's blue is there");
        Path file = Png.write(img, dir.resolve("cost.png"));
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(640, back.getWidth(), "the PNG reads back");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void learningRateTitleAsTheCoursePrintsIt() {
        assertEquals("0.0075", LearningRates.format(0.0075));
        assertEquals("1.2", LearningRates.format(1.2));
        assertEquals("0.0001", LearningRates.format(1e-4));
        assertEquals("5", LearningRates.format(5.0));
    }

    @Test
    void oneCostStillDraws() {
        BufferedImage img = CostCurve.render(new double[] {0.69}, 100, 0.01, 300, 200);
        assertTrue(Pictures.colours(img).size() > 2);
    }

    @Test
    void badCostsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostCurve.render(new double[] {0.7, Double.NaN}, 100, 1.2, 300, 200));
        assertEquals("CostCurve: cost 1 (iteration 100) is NaN; a diverged run has no curve to draw — try a smaller learning rate", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CostCurve.render(new double[0], 100, 1.2, 300, 200));
        assertEquals("CostCurve: there are no costs to draw; train for at least one iteration with costEvery >= 1", e.getMessage());
    }

    @Test
    void learningRateComparisonHasOneColourPerRate() {
        Map<Double, double[]> runs = new LinkedHashMap<>();
        runs.put(0.01, new double[] {0.69, 0.5, 0.4, 0.35});
        runs.put(0.001, new double[] {0.69, 0.6, 0.55, 0.52});
        runs.put(0.0001, new double[] {0.69, 0.68, 0.67, 0.66});
        BufferedImage img = LearningRates.render(runs, 100, 640, 420);
        assertEquals(640, img.getWidth());
        assertEquals(420, img.getHeight());
        for (int k = 0; k < 3; k++) {
            assertTrue(Pictures.colours(img).contains(Pictures.rgb(Charts.series(k))), "line colour " + k);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LearningRates.render(Map.of(), 100, 640, 420));
        assertEquals("LearningRates: no runs to compare; give at least one learning rate with its costs", e.getMessage());
    }
}
