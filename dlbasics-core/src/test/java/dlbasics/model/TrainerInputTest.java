package dlbasics.model;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad input is rejected before training, with a message naming what is wrong. */
class TrainerInputTest {
    private static final Trainer TRAINER = Trainer.builder().iterations(5).build();
    private static final Matrix X = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
    private static final Matrix Y = Matrix.row(0, 1, 1);

    private static String fitError(Network net, Matrix X, Matrix Y) {
        return assertThrows(IllegalArgumentException.class, () -> TRAINER.fit(net, X, Y)).getMessage();
    }

    @Test
    void nanInX() {
        Matrix bad = X.copy().set(1, 2, Double.NaN);
        assertEquals("Trainer.fit: X holds NaN at row 1, column 2 (example 2); remove or impute non-finite values before training",
                fitError(Network.of(2, 3, 1), bad, Y));
    }

    @Test
    void infinityInX() {
        Matrix bad = X.copy().set(0, 0, Double.POSITIVE_INFINITY);
        assertEquals("Trainer.fit: X holds Infinity at row 0, column 0 (example 0); remove or impute non-finite values before training",
                fitError(Network.of(2, 3, 1), bad, Y));
    }

    @Test
    void labelsThatAreNotZeroOrOne() {
        assertEquals("Trainer.fit: label 0.5 at column 1 is not 0 or 1; binary classification needs labels 0 and 1 "
                        + "(map your classes to 0/1 first)",
                fitError(Network.of(2, 3, 1), X, Matrix.row(0, 0.5, 1)));
        assertEquals("Trainer.fit: label -1.0 at column 0 is not 0 or 1; binary classification needs labels 0 and 1 "
                        + "(map your classes to 0/1 first)",
                fitError(Network.of(2, 3, 1), X, Matrix.row(-1, 0, 1)));
    }

    @Test
    void differentNumbersOfExamples() {
        assertEquals("Trainer.fit: X is 2x3 but Y is 1x4; X and Y need the same number of examples m (columns)",
                fitError(Network.of(2, 3, 1), X, Matrix.row(0, 1, 1, 0)));
    }

    @Test
    void examplesInRowsInsteadOfColumns() {
        assertEquals("Trainer.fit: X is 3x2 but Y is 1x3; X and Y need the same number of examples m (columns)"
                        + " — examples go in columns, did you mean X.transpose()?",
                fitError(Network.of(2, 3, 1), X.transpose(), Y));
    }

    @Test
    void labelsAsAColumn() {
        assertEquals("Trainer.fit: Y is 3x1 but labels must be one row, 1 x m; did you mean Y.transpose()?",
                fitError(Network.of(2, 3, 1), X, Y.transpose()));
    }

    @Test
    void inputRowsNotTheNetworksInputSize() {
        assertEquals("Trainer.fit: X is 2x3 but the network takes 5 inputs per example (X must be 5 x m)",
                fitError(Network.of(5, 3, 1), X, Y));
    }

    @Test
    void emptyX() {
        assertEquals("Trainer.fit: X is 2x0 and has no examples; training needs at least one example (one column of X per example)",
                fitError(Network.of(2, 3, 1), Matrix.zeros(2, 0), Matrix.zeros(1, 0)));
    }

    @Test
    void classIndicesNeedAsManyOutputUnits() {
        assertEquals("Trainer.fit: Y holds class indices up to 2 but the network [2, 3, 1] has one (sigmoid) output unit for "
                        + "labels 0/1; for K classes end with K units, e.g. Network.of(2, ..., 3)",
                fitError(Network.of(2, 3, 1), X, Matrix.row(0, 2, 1)));
        assertEquals("Trainer.fit: label 3.0 at column 1 is not a class index 0..2; with 3 classes the labels are one row of "
                        + "indices 0..2 (map your class names to indices first)",
                fitError(Network.of(2, 3, 3), X, Matrix.row(0, 3, 1)));
        assertEquals("Trainer.fit: label 0.5 at column 0 is not a class index 0..2; with 3 classes the labels are one row of "
                        + "indices 0..2 (map your class names to indices first)",
                fitError(Network.of(2, 3, 3), X, Matrix.row(0.5, 2, 1)));
        assertEquals("Network.of: softmax is an output activation, not a hidden one; use Activation.RELU or Activation.TANH "
                        + "(a network with K >= 2 output units ends with softmax by itself)",
                assertThrows(IllegalArgumentException.class, () -> Network.of(dlbasics.nn.Activation.SOFTMAX, 2, 3, 3)).getMessage());
    }

    @Test
    void resumeChecksTheDataToo() {
        Network net = Network.of(2, 3, 1);
        TrainingResult r = TRAINER.fit(net, X, Y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TRAINER.resume(net, X, Matrix.row(0, 1, 0.5), r.finalState()));
        assertEquals("Trainer.resume: label 0.5 at column 2 is not 0 or 1; binary classification needs labels 0 and 1 "
                + "(map your classes to 0/1 first)", e.getMessage());
    }

    @Test
    void badSettingsAreRejectedByTheBuilder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().learningRate(-0.1).build());
        assertEquals("TrainingSettings: learningRate is -0.1; it must be a finite number above 0 (the course uses 0.0075 to 1.2)",
                e.getMessage());
        IllegalArgumentException nullSettings = assertThrows(IllegalArgumentException.class, () -> new Trainer(null));
        assertEquals("Trainer: settings are null; use Trainer.builder() for the course's defaults", nullSettings.getMessage());
    }

    @Test
    void builderDefaultsAreTheCoursesLLayerSettings() {
        TrainingSettings s = Trainer.builder().build().settings();
        assertEquals(new TrainingSettings(0.0075, 2500, dlbasics.nn.Initializer.SCALED_BY_FAN_IN, 1, 100), s);
        assertEquals(s, Trainer.builder().learningRate(3).settings(s).build().settings());
    }
}
