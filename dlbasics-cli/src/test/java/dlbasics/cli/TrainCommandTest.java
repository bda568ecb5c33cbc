package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TrainCommandTest {
    // the planar notebook's region colours (Spectral ends, lightened): see dlbasics.plot.Palette
    static final int REGION0 = 0xd38daa;
    static final int REGION1 = 0xb7b0d5;

    @TempDir
    Path dir;

    @Test
    void flowerPrintsTheCoursesCostsAndSavesModelAndPictures() throws IOException {
        Path out = dir.resolve("flower");
        Cli.Result r = Cli.run("train", "--data", "flower", "--iterations", "2000", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        // planar notebook, nn_model(X, Y, n_h=4, num_iterations=10000, print_cost=True): first costs
        assertTrue(r.out().contains("Model: shallow [2, 4, 1] tanh, learning rate 1.2, 2000 iterations, seed 2\n"), r.out());
        assertTrue(r.out().contains("Cost after iteration 0: 0.693048\nCost after iteration 1000: 0.288083\n"), r.out());
        assertTrue(r.out().contains("Train accuracy: "), r.out());
        assertEquals("", r.err());
        assertTrue(Files.size(out.resolve("model.safetensors")) > 100);
        Cli.checkPng(out.resolve("cost.png"), 640, 440, 3);
        BufferedImage boundary = Cli.checkPng(out.resolve("decision_boundary.png"), 640, 520, 4);
        assertTrue(Cli.count(boundary, REGION0) > 10_000 && Cli.count(boundary, REGION1) > 10_000,
                "both predicted regions fill a good part of the picture");
    }

    @Test
    void jsonSummaryIsOneObject() {
        Cli.Result r = Cli.run("train", "--data", "moons", "--model", "logistic", "--iterations", "300", "--print-every", "100", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        String json = r.out().trim();
        assertTrue(json.startsWith("{\"data\":\"moons (200 examples, 2 features)\",\"model\":\"logistic\",\"layer_sizes\":[2,1]"), json);
        assertFalse(json.contains("\n"), "one line");
        assertTrue(json.contains("\"costs\":[0.69314718055994"), "cost at iteration 0 of zero weights is ln 2: " + json);
        assertTrue(json.contains("\"parameters\":3"), json);
        assertTrue(json.contains("\"test_accuracy\":null"), json);
    }

    @Test
    void csvWithLabelColumnStandardisationAndTestSplit() throws IOException {
        Path csv = dir.resolve("points.csv");
        StringBuilder sb = new StringBuilder("label,a,b\n");
        for (int i = 0; i < 40; i++) {
            double a = i * 10.0;
            sb.append(a > 200 ? 1 : 0).append(',').append(a).append(',').append(i % 3).append('\n');
        }
        Files.writeString(csv, sb.toString());
        Path out = dir.resolve("csv");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--label", "label", "--standardize", "--test-split", "0.25",
                "--model", "logistic", "--iterations", "500", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Data: points.csv (40 examples, 2 features), 30 train / 10 test, standardised\n"), r.out());
        assertTrue(r.out().contains("Test accuracy: "), r.out());
        // the saved model takes raw values: evaluate it on the raw file
        Cli.Result e = Cli.run("evaluate", out.toString(), "--data", csv.toString(), "--label", "label");
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(e.out().contains("accuracy   "), e.out());
    }

    @Test
    void catTrainsAndDrawsTheMislabelledImages() throws IOException {
        Path train = Cli.datasets().resolve("train_catvnoncat.h5");
        Path test = Cli.datasets().resolve("test_catvnoncat.h5");
        assumeTrue(Files.isRegularFile(train) && Files.isRegularFile(test), "the course's cat files are in ../shared/datasets");
        Path out = dir.resolve("cat");
        Cli.Result r = Cli.run("train", "--data", "cat", "--train-h5", train.toString(), "--test-h5", test.toString(),
                "--model", "logistic", "--iterations", "101", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        // logistic regression notebook: cost 0.693147 at 0, 0.584508 at 100 (learning rate 0.005)
        assertTrue(r.out().contains("Cost after iteration 0: 0.693147\nCost after iteration 100: 0.584508\n"), r.out());
        // a title band ("Mislabelled test images (showing 10 of 16)") above two rows of five
        BufferedImage grid = Cli.checkPng(out.resolve("mislabelled.png"), 800, 34 + 2 * (128 + 44 + 10), 50);
        assertTrue(grid.getWidth() > 0);
        assertFalse(Files.exists(out.resolve("decision_boundary.png")), "no boundary for 12288-D images");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"flower", "circles", "moons", "blobs", "quantiles", "no-structure", "spirals", "xor"})
    void everyBuiltInSetTrains(String name) {
        Cli.Result r = Cli.run("train", "--data", name, "--iterations", "10", "--test-split", "0.2", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        int m = name.equals("flower") ? 400 : 200;
        assertTrue(r.out().contains("\"train_examples\":" + (m - m / 5) + ",\"test_examples\":" + m / 5 + ","), r.out());
    }

    @Test
    void unknownDataSetListsTheValidOnes() {
        Cli.Result r = Cli.run("train", "--data", "flowr");
        assertEquals(2, r.exitCode());
        assertEquals("dlbasics train: Invalid value for option '--data': unknown data set 'flowr'; valid: flower, circles, moons, "
                + "blobs, quantiles, no-structure, spirals, xor, cat, fashion-mnist, FILE.csv or a FOLDER of class sub-folders\nTry 'dlbasics train --help' for more information.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result r = Cli.run("train", "--bogus");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics train: Unknown option: '--bogus'\n"), r.err());
    }

    @Test
    void missingCsvIsARuntimeErrorOfOneLine() {
        Path missing = dir.resolve("missing.csv");
        Cli.Result r = Cli.run("train", "--data", missing.toString());
        assertEquals(1, r.exitCode());
        assertEquals("dlbasics train: file not found: " + missing + "\n", r.err());
    }

    @Test
    void nanInCsvNamesLineAndColumn() throws IOException {
        Path csv = dir.resolve("nan.csv");
        Files.writeString(csv, "x1,x2,y\n1,2,0\n3,NaN,1\n");
        Cli.Result r = Cli.run("train", "--data", csv.toString());
        assertEquals(1, r.exitCode());
        assertEquals("dlbasics train: CSV " + csv + " line 3, column 2 (\"x2\"): \"NaN\" is not a finite number; features and labels "
                + "must be plain decimal numbers (remove or impute missing values, encode categories as numbers)\n", r.err());
    }

    @Test
    void optionsThatDoNotFitAreUsageErrors() {
        Cli.Result r = Cli.run("train", "--model", "logistic", "--hidden", "3");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics train: --model logistic has no hidden layer; drop --hidden, --layers and --activation"), r.err());
        r = Cli.run("train", "--data", "cat");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics train: --data cat needs --train-h5 FILE and --test-h5 FILE"), r.err());
        r = Cli.run("train", "--activation", "sigmoid");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown hidden activation 'sigmoid'; valid: tanh, relu"), r.err());
        r = Cli.run("train", "--lr", "-1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics train: --lr is -1.0; the learning rate must be above 0"), r.err());
        r = Cli.run("train", "--test-split", "0.999", "--iterations", "1");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics train: --test-split 0.999 of 400 examples leaves 400 for testing"), r.err());
    }

    @Test
    void divergenceIsOneLineWithAHint() throws IOException {
        // unscaled huge inputs: after one update Z = W·x overflows
        Path csv = dir.resolve("huge.csv");
        Files.writeString(csv, "x,y\n1e200,0\n3e200,1\n-2e200,0\n5e200,1\n");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--model", "logistic", "--lr", "1", "--iterations", "50");
        assertEquals(1, r.exitCode(), r.toString());
        String[] lines = r.err().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("dlbasics train: "), r.err());
        assertTrue(lines[0].contains("learningRate=1.0") && lines[0].contains("smaller learning rate"), r.err());
    }

    @Test
    void helpOnEverySubcommand() {
        for (String command : new String[] {"train", "evaluate", "predict", "sweep", "demo"}) {
            Cli.Result r = Cli.run(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().startsWith("Usage: dlbasics " + command), r.out());
        }
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        r = Cli.run();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics: choose a command: train, evaluate, predict, sweep, demo or playground"), r.err());
    }
}
