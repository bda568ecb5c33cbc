package dlbasics.spark;

import dlbasics.data.PlanarData;
import dlbasics.io.ModelFile;
import dlbasics.matrix.Matrix;
import dlbasics.model.Adam;
import dlbasics.model.LearningRateDecay;
import dlbasics.model.Momentum;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full-batch Spark training against the local {@link Trainer} on local[2] ({@link SparkTesting}'s
 * session); small data.
 */
class SparkTrainerTest {
    private static SparkSession spark;
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        spark = SparkTesting.spark();
        sc = SparkTesting.sc();
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
        return SparkTesting.rdd(X, Y, partitions);
    }

    private static void assertRelative(double[] expected, double[] actual, double tolerance, String what) {
        SparkTesting.assertRelative(expected, actual, tolerance, what);
    }

    private static void assertSameParameters(Network expected, Network actual, double tolerance) {
        SparkTesting.assertSameParameters(expected, actual, tolerance);
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

    /** The flower network with Momentum (β 0.9) and L2 (λ 0.5): costs and parameters as the local Trainer's. */
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 8})
    void momentumWithL2EqualsTheLocalTrainerAfter100Iterations(int partitions) {
        dlbasics.data.Dataset flower = PlanarData.flower(1);
        Trainer trainer = Trainer.builder().learningRate(0.5).iterations(100).initializer(Initializer.SMALL_RANDOM).seed(2).costEvery(1)
                .updateRule(new Momentum()).l2(0.5).build();
        assertEqualsTheLocalTrainer(trainer, () -> Network.of(Activation.TANH, 2, 4, 1), flower.X(), flower.Y(), partitions);
    }

    /** The L-layer network with Adam, L2 (λ 0.3) and inverse-time decay (k 0.05): as the local Trainer. */
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 8})
    void adamWithL2AndDecayEqualsTheLocalTrainerAfter100Iterations(int partitions) {
        Matrix[] d = generated();
        Trainer trainer = Trainer.builder().learningRate(0.01).iterations(100).seed(3).costEvery(1).updateRule(new Adam()).l2(0.3)
                .decay(LearningRateDecay.inverseTime(0.05)).build();
        assertEqualsTheLocalTrainer(trainer, () -> Network.of(5, 8, 6, 1), d[0], d[1], partitions);
    }

    /** Three classes (labels 0, 1, 2 from the generated X) and a softmax network [5, 8, 3]: as the local Trainer. */
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 8})
    void aSoftmaxNetworkOnKClassesEqualsTheLocalTrainerAfter100Iterations(int partitions) {
        Matrix X = generated()[0];
        Trainer trainer = Trainer.builder().learningRate(0.1).iterations(100).seed(3).costEvery(1).initializer(Initializer.HE).build();
        TrainingResult r = assertEqualsTheLocalTrainer(trainer, () -> Network.of(5, 8, 3), X, threeClasses(X), partitions);
        assertTrue(r.finalCost() < r.costs()[0] - 0.1, "the cost fell: " + r.costs()[0] + " -> " + r.finalCost());
    }

    /** Labels 0, 1, 2 of the generated X: 2 where x0 > 0.5, else 1 where x1·x2 > 0, else 0. */
    private static Matrix threeClasses(Matrix X) {
        Matrix Y = Matrix.zeros(1, X.cols());
        for (int j = 0; j < X.cols(); j++) {
            Y.set(0, j, X.get(0, j) > 0.5 ? 2 : X.get(1, j) * X.get(2, j) > 0 ? 1 : 0);
        }
        return Y;
    }

    /** Trains {@code shape} with {@code trainer} locally and on Spark; costs and parameters within 1e-9 relative. */
    private static TrainingResult assertEqualsTheLocalTrainer(Trainer trainer, java.util.function.Supplier<Network> shape, Matrix X, Matrix Y,
                                                              int partitions) {
        Network local = shape.get();
        TrainingResult expected = trainer.fit(local, X, Y);
        Network distributed = shape.get();
        TrainingResult actual = new SparkTrainer(trainer).fit(distributed, rdd(X, Y, partitions));
        assertEquals(trainer.settings().iterations(), actual.costs().length);
        assertRelative(expected.costs(), actual.costs(), 1e-9, "cost");
        assertSameParameters(local, distributed, 1e-9);
        return actual;
    }

    @Test
    void aClassOutsideTheSoftmaxOutputsNamesTheColumnPartitionAndRow() {
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < 20; j++) {
            rows.add(RowFactory.create((double) j, 1.0, j == 17 ? 3 : j % 3));
        }
        StructType schema = new StructType().add("petal", DataTypes.DoubleType).add("sepal", DataTypes.DoubleType)
                .add("species", DataTypes.IntegerType);
        Dataset<Row> table = spark.createDataFrame(rows, schema).coalesce(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(flowerTrainer(5)).fit(Network.of(2, 4, 3), table, "species", "petal", "sepal"));
        assertEquals("SparkTrainer.fit: label column species holds 3.0 at row 17 of partition 0; a network with 3 output units needs "
                + "class indices 0..2 (map your class names to indices first)", e.getMessage());
        rows.set(4, RowFactory.create(4.0, 1.0, null));
        Dataset<Row> missing = spark.createDataFrame(rows, schema).coalesce(1);
        e = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(flowerTrainer(5)).fit(Network.of(2, 4, 3), missing, "species", "petal", "sepal"));
        assertTrue(e.getMessage().startsWith("SparkTrainer.fit: label column species holds NaN at row 4 of partition 0"), e.getMessage());
    }

    @Test
    void theDriverAddsUpTo32MegabytesOfPartitionVectorsThenTheTreeDoes() {
        SparkTrainer auto = new SparkTrainer(flowerTrainer(1));
        assertEquals(1, auto.treeDepth(8, 17));
        assertEquals(1, auto.treeDepth(64, 65_533)); // 64 · 8 · 65,536 bytes = 32 MB
        assertEquals(2, auto.treeDepth(64, 65_534));
        assertEquals(3, new SparkTrainer(flowerTrainer(1), 3).treeDepth(8, 17));
        assertEquals(3, new SparkTrainer(flowerTrainer(1), 3).miniBatchFraction(0.5).treeDepth(8, 17));
        assertThrows(IllegalArgumentException.class, () -> new SparkTrainer(flowerTrainer(1), 0));
    }

    @Test
    void dropoutAndTheTrainersShuffledMiniBatchesAreRefusedWithTheSparkWay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(Trainer.builder().batchSize(64).build()));
        assertEquals("SparkTrainer: the trainer's batchSize is 64; on Spark a mini-batch is a sampled fraction of the rows per update: "
                + "build the trainer with batchSize 0 and use new SparkTrainer(trainer).miniBatchFraction(f), e.g. f = 64 / m", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SparkTrainer(Trainer.builder().keepProb(0.8).build()));
        assertTrue(e.getMessage().startsWith("SparkTrainer: the trainer's keepProb is 0.8; dropout is not supported on Spark"), e.getMessage());
    }

    /**
     * On 8 partitions, full batch through treeAggregate's shuffle (depth 2) and sampled (fraction 0.3,
     * the driver adding): a second run, with partition 5's first attempt at iteration 7 failing, gives the same bits.
     */
    @ParameterizedTest(name = "miniBatchFraction {0}, depth {1}")
    @CsvSource({"1.0, 2", "0.3, 1"})
    void theSameDataPartitioningAndSeedGiveTheSameBitsAndARetriedTaskChangesNothing(double fraction, int depth) {
        Matrix[] d = generated();
        Trainer trainer = Trainer.builder().learningRate(0.05).iterations(10).seed(3).costEvery(1).build();
        Network first = Network.of(5, 8, 6, 1);
        double[] a = new SparkTrainer(trainer, depth).miniBatchFraction(fraction).fit(first, rdd(d[0], d[1], 8)).costs();

        // the first attempt of partition 5's task fails at iteration 7; Spark runs it again
        Network retried = Network.of(5, 8, 6, 1);
        double[] c = new SparkTrainer(trainer, depth).miniBatchFraction(fraction).hook((iteration, partition) -> {
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
