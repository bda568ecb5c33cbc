package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second course's options of {@code dlbasics train}: --optimizer, --batch-size, --epochs, --l2,
 * --dropout, --init, --lr-decay; one-line errors with exit 2 for bad values.
 */
class TrainOptimizerOptionsTest {
    @Test
    void adamOnMiniBatchesWithEveryOption() {
        Cli.Result r = Cli.run("train", "--data", "moons", "--model", "deep", "--layers", "5,2", "--activation", "relu",
                "--optimizer", "adam", "--batch-size", "64", "--epochs", "40", "--l2", "0.1", "--dropout", "0.9",
                "--init", "he", "--lr-decay", "step:1:20", "--lr", "0.01", "--print-every", "10", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        String json = r.out();
        assertTrue(json.contains("\"optimizer\":\"adam\""), json);
        assertTrue(json.contains("\"batch_size\":64"), json);
        assertTrue(json.contains("\"l2\":0.1"), json);
        assertTrue(json.contains("\"keep_prob\":0.9"), json);
        assertTrue(json.contains("\"initializer\":\"he\""), json);
        assertTrue(json.contains("\"lr_decay\":\"step:1.0:20\""), json);
        assertTrue(json.contains("\"iterations\":40"), json);
        assertTrue(json.matches("(?s).*\"costs\":\\[[^,\\]]+(,[^,\\]]+){3}\\].*"), "a cost every 10 of 40 epochs: " + json);
    }

    @Test
    void textNamesTheOptions() {
        Cli.Result r = Cli.run("train", "--data", "moons", "--optimizer", "momentum", "--beta", "0.8", "--batch-size", "32",
                "--epochs", "5", "--print-every", "1");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("momentum (β=0.8), batches of 32"), r.out());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--batch-size|0|--batch-size is 0; a mini-batch needs at least 1 example (the course uses 64)",
            "--batch-size|500|--batch-size is 500 but the training set has 200 examples; give 1 to 200",
            "--dropout|0|--dropout is 0.0; give the keep probability of a hidden unit, in (0, 1] (1 keeps all; the course uses 0.86)",
            "--dropout|1.5|--dropout is 1.5; give the keep probability of a hidden unit, in (0, 1] (1 keeps all; the course uses 0.86)",
            "--l2|-0.1|--l2 is -0.1; the L2 strength λ must be 0 or more (the course uses 0.7)",
            "--optimizer|sgd|--optimizer is \"sgd\"; valid: gd, momentum, rmsprop, adam",
            "--init|glorot|--init is \"glorot\"; valid: zeros, small-random, scaled-by-fan-in, he, random, xavier",
            "--lr-decay|fast|--lr-decay is \"fast\"; write none, inverse:K or step:K:INTERVAL, e.g. step:1:1000",
            "--first-layer|fast|--first-layer is \"fast\"; valid: auto, direct, gram"})
    void badValuesGiveOneLineAndExit2(String option, String value, String message) {
        Cli.Result r = Cli.run("train", "--data", "moons", "--epochs", "2", option, value);
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("dlbasics train: " + message, r.err().lines().findFirst().orElse(""), r.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "momentum|--beta|1|--beta is 1.0; β weighs the past in a moving average and must lie in [0, 1) (the course uses 0.9)",
            "adam|--beta2|-0.5|--beta2 is -0.5; β weighs the past in a moving average and must lie in [0, 1) (the course uses 0.999)",
            "gd|--beta1|0.9|--beta belongs to --optimizer momentum, --beta1 to adam, --beta2 and --epsilon to adam and rmsprop; the optimizer is gd"})
    void betasAreChecked(String optimizer, String option, String value, String message) {
        Cli.Result r = Cli.run("train", "--data", "moons", "--epochs", "2", "--optimizer", optimizer, option, value);
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("dlbasics train: " + message, r.err().lines().findFirst().orElse(""), r.toString());
    }

    @Test
    void theFirstLayersFormIsEchoedAndBothFormsAgree() {
        String[] costs = new String[2];
        String[] forms = {"direct", "gram"};
        for (int k = 0; k < 2; k++) {
            Cli.Result r = Cli.run("train", "--data", "moons", "--model", "deep", "--layers", "5,2", "--optimizer", "momentum",
                    "--l2", "0.1", "--epochs", "30", "--print-every", "10", "--first-layer", forms[k], "--json");
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.out().contains("\"first_layer\":\"" + forms[k] + "\""), r.out());
            costs[k] = r.out().replaceAll("(?s).*\"costs\":\\[([^\\]]*)\\].*", "$1");
        }
        String[] direct = costs[0].split(",");
        String[] gram = costs[1].split(",");
        assertEquals(3, direct.length, costs[0]);
        for (int i = 0; i < 3; i++) {
            double d = Double.parseDouble(direct[i]);
            assertEquals(d, Double.parseDouble(gram[i]), 1e-9 * d, "cost " + i + ": " + costs[0] + " vs " + costs[1]);
        }
    }

    @Test
    void theGramFormWithAdamIsAUsageErrorThatSaysWhy() {
        Cli.Result r = Cli.run("train", "--data", "moons", "--epochs", "2", "--optimizer", "adam", "--first-layer", "gram");
        assertEquals(2, r.exitCode(), r.toString());
        String line = r.err().lines().findFirst().orElse("");
        assertTrue(line.startsWith("dlbasics train: --first-layer gram: the Gram form needs an update rule linear in the gradient"),
                r.toString());
        assertTrue(line.contains("RMSprop and Adam scale each weight's step by its own history"), line);
    }
}
