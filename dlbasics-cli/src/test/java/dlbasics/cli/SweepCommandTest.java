package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void hiddenSizesGiveATableAndAGridOfBoundaries() throws IOException {
        Cli.Result r = Cli.run("sweep", "--data", "flower", "--hidden-sizes", "1,3", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.toString());
        // planar notebook, hidden-size sweep with 5000 iterations: 1 -> 67.5 %, 3 -> 90.75 %
        assertTrue(r.out().contains("Hidden layer sizes [1, 3] for shallow [2, 4, 1] tanh, learning rate 1.2, 5000 iterations, seed 2\n"), r.out());
        assertTrue(r.out().matches("(?s).*\\n       1          67\\.5 %               -    0\\.\\d{6} .*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n       3         90\\.75 %               -    0\\.\\d{6} .*"), r.out());
        BufferedImage grid = Cli.checkPng(dir.resolve("sweep.png"), 2 * 420, 36 + 360, 6);
        assertTrue(Cli.count(grid, TrainCommandTest.REGION0) > 5000 && Cli.count(grid, TrainCommandTest.REGION1) > 5000);
    }

    @Test
    void learningRatesGiveOneCurveEach() throws IOException {
        Cli.Result r = Cli.run("sweep", "--data", "moons", "--model", "logistic", "--learning-rates", "1,0.1,0.01",
                "--iterations", "500", "--print-every", "50", "--out", dir.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("{\"data\":\"moons (200 examples, 2 features)\",\"runs\":[{\"layer_sizes\":[2,1],\"learning_rate\":1.0,"), r.out());
        Cli.checkPng(dir.resolve("learning_rates.png"), 700, 460, 5);
    }

    @Test
    void csvDataGetsCostCurvePanels() throws IOException {
        Path csv = dir.resolve("d.csv");
        StringBuilder sb = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(',').append(i % 4).append(',').append(i % 7).append(',').append(i > 14 ? 1 : 0).append('\n');
        }
        java.nio.file.Files.writeString(csv, sb.toString());
        Cli.Result r = Cli.run("sweep", "--data", csv.toString(), "--standardize", "--hidden-sizes", "2", "--iterations", "200",
                "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.toString());
        Cli.checkPng(dir.resolve("sweep.png"), 420, 36 + 360, 3);
    }

    @Test
    void badValuesAreUsageErrors() {
        Cli.Result r = Cli.run("sweep", "--model", "logistic");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics sweep: logistic regression has no hidden layer to sweep"), r.err());
        r = Cli.run("sweep", "--hidden-sizes", "1,x");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics sweep: Invalid value for option '--hidden-sizes'"), r.err());
        r = Cli.run("sweep", "--learning-rates", "0.1,-1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics sweep: --learning-rates holds -1.0; every rate must be above 0"), r.err());
    }
}
