package dlbasics.bench;

import dlbasics.data.Dataset;
import dlbasics.matrix.Gemm;
import dlbasics.matrix.Matrix;
import dlbasics.model.LogisticRegression;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The course's workloads one after another in one JVM, in several orders, each against its time alone
 * in a fresh JVM: the benchmark of issue 11 ("speed that holds"). Through the public Trainer API only.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Ddlbasics.shared=../shared -cp benchmarks.jar dlbasics.bench.CrossShape
 *     [all]                     every order, each in a fresh JVM (alone: one JVM per workload); the table
 *     run WORKLOAD...           these workloads in this order in this JVM; one result line each
 * </pre>
 * Workloads: {@code flower} (hidden sizes 1..50, 5000 iterations each; {@code flower:A-B} for sizes A..B),
 * {@code logreg} (12288 x 209, 300 iterations), {@code twolayer} (12288,7,1, 300), {@code llayer}
 * (12288,20,7,5,1, 300), {@code csvdeep} (a 30-feature, 569-example table, (30,20,7,5,1), 2000).
 * The cat workloads read {@code <dlbasics.shared>/datasets/train_catvnoncat.h5} when it is there, else
 * random data of its shape. Iterations scale with {@code -Dcrossshape.scale=F}.
 *
 * <p>Per workload: the training time; bytes allocated per iteration on every thread (calling thread and
 * the pool's workers, ThreadMXBean), counted over the last third of its iterations so that the JIT's
 * warm-up (and a deoptimisation's re-warm-up, which boxes vectors) is left out; and the peak heap (all heap pools' peak usage, reset before each workload).
 * The orders: forward, reverse, and interleaved (the flower's sizes in five blocks between the others).
 * Targets: each within 10 % of alone, allocation per iteration about zero, peak heap bounded.
 */
public final class CrossShape {
    private static final double SCALE = Double.parseDouble(System.getProperty("crossshape.scale", "1"));
    private static final String[] FORWARD = {"flower", "logreg", "twolayer", "llayer", "csvdeep"};
    private static final String[] REVERSE = {"csvdeep", "llayer", "twolayer", "logreg", "flower"};
    private static final String[] INTERLEAVED = {"flower:1-10", "logreg", "flower:11-20", "twolayer",
        "flower:21-30", "llayer", "flower:31-40", "csvdeep", "flower:41-50"};

    private CrossShape() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "run".equals(args[0])) {
            for (int i = 1; i < args.length; i++) {
                Result r = run(args[i]);
                System.out.printf(Locale.ROOT,
                        "crossshape workload=%s seconds=%.4f iterations=%d bytes_per_iteration=%.1f peak_heap_mb=%.1f%n",
                        args[i], r.seconds, r.iterations, r.bytesPerIteration, r.peakHeapMb);
            }
            return;
        }
        if (args.length > 0 && !"all".equals(args[0])) {
            System.err.println("usage: CrossShape [all] | run WORKLOAD... (flower, flower:A-B, logreg, twolayer, "
                    + "llayer, csvdeep)");
            System.exit(2);
        }
        all();
    }

    /** One workload's measurement. */
    record Result(double seconds, long iterations, double bytesPerIteration, double peakHeapMb) {
    }

    /** Runs every order in fresh JVMs and prints the table. */
    static void all() throws IOException, InterruptedException {
        System.out.printf("# CrossShape: %s, %s; uptime: %s%n", Gemm.implementation(),
                System.getProperty("java.version"), uptime());
        Map<String, Result> alone = new LinkedHashMap<>();
        for (String w : FORWARD) {
            alone.putAll(child(w));
        }
        List<String> rows = new ArrayList<>();
        boolean met = true;
        for (String[] order : new String[][] {FORWARD, REVERSE, INTERLEAVED}) {
            String name = order == FORWARD ? "forward" : order == REVERSE ? "reverse" : "interleaved";
            Map<String, Result> got = child(order);
            // the flower's blocks add up to the flower
            Map<String, Result> merged = new LinkedHashMap<>();
            for (Map.Entry<String, Result> e : got.entrySet()) {
                String w = e.getKey().startsWith("flower") ? "flower" : e.getKey();
                Result r = e.getValue();
                merged.merge(w, r, (x, y) -> new Result(x.seconds + y.seconds, x.iterations + y.iterations,
                        (x.bytesPerIteration * x.iterations + y.bytesPerIteration * y.iterations)
                                / (x.iterations + y.iterations), Math.max(x.peakHeapMb, y.peakHeapMb)));
            }
            for (Map.Entry<String, Result> e : merged.entrySet()) {
                Result a = alone.get(e.getKey());
                Result r = e.getValue();
                double ratio = r.seconds / a.seconds;
                boolean ok = ratio <= 1.10 && r.bytesPerIteration < 1024;
                met &= ok;
                rows.add(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.2f | %.0f | %.0f | %.0f | %s |",
                        name, e.getKey(), a.seconds, r.seconds, ratio, a.bytesPerIteration, r.bytesPerIteration,
                        r.peakHeapMb, ok ? "yes" : "no"));
            }
        }
        System.out.println("| order | workload | alone s | in order s | ratio | alone B/it | in order B/it | peak heap MB "
                + "| within 10 %, ~0 B/it |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("# all targets met: %s; uptime at the end: %s%n", met ? "yes" : "no", uptime());
    }

    /** Runs the workloads in a fresh JVM with this JVM's options and class path; their results by name. */
    private static Map<String, Result> child(String... workloads) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CrossShape.class.getName());
        cmd.add("run");
        cmd.addAll(List.of(workloads));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, Result> out = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("#   " + String.join(" ", workloads) + ": " + line);
                Map<String, String> kv = new LinkedHashMap<>();
                for (String part : line.split(" ")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        kv.put(part.substring(0, eq), part.substring(eq + 1));
                    }
                }
                out.put(kv.get("workload"), new Result(Double.parseDouble(kv.get("seconds")),
                        Long.parseLong(kv.get("iterations")), Double.parseDouble(kv.get("bytes_per_iteration")),
                        Double.parseDouble(kv.get("peak_heap_mb"))));
            }
        }
        if (p.waitFor() != 0 || out.size() != workloads.length) {
            throw new IllegalStateException("CrossShape: the run of " + String.join(" ", workloads)
                    + " failed (exit " + p.exitValue() + ", " + out.size() + " results)");
        }
        return out;
    }

    private static String uptime() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Counts bytes on the calling thread and the pool's workers from the iteration given on. */
    private static final class Allocation implements TrainingListener {
        private final long from;
        private long[] threads;
        private long start;
        private long startIteration;
        private long bytes;
        private long counted;

        Allocation(long from) {
            this.from = from;
        }

        @Override
        public void onUpdate(TrainingEvent e) {
            if (e.iteration() == from) {
                threads = threadIds();
                start = allocated(threads);
                startIteration = e.iteration();
            }
        }

        @Override
        public void onEnd(dlbasics.model.TrainingResult r) {
            if (threads != null) {
                bytes += allocated(threads) - start;
                counted += r.iterations() - startIteration;
            }
            threads = null;
        }

        double perIteration() {
            return counted == 0 ? 0 : (double) bytes / counted;
        }
    }

    private static long[] threadIds() {
        List<Long> ids = new ArrayList<>();
        ids.add(Thread.currentThread().getId());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("dlbasics-gemm-")) {
                ids.add(t.getId());
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long allocated(long[] threads) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads) {
            sum += Math.max(0, bean.getThreadAllocatedBytes(id));
        }
        return sum;
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1e6;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static int iterations(int base) {
        return Math.max(2, (int) Math.round(base * SCALE));
    }

    private static Dataset cats;
    private static Dataset table;

    private static Dataset cats() {
        if (cats == null) {
            java.nio.file.Path shared = Workloads.shared();
            cats = Files.exists(shared.resolve("datasets").resolve("train_catvnoncat.h5"))
                    ? CatData.load(shared, "train") : random(12288, 209, 3);
        }
        return cats;
    }

    /** A table like a 30-column CSV (569 rows, the Wisconsin breast-cancer set's shape), standardised. */
    private static Dataset table() {
        if (table == null) {
            Dataset d = random(30, 569, 4);
            double[] x = d.X().data();
            for (int i = 0; i < x.length; i++) {
                x[i] = (x[i] - 0.5) * 3.4;
            }
            table = d;
        }
        return table;
    }

    private static Dataset random(int features, int m, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        Matrix X = Matrix.zeros(features, m);
        Matrix Y = Matrix.zeros(1, m);
        double[] x = X.data();
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        for (int j = 0; j < m; j++) {
            Y.set(0, j, rng.nextDouble() < 0.5 ? 0 : 1);
        }
        return new Dataset(X, Y);
    }

    /** Runs one workload (data loaded first, not timed) and measures it. */
    static Result run(String workload) {
        String name = workload.contains(":") ? workload.substring(0, workload.indexOf(':')) : workload;
        int lo = 1;
        int hi = 50;
        if (workload.contains(":")) {
            String[] range = workload.substring(workload.indexOf(':') + 1).split("-");
            lo = Integer.parseInt(range[0]);
            hi = Integer.parseInt(range[1]);
        }
        List<Runnable> fits = new ArrayList<>();
        List<Allocation> counters = new ArrayList<>();
        long total = 0;
        switch (name) {
            case "flower": {
                Dataset d = Planar.flower();
                int its = iterations(5000);
                for (int h = lo; h <= hi; h++) {
                    Allocation a = new Allocation(its - its / 3);
                    Trainer t = Trainer.builder().learningRate(1.2).iterations(its).seed(2)
                            .initializer(Initializer.SMALL_RANDOM).costEvery(1000).listener(a).build();
                    Network net = Network.of(Activation.TANH, 2, h, 1);
                    fits.add(() -> t.fit(net, d.X(), d.Y()));
                    counters.add(a);
                    total += its;
                }
                break;
            }
            case "logreg": {
                Dataset d = cats();
                int its = iterations(300);
                Allocation a = new Allocation(its - its / 3);
                Trainer t = LogisticRegression.trainerBuilder().learningRate(0.005).iterations(its).costEvery(100)
                        .listener(a).build();
                Network net = LogisticRegression.network(d.X().rows());
                fits.add(() -> t.fit(net, d.X(), d.Y()));
                counters.add(a);
                total += its;
                break;
            }
            case "twolayer":
            case "llayer":
            case "csvdeep": {
                Dataset d = "csvdeep".equals(name) ? table() : cats();
                int[] dims = "twolayer".equals(name) ? new int[] {12288, 7, 1}
                        : "llayer".equals(name) ? new int[] {12288, 20, 7, 5, 1} : new int[] {30, 20, 7, 5, 1};
                int its = iterations("csvdeep".equals(name) ? 2000 : 300);
                Allocation a = new Allocation(its - its / 3);
                Trainer t = Trainer.builder().learningRate(0.0075).iterations(its).seed(1)
                        .initializer("twolayer".equals(name) ? Initializer.SMALL_RANDOM : Initializer.SCALED_BY_FAN_IN)
                        .costEvery(100).listener(a).build();
                Network net = Network.of(Activation.RELU, dims);
                fits.add(() -> t.fit(net, d.X(), d.Y()));
                counters.add(a);
                total += its;
                break;
            }
            default:
                throw new IllegalArgumentException("CrossShape: unknown workload \"" + workload
                        + "\"; use flower, flower:A-B, logreg, twolayer, llayer or csvdeep");
        }
        resetPeaks();
        long t0 = System.nanoTime();
        for (Runnable fit : fits) {
            fit.run();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double bytes = 0;
        long counted = 0;
        for (Allocation a : counters) {
            bytes += a.perIteration() * a.counted;
            counted += a.counted;
        }
        return new Result(seconds, total, counted == 0 ? 0 : bytes / counted, peakHeapMb());
    }
}
