package dlbasics.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CostHistoryTest {
    @Test
    void keepsEarlierCostsAndGrowsPastItsFirstCapacity() {
        CostHistory h = new CostHistory(new double[]{0.7, 0.6}, 0);
        double[] expected = new double[2 + 10_000];
        expected[0] = 0.7;
        expected[1] = 0.6;
        for (int i = 0; i < 10_000; i++) {
            h.add(i / 10_000.0);
            expected[2 + i] = i / 10_000.0;
        }
        assertEquals(10_002, h.size());
        assertArrayEquals(expected, h.toArray(), 0.0);
    }

    @Test
    void aLongRunRecordingEveryIterationKeepsThemAll() {
        GeneratedData data = GeneratedData.of(1, 3, 10);
        TrainingResult r = Trainer.builder().learningRate(0.1).iterations(5000).costEvery(1).build()
                .fit(Network.of(3, 2, 1), data.X, data.Y);
        assertEquals(5000, r.costs().length);
        assertEquals(r.costs()[4999], r.finalCost());
    }
}
