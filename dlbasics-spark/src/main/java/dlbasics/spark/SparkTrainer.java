package dlbasics.spark;

import dlbasics.model.Gradients;
import dlbasics.model.Network;
import dlbasics.model.OutputGradient;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import dlbasics.model.TrainingRun;
import dlbasics.nn.Activation;
import dlbasics.random.NumpyRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Full-batch training of a dlbasics {@link Network} on Spark, with the settings, listeners, output
 * gradient and update rule of a local {@link Trainer}, and the same result: the network trained in
 * place and a {@link TrainingResult}. Each iteration:
 * <pre>
 * driver     broadcast the parameters W1, b1, ..., WL, bL (one double[] of parameterCount() values)
 * partition  X_p (n[0] x m_p, cached), forward + backward with the Trainer's own pass (BatchGradients):
 *            [m_p, m_p·J_p, m_p·dW[l], m_p·db[l]]
 * treeAggregate  add the partition vectors along a fixed tree over partition indices (OrderedSum)
 * driver     J = Σ m_p·J_p / m, dW[l] = Σ m_p·dW_p[l] / m; listeners and the update as the Trainer does
 * </pre>
 * The same data, partitioning and seed give the same bits run after run, and a task Spark retries
 * recomputes the same partition vector, so retries do not change the result. Costs equal the local
 * Trainer's to about 1e-15 relative (the sums round differently from one full-batch pass).
 *
 * <p>Data: a {@code JavaRDD<Example>}, or a {@code Dataset<Row>} with numeric feature columns or one
 * array column of doubles (or an MLlib vector column), and a label column of 0s and 1s. Partitions
 * without rows are fine: they add exactly zero (filters and repartitioning make them routinely); a
 * data set with no rows at all is an error. A NaN or missing feature or a label other than 0/1 is an
 * {@link IllegalArgumentException} naming the column, partition and row, thrown before training.
 *
 * <pre>{@code
 * Trainer local = Trainer.builder().learningRate(1.2).iterations(10000).initializer(Initializer.SMALL_RANDOM).build();
 * TrainingResult r = new SparkTrainer(local).fit(Network.of(Activation.TANH, 2, 4, 1), data, "label", "x1", "x2");
 * }</pre>
 */
public final class SparkTrainer {
    private final Trainer trainer;
    private final int treeDepth;
    private TaskHook hook = (iteration, partition) -> { };

    /** Trains as {@code trainer} does (its settings, listeners, output gradient and update rule), aggregating with depth 2. */
    public SparkTrainer(Trainer trainer) {
        this(trainer, 2);
    }

    /** As {@link #SparkTrainer(Trainer)}, with treeAggregate's {@code depth} (2 suits up to a few hundred partitions). */
    public SparkTrainer(Trainer trainer, int treeDepth) {
        if (trainer == null) {
            throw new IllegalArgumentException("SparkTrainer: trainer is null; pass Trainer.builder()...build() with the settings to use");
        }
        if (treeDepth < 1) {
            throw new IllegalArgumentException("SparkTrainer: treeDepth is " + treeDepth + "; it must be 1 or more (2 is Spark's default)");
        }
        this.trainer = trainer;
        this.treeDepth = treeDepth;
    }

    /** Called in each partition's task before its pass; tests inject failures with it. */
    interface TaskHook extends java.io.Serializable {
        void before(int iteration, int partition);
    }

    SparkTrainer hook(TaskHook hook) {
        this.hook = hook;
        return this;
    }

    /** The local trainer whose settings and listeners this one uses. */
    public Trainer trainer() {
        return trainer;
    }

    /**
     * Trains on a table: {@code featureColumns} are numeric columns (one per input, in the network's
     * order) or a single array-of-numbers or vector column with n[0] values.
     *
     * @param network        the network; initialized from the trainer's seed, then trained in place
     * @param data           the examples, one per row
     * @param labelColumn    a numeric column of 0s and 1s
     * @param featureColumns the inputs, see above
     */
    public TrainingResult fit(Network network, Dataset<Row> data, String labelColumn, String... featureColumns) {
        if (network == null || data == null || labelColumn == null || featureColumns == null) {
            throw new IllegalArgumentException("SparkTrainer.fit: network, data, labelColumn and featureColumns must not be null");
        }
        if (featureColumns.length == 0) {
            throw new IllegalArgumentException("SparkTrainer.fit: no feature columns; name the numeric input columns, or one array "
                    + "or vector column; the table has " + Arrays.toString(data.columns()));
        }
        List<String> names = new ArrayList<>(Arrays.asList(featureColumns));
        names.add(labelColumn);
        for (String c : names) {
            if (!Arrays.asList(data.columns()).contains(c)) {
                throw new IllegalArgumentException(String.format("SparkTrainer.fit: no column %s in the table; its columns are %s", c,
                        Arrays.toString(data.columns())));
            }
        }
        DataType labelType = field(data, labelColumn).dataType();
        if (!(labelType instanceof NumericType)) {
            throw new IllegalArgumentException(String.format("SparkTrainer.fit: label column %s is %s; it must be numeric, 0 or 1 "
                    + "(map your classes to 0/1 first)", labelColumn, labelType.simpleString()));
        }
        boolean vector = featureColumns.length == 1 && !(field(data, featureColumns[0]).dataType() instanceof NumericType);
        if (!vector) {
            for (String c : featureColumns) {
                DataType t = field(data, c).dataType();
                if (!(t instanceof NumericType)) {
                    throw new IllegalArgumentException(String.format("SparkTrainer.fit: feature column %s is %s; feature columns must be "
                            + "numeric, or give one array or vector column alone", c, t.simpleString()));
                }
            }
        } else {
            DataType t = field(data, featureColumns[0]).dataType();
            boolean array = t instanceof ArrayType a && a.elementType() instanceof NumericType;
            if (!array && !t.typeName().equals("vector")) {
                throw new IllegalArgumentException(String.format("SparkTrainer.fit: feature column %s is %s; give numeric columns, or one "
                        + "array<double> or vector column", featureColumns[0], t.simpleString()));
            }
        }
        int n0 = network.inputSize();
        if (!vector && featureColumns.length != n0) {
            throw new IllegalArgumentException(String.format("SparkTrainer.fit: %d feature columns %s but the network %s takes %d inputs",
                    featureColumns.length, Arrays.toString(featureColumns), Arrays.toString(network.layerDims()), n0));
        }
        String label = labelColumn;
        String[] features = featureColumns.clone();
        boolean isVector = vector;
        JavaRDD<Example> examples = data.select(names.stream().map(data::col).toArray(org.apache.spark.sql.Column[]::new))
                .javaRDD().map(row -> toExample(row, features, isVector, label));
        return run(network, examples, new PartitionBlock.Columns(List.of(features), vector, labelColumn));
    }

    /** Trains on examples whose features hold n[0] values; messages call the columns "features" and "label". */
    public TrainingResult fit(Network network, JavaRDD<Example> examples) {
        if (network == null || examples == null) {
            throw new IllegalArgumentException("SparkTrainer.fit: network and examples must not be null");
        }
        return run(network, examples, new PartitionBlock.Columns(List.of("features"), true, "label"));
    }

    private static StructField field(Dataset<Row> data, String name) {
        return data.schema().apply(name);
    }

    /** A row as an example; nulls and NaN become NaN features (reported with the column by PartitionBlock). */
    private static Example toExample(Row row, String[] features, boolean vector, String labelColumn) {
        int last = row.length() - 1;
        double label = row.isNullAt(last) ? Double.NaN : ((Number) row.get(last)).doubleValue();
        double[] x;
        if (vector) {
            Object v = row.get(0);
            if (v == null) {
                x = new double[0];
            } else if (v instanceof scala.collection.Seq<?> seq) {
                x = new double[seq.length()];
                for (int k = 0; k < x.length; k++) {
                    Object e = seq.apply(k);
                    x[k] = e == null ? Double.NaN : ((Number) e).doubleValue();
                }
            } else {
                try { // an MLlib vector, without depending on spark-mllib
                    x = (double[]) v.getClass().getMethod("toArray").invoke(v);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("SparkTrainer.fit: feature column " + features[0] + " holds a "
                            + v.getClass().getName() + "; give an array of numbers or a vector");
                }
            }
        } else {
            x = new double[features.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = row.isNullAt(k) ? Double.NaN : ((Number) row.get(k)).doubleValue();
            }
        }
        return new Example(x, label);
    }

    private TrainingResult run(Network network, JavaRDD<Example> examples, PartitionBlock.Columns columns) {
        int n0 = network.inputSize();
        JavaRDD<PartitionBlock> blocks = examples
                .mapPartitionsWithIndex((p, it) -> List.of(PartitionBlock.read(p, it, n0, columns)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long m = check(blocks);
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(examples.context());
            NumpyRandom rng = new NumpyRandom(trainer.settings().seed());
            network.initialize(trainer.settings().initializer(), rng);
            TrainingRun run = new TrainingRun(trainer, network, rng.state());
            int partitions = blocks.getNumPartitions();
            int[] dims = network.layerDims();
            Activation hidden = network.hiddenActivation();
            OutputGradient outputGradient = trainer.outputGradient();
            TaskHook taskHook = hook;
            Gradients gradients = new Gradients(network);
            double invM = 1.0 / m;
            while (run.hasNext()) {
                int iteration = run.iteration();
                boolean withCost = run.costDue();
                Broadcast<double[]> parameters = sc.broadcast(flatten(network));
                double[] total;
                try {
                    total = blocks.mapPartitionsWithIndex((p, it) -> {
                        taskHook.before(iteration, p);
                        PartitionBlock block = it.next();
                        double[] v = block.sums(dims, hidden, outputGradient, parameters.value(), withCost);
                        return List.of(new OrderedSum(partitions).add(p, v)).iterator();
                    }, true).treeAggregate(new OrderedSum(partitions), OrderedSum::merge, OrderedSum::merge, treeDepth).total();
                } finally {
                    parameters.destroy();
                }
                double cost = total[1] * invM;
                int at = 3;
                for (int l = 1; l <= network.numLayers(); l++) {
                    at = scale(total, at, invM, gradients.dW(l).data());
                    at = scale(total, at, invM, gradients.db(l).data());
                }
                run.step(withCost ? cost : Double.NaN, gradients, total[2] == 0);
            }
            return run.finish();
        } finally {
            blocks.unpersist(false);
        }
    }

    private static int scale(double[] from, int at, double s, double[] to) {
        for (int k = 0; k < to.length; k++) {
            to[k] = from[at + k] * s;
        }
        return at + to.length;
    }

    /** Reads and checks every partition once; the total m. Throws the first problem in partition order. */
    private static long check(JavaRDD<PartitionBlock> blocks) {
        List<String[]> found = blocks.map(b -> new String[] {Integer.toString(b.partition), Integer.toString(b.m), b.problem}).collect();
        long m = 0;
        for (String[] f : found) {
            if (f[2] != null) {
                throw new IllegalArgumentException(f[2]);
            }
            m += Long.parseLong(f[1]);
        }
        if (m == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "SparkTrainer.fit: the data has no rows in any of its %d partitions; training needs at least one example "
                            + "(check the filters that made the data)", found.size()));
        }
        return m;
    }

    /** The parameters as one array: W1 (row-major), b1, W2, b2, ..., the layout of the partition vectors. */
    static double[] flatten(Network network) {
        double[] flat = new double[Math.toIntExact(network.parameterCount())];
        int at = 0;
        for (int l = 1; l <= network.numLayers(); l++) {
            for (double[] d : new double[][] {network.W(l).data(), network.b(l).data()}) {
                System.arraycopy(d, 0, flat, at, d.length);
                at += d.length;
            }
        }
        return flat;
    }

    /** Copies {@link #flatten}'s layout back into the network's parameters. */
    static void unflatten(double[] flat, Network network) {
        int at = 0;
        for (int l = 1; l <= network.numLayers(); l++) {
            for (double[] d : new double[][] {network.W(l).data(), network.b(l).data()}) {
                System.arraycopy(flat, at, d, 0, d.length);
                at += d.length;
            }
        }
    }
}
