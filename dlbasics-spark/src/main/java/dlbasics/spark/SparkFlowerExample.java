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
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The planar notebook's flower network (4 tanh units, learning rate 1.2) trained on Spark, saved as a
 * dlbasics model file that {@code dlbasics evaluate} and {@code dlbasics predict} load:
 * <pre>
 * spark-submit --class dlbasics.spark.SparkFlowerExample --master local[*] dlbasics-spark.jar flower.safetensors 4 2000
 * </pre>
 * Arguments: the model file to write, the number of partitions (default 4), iterations (default 2000).
 * The master comes from spark-submit ({@code --master}); without one, {@code local[*]}.
 */
public final class SparkFlowerExample {
    private SparkFlowerExample() {
    }

    /** Trains and writes the model; prints the cost every 1000 iterations and the accuracy. */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("dlbasics flower").master(System.getProperty("spark.master", "local[*]"))
                .getOrCreate();
        try {
            run(spark, Path.of(args.length > 0 ? args[0] : "flower.safetensors"), args.length > 1 ? Integer.parseInt(args[1]) : 4,
                    args.length > 2 ? Integer.parseInt(args[2]) : 2000, System.out);
        } finally {
            spark.stop();
        }
    }

    /** The example on an existing session; returns the training result. */
    public static TrainingResult run(SparkSession spark, Path modelFile, int partitions, int iterations, PrintStream out) {
        dlbasics.data.Dataset flower = PlanarData.flower(1);
        List<Example> examples = new ArrayList<>();
        for (int j = 0; j < flower.size(); j++) {
            examples.add(new Example(flower.X().column(j).toArray(), flower.Y().get(0, j)));
        }
        JavaRDD<Example> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(examples, partitions);
        Trainer trainer = Trainer.builder().learningRate(1.2).iterations(iterations).initializer(Initializer.SMALL_RANDOM).seed(2)
                .costEvery(1000).listener(new TrainingListener() {
                    @Override
                    public void onCost(TrainingEvent e) {
                        out.printf(Locale.ROOT, "Cost after iteration %d: %.6f%n", e.iteration(), e.cost());
                    }
                }).build();
        Network network = Network.of(Activation.TANH, 2, 4, 1);
        TrainingResult result = new SparkTrainer(trainer).fit(network, rdd);
        Matrix X = flower.X();
        out.printf(Locale.ROOT, "Accuracy: %.1f %% on %d examples in %d partitions, %.1f s%n", 100 * network.accuracy(X, flower.Y()),
                flower.size(), partitions, result.elapsedNanos() / 1e9);
        ModelFile.write(new TrainedModel(network, List.of("red", "blue"), 1.0, trainer.settings(), result.costs()), modelFile);
        out.println("Wrote " + modelFile);
        return result;
    }
}
