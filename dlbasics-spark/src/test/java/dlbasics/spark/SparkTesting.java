package dlbasics.spark;

import dlbasics.matrix.Matrix;
import dlbasics.model.Network;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test classes' one Spark session, local[2] (two threads; ",4" lets Spark retry a failed task, as
 * a cluster does), started by the first class that asks and stopped by Spark's own shutdown hook, and
 * the comparisons against the local Trainer.
 */
final class SparkTesting {
    private SparkTesting() {
    }

    static SparkSession spark() {
        return SparkSession.builder().master("local[2,4]").appName("dlbasics-spark tests")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
    }

    static JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(spark().sparkContext());
    }

    /** The columns of X with their labels as examples, in column order, in {@code partitions} partitions. */
    static JavaRDD<Example> rdd(Matrix X, Matrix Y, int partitions) {
        List<Example> list = new ArrayList<>();
        for (int j = 0; j < X.cols(); j++) {
            list.add(new Example(X.column(j).toArray(), Y.get(0, j)));
        }
        return sc().parallelize(list, partitions);
    }

    static void assertRelative(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int k = 0; k < expected.length; k++) {
            double err = Math.abs(expected[k] - actual[k]) / Math.max(Math.abs(expected[k]), 1e-300);
            assertTrue(err <= tolerance, String.format("%s[%d]: local %.17g, Spark %.17g (relative %.3g)", what, k, expected[k], actual[k], err));
        }
    }

    static void assertSameParameters(Network expected, Network actual, double tolerance) {
        for (Map.Entry<String, Matrix> e : expected.parameters().entrySet()) {
            double[] a = actual.parameters().get(e.getKey()).data();
            double[] x = e.getValue().data();
            for (int k = 0; k < x.length; k++) {
                assertEquals(x[k], a[k], tolerance * Math.max(1, Math.abs(x[k])), e.getKey() + "[" + k + "]");
            }
        }
    }
}
