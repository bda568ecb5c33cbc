package dlbasics.spark;

import dlbasics.data.PlanarData;
import dlbasics.io.ModelFile;
import dlbasics.matrix.Matrix;
import dlbasics.model.Network;
import dlbasics.model.TrainedModel;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark training against the local {@link Trainer} on local[2] (two threads; ",4" lets Spark retry a
 * failed task, as a cluster does). One session for the class; small data.
 */
class SparkTrainerTest {
    private static SparkSession spark;
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2,4]").appName("SparkTrainerTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The planar notebook's flower (seed 1, 400 points) and network: 4 tanh units, learning rate 1.2. */
    private static Trainer flowerTrainer(int iterations) {
        return Trainer.builder().learningRate(1.2).iterations(iterations).initializer(Initializer.SMALL_RANDOM).seed(2).costEvery(1).build();
    }

    /** A generated set (numpy: np.random.seed(7); X = np.random.randn(5, 300); y = x0 + x1·x2 > 0) for an L-layer ReLU network. */
    private static Matrix[] generated() {
        Matrix X = new NumpyRandom(7).randn(5, 300);
        Matrix Y = Matrix.zeros(1, 300);
        for (int j = 0; j < 300; j++) {
            Y.set(0, j, X.get(0, j) + X.get(1, j) * X.get(2, j) > 0 ? 1 : 0);
        }
        return new Matrix[] {X, Y};
    }

    private static JavaRDD<Example> rdd(Matrix X, Matrix Y, int partitions) {
        List<Example> list = new ArrayList<>();
        for (int j = 0; j < X.cols(); j++) {
            list.add(new Example(X.column(j).toArray(), Y.get(0, j)));
        }
        return sc.parallelize(list, partitions);
    }

    private static void assertRelative(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int k = 0; k < expected.length; k++) {
            double err = Math.abs(expected[k] - actual[k]) / Math.max(Math.abs(expected[k]), 1e-300);
            assertTrue(err <= tolerance, String.format("%s[%d]: local %.17g, Spark %.17g (relative %.3g)", what, k, expected[k], actual[k], err));
        }
    }

    private static void assertSameParameters(Network expected, Network actual, double tolerance) {
        for (Map.Entry<String, Matrix> e : expected.parameters().entrySet()) {
            double[] a = actual.parameters().get(e.getKey()).data();
            double[] x = e.getValue().data();
            for (int k = 0; k < x.length; k++) {
                assertEquals(x[k], a[k], tolerance * Math.max(1, Math.abs(x[k])), e.getKey() + "[" + k + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 8})
    void flowerCostsEqualTheLocalTrainersAfter100Iterations(int partitions) {
        dlbasics.data.Dataset flower = PlanarData.flower(1);
        Network local = Network.of(Activation.TANH, 2, 4, 1);
        TrainingResult expected = flowerTrainer(100).fit(local, flower.X(), flower.Y());
        Network distributed = Network.of(Activation.TANH, 2, 4, 1);
        TrainingResult actual = new SparkTrainer(flowerTrainer(100)).fit(distributed, rdd(flower.X(), flower.Y(), partitions));
        assertEquals(100, actual.costs().length);
        assertRelative(expected.costs(), actual.costs(), 1e-9, "flower cost");
        assertSameParameters(local, distributed, 1e-9);
        assertEquals(100, actual.iterations());
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 8})
    void lLayerCostsEqualTheLocalTrainersAfter100Iterations(int partitions) {
        Matrix[] d = generated();
        Trainer trainer = Trainer.builder().learningRate(0.05).iterations(100).seed(3).costEvery(1).build();
        Network local = Network.of(5, 8, 6, 1);
        TrainingResult expected = trainer.fit(local, d[0], d[1]);
        Network distributed = Network.of(5, 8, 6, 1);
        TrainingResult actual = new SparkTrainer(trainer).fit(distributed, rdd(d[0], d[1], partitions));
        assertRelative(expected.costs(), actual.costs(), 1e-9, "L-layer cost");
        assertSameParameters(local, distributed, 1e-9);
        assertTrue(actual.finalCost() < actual.costs()[0], "the cost fell: " + actual.costs()[0] + " -> " + actual.finalCost());
    }

    @Test
    void theSameDataPartitioningAndSeedGiveTheSameBitsAndARetriedTaskChangesNothing() {
        Matrix[] d = generated();
        Trainer trainer = Trainer.builder().learningRate(0.05).iterations(20).seed(3).costEvery(1).build();
        Network first = Network.of(5, 8, 6, 1);
        double[] a = new SparkTrainer(trainer).fit(first, rdd(d[0], d[1], 8)).costs();
        Network second = Network.of(5, 8, 6, 1);
        double[] b = new SparkTrainer(trainer).fit(second, rdd(d[0], d[1], 8)).costs();
        assertArrayEquals(a, b, 0.0);
        assertSameParameters(first, second, 0.0);

        // the first attempt of partition 5's task fails at iteration 7; Spark runs it again
        Network retried = Network.of(5, 8, 6, 1);
        double[] c = new SparkTrainer(trainer).hook((iteration, partition) -> {
            if (iteration == 7 && partition == 5 && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("injected task failure");
            }
        }).fit(retried, rdd(d[0], d[1], 8)).costs();
        assertArrayEquals(a, c, 0.0);
        assertSameParameters(first, retried, 0.0);
    }

    @Test
    void aTableWithNumericColumnsOrAnArrayColumnTrainsLikeTheRdd() {
        dlbasics.data.Dataset flower = PlanarData.flower(1);
        List<Row> numeric = new ArrayList<>();
        List<Row> arrays = new ArrayList<>();
        for (int j = 0; j < flower.size(); j++) {
            double x1 = flower.X().get(0, j), x2 = flower.X().get(1, j);
            int y = (int) flower.Y().get(0, j);
            numeric.add(RowFactory.create(x1, x2, y));
            arrays.add(RowFactory.create(List.of(x1, x2), y));
        }
        StructType columns = new StructType().add("x1", DataTypes.DoubleType).add("x2", DataTypes.DoubleType).add("petal", DataTypes.IntegerType);
        StructType vector = new StructType().add("xy", DataTypes.createArrayType(DataTypes.DoubleType)).add("petal", DataTypes.IntegerType);
        Dataset<Row> byColumns = spark.createDataFrame(numeric, columns).repartition(1).coalesce(1);
        Dataset<Row> byArray = spark.createDataFrame(arrays, vector).coalesce(1);

        double[] fromRdd = new SparkTrainer(flowerTrainer(30)).fit(Network.of(Activation.TANH, 2, 4, 1), rdd(flower.X(), flower.Y(), 1)).costs();
        double[] fromColumns = new SparkTrainer(flowerTrainer(30)).fit(Network.of(Activation.TANH, 2, 4, 1), byColumns, "petal", "x1", "x2").costs();
        double[] fromArray = new SparkTrainer(flowerTrainer(30)).fit(Network.of(Activation.TANH, 2, 4, 1), byArray, "petal", "xy").costs();
        assertArrayEquals(fromRdd, fromColumns, 0.0);
        assertArrayEquals(fromRdd, fromArray, 0.0);
    }

    @Test
    void emptyPartitionsAddNothingButAnEmptyDataSetIsAnError() {
        Matrix X = Matrix.of(2, 3, 0.5, -1, 2, 1, 0.25, -0.5);
        Matrix Y = Matrix.of(1, 3, 1, 0, 1);
        Trainer trainer = flowerTrainer(10);
        TrainingResult expected = trainer.fit(Network.of(Activation.TANH, 2, 4, 1), X, Y);
        TrainingResult sparse = new SparkTrainer(trainer).fit(Network.of(Activation.TANH, 2, 4, 1), rdd(X, Y, 8)); // 5 partitions empty
        assertRelative(expected.costs(), sparse.costs(), 1e-12, "cost with empty partitions");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(trainer).fit(Network.of(2, 1), sc.parallelize(List.<Example>of(), 3)));
        assertTrue(e.getMessage().contains("no rows in any of its 3 partitions"), e.getMessage());
    }

    @Test
    void aNaNFeatureOrALabelOutsideTheClassesNamesTheColumn() {
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < 20; j++) {
            rows.add(RowFactory.create((double) j, j == 13 ? Double.NaN : 1.0, j % 2));
        }
        StructType schema = new StructType().add("height", DataTypes.DoubleType).add("width", DataTypes.DoubleType).add("is_cat", DataTypes.IntegerType);
        Dataset<Row> nan = spark.createDataFrame(rows, schema).coalesce(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(flowerTrainer(5)).fit(Network.of(2, 1), nan, "is_cat", "height", "width"));
        assertEquals("SparkTrainer.fit: feature column width holds NaN at row 13 of partition 0; remove or impute missing and "
                + "non-finite values before training (e.g. Dataset.na().drop())", e.getMessage());

        rows.set(13, RowFactory.create(13.0, 1.0, 2));
        Dataset<Row> three = spark.createDataFrame(rows, schema).coalesce(1);
        e = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(flowerTrainer(5)).fit(Network.of(2, 1), three, "is_cat", "height", "width"));
        assertEquals("SparkTrainer.fit: label column is_cat holds 2.0 at row 13 of partition 0; binary classification needs "
                + "labels 0 and 1 (map your classes to 0/1 first)", e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(flowerTrainer(5)).fit(Network.of(2, 1), three, "is_cat", "height", "depth"));
        assertTrue(e.getMessage().startsWith("SparkTrainer.fit: no column depth in the table; its columns are [height, width, is_cat]"),
                e.getMessage());
    }

    @Test
    void listenersHearTheLocalEventsAndMayStopTheRun() {
        dlbasics.data.Dataset flower = PlanarData.flower(1);
        List<String> calls = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onStart(TrainingEvent e) {
                calls.add("start " + e.iteration());
            }

            @Override
            public void onCost(TrainingEvent e) {
                calls.add("cost " + e.iteration());
            }

            @Override
            public void onUpdate(TrainingEvent e) {
                calls.add("update " + e.iteration());
                if (e.iteration() == 7) {
                    e.requestStop();
                }
            }

            @Override
            public void onEnd(TrainingResult r) {
                calls.add("end " + r.iterations() + " stopped " + r.stopped());
            }
        };
        Trainer trainer = Trainer.builder().learningRate(1.2).iterations(20).initializer(Initializer.SMALL_RANDOM).seed(2).costEvery(5)
                .listener(recorder).build();
        TrainingResult r = new SparkTrainer(trainer).fit(Network.of(Activation.TANH, 2, 4, 1), rdd(flower.X(), flower.Y(), 2));
        assertEquals(List.of("start 0", "cost 0", "update 1", "update 2", "update 3", "update 4", "update 5", "cost 5", "update 6",
                "update 7", "end 7 stopped true"), calls);
        assertEquals(2, r.costs().length);
    }

    @Test
    void theTrainedNetworkIsAModelFileThatLoadsWithTheSamePredictions(@TempDir Path dir) {
        dlbasics.data.Dataset flower = PlanarData.flower(1);
        Network network = Network.of(Activation.TANH, 2, 4, 1);
        Trainer trainer = flowerTrainer(200);
        TrainingResult r = new SparkTrainer(trainer).fit(network, rdd(flower.X(), flower.Y(), 2));
        Path file = dir.resolve("flower.safetensors");
        ModelFile.write(new TrainedModel(network, List.of("red", "blue"), 1.0, trainer.settings(), r.costs()), file);
        TrainedModel loaded = ModelFile.read(file);
        assertArrayEquals(network.predictProbabilities(flower.X()).data(), loaded.network().predictProbabilities(flower.X()).data(), 0.0);
        assertArrayEquals(r.costs(), loaded.costs(), 0.0);
        assertTrue(network.accuracy(flower.X(), flower.Y()) > 0.6, "accuracy " + network.accuracy(flower.X(), flower.Y()));
    }

    @Test
    void theExampleTrainsTheFlowerAndWritesAModelFile(@TempDir Path dir) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Path file = dir.resolve("flower.safetensors");
        TrainingResult r = SparkFlowerExample.run(spark, file, 2, 101, new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.startsWith("Cost after iteration 0: 0.69"), out);
        assertTrue(out.contains("Accuracy: ") && out.contains("% on 400 examples in 2 partitions"), out);
        assertTrue(out.contains("Wrote " + file), out);
        assertEquals(101, r.iterations());
        assertEquals(2, ModelFile.read(file).network().numLayers());
    }
}
