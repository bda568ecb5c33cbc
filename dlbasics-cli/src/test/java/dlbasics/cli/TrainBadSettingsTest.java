package dlbasics.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13's bad settings, each one line on stderr and exit 2: batch size below 1 or above m (also
 * the m a validation split leaves), keep probability outside (0, 1], negative L2, β outside [0, 1),
 * a validation split that leaves no training (or no validation) data. TrainOptimizerOptionsTest and
 * TrainValidationTest hold the first cases of each.
 */
class TrainBadSettingsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--batch-size -3|--batch-size is -3; a mini-batch needs at least 1 example (the course uses 64)",
            "--batch-size 180 --validation-split 0.2|--batch-size is 180 but the training set has 160 examples; give 1 to 160",
            "--dropout -0.5|--dropout is -0.5; give the keep probability of a hidden unit, in (0, 1] (1 keeps all; the course uses 0.86)",
            "--dropout NaN|--dropout is NaN; give the keep probability of a hidden unit, in (0, 1] (1 keeps all; the course uses 0.86)",
            "--l2 NaN|--l2 is NaN; the L2 strength λ must be 0 or more (the course uses 0.7)",
            "--optimizer adam --beta1 1|--beta1 is 1.0; β weighs the past in a moving average and must lie in [0, 1) (the course uses 0.9)",
            "--optimizer rmsprop --beta2 1.5|--beta2 is 1.5; β weighs the past in a moving average and must lie in [0, 1) (the course uses 0.999)",
            "--optimizer momentum --beta -0.1|--beta is -0.1; β weighs the past in a moving average and must lie in [0, 1) (the course uses 0.9)",
            "--validation-split 0.999|--validation-split 0.999 of 200 training examples leaves 200 for validation and 0 for training; both need at least one (e.g. 0.2)",
            "--validation-split -0.2|--validation-split is -0.2; give the share of the training examples to hold out, above 0 and below 1 (e.g. 0.2)"})
    void oneLineAndExit2(String options, String message) {
        String[] o = options.split(" ");
        String[] args = new String[5 + o.length];
        args[0] = "train";
        args[1] = "--data";
        args[2] = "moons";
        args[3] = "--epochs";
        args[4] = "2";
        System.arraycopy(o, 0, args, 5, o.length);
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("dlbasics train: " + message, r.err().lines().findFirst().orElse(""), r.toString());
    }
}
