package dlbasics.spark;

import dlbasics.model.BatchGradients;
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
 * Training of a dlbasics {@link Network} on Spark, with the settings, listeners, output gradient,
 * update rule, L2 strength and learning-rate decay of a local full-batch {@link Trainer}, and the same
 * result: the network trained in place and a {@link TrainingResult}. Each iteration is one update:
 * <pre>
 * driver     broadcast the parameters W1, b1, ..., WL, bL (one double[] of parameterCount() values)
 * partition  X_p (n[0] x m_p, cached; with miniBatchFraction f only the rows sampled for this step),
 *            forward + backward with the Trainer's own pass (BatchGradients): [m_p, m_p·J_p, m_p·dW[l], m_p·db[l]]
 * treeAggregate  add the partition vectors along a fixed tree over partition indices (OrderedSum)
 * driver     J = Σ m_p·J_p / m + L2, dW[l] = Σ m_p·dW_p[l] / m + L2 (BatchGradients.mean, m the rows used);
 *            listeners and the update as the Trainer does
 * </pre>
 * Full batch (the default) equals the local Trainer's costs and parameters to about 1e-15 relative
 * (the sums round differently from one pass). {@link #miniBatchFraction(double)} makes each update
 * use a sample of the rows instead, as MLlib's {@code GradientDescent} does; see there. The same data,
 * partitioning and seeds give the same bits run after run, and a task Spark retries recomputes the
 * same partition vector, so retries do not change the result. Dropout and the Trainer's shuffled
 * mini-batches ({@code batchSize}) are refused: both draw from one generator over the whole data.
 *
 * <p>Data: a {@code JavaRDD<Example>}, or a {@code Dataset<Row>} with numeric feature columns or one
 * array column of doubles (or an MLlib vector column), and a numeric label column: 0 or 1 for a network
 * with one (sigmoid) output unit, class indices 0..K-1 for K (softmax) output units. Partitions
 * without rows are fine: they add exactly zero (filters and repartitioning make them routinely); a
 * data set with no rows at all is an error. A NaN or missing feature or a label outside the classes is
 * an {@link IllegalArgumentException} naming the column, partition and row, thrown before training.
 *
 * <pre>{@code
 * Trainer local = Trainer.builder().learningRate(1.2).iterations(10000).initializer(Initializer.SMALL_RANDOM).build();
 * TrainingResult r = new SparkTrainer(local).fit(Network.of(Activation.TANH, 2, 4, 1), data, "label", "x1", "x2");
 * }</pre>
 */
public final class SparkTrainer {
    private final Trainer trainer;
    private final int treeDepth;
    private final double miniBatchFraction;
    private TaskHook hook = (iteration, partition) -> { };

    /** The driver adds the partition vectors itself (depth 1) while they total at most this many bytes. */
    static final long DRIVER_SUM_BYTES = 32L << 20;

    /**
     * Trains as {@code trainer} does (its settings, listeners, output gradient and update rule). The
     * partition vectors are added by the driver (treeAggregate depth 1, one stage a step) while they
     * total at most 32 MB ({@code partitions · 8·(parameterCount + 3)} bytes), else with depth 2, which
     * adds groups of about √partitions on the executors first at the price of a shuffle stage a step.
     */
    public SparkTrainer(Trainer trainer) {
        this(trainer, 0, 1.0);
    }

    /** As {@link #SparkTrainer(Trainer)}, with treeAggregate's {@code depth} fixed (2 suits up to a few hundred partitions). */
    public SparkTrainer(Trainer trainer, int treeDepth) {
        this(trainer, checkDepth(treeDepth), 1.0);
    }

    private static int checkDepth(int treeDepth) {
        if (treeDepth < 1) {
            throw new IllegalArgumentException("SparkTrainer: treeDepth is " + treeDepth + "; it must be 1 or more (2 is Spark's default)");
        }
        return treeDepth;
    }

    /** treeDepth 0 chooses per data set (see {@link #SparkTrainer(Trainer)}). */
    private SparkTrainer(Trainer trainer, int treeDepth, double miniBatchFraction) {
        if (trainer == null) {
            throw new IllegalArgumentException("SparkTrainer: trainer is null; pass Trainer.builder()...build() with the settings to use");
        }
        if (trainer.settings().batchSize() != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "SparkTrainer: the trainer's batchSize is %d; on Spark a "
                    + "mini-batch is a sampled fraction of the rows per update: build the trainer with batchSize 0 and use "
                    + "new SparkTrainer(trainer).miniBatchFraction(f), e.g. f = %d / m", trainer.settings().batchSize(),
                    trainer.settings().batchSize()));
        }
        if (trainer.settings().keepProb() < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "SparkTrainer: the trainer's keepProb is %s; dropout is not "
                    + "supported on Spark (its masks come from one generator over the whole batch); train with keepProb 1, or "
                    + "regularize with l2", trainer.settings().keepProb()));
        }
        this.trainer = trainer;
        this.treeDepth = treeDepth;
        this.miniBatchFraction = miniBatchFraction;
    }

    /** The treeAggregate depth for this many partitions and parameters. */
    int treeDepth(int partitions, long parameters) {
        if (treeDepth > 0) {
            return treeDepth;
        }
        return partitions * 8 * (parameters + 3) <= DRIVER_SUM_BYTES ? 1 : 2;
    }

    /**
     * A trainer like this one whose updates each use a sample of the rows, each row with probability
     * {@code fraction} (MLlib's {@code miniBatchFraction}); 1 (the default) is full batch. An iteration
     * is then one update on one sample, so {@code iterations} counts updates (about 1/f of them are one
     * pass over the data), the decay schedule counts updates, and a recorded cost is the cost of that
     * update's sample. Step s keeps row r (its index in the data's order) when
     * {@code u(shuffleSeed, s, r) < fraction}, u a hash uniform in [0, 1) (see {@code RowSampler}): no
     * generator state, so any partitioning of the same ordered rows samples the same rows, and
     * a retried task the same too. Gradients are averaged over the rows sampled; a step that samples no
     * row at all is drawn again (attempt 1, 2, ... of the same hash), so every update uses at least one
     * example. The fraction must sample at least one row per step on average ({@code fraction·m ≥ 1}).
     *
     * @param fraction in (0, 1]
     */
    public SparkTrainer miniBatchFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "SparkTrainer.miniBatchFraction: the fraction is %s; it must "
                    + "be in (0, 1]: the share of the rows each update samples (1 for full batch)", fraction));
        }
        return new SparkTrainer(trainer, treeDepth, fraction).hook(hook);
    }

    /** The share of the rows each update samples; 1 for full batch. */
    public double miniBatchFraction() {
        return miniBatchFraction;
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
     * @param labelColumn    a numeric column: 0 or 1 for one output unit, class indices 0..K-1 for K
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
                    + "for one output unit, class indices 0..K-1 for K (map your class names to indices first)", labelColumn,
                    labelType.simpleString()));
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
        int classes = network.classes();
        JavaRDD<PartitionBlock> blocks = examples
                .mapPartitionsWithIndex((p, it) -> List.of(PartitionBlock.read(p, it, n0, classes, columns)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long[] offsets = check(blocks);
            long m = offsets[offsets.length - 1];
            RowSampler sampler = miniBatchFraction == 1 ? null : new RowSampler(trainer.settings().shuffleSeed(), miniBatchFraction);
            if (sampler != null && miniBatchFraction * m < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "SparkTrainer.fit: miniBatchFraction %s of %d rows samples "
                        + "%.3g rows per update on average; use a fraction of at least 1/m = %.3g (1 trains on every row)",
                        miniBatchFraction, m, miniBatchFraction * m, 1.0 / m));
            }
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(examples.context());
            NumpyRandom rng = new NumpyRandom(trainer.settings().seed());
            network.initialize(trainer.settings().initializer(), rng);
            TrainingRun run = new TrainingRun(trainer, network, rng.state());
            int partitions = blocks.getNumPartitions();
            int depth = treeDepth(partitions, network.parameterCount());
            int[] dims = network.layerDims();
            Activation hidden = network.hiddenActivation();
            OutputGradient outputGradient = trainer.outputGradient();
            TaskHook taskHook = hook;
            Gradients gradients = new Gradients(network);
            while (run.hasNext()) {
                int iteration = run.iteration();
                boolean withCost = run.costDue();
                Broadcast<double[]> parameters = sc.broadcast(flatten(network));
                double[] total;
                try {
                    int attempt = 0;
                    do { // a sample of no rows is drawn again: attempt 1, 2, ...
                        long key = sampler == null ? 0 : sampler.key(iteration, attempt++);
                        total = blocks.mapPartitionsWithIndex((p, it) -> {
                            taskHook.before(iteration, p);
                            PartitionBlock block = it.next();
                            double[] v = block.sums(dims, hidden, outputGradient, parameters.value(), withCost, sampler, key, offsets[p]);
                            return List.of(new OrderedSum(partitions).add(p, v)).iterator();
                        }, true).treeAggregate(new OrderedSum(partitions), OrderedSum::merge, OrderedSum::merge, depth).total();
                    } while (total[0] == 0);
                } finally {
                    parameters.destroy();
                }
                int at = 3;
                for (int l = 1; l <= network.numLayers(); l++) {
                    at = copy(total, at, gradients.dW(l).data());
                    at = copy(total, at, gradients.db(l).data());
                }
                double cost = BatchGradients.mean(network, total[1], gradients, (long) total[0], trainer.settings().l2(), gradients);
                run.step(withCost ? cost : Double.NaN, gradients, total[2] == 0);
            }
            return run.finish();
        } finally {
            blocks.unpersist(false);
        }
    }

    private static int copy(double[] from, int at, double[] to) {
        System.arraycopy(from, at, to, 0, to.length);
        return at + to.length;
    }

    /**
     * Reads and checks every partition once; each partition's first row in the whole data set, then the
     * total m: {@code [0, m_0, m_0 + m_1, ..., m]}. Throws the first problem in partition order.
     */
    private static long[] check(JavaRDD<PartitionBlock> blocks) {
        List<String[]> found = blocks.map(b -> new String[] {Integer.toString(b.partition), Integer.toString(b.m), b.problem}).collect();
        long[] offsets = new long[found.size() + 1];
        long m = 0;
        for (int p = 0; p < found.size(); p++) {
            String[] f = found.get(p);
            if (f[2] != null) {
                throw new IllegalArgumentException(f[2]);
            }
            offsets[p] = m;
            m += Long.parseLong(f[1]);
        }
        offsets[found.size()] = m;
        if (m == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "SparkTrainer.fit: the data has no rows in any of its %d partitions; training needs at least one example "
                            + "(check the filters that made the data)", found.size()));
        }
        return offsets;
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
