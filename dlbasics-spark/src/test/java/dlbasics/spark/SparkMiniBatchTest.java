package dlbasics.spark;

import dlbasics.matrix.Matrix;
import dlbasics.model.Momentum;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sampled mini-batches ({@link SparkTrainer#miniBatchFraction}) against the local {@link Trainer} itself:
 * the oracle resumes a local run for one iteration at a time on exactly the rows {@link RowSampler}
 * keeps for that step, so each update is the Trainer's full-batch update on that sample.
 */
class SparkMiniBatchTest {
    /** X from {@code NumpyRandom(7).randn(5, m)}, y = x0 + x1·x2 > 0 (SparkTrainerTest's generated set, first m columns). */
    private static Matrix[] generated(int m) {
        Matrix X = new NumpyRandom(7).randn(5, 300).columns(0, m);
        Matrix Y = Matrix.zeros(1, m);
        for (int j = 0; j < m; j++) {
            Y.set(0, j, X.get(0, j) + X.get(1, j) * X.get(2, j) > 0 ? 1 : 0);
        }
        return new Matrix[] {X, Y};
    }

    private static Trainer trainer(int iterations) {
        return Trainer.builder().learningRate(0.1).iterations(iterations).seed(3).costEvery(1).shuffleSeed(5).initializer(Initializer.HE)
                .updateRule(new Momentum()).l2(0.2).build();
    }

    /**
     * The local oracle: iteration s fits (s = 0) or resumes the Trainer (full batch, iterations s+1) on the columns the
     * sampler keeps for step s, drawing again while a sample is empty. Returns the result and, in
     * {@code redrawn[0]}, how many steps needed another draw.
     */
    private static TrainingResult localOnTheSampledRows(Trainer trainer, Network network, Matrix X, Matrix Y, double fraction, int[] redrawn) {
        RowSampler sampler = new RowSampler(trainer.settings().shuffleSeed(), fraction);
        TrainingResult r = null;
        for (int step = 0; step < trainer.settings().iterations(); step++) {
            int[] kept;
            int attempt = 0;
            do {
                long key = sampler.key(step, attempt++);
                kept = java.util.stream.IntStream.range(0, X.cols()).filter(j -> sampler.keeps(key, j)).toArray();
            } while (kept.length == 0);
            redrawn[0] += attempt > 1 ? 1 : 0;
            // the direct form: each step's sample is other data, and a Gram state holds only for the X it was built on
            Trainer one = new Trainer(Trainer.builder().settings(trainer.settings()).iterations(step + 1)
                    .firstLayer(dlbasics.model.FirstLayer.DIRECT).build().settings(),
                    List.of(), trainer.outputGradient(), trainer.updateRule());
            // step 0 draws the initial weights as SparkTrainer does; later steps continue the run
            r = step == 0 ? one.fit(network, gather(X, kept), gather(Y, kept))
                    : one.resume(network, gather(X, kept), gather(Y, kept), r.finalState());
        }
        return r;
    }

    private static Matrix gather(Matrix A, int[] columns) {
        Matrix out = Matrix.zeros(A.rows(), columns.length);
        for (int i = 0; i < A.rows(); i++) {
            for (int c = 0; c < columns.length; c++) {
                out.set(i, c, A.get(i, columns[c]));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 8})
    void sampledUpdatesEqualTheLocalTrainerOnTheSameRows(int partitions) {
        Matrix[] d = generated(300);
        Network local = Network.of(5, 8, 6, 1);
        TrainingResult expected = localOnTheSampledRows(trainer(30), local, d[0], d[1], 0.1, new int[1]);
        Network distributed = Network.of(5, 8, 6, 1);
        TrainingResult actual = new SparkTrainer(trainer(30)).miniBatchFraction(0.1).fit(distributed, SparkTesting.rdd(d[0], d[1], partitions));
        SparkTesting.assertRelative(expected.costs(), actual.costs(), 1e-9, "sampled cost");
        SparkTesting.assertSameParameters(local, distributed, 1e-9);
        assertEquals(30, actual.iterations());
    }

    @Test
    void aStepThatSamplesNoRowIsDrawnAgain() {
        Matrix[] d = generated(12); // fraction 0.1 of 12 rows: no row in 0.9^12 = 28 % of the draws
        int[] redrawn = new int[1];
        Network local = Network.of(5, 8, 6, 1);
        TrainingResult expected = localOnTheSampledRows(trainer(20), local, d[0], d[1], 0.1, redrawn);
        assertTrue(redrawn[0] >= 2, "steps drawn again: " + redrawn[0]);
        Network distributed = Network.of(5, 8, 6, 1);
        TrainingResult actual = new SparkTrainer(trainer(20)).miniBatchFraction(0.1).fit(distributed, SparkTesting.rdd(d[0], d[1], 2));
        SparkTesting.assertRelative(expected.costs(), actual.costs(), 1e-9, "sampled cost");
        SparkTesting.assertSameParameters(local, distributed, 1e-9);
    }

    @Test
    void aFractionOutsideZeroToOneOrOfLessThanOneRowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SparkTrainer(trainer(5)).miniBatchFraction(0));
        assertEquals("SparkTrainer.miniBatchFraction: the fraction is 0.0; it must be in (0, 1]: the share of the rows each update "
                + "samples (1 for full batch)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SparkTrainer(trainer(5)).miniBatchFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> new SparkTrainer(trainer(5)).miniBatchFraction(Double.NaN));
        Matrix[] d = generated(12);
        JavaRDD<Example> rows = SparkTesting.rdd(d[0], d[1], 2);
        e = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(trainer(5)).miniBatchFraction(0.05).fit(Network.of(5, 1), rows));
        assertEquals("SparkTrainer.fit: miniBatchFraction 0.05 of 12 rows samples 0.600 rows per update on average; use a fraction of "
                + "at least 1/m = 0.0833 (1 trains on every row)", e.getMessage());
        assertEquals(0.05, new SparkTrainer(trainer(5)).miniBatchFraction(0.05).miniBatchFraction());
    }
}
