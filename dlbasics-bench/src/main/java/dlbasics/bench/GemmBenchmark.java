package dlbasics.bench;

import dlbasics.matrix.Gemm;
import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Gemm#multiply} at the shapes of the course's cat networks, on 1 and 2 threads, with the
 * Vector API kernel and the plain-Java fallback. Each parameter combination runs in its own JVM, so
 * the system properties set in {@link #setUp()} take effect before Gemm is loaded.
 *
 * <pre>java -jar dlbasics-bench/target/benchmarks.jar GemmBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
    /**
     * W1X: W1·X, 20x12288 · 12288x209; dW1: dZ1·Xᵀ, 20x209 · (12288x209)ᵀ; W1X7 and dW17: the same with
     * the two-layer network's 7 units; wX and dw: logistic regression's w·X (1x12288 · 12288x209) and
     * dZ·Xᵀ (1x209 · (12288x209)ᵀ); dA1: W2ᵀ·dZ2, (7x20)ᵀ · 7x209. A trailing "p" passes X as a
     * {@link Matrix#fixed()} view, as the training loop does, so Gemm reads its packed copy.
     */
    @Param({"W1Xp", "dW1p", "W1X7p", "dW17p", "wXp", "dwp", "W1X", "dW1", "W1X7", "dW17", "dA1"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    @Param({"vector", "plain"})
    public String kernel;

    private Matrix a;
    private Matrix b;
    private Matrix c;
    private boolean transA;
    private boolean transB;

    @Setup
    public void setUp() {
        System.setProperty("dlbasics.threads", Integer.toString(threads));
        System.setProperty("dlbasics.vector", Boolean.toString("vector".equals(kernel)));
        NumpyRandom rng = new NumpyRandom(0);
        String base = shape.endsWith("p") ? shape.substring(0, shape.length() - 1) : shape;
        int units = base.endsWith("7") ? 7 : base.startsWith("w") || base.startsWith("dw") ? 1 : 20;
        switch (base) {
            case "wX":
            case "W1X":
            case "W1X7":
                a = rng.randn(units, 12288);
                b = rng.randn(12288, 209);
                c = Matrix.zeros(units, 209);
                break;
            case "dw":
            case "dW1":
            case "dW17":
                a = rng.randn(units, 209);
                b = rng.randn(12288, 209);
                c = Matrix.zeros(units, 12288);
                transB = true;
                break;
            default:
                a = rng.randn(7, 20);
                b = rng.randn(7, 209);
                c = Matrix.zeros(20, 209);
                transA = true;
        }
        if (shape.endsWith("p")) {
            b = b.fixed();
        }
        if (!Gemm.implementation().startsWith("vector".equals(kernel) ? "Vector API" : "plain Java")) {
            throw new IllegalStateException("wrong kernel: " + Gemm.implementation());
        }
    }

    @Benchmark
    public Matrix multiply() {
        Gemm.multiply(a, transA, b, transB, c);
        return c;
    }
}
