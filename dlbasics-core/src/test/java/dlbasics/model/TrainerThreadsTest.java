package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mini-batch Adam with L2 and dropout gives the same bits on 1 and 2 threads: Gemm splits products of
 * at least 2^17 multiply-adds across threads (here 64 x 600 x 64 per batch), and each entry is summed by
 * one thread in one order; the batch gather (600 x 64) and Adam's step on W1 (64 x 600) are split too. The thread count is fixed per JVM, so each count runs in a child JVM that
 * prints the parameters' bits.
 */
class TrainerThreadsTest {
    /** Trains and prints one line: the bits of every parameter, hashed, and the costs' bits. */
    public static final class Main {
        public static void main(String[] args) {
            trainAndPrint(4, 300, Network.of(600, 64, 16, 1), Trainer.builder().learningRate(0.001).epochs(6).batchSize(64)
                    .initializer(Initializer.HE).seed(1).costEvery(1).l2(0.1).keepProb(0.8).updateRule(new Adam()));
        }
    }

    /**
     * The Gram form of the first layer ({@link FirstLayer#GRAM}) with momentum, L2, dropout and decay: G = Xᵀ·X
     * (64 x 3000 x 64), dZ1·G (40 x 64 x 64) and W1's rebuild C·Xᵀ at every recorded cost are all split.
     */
    public static final class GramMain {
        public static void main(String[] args) {
            TrainingListener reader = new TrainingListener() {
                @Override
                public void onCost(TrainingEvent e) {
                    e.network();
                }
            };
            trainAndPrint(5, 64, Network.of(3000, 40, 7, 1), Trainer.builder().learningRate(0.01).iterations(40)
                    .initializer(Initializer.HE).seed(1).costEvery(5).l2(0.1).keepProb(0.8).updateRule(new Momentum())
                    .decay(LearningRateDecay.inverseTime(0.1)).firstLayer(FirstLayer.GRAM).listener(reader));
        }
    }

    /** Trains {@code net} on {@code randn(n0, m)} with random labels drawn from {@code seed}; prints the bits' hash. */
    private static void trainAndPrint(long seed, int m, Network net, Trainer.Builder builder) {
        NumpyRandom data = new NumpyRandom(seed);
        Matrix X = data.randn(net.inputSize(), m);
        Matrix Y = data.rand(1, m).lessThan(0.5);
        TrainingResult r = builder.build().fit(net, X, Y);
        System.out.println("bits " + Long.toHexString(hash(net, r)) + " threads " + dlbasics.matrix.Gemm.threads());
    }

    private static long hash(Network net, TrainingResult r) {
        long h = 17;
        for (Map.Entry<String, Matrix> e : net.parameters().entrySet()) {
            for (double v : e.getValue().data()) {
                h = h * 31 + Double.doubleToLongBits(v);
            }
        }
        for (double c : r.costs()) {
            h = h * 31 + Double.doubleToLongBits(c);
        }
        return h;
    }

    private static String run(int threads) throws IOException, InterruptedException {
        return run(threads, Main.class);
    }

    private static String run(int threads, Class<?> main) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "-Ddlbasics.threads=" + threads, main.getName()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.startsWith("bits ")).findFirst().orElse(out);
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBits() throws Exception {
        String one = run(1);
        String two = run(2);
        assertTrue(one.endsWith("threads 1"), one);
        assertTrue(two.endsWith("threads 2"), two);
        assertEquals(one.replace("threads 1", ""), two.replace("threads 2", ""));
    }

    @Test
    void theGramFormGivesTheSameBitsOnOneAndTwoThreads() throws Exception {
        String one = run(1, GramMain.class);
        String two = run(2, GramMain.class);
        assertTrue(one.endsWith("threads 1"), one);
        assertTrue(two.endsWith("threads 2"), two);
        assertEquals(one.replace("threads 1", ""), two.replace("threads 2", ""));
    }
}
