package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --validation-split SHARE [--patience N]}: per-epoch metrics in text and JSON, early stopping, errors. */
class TrainValidationTest {
    @Test
    void jsonCarriesEveryEpoch() {
        Cli.Result r = Cli.run("train", "--data", "moons", "--optimizer", "adam", "--lr", "0.01", "--batch-size", "50", "--epochs", "30",
                "--validation-split", "0.25", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        String json = r.out();
        assertTrue(json.contains("\"validation_examples\":50"), json);
        assertTrue(json.contains("\"train_examples\":150"), json);
        assertEquals(30, json.split("\"validation_accuracy\":").length - 1, "one row per epoch: " + json);
        assertTrue(json.contains("{\"epoch\":30,\"train_cost\":"), json);
        assertTrue(json.contains("\"stopped_early\":false"), json);
    }

    @Test
    void textHasOneLinePerRecordedEpochAndStopsEarly() {
        Cli.Result r = Cli.run("train", "--data", "moons", "--model", "deep", "--layers", "40,20", "--activation", "relu",
                "--optimizer", "adam", "--lr", "0.05", "--epochs", "3000", "--print-every", "1", "--validation-split", "0.85",
                "--patience", "20");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Epoch 1: cost "), r.out());
        assertTrue(r.out().contains(", validation accuracy "), r.out());
        assertTrue(r.out().contains("stopped early)"), r.out());
        assertTrue(!r.out().contains("Epoch 3000:"), "stopped before the last epoch");
    }

    @Test
    void theCostPlotShowsBothCurves(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path out = dir.resolve("run");
        Cli.Result r = Cli.run("train", "--data", "moons", "--epochs", "50", "--validation-split", "0.2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        var img = Cli.checkPng(out.resolve("cost.png"), 640, 440, 3);
        // matplotlib's first two colours (Charts.series(0) and (1)), blue for training, orange for validation
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.contains(0x1f77b4), "training curve colour");
        assertTrue(colours.contains(0xff7f0e), "validation curve colour");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--validation-split 1|--validation-split is 1.0; give the share of the training examples to hold out, above 0 and below 1 (e.g. 0.2)",
            "--validation-split 0.001|--validation-split 0.001 of 200 training examples leaves 0 for validation and 200 for training; both need at least one (e.g. 0.2)",
            "--patience 5|--patience needs --validation-split SHARE, the examples whose cost it watches"})
    void badValuesExit2(String options, String message) {
        String[] o = options.split(" ");
        Cli.Result r = Cli.run("train", "--data", "moons", "--epochs", "2", o[0], o[1]);
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("dlbasics train: " + message, r.err().lines().findFirst().orElse(""), r.toString());
    }
}
