package dlbasics.model;

import dlbasics.data.Dataset;
import dlbasics.data.PlanarData;
import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer's fused step for small networks ({@link SmallNetworkStep}) gives the same bits as the
 * general step ({@link GradientDescentStep}): the same parameters after N iterations and the same recorded
 * costs, for several layer sizes (one unit to {@value SmallNetworkStep#MAX_WIDTH}, one to four layers),
 * every hidden activation, both output gradients and several seeds, on the course's flower network (past
 * the step's switch of block size), and step by step across that switch.
 */
class SmallNetworkStepTest {
    private static final long[] SEEDS = {1, 2, 3};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {{2, 4, 1}, {2, 1}, {1, 1}, {3, 5, 8, 4, 1}, {8, 8, 1}, {6, 1, 3, 1}, {7, 6, 7, 1}};
        int[] examples = {37, 1, 64};
        int c = 0;
        for (int[] dims : shapes) {
            for (Activation hidden : Activation.values()) {
                for (OutputGradient gradient : OutputGradient.values()) {
                    for (long seed : SEEDS) {
                        cases.add(Arguments.of(dims, hidden, gradient, seed, examples[c++ % examples.length]));
                    }
                }
            }
        }
        return cases.stream();
    }

    /** X = randn(n0, m) from the seed; label 1 where x0 + x0·x_last > 0 (so hidden layers matter). */
    private static Dataset data(long seed, int n0, int m) {
        Matrix X = new NumpyRandom(seed).randn(n0, m);
        Matrix Y = Matrix.zeros(1, m);
        for (int j = 0; j < m; j++) {
            double x0 = X.get(0, j);
            Y.set(0, j, x0 + x0 * X.get(n0 - 1, j) > 0 ? 1 : 0);
        }
        return new Dataset(X, Y, List.of("0", "1"));
    }

    @ParameterizedTest(name = "{0} {1} {2} seed {3} m {4}")
    @MethodSource("cases")
    void givesTheGeneralStepsParametersAndCostsBitForBit(int[] dims, Activation hidden, OutputGradient gradient,
                                                         long seed, int m) {
        String what = "seed " + seed + ", " + Arrays.toString(dims) + " " + hidden + " " + gradient + " m=" + m;
        assertTrue(SmallNetworkStep.fits(Network.of(hidden, dims)), what + ": the case must take the fused step");
        Dataset data = data(seed, dims[0], m);
        Trainer trainer = Trainer.builder().learningRate(0.3).iterations(300).costEvery(7).seed(seed)
                .initializer(Initializer.HE).outputGradient(gradient).build();
        assertSameRun(trainer, hidden, dims, data, what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputGradients")
    void theFlowerNetworkGivesTheGeneralStepsBits(OutputGradient gradient) {
        Dataset flower = PlanarData.flower(1);
        Trainer trainer = Trainer.builder().learningRate(1.2).iterations(SmallNetworkStep.WARM_UP_ITERATIONS + 500).costEvery(100).seed(2)
                .initializer(Initializer.SMALL_RANDOM).outputGradient(gradient).build();
        assertSameRun(trainer, Activation.TANH, new int[]{2, 4, 1}, flower, "flower " + gradient);
    }

    static Stream<OutputGradient> outputGradients() {
        return Stream.of(OutputGradient.values());
    }

    /**
     * The step's two block sizes (warm-up blocks of {@value SmallNetworkStep#WARM_UP_BLOCK} examples, then
     * {@value SmallNetworkStep#BLOCK}) give the general step's bits before and after the switch, here after
     * 3 iterations, with one to three blocks of each size, and without warm-up blocks for a large data set.
     */
    @ParameterizedTest(name = "seed {0} m {1}")
    @MethodSource("blockCases")
    void switchesBlockSizesWithoutChangingABit(long seed, int m) {
        String what = "seed " + seed + ", m=" + m;
        int[] dims = {3, 5, 2, 1};
        Dataset data = data(seed, dims[0], m);
        Network fused = Network.of(Activation.TANH, dims);
        Network general = Network.of(Activation.TANH, dims);
        fused.initialize(Initializer.HE, new NumpyRandom(seed));
        general.initialize(Initializer.HE, new NumpyRandom(seed));
        TrainingStep f = new SmallNetworkStep(fused, data.X(), data.Y(), OutputGradient.SIMPLIFIED, 3);
        TrainingStep g = new GradientDescentStep(general, data.X(), data.Y(), OutputGradient.SIMPLIFIED);
        for (int i = 0; i < 8; i++) {
            f.forwardWithoutCost();
            g.forwardWithoutCost();
            assertEquals(Double.doubleToRawLongBits(g.cost()), Double.doubleToRawLongBits(f.cost()), what + ": cost at iteration " + i);
            assertArrayEquals(bits(g.outputLogits().data()), bits(f.outputLogits().data()), what + ": Z[L] at iteration " + i);
            f.backward();
            g.backward();
            f.update(0.5);
            g.update(0.5);
            for (int l = 1; l <= general.numLayers(); l++) {
                assertArrayEquals(bits(general.W(l).data()), bits(fused.W(l).data()), what + ": W" + l + " at iteration " + i);
                assertArrayEquals(bits(general.b(l).data()), bits(fused.b(l).data()), what + ": b" + l + " at iteration " + i);
            }
        }
    }

    static Stream<Arguments> blockCases() {
        int[] ms = {1, 63, 64, 65, 400, 512, 513, 1100, SmallNetworkStep.WARM_UP_MAX_EXAMPLES + 1};
        List<Arguments> cases = new ArrayList<>();
        for (int k = 0; k < ms.length; k++) {
            cases.add(Arguments.of(10L + k, ms[k]));
        }
        return cases.stream();
    }

    @Test
    void divergesAtTheSameIterationWithTheSameMessage() {
        Dataset data = data(4, 3, 50);
        Trainer trainer = Trainer.builder().learningRate(1e6).iterations(200).costEvery(1).seed(4)
                .initializer(Initializer.HE).build();
        TrainingDivergedException fused = assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(Network.of(Activation.RELU, 3, 5, 1), data));
        TrainingDivergedException general = assertThrows(TrainingDivergedException.class,
                () -> trainer.withGeneralStepOnly().fit(Network.of(Activation.RELU, 3, 5, 1), data));
        assertEquals(general.getMessage(), fused.getMessage());
    }

    @Test
    void takesOnlySmallNetworksWithOneOutput() {
        assertTrue(SmallNetworkStep.fits(Network.of(Activation.TANH, 2, 4, 1)));
        assertTrue(SmallNetworkStep.fits(Network.of(8, 8, 8, 1)));
        assertFalse(SmallNetworkStep.fits(Network.of(9, 4, 1)), "input wider than 8");
        assertFalse(SmallNetworkStep.fits(Network.of(2, 9, 1)), "hidden layer wider than 8");
        assertFalse(SmallNetworkStep.fits(Network.of(2, 4, 2)), "two outputs");
        assertFalse(SmallNetworkStep.fits(Network.of(12288, 20, 7, 5, 1)), "the cat network");
    }

    /** Trains two copies of the network, fused and general, and compares every parameter's and cost's bits. */
    private static void assertSameRun(Trainer trainer, Activation hidden, int[] dims, Dataset data, String what) {
        Network fused = Network.of(hidden, dims);
        Network general = Network.of(hidden, dims);
        TrainingResult f = trainer.fit(fused, data);
        TrainingResult g = trainer.withGeneralStepOnly().fit(general, data);
        assertEquals(g.iterations(), f.iterations(), what + ": iterations");
        assertArrayEquals(bits(g.costs()), bits(f.costs()), what + ": recorded costs differ");
        for (int l = 1; l <= general.numLayers(); l++) {
            assertArrayEquals(bits(general.W(l).data()), bits(fused.W(l).data()), what + ": W" + l + " differs");
            assertArrayEquals(bits(general.b(l).data()), bits(fused.b(l).data()), what + ": b" + l + " differs");
        }
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
