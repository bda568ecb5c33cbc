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
            NumpyRandom data = new NumpyRandom(4);
            Matrix X = data.randn(600, 300);
            Matrix Y = data.rand(1, 300).lessThan(0.5);
            Network net = Network.of(600, 64, 16, 1);
            TrainingResult r = Trainer.builder().learningRate(0.001).epochs(6).batchSize(64).initializer(Initializer.HE).seed(1)
                    .costEvery(1).l2(0.1).keepProb(0.8).updateRule(new Adam()).build().fit(net, X, Y);
            long h = 17;
            for (Map.Entry<String, Matrix> e : net.parameters().entrySet()) {
                for (double v : e.getValue().data()) {
                    h = h * 31 + Double.doubleToLongBits(v);
                }
            }
            for (double c : r.costs()) {
                h = h * 31 + Double.doubleToLongBits(c);
            }
            System.out.println("bits " + Long.toHexString(h) + " threads " + dlbasics.matrix.Gemm.threads());
        }
    }

    private static String run(int threads) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "-Ddlbasics.threads=" + threads, Main.class.getName()).redirectErrorStream(true).start();
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
}
