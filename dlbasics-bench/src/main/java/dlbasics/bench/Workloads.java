package dlbasics.bench;

import dlbasics.data.Dataset;
import dlbasics.matrix.Gemm;
import dlbasics.matrix.Matrix;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Helpers of {@code bench/compare.py}: the peak FLOP rate, the course's products timed on their own,
 * and the export of the cat training set for the numpy side. (compare.py times the training runs
 * through the {@code dlbasics} command; {@code train} here runs them through {@link Trainer}, and
 * {@link #workload} gives the course's settings to the JMH benchmarks.) One result line per
 * measurement ({@code key=value} pairs) on standard output. Timings cover the work only (data already
 * loaded); JIT warm-up is included in training runs, as a user would see it.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Ddlbasics.shared=../shared -cp benchmarks.jar dlbasics.bench.Workloads
 *     train llayer|twolayer|logreg|flower [iterations]
 *     gemm [seconds per shape] [name]   the course's products, median time and GFLOP/s (only the
 *                                       shapes whose name, " [X packed]" included, contains name)
 *     peak [threads]                    FMA and multiply+add peak GFLOP/s
 *     export DIR                        the cat training set as DIR/train_x.npy, train_y.npy
 * </pre>
 * Threads: {@code -Ddlbasics.threads=N}.
 */
public final class Workloads {
    private Workloads() {
    }

    /** A course workload: network, initialisation, learning rate, iterations, cost interval. */
    public record Workload(String name, int[] dims, Initializer init, long seed, double rate, int iterations, int every) {
        /** The network, untrained (its weights are drawn by the trainer from the seed). */
        public Network network() {
            return Network.of("flower".equals(name) ? Activation.TANH : Activation.RELU, dims);
        }

        /** The course's trainer for this workload with {@code its} iterations. */
        Trainer trainer(int its) {
            return Trainer.builder().learningRate(rate).iterations(its).initializer(init).seed(seed).costEvery(every).build();
        }
    }

    /** llayer, twolayer, logreg or flower, with the course's settings. */
    public static Workload workload(String name) {
        switch (name) {
            case "llayer":
                return new Workload(name, new int[] {12288, 20, 7, 5, 1}, Initializer.SCALED_BY_FAN_IN, 1, 0.0075, 2500, 100);
            case "twolayer":
                return new Workload(name, new int[] {12288, 7, 1}, Initializer.SMALL_RANDOM, 1, 0.0075, 2500, 100);
            case "logreg":
                return new Workload(name, new int[] {12288, 1}, Initializer.ZEROS, 0, 0.005, 2000, 100);
            case "flower":
                return new Workload(name, new int[] {2, 4, 1}, Initializer.SMALL_RANDOM, 2, 1.2, 10000, 1000);
            default:
                throw new IllegalArgumentException("Workloads: unknown workload \"" + name
                        + "\"; use llayer, twolayer, logreg or flower");
        }
    }

    static Path shared() {
        return Path.of(System.getProperty("dlbasics.shared", "../shared"));
    }

    static Dataset data(String workload) {
        return "flower".equals(workload) ? Planar.flower() : CatData.load(shared(), "train");
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Workloads train WORKLOAD [iterations] | gemm [seconds] [name] | peak [threads] | export DIR");
            System.exit(2);
        }
        switch (args[0]) {
            case "train":
                train(args[1], args.length > 2 ? Integer.parseInt(args[2]) : -1);
                break;
            case "gemm":
                gemm(args.length > 1 ? Double.parseDouble(args[1]) : 2.0, args.length > 2 ? args[2] : "");
                break;
            case "peak":
                peak(args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors());
                break;
            case "export": {
                Dataset d = CatData.load(shared(), "train");
                Path dir = Path.of(args[1]);
                Files.createDirectories(dir);
                Npy.write(d.X(), dir.resolve("train_x.npy"));
                Npy.write(d.Y(), dir.resolve("train_y.npy"));
                break;
            }
            default:
                System.err.println("Workloads: unknown command " + args[0]);
                System.exit(2);
        }
    }

    static void train(String name, int iterations) {
        Workload w = workload(name);
        int its = iterations > 0 ? iterations : w.iterations();
        Dataset d = data(name);
        Network net = w.network();
        Trainer trainer = w.trainer(its);
        long t0 = System.nanoTime();
        TrainingResult result = trainer.fit(net, d.X(), d.Y());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cost = result.finalCost();
        System.out.printf(Locale.ROOT, "train workload=%s iterations=%d seconds=%.4f last_recorded_cost=%.6f "
                        + "train_accuracy=%.4f threads=%d kernel=\"%s\"%n",
                name, its, seconds, cost, 100 * net.accuracy(d.X(), d.Y()), Gemm.threads(), Gemm.implementation());
    }

    /**
     * The products of the cat networks, each timed repeatedly for about {@code seconds}: as stored
     * ({@code Gemm.multiply} on plain matrices, X read in place) and, for the products with X, also on X
     * passed as a {@link Matrix#fixed()} view (Gemm reads its packed copy; shape name suffixed {@value #PACKED}), which is how the trainer's
     * first layer runs them. Only the shapes whose name (with the suffix) contains {@code only} are timed
     * ("" for all; e.g. "20x12288" for both W1·X with 20 rows, "W1.X 20x12288.12288x209 [X packed]" for one).
     */
    static void gemm(double seconds, String only) {
        NumpyRandom rng = new NumpyRandom(0);
        Matrix X = rng.randn(12288, 209);
        Matrix XF = X.fixed();
        Object[][] shapes = {
            // name, A rows, A cols, transA, B rows, B cols, transB
            {"W1.X 20x12288.12288x209", 20, 12288, false, 12288, 209, false},
            {"dZ1.Xt 20x209.(12288x209)t", 20, 209, false, 12288, 209, true},
            {"W1.X 7x12288.12288x209", 7, 12288, false, 12288, 209, false},
            {"dZ1.Xt 7x209.(12288x209)t", 7, 209, false, 12288, 209, true},
            {"w.X 1x12288.12288x209", 1, 12288, false, 12288, 209, false},
            {"dZ.Xt 1x209.(12288x209)t", 1, 209, false, 12288, 209, true},
            {"W2t.dZ2 (7x20)t.7x209", 7, 20, true, 7, 209, false},
            {"W2.A1 7x20.20x209", 7, 20, false, 20, 209, false},
            {"dZ2.A1t 7x209.(20x209)t", 7, 209, false, 20, 209, true},
        };
        for (Object[] s : shapes) {
            int ar = (Integer) s[1];
            int ac = (Integer) s[2];
            boolean ta = (Boolean) s[3];
            int br = (Integer) s[4];
            int bc = (Integer) s[5];
            boolean tb = (Boolean) s[6];
            Matrix a = rng.randn(ar, ac);
            Matrix b = br == 12288 ? X : rng.randn(br, bc);
            int n = ta ? ac : ar;
            int k = ta ? ar : ac;
            int m = tb ? br : bc;
            Matrix c = Matrix.zeros(n, m);
            String name = (String) s[0];
            if (name.contains(only)) {
                report(name, n, k, m, time(seconds, () -> Gemm.multiply(a, ta, b, tb, c)));
            }
            if (b == X && (name + PACKED).contains(only)) {
                Runnable packed = () -> Gemm.multiply(a, false, XF, tb, c);
                report(name + PACKED, n, k, m, time(seconds, packed));
            }
        }
    }

    /** Suffix of the shape names of products on X packed once. */
    static final String PACKED = " [X packed]";

    /** Median nanoseconds of single calls over about {@code seconds}, after a third of that of warm-up. */
    private static double time(double seconds, Runnable product) {
        long end = System.nanoTime() + (long) (seconds / 3 * 1e9);
        while (System.nanoTime() < end) {
            product.run();
        }
        double[] times = new double[100000];
        int count = 0;
        end = System.nanoTime() + (long) (seconds * 1e9);
        while (count < times.length && (System.nanoTime() < end || count < 5)) {
            long t0 = System.nanoTime();
            product.run();
            times[count++] = System.nanoTime() - t0;
        }
        double[] sorted = Arrays.copyOf(times, count);
        Arrays.sort(sorted);
        return sorted[count / 2];
    }

    private static void report(String shape, int n, int k, int m, double medianNanos) {
        double flops = 2.0 * n * k * m;
        System.out.printf(Locale.ROOT, "gemm shape=\"%s\" n=%d k=%d m=%d median_ms=%.4f gflops=%.2f threads=%d kernel=\"%s\"%n",
                shape, n, k, m, medianNanos / 1e6, flops / medianNanos, Gemm.threads(), Gemm.implementation());
    }

    static void peak(int maxThreads) throws InterruptedException {
        for (boolean fused : new boolean[] {true, false}) {
            for (int t = 1; t <= maxThreads; t++) {
                PeakFlops.measure(t, 20_000_000L, fused);
                double best = 0;
                double bestCpu = 0;
                for (int r = 0; r < 5; r++) {
                    double[] g = PeakFlops.measure(t, 50_000_000L, fused);
                    best = Math.max(best, g[0]);
                    bestCpu = Math.max(bestCpu, g[1]);
                }
                System.out.printf(Locale.ROOT, "peak kind=%s threads=%d gflops=%.2f cpu_gflops=%.2f%n",
                        fused ? "fma" : "mul+add", t, best, bestCpu);
            }
        }
    }
}
