package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: the command never silently does the wrong thing — overwriting, ignored options, warnings, memory, help. */
class NoSurprisesTest {
    @TempDir
    Path dir;

    @Test
    void outRefusesAnEarlierRunUnlessForcedAndLeavesNoStaleFiles() throws IOException {
        Path out = dir.resolve("run");
        Cli.Result first = Cli.run("train", "--data", "xor", "--iterations", "20", "--out", out.toString(), "--quiet");
        assertEquals(0, first.exitCode(), first.toString());
        Files.writeString(out.resolve("mislabelled.png"), "a cat run's picture");
        Cli.Result again = Cli.run("train", "--data", "flower", "--iterations", "20", "--out", out.toString());
        assertEquals(2, again.exitCode(), again.toString());
        assertTrue(again.err().startsWith("dlbasics train: --out " + out + " holds an earlier run (model.safetensors, cost.png, "
                + "decision_boundary.png, mislabelled.png); give a new folder, or --force to replace that run"), again.err());
        assertFalse(again.out().contains("Cost after"), "refused before training");
        Cli.Result forced = Cli.run("train", "--data", "flower", "--iterations", "20", "--out", out.toString(), "--format", "npz",
                "--force", "--quiet");
        assertEquals(0, forced.exitCode(), forced.toString());
        assertTrue(Files.exists(out.resolve("model.npz")));
        assertFalse(Files.exists(out.resolve("model.safetensors")), "the earlier run's model is gone, so evaluate cannot pick it");
        assertFalse(Files.exists(out.resolve("mislabelled.png")), "no stale picture of the earlier run");
        assertEquals(0, Cli.run("evaluate", out.toString(), "--data", "flower").exitCode());
    }

    @Test
    void aFolderWithTwoModelsIsAnErrorNamingBoth() throws IOException {
        Path out = dir.resolve("two");
        assertEquals(0, Cli.run("train", "--data", "xor", "--iterations", "5", "--out", out.toString(), "--quiet").exitCode());
        Files.copy(out.resolve("model.safetensors"), dir.resolve("keep.safetensors"));
        assertEquals(0, Cli.run("train", "--data", "xor", "--iterations", "5", "--out", out.toString(), "--format", "npz",
                "--force", "--quiet").exitCode());
        Files.copy(dir.resolve("keep.safetensors"), out.resolve("model.safetensors"));
        Cli.Result r = Cli.run("evaluate", out.toString(), "--data", "xor");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("dlbasics evaluate: the folder " + out + " holds two models, model.safetensors and model.npz, maybe of different "
                + "runs; give the model file you mean\n", r.err());
    }

    @Test
    void anUnwritableOutIsRefusedBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli.Result r = Cli.run("train", "--data", "flower", "--out", file.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("dlbasics train: --out " + file + " is a file, not a folder; give a folder to write into\n", r.err());
        assertEquals("", r.out(), "nothing trained");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "train --test-split -0.2|--test-split is -0.2; give the share of examples held out for testing, at least 0 and below 1",
        "train --test-split 1.5|--test-split is 1.5;",
        "train --data-seed -1|--data-seed -1 is outside 0..4294967295",
        "train --data moons --standardize|--standardize is for CSV files; --data moons is generated",
        "train --data moons --label y|--label is for CSV files;",
        "train --data flower --train-h5 x.h5|--train-h5 is for --data cat; --data flower does not read it",
        "sweep --data flower --test-h5 x.h5|--test-h5 is for --data cat;",
        "evaluate m --data flower --no-header|--no-header is for CSV files;",
        "demo --image my_image.jpg|--image is classified by the cat model, which needs --train-h5 and --test-h5",
        "demo --full|--full lengthens the cat part",
        "train --threads 0|--threads is 0; give 1 or more threads",
        "train --data x.csv --data-seed 3|--data-seed seeds the test split of a CSV file, and there is none",
        "train --data cat --data-seed 3|--data-seed is for generated sets and test splits",
        "train --data cat --label y|--label is for CSV files; --data cat has its labels and pixel scale built in",
        "evaluate m --standardize|Unknown option: '--standardize'",
    })
    void optionsThatWouldBeIgnoredAreUsageErrors(String command, String message) {
        Cli.Result r = Cli.run(command.split(" "));
        assertEquals(2, r.exitCode(), r.toString());
        String name = command.split(" ")[0];
        assertTrue(r.err().startsWith("dlbasics " + name + ": " + message), r.err());
    }

    @Test
    void oneClassIsAWarningOnStderrAndInJson() throws IOException {
        Path csv = dir.resolve("zeros.csv");
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i).append(',').append(i % 5).append(",0\n");
        }
        Files.writeString(csv, sb.toString());
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--iterations", "50", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("dlbasics train: warning: every one of the 20 training labels is 0"), r.err());
        assertTrue(r.out().contains("\"warnings\":[{\"kind\":\"one_class\",\"message\":\"every one of the 20 training labels is 0"), r.out());
    }

    @Test
    void aRisingCostIsAWarning() {
        Cli.Result r = Cli.run("train", "--data", "moons", "--lr", "1000", "--iterations", "3000", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("dlbasics train: warning: the cost rose "), r.err());
        assertTrue(r.err().contains("try a smaller learning rate than 1000"), r.err());
        assertTrue(r.out().contains("{\"kind\":\"rising\""), r.out());
        Cli.Result healthy = Cli.run("train", "--data", "flower", "--iterations", "3000", "--quiet");
        assertEquals("", healthy.err(), "the course's flower run warns of nothing");
    }

    @Test
    void finalCostIsTheCostAfterTheLastUpdate() {
        // 100 updates, then the cost: the cost a 101-iteration run records at iteration 100
        Cli.Result a = Cli.run("train", "--data", "flower", "--iterations", "100", "--print-every", "100", "--json");
        Cli.Result b = Cli.run("train", "--data", "flower", "--iterations", "101", "--print-every", "100", "--json");
        double finalCost = number(a.out(), "\"final_cost\":([0-9.eE-]+)");
        double recorded = number(b.out(), "\"costs\":\\[[0-9.eE-]+,([0-9.eE-]+)\\]");
        double before = number(a.out(), "\"costs\":\\[([0-9.eE-]+)\\]");
        assertEquals(recorded, finalCost, 1e-12, a.out());
        assertTrue(finalCost < before, "not the cost recorded before the updates");
        Cli.Result text = Cli.run("train", "--data", "flower", "--iterations", "100", "--print-every", "100");
        assertTrue(text.out().contains("Final cost: " + Format.cost(finalCost) + " (after iteration 100)\n"), text.out());
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void modelsTooLargeAreRefusedWithAnEstimateNotAStackTrace() {
        Cli.Result overflow = Cli.run("train", "--data", "flower", "--model", "deep", "--layers", "100000,100000");
        assertEquals(1, overflow.exitCode(), overflow.toString());
        assertEquals("dlbasics train: layer 2 of [2, 100000, 100000, 1] needs a matrix of 10,000,000,000 numbers, more than one Java "
                + "array holds (2,147,483,647); choose smaller layers (e.g. --layers 20,7,5)\n", overflow.err());
        Cli.Result huge = Cli.run("train", "--data", "flower", "--model", "deep", "--layers", "40000,40000");
        assertEquals(1, huge.exitCode(), huge.toString());
        assertTrue(huge.err().matches("dlbasics train: training \\[2, 40000, 40000, 1] on 400 examples needs about 24\\.8 GB "
                + "\\(parameters and gradients 23\\.8 GB, .*\\) but Java may use only .*; choose smaller layers, or give Java more memory: "
                + "DLBASICS_JAVA_OPTS=-Xmx\\d+g \\./dlbasics \\.\\.\\.\\n"), huge.err());
        assertEquals("", huge.out());
    }

    @Test
    void directoriesAndMissingModelsAreNamedSo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("data.csv"));
        Cli.Result r = Cli.run("train", "--data", folder.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("'" + folder + "' is a directory; give a CSV file"), r.err());
        Path model = dir.resolve("m");
        assertEquals(0, Cli.run("train", "--data", "xor", "--iterations", "5", "--out", model.toString(), "--quiet").exitCode());
        r = Cli.run("predict", model.toString(), dir.toString());
        assertEquals(1, r.exitCode(), r.toString());
        // a folder is read as images (here the run's plots), which a model of two columns does not take
        assertEquals("dlbasics predict: the model takes 2 inputs from the columns [x1, x2], not an image (s x s x 3 or s x s grey "
                + "values); predict images with a model trained on images (--data cat, fashion-mnist or a folder), and give this "
                + "model a CSV file\n", r.err());
        r = Cli.run("predict", model.toString(), Files.createDirectories(dir.resolve("empty")).toString());
        assertEquals("dlbasics predict: " + dir.resolve("empty") + " holds no images (png, jpg, jpeg, bmp or gif) in it or its "
                + "sub-folders; give image files, a folder of them, or one CSV file\n", r.err());
        Files.writeString(model.resolve("model.safetensors"), "broken");
        r = Cli.run("evaluate", model.toString(), "--data", "xor");
        assertEquals(1, r.exitCode(), r.toString());
        assertFalse(r.err().contains("ModelFile.read:"), "the CLI's words, not the Java API's: " + r.err());
        assertTrue(r.err().startsWith("dlbasics evaluate: cannot use the model " + model.resolve("model.safetensors") + ": "), r.err());
    }

    @Test
    void everyCommandHasVersionAndHelpWithoutCutSentences() {
        for (String command : new String[] {"train", "evaluate", "predict", "sweep", "demo"}) {
            Cli.Result r = Cli.run(command, "--version");
            assertEquals(0, r.exitCode(), command);
            assertEquals(DlbasicsCommand.VERSION + "\n", r.out(), command);
        }
        Cli.Result help = Cli.run("--help");
        for (String line : help.out().split("\n")) {
            if (line.matches("  (train|evaluate|predict|sweep|demo) .*")) {
                assertTrue(line.endsWith("."), "a whole sentence in the command list: " + line);
            }
        }
        picocli.CommandLine top = DlbasicsCommand.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), false);
        for (String command : new String[] {"train", "evaluate", "predict", "sweep", "demo"}) {
            String out = Cli.run(command, "--help").out();
            for (String line : top.getSubcommands().get(command).getCommandSpec().usageMessage().footer()) {
                assertTrue(out.contains(line + "\n"), "the example is not wrapped mid-command: " + line + "\n" + out);
            }
            assertFalse(out.lines().anyMatch(l -> l.length() > 80), command + " help fits 80 columns");
        }
        Cli.Result evaluate = Cli.run("evaluate", "--help");
        assertFalse(evaluate.out().contains("--standardize"), "evaluate rejects --standardize, so its help does not list it");
        assertTrue(Cli.run("train", "--help").out().contains("--standardize"));
    }

    @Test
    void learningRateQuietNoPlotsAndThreads() throws IOException {
        Cli.Result alias = Cli.run("train", "--data", "xor", "--learning-rate", "0.3", "--iterations", "5");
        assertTrue(alias.out().contains("learning rate 0.3, 5 iterations"), alias.out());
        Path out = dir.resolve("quiet");
        Cli.Result quiet = Cli.run("train", "--data", "xor", "--iterations", "50", "--print-every", "10", "--out", out.toString(),
                "--quiet", "--no-plots", "--threads", "1");
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertFalse(quiet.out().contains("Cost after") || quiet.out().contains("Data:"), quiet.out());
        assertTrue(quiet.out().startsWith("Final cost: "), quiet.out());
        assertEquals("1", System.getProperty("dlbasics.threads"));
        System.clearProperty("dlbasics.threads");
        try (var files = Files.list(out)) {
            assertEquals(java.util.List.of("model.safetensors"), files.map(p -> p.getFileName().toString()).toList(), "--no-plots");
        }
    }
}
