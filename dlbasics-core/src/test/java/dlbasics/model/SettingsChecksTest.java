package dlbasics.model;

import dlbasics.data.Moons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The second course's bad settings, refused in the library with one teaching line each (the CLI's are in TrainBadSettingsTest). */
class SettingsChecksTest {
    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void batchSizeBelowOneOrAboveM() {
        assertEquals("TrainingSettings: batchSize is -1; a mini-batch needs at least 1 example (the notebook uses 64), or 0 for "
                + "full-batch training", message(() -> Trainer.builder().batchSize(-1).build()));
        var moons = Moons.make(30, 0.2, 1);
        assertEquals("Trainer.fit: batchSize is 31 but X has only 30 examples (X is 2x30); use a batch size from 1 to 30, or 0 for "
                + "full batch", message(() -> Trainer.builder().batchSize(31).build().fit(Network.of(2, 3, 1), moons)));
    }

    @Test
    void keepProbabilityOutsideZeroOne() {
        for (double p : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertEquals("TrainingSettings: keepProb is " + p + "; the probability of keeping a hidden unit must lie in (0, 1], "
                    + "1 for no dropout (the notebook uses 0.86)", message(() -> Trainer.builder().keepProb(p).build()));
        }
    }

    @Test
    void negativeL2() {
        assertEquals("TrainingSettings: l2 is -0.1; the L2 strength λ must be finite and 0 or more (the notebook uses 0.7)",
                message(() -> Trainer.builder().l2(-0.1).build()));
    }

    @Test
    void betaOutsideZeroToOne() {
        assertEquals("Momentum: beta is 1.0 but must lie in [0, 1); it weighs the past in a moving average (the course uses 0.9)",
                message(() -> new Momentum(1)));
        assertEquals("Adam: beta1 is 1.0 but must lie in [0, 1); it weighs the past in a moving average (the course uses 0.9)",
                message(() -> new Adam(1, 0.999, 1e-8)));
        assertEquals("Adam: beta2 is -0.1 but must lie in [0, 1); it weighs the past in a moving average (the course uses 0.999)",
                message(() -> new Adam(0.9, -0.1, 1e-8)));
        assertEquals("RmsProp: beta2 is NaN but must lie in [0, 1); it weighs the past in a moving average (the course uses 0.999)",
                message(() -> new RmsProp(Double.NaN, 1e-8)));
        assertEquals(0.0, new Momentum(0).beta(), "0 is allowed: no memory, plain gradient descent");
    }
}
