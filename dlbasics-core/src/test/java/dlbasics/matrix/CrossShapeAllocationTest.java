package dlbasics.matrix;

import dlbasics.model.LogisticRegression;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard against the Vector API cliff (bench/NOTES.md, "Cross-shape runs in one JVM"): the course's
 * shapes one after another in one JVM — the flower network's tiny products, logistic regression's
 * one-row products on a packed X, the L-layer network's, the flower's again — each allocate nothing per
 * product (and per training iteration) once compiled, on the calling thread and the pool's workers.
 * When C2 boxes vectors, every product allocates its accumulators over and over (the cliff: 26 GB for
 * 300 iterations of logistic regression after a flower run), so an allocation count catches it without
 * timing anything. X has 3000 rows instead of the cat images' 12288: the same kernels and paths
 * (packed in 2 blocks of p), a fifth of the time.
 *
 * <p>Before C2 has compiled a path the interpreter and C1 box vectors too, so each phase repeats its
 * products until a batch allocates (almost) nothing, and fails if that does not happen within its time.
 */
class CrossShapeAllocationTest {
    /** Bytes per product or iteration allowed: a stray object now and then, not a vector per step. */
    private static final double BOUND = 64;
    /**
     * How long a phase may take to reach the bound: C2 compiles each new path in 50-100 ms of CPU, but on
     * a machine loaded 5x over (other builds) its compiler thread waited seconds for a core.
     */
    private static final long PHASE_NANOS = 8_000_000_000L;
    private static final int NX = 3000;
    private static final int M = 209;

    private static Matrix X;
    private static Matrix Y;
    private static Matrix flowerX;
    private static Matrix flowerY;

    @BeforeAll
    static void data() {
        NumpyRandom rng = new NumpyRandom(11);
        X = uniform(rng, NX, M);
        Y = labels(rng, M);
        flowerX = GemmKernelsTest.randn(rng, 2, 400);
        flowerY = labels(rng, 400);
    }

    private static Matrix uniform(NumpyRandom rng, int rows, int cols) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble();
        }
        return Matrix.wrap(rows, cols, d);
    }

    private static Matrix labels(NumpyRandom rng, int m) {
        double[] d = new double[m];
        for (int i = 0; i < m; i++) {
            d[i] = rng.nextDouble() < 0.5 ? 1.0 : 0.0;
        }
        return Matrix.wrap(1, m, d);
    }

    /** This thread and the pool's workers (named dlbasics-gemm-N), found outside the measured windows. */
    private static long[] threads() {
        Gemm.multiply(Matrix.zeros(64, 64), false, Matrix.zeros(64, 64), false, Matrix.zeros(64, 64)); // the pool
        List<Long> ids = new ArrayList<>();
        ids.add(Thread.currentThread().getId());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("dlbasics-gemm-")) {
                ids.add(t.getId());
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** Bytes allocated so far by the given threads (allocates nothing itself). */
    private static long allocated(long[] threads) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads) {
            sum += Math.max(0, bean.getThreadAllocatedBytes(id));
        }
        return sum;
    }

    private static void assumeCounting() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
    }

    /** A product with its operands and output. */
    private record Product(String name, Matrix a, boolean transA, Matrix b, boolean transB, Matrix c) {
        void run() {
            Gemm.multiply(a, transA, b, transB, c);
        }
    }

    private static Product product(NumpyRandom rng, String name, int ar, int ac, boolean ta, Matrix b, boolean tb) {
        Matrix a = GemmKernelsTest.randn(rng, ar, ac);
        int n = ta ? ac : ar;
        int m = tb ? b.rows() : b.cols();
        return new Product(name, a, ta, b, tb, Matrix.zeros(n, m));
    }

    /** The products of one training step of a network with layer sizes dims on m examples of X. */
    private static List<Product> step(NumpyRandom rng, Matrix X, int... dims) {
        List<Product> products = new ArrayList<>();
        int m = X.cols();
        Matrix in = X.fixed();
        for (int l = 1; l < dims.length; l++) {
            String layer = "layer " + l + " " + dims[l] + "x" + dims[l - 1];
            Matrix APrev = l == 1 ? in : GemmKernelsTest.randn(rng, dims[l - 1], m);
            products.add(product(rng, "Z = W·APrev, " + layer, dims[l], dims[l - 1], false, APrev, false));
            products.add(product(rng, "dW = dZ·APrevᵀ, " + layer, dims[l], m, false, APrev, true));
            if (l > 1) {
                products.add(product(rng, "dAPrev = Wᵀ·dZ, " + layer, dims[l], dims[l - 1], true,
                        GemmKernelsTest.randn(rng, dims[l], m), false));
            }
        }
        return products;
    }

    /**
     * Runs the products in batches until a batch allocates under {@link #BOUND} bytes per product; fails
     * with the last batches' numbers if the phase's time runs out first.
     */
    private static void settles(String phase, List<Product> products, int batch) {
        long end = System.nanoTime() + PHASE_NANOS;
        StringBuilder seen = new StringBuilder();
        long[] threads = threads();
        while (true) {
            long before = allocated(threads);
            for (int r = 0; r < batch; r++) {
                for (Product p : products) {
                    p.run();
                }
            }
            double perProduct = (double) (allocated(threads) - before) / (batch * products.size());
            if (perProduct < BOUND) {
                return;
            }
            seen.append(String.format(" %.0f", perProduct));
            if (seen.length() > 200) {
                seen.delete(0, seen.length() - 200);
            }
            assertTrue(System.nanoTime() < end, phase + ": bytes per product of the last batches:" + seen
                    + "; the products still allocate after " + PHASE_NANOS / 1_000_000_000 + " s ("
                    + products.get(0).name() + ", ...): are vectors being boxed? See bench/NOTES.md");
        }
    }

    @Test
    void productsOfEveryShapeStopAllocatingWhateverRanBefore() {
        assumeCounting();
        NumpyRandom rng = new NumpyRandom(5);
        List<Product> flower = new ArrayList<>();
        for (int h : new int[] {4, 12, 25, 50}) {
            flower.addAll(step(rng, flowerX, 2, h, 1));
        }
        List<Product> logistic = step(rng, X, NX, 1);
        List<Product> deep = step(rng, X, NX, 20, 7, 5, 1);
        List<Product> twoLayer = step(rng, X, NX, 7, 1);
        settles("flower, hidden 4 to 50", flower, 50);
        settles("logistic regression after the flower", logistic, 10);
        settles("L-layer after logistic regression", deep, 2);
        settles("two-layer after the L-layer", twoLayer, 4);
        settles("flower again", flower, 50);
        settles("logistic regression again", logistic, 10);
    }

    /**
     * Bytes per iteration of {@code fit}: a long run's bytes minus a short one's over the extra
     * iterations (the per-fit buffers and X's packed copy cancel), the best of the tries while C2 catches up.
     */
    private static void iterationsStopAllocating(String name, IntFunction<Runnable> fit, int shortRun, int longRun) {
        fit.apply(shortRun).run(); // warm-up
        StringBuilder seen = new StringBuilder();
        double best = Double.POSITIVE_INFINITY;
        long end = System.nanoTime() + PHASE_NANOS;
        long[] threads = threads();
        for (int attempt = 0; best >= BOUND && (attempt < 3 || System.nanoTime() < end); attempt++) {
            long a0 = allocated(threads);
            fit.apply(shortRun).run();
            long a1 = allocated(threads);
            fit.apply(longRun).run();
            long a2 = allocated(threads);
            double perIteration = (double) ((a2 - a1) - (a1 - a0)) / (longRun - shortRun);
            seen.append(String.format(" %.0f", perIteration));
            best = Math.min(best, perIteration);
        }
        assertTrue(best < BOUND, name + ": bytes per iteration" + seen + "; an iteration must reuse its buffers "
                + "and its products must not box vectors (bench/NOTES.md, \"Cross-shape runs in one JVM\")");
    }

    private static Runnable fitOf(Network net, Matrix X, Matrix Y, double rate, int iterations) {
        Trainer trainer = Trainer.builder().learningRate(rate).iterations(iterations).seed(1)
                .initializer(Initializer.HE).build();
        return () -> trainer.fit(net, X, Y);
    }

    @Test
    void trainingRunsOfEveryShapeStopAllocatingWhateverRanBefore() {
        assumeCounting();
        for (int h : new int[] {12, 30}) {
            iterationsStopAllocating("flower, hidden " + h,
                    its -> fitOf(Network.of(Activation.TANH, 2, h, 1), flowerX, flowerY, 1.2, its), 200, 1200);
        }
        iterationsStopAllocating("logistic regression after the flower",
                its -> () -> LogisticRegression.trainer(0.005, its).fit(LogisticRegression.network(NX), X, Y), 10, 60);
        iterationsStopAllocating("L-layer after logistic regression",
                its -> fitOf(Network.of(Activation.RELU, NX, 20, 7, 5, 1), X, Y, 0.0075, its), 10, 40);
        iterationsStopAllocating("flower again, hidden 20",
                its -> fitOf(Network.of(Activation.TANH, 2, 20, 1), flowerX, flowerY, 1.2, its), 200, 1200);
    }
}
