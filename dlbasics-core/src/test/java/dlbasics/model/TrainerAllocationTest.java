package dlbasics.model;

import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An iteration allocates nothing: every buffer is allocated once per fit. Measured with the JVM's
 * per-thread allocation counter (not a timing test): the bytes of a long run minus those of a short
 * run on the same network, divided by the extra iterations, after a warm-up so that the JIT has
 * compiled the loop, on every shape of {@link NetworkShapes}. What remains is the longer cost history
 * (one recorded cost every 10 iterations). The bound is generous.
 */
class TrainerAllocationTest {
    /** Counts calls, so that the listener path (one reused event) is measured too. */
    private static final class Counter implements TrainingListener {
        long costs;
        long updates;

        @Override
        public void onCost(TrainingEvent e) {
            costs++;
        }

        @Override
        public void onUpdate(TrainingEvent e) {
            updates++;
        }
    }

    private static long allocatedBytesOf(NetworkShapes shape, GeneratedData data, int iterations, TrainingListener listener) {
        return allocatedBytesOf(shape, data, iterations, listener, false);
    }

    /**
     * With {@code miniBatches}: Adam on shuffled batches of a third of the examples (plus a partial
     * one), L2 and dropout, so the per-epoch shuffle, the batch copies and the masks are measured too.
     */
    private static long allocatedBytesOf(NetworkShapes shape, GeneratedData data, int iterations, TrainingListener listener,
                                         boolean miniBatches) {
        return allocatedBytesOf(shape, data, iterations, listener, miniBatches, false);
    }

    /** With {@code gram}: the Gram form of the first layer with momentum, L2, dropout and decay. */
    private static long allocatedBytesOf(NetworkShapes shape, GeneratedData data, int iterations, TrainingListener listener,
                                         boolean miniBatches, boolean gram) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Trainer.Builder builder = Trainer.builder().learningRate(0.05).iterations(iterations).seed(1)
                .initializer(Initializer.HE).costEvery(10).listener(listener);
        if (miniBatches) {
            builder.batchSize(Math.max(1, data.X.cols() / 3)).updateRule(new Adam()).l2(0.1).keepProb(0.8).learningRate(0.001);
        }
        if (gram) {
            builder.firstLayer(FirstLayer.GRAM).updateRule(new Momentum()).l2(0.1).keepProb(0.8)
                    .decay(LearningRateDecay.inverseTime(0.01)).learningRate(0.001);
        }
        Trainer trainer = builder.build();
        Network net = shape.network();
        long before = bean.getThreadAllocatedBytes(thread);
        trainer.fit(net, data.X, data.Y);
        return bean.getThreadAllocatedBytes(thread) - before;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dlbasics.model.NetworkShapes#all")
    void anIterationAllocatesAlmostNothing(NetworkShapes shape) {
        measure(shape, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dlbasics.model.NetworkShapes#all")
    void aMiniBatchEpochWithAdamL2AndDropoutAllocatesAlmostNothing(NetworkShapes shape) {
        // A mini-batch X is refilled every step, so it is read unpacked (not a fixed view): this covers
        // Gemm's in-place path on the 3000-wide shape too.
        measure(shape, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dlbasics.model.NetworkShapes#all")
    void aGramFormIterationWithMomentumL2AndDropoutAllocatesAlmostNothing(NetworkShapes shape) {
        measure(shape, false, true);
    }

    private static void measure(NetworkShapes shape, boolean miniBatches) {
        measure(shape, miniBatches, false);
    }

    private static void measure(NetworkShapes shape, boolean miniBatches, boolean gram) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        int shortRun = shape.large() ? 50 : 1_000;
        int longRun = shape.large() ? 350 : 11_000;
        GeneratedData data = shape.data(5);
        Counter counter = new Counter();
        allocatedBytesOf(shape, data, longRun, counter, miniBatches, gram); // warm-up: let the JIT compile the loop
        // Before C2 has compiled them, the Vector API kernels box their vectors; on a busy machine the
        // compiler may still be behind after the warm-up, so the best of three measurements counts.
        String measured = "";
        double best = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < 3 && best >= 64; attempt++) {
            long shortBytes = allocatedBytesOf(shape, data, shortRun, counter, miniBatches, gram);
            long longBytes = allocatedBytesOf(shape, data, longRun, counter, miniBatches, gram);
            double perIteration = (double) (longBytes - shortBytes) / (longRun - shortRun);
            measured += String.format(" %.1f (short run %d bytes, long run %d bytes);", perIteration, shortBytes, longBytes);
            best = Math.min(best, perIteration);
        }
        assertTrue(best < 64, shape + ": bytes per iteration" + measured + " an iteration must reuse its buffers");
        assertTrue(counter.updates % (longRun + shortRun) == longRun, "the listener heard every update");
    }
}
