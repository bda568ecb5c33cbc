package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Summed batch gradients added over a split of the examples and averaged by {@link BatchGradients#mean}
 * drive a {@link TrainingRun} to the local {@link Trainer}'s costs and parameters (what dlbasics-spark
 * does across partitions).
 */
class BatchGradientsTest {
    @ParameterizedTest
    @EnumSource(NetworkShapes.class)
    void batchSumsDrivenThroughATrainingRunMatchTheTrainer(NetworkShapes shape) {
        GeneratedData data = GeneratedData.of(11, shape.dims[0], shape.examples);
        Trainer trainer = Trainer.builder().learningRate(0.1).iterations(25).costEvery(4).seed(2).initializer(Initializer.HE).build();
        assertSplitRunMatchesTheTrainer(trainer, shape::network, data.X, data.Y, 1e-12);
    }

    /** K classes, L2, a decaying rate and Adam: the settings TrainingRun and {@link BatchGradients#mean} carry for Spark. */
    @Test
    void softmaxWithL2DecayAndAdamMatchesTheTrainer() {
        Matrix X = new NumpyRandom(5).randn(4, 30);
        Matrix Y = Matrix.zeros(1, 30);
        for (int j = 0; j < 30; j++) {
            Y.set(0, j, X.get(0, j) > 0.5 ? 2 : X.get(1, j) > 0 ? 1 : 0); // three classes
        }
        Trainer trainer = Trainer.builder().learningRate(0.05).iterations(40).costEvery(3).seed(4).initializer(Initializer.HE)
                .l2(0.7).decay(LearningRateDecay.inverseTime(0.5)).updateRule(new Adam()).build();
        assertSplitRunMatchesTheTrainer(trainer, () -> Network.of(4, 6, 3), X, Y, 1e-12);
    }

    /**
     * Trains one network with {@code trainer} and another by adding the summed gradients of three batches
     * (one empty), {@link BatchGradients#mean} and a {@link TrainingRun}; costs and parameters agree.
     */
    private static void assertSplitRunMatchesTheTrainer(Trainer trainer, java.util.function.Supplier<Network> shape, Matrix X, Matrix Y,
                                                        double tolerance) {
        Network local = shape.get();
        TrainingResult expected = trainer.fit(local, X, Y);

        Network split = shape.get();
        NumpyRandom rng = new NumpyRandom(trainer.settings().seed());
        split.initialize(trainer.settings().initializer(), rng);
        int m = X.cols();
        int[][] batches = {{0, 3}, {3, 3}, {3, m}}; // one empty batch
        List<BatchGradients> passes = new ArrayList<>();
        for (int[] b : batches) {
            passes.add(new BatchGradients(split, X.columns(b[0], b[1]), Y.columns(b[0], b[1]), OutputGradient.A_MINUS_Y));
        }
        Gradients part = new Gradients(split);
        Gradients total = new Gradients(split);
        TrainingRun run = new TrainingRun(trainer, split, rng.state());
        while (run.hasNext()) {
            double cost = 0;
            for (int l = 1; l <= split.numLayers(); l++) {
                java.util.Arrays.fill(total.dW(l).data(), 0);
                java.util.Arrays.fill(total.db(l).data(), 0);
            }
            for (BatchGradients pass : passes) {
                cost += pass.sums(part, run.costDue());
                for (int l = 1; l <= split.numLayers(); l++) {
                    total.dW(l).setTo(total.dW(l).plus(part.dW(l)));
                    total.db(l).setTo(total.db(l).plus(part.db(l)));
                }
            }
            run.step(BatchGradients.mean(split, cost, total, m, trainer.settings().l2(), total), total, true);
        }
        TrainingResult actual = run.finish();
        assertEquals(expected.costs().length, actual.costs().length);
        for (int k = 0; k < expected.costs().length; k++) {
            assertEquals(expected.costs()[k], actual.costs()[k], tolerance * expected.costs()[k], "cost " + k);
        }
        for (var e : local.parameters().entrySet()) {
            double[] x = e.getValue().data();
            double[] a = split.parameters().get(e.getKey()).data();
            for (int k = 0; k < x.length; k++) {
                assertEquals(x[k], a[k], tolerance * Math.max(1, Math.abs(x[k])), e.getKey());
            }
        }
    }

    @Test
    void anEmptyBatchGivesZerosAndBadLabelsAreRefused() {
        Network net = Network.of(2, 3, 1);
        net.initialize(Initializer.HE, new NumpyRandom(1));
        Gradients out = new Gradients(net);
        out.dW(1).set(0, 0, 5);
        assertEquals(0.0, new BatchGradients(net, Matrix.zeros(2, 0), Matrix.zeros(1, 0), OutputGradient.A_MINUS_Y).sums(out, true));
        assertEquals(0.0, out.dW(1).get(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchGradients(net, Matrix.zeros(2, 2), Matrix.of(1, 2, 0, 2), OutputGradient.A_MINUS_Y));
        assertTrue(e.getMessage().contains("label 2.0 at column 1 is not 0 or 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BatchGradients(Network.of(2, 3), Matrix.zeros(2, 2), Matrix.of(1, 2, 2, 3), OutputGradient.A_MINUS_Y));
        assertTrue(e.getMessage().contains("label 3.0 at column 1 is not a class index 0..2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BatchGradients.mean(net, 0, out, 0, 0, out));
        assertTrue(e.getMessage().startsWith("BatchGradients.mean: m is 0"), e.getMessage());
    }

    @Test
    void nonFiniteOutputsGiveNaNAndTheRunReportsDivergence() {
        Network net = Network.of(2, 1);
        net.W(1).set(0, 0, Double.MAX_VALUE);
        BatchGradients pass = new BatchGradients(net, Matrix.of(2, 1, 10, 0), Matrix.of(1, 1, 1), OutputGradient.A_MINUS_Y);
        assertTrue(Double.isNaN(pass.sums(new Gradients(net), true)));
        TrainingRun run = new TrainingRun(Trainer.builder().iterations(3).build(), net, new NumpyRandom(1).state());
        TrainingDivergedException d = assertThrows(TrainingDivergedException.class, () -> run.step(Double.NaN, new Gradients(net), false));
        assertEquals("Output Z[L]", d.quantity());
        assertEquals(0, d.iteration());
    }
}
