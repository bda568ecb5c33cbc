package dlbasics.model;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warnings about a run that ended without error but went wrong. */
class TrainingHealthTest {
    @Test
    void oneClassOnlyIsNamed() {
        TrainingHealth.Warning w = TrainingHealth.oneClass(Matrix.row(1, 1, 1));
        assertEquals("one_class", w.kind());
        assertTrue(w.message().startsWith("every one of the 3 training labels is 1"), w.message());
        assertNull(TrainingHealth.oneClass(Matrix.row(0, 1, 1)));
    }

    @Test
    void aFallingCostIsHealthy() {
        // the planar notebook's nn_model costs at 0, 1000, ..., 7000
        double[] flower = {0.693048, 0.288083, 0.254385, 0.233864, 0.226792, 0.222644, 0.219731, 0.217504};
        assertEquals(List.of(), TrainingHealth.costs(flower, 1000, 1.2));
        // a wobble near the minimum (moons, lr 1.2: 0.044028 then 0.044570) is not worth a warning
        assertEquals(List.of(), TrainingHealth.costs(new double[] {0.69, 0.09, 0.044028, 0.044570, 0.0425}, 1000, 1.2));
    }

    @Test
    void aRisingCostNamesWhereAndTheRate() {
        List<TrainingHealth.Warning> w = TrainingHealth.costs(new double[] {0.692995, 457.775927, 120.0, 300.0}, 1000, 1000);
        assertEquals(1, w.size(), w.toString());
        assertEquals("rising", w.get(0).kind());
        assertTrue(w.get(0).message().startsWith("the cost rose 2 times, most from 0.692995 at iteration 0 to 457.775927 at iteration 1000;"),
                w.get(0).message());
        assertTrue(w.get(0).message().endsWith("try a smaller learning rate than 1000"), w.get(0).message());
    }

    @Test
    void aPlateauFarAboveZeroIsStalled() {
        // the moons plateau: 0.2786 ... 0.2760
        double[] costs = {0.69, 0.2786, 0.2780, 0.2775, 0.2770, 0.2766, 0.2763, 0.2760};
        List<TrainingHealth.Warning> w = TrainingHealth.costs(costs, 1000, 1.2);
        assertEquals(1, w.size(), w.toString());
        assertEquals("stalled", w.get(0).kind());
        assertTrue(w.get(0).message().contains("0.277000 at iteration 4000, 0.276000 at iteration 7000"), w.get(0).message());
        // the same flatness near zero is a finished run, not a stall
        assertEquals(List.of(), TrainingHealth.costs(new double[] {0.69, 0.05, 0.0499, 0.0498, 0.0497}, 1000, 1.2));
    }
}
