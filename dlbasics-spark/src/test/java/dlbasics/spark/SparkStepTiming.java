package dlbasics.spark;

import dlbasics.matrix.Matrix;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.nn.Activation;
import dlbasics.random.NumpyRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: the measurements behind the README's scaling model. Median milliseconds per step of
 * SparkTrainer (full batch on 1, 2 and 8 partitions, then miniBatchFraction 0.1 on 2) and of the local
 * Trainer (same JVM) against examples, partitions and parameters:
 * {@code java -cp ... dlbasics.spark.SparkStepTiming local[2]}.
 */
public final class SparkStepTiming {
    private SparkStepTiming() {
    }

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        SparkSession spark = SparkSession.builder().master(master).appName("timing").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int[][] nets = {{2, 4, 1}, {20, 64, 64, 1}, {100, 256, 256, 1}};
        int[] sizes = {400, 4000, 40000};
        int[] partitions = {1, 2, 8};
        System.out.println("master net params m partitions fraction spark_ms_per_step local_ms_per_step");
        for (int[] dims : nets) {
            for (int m : sizes) {
                if (dims[0] == 100 && m == 40000) {
                    continue;
                }
                Matrix X = new NumpyRandom(1).randn(dims[0], m);
                Matrix Y = X.row(0).greaterThan(0);
                double local = localMs(dims, X, Y);
                for (int run = 0; run <= partitions.length; run++) {
                    int p = run < partitions.length ? partitions[run] : 2;
                    double fraction = run < partitions.length ? 1.0 : 0.1;
                    List<Example> list = new ArrayList<>();
                    for (int j = 0; j < m; j++) {
                        list.add(new Example(X.column(j).toArray(), Y.get(0, j)));
                    }
                    JavaRDD<Example> rdd = sc.parallelize(list, p);
                    double[] times = new double[30];
                    Trainer trainer = Trainer.builder().learningRate(0.01).iterations(40).costEvery(1000).listener(recorder(times)).build();
                    new SparkTrainer(trainer).miniBatchFraction(fraction).fit(Network.of(Activation.TANH, dims), rdd);
                    System.out.printf(Locale.ROOT, "%s %s %d %d %d %.1f %.2f %.3f%n", master, Arrays.toString(dims).replace(" ", ""),
                            Network.of(dims).parameterCount(), m, p, fraction, median(times), local);
                }
            }
        }
        spark.stop();
    }

    private static double localMs(int[] dims, Matrix X, Matrix Y) {
        double[] times = new double[30];
        Trainer trainer = Trainer.builder().learningRate(0.01).iterations(40).costEvery(1000).listener(recorder(times)).build();
        trainer.fit(Network.of(Activation.TANH, dims), X, Y);
        return median(times);
    }

    /** Records the milliseconds of updates 11..40 into {@code times}. */
    private static TrainingListener recorder(double[] times) {
        return new TrainingListener() {
            long last;

            @Override
            public void onUpdate(TrainingEvent e) {
                long now = System.nanoTime();
                if (e.iteration() > 10) {
                    times[e.iteration() - 11] = (now - last) / 1e6;
                }
                last = now;
            }
        };
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
