package dlbasics.model;

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
 * One iteration of {@link Trainer}'s loop ({@link Propagation}'s forward with the cost and backward, then
 * the {@link GradientDescent} update) for
 * the course's networks, on data of the course's shapes (random pixels in [0, 1), random labels: the
 * time does not depend on the values). This class sits in the model package of the bench module to
 * reach the package-private pass. With the GC profiler it shows the allocation per iteration:
 *
 * <pre>java -jar dlbasics-bench/target/benchmarks.jar TrainingStepBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector", "-Xmx256m"})
public class TrainingStepBenchmark {
    /** llayer: [12288, 20, 7, 5, 1]; twolayer: [12288, 7, 1]; logreg: [12288, 1]; flower: [2, 4, 1] tanh. */
    @Param({"llayer", "twolayer", "logreg", "flower"})
    public String workload;

    @Param({"1", "2"})
    public int threads;

    private Propagation pass;
    private UpdateRule.Run update;
    private double rate;

    @Setup
    public void setUp() {
        System.setProperty("dlbasics.threads", Integer.toString(threads));
        dlbasics.bench.Workloads.Workload w = dlbasics.bench.Workloads.workload(workload);
        int m = "flower".equals(workload) ? 400 : 209;
        NumpyRandom rng = new NumpyRandom(0);
        Matrix X = rng.rand(w.dims()[0], m);
        Matrix Y = Matrix.zeros(1, m);
        for (int j = 0; j < m; j++) {
            Y.set(0, j, rng.nextDouble() < 0.35 ? 1 : 0);
        }
        Network net = w.network();
        net.initialize(w.init(), new NumpyRandom(w.seed()));
        pass = new Propagation(net, X, Y, OutputGradient.A_MINUS_Y);
        update = new GradientDescent().start(net);
        rate = w.rate();
    }

    @Benchmark
    public double step() {
        pass.forward();
        double cost = pass.cost();
        pass.backward();
        update.update(pass.gradients(), rate);
        return cost;
    }
}
