package dlbasics.cli;

import dlbasics.io.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dlbasics train}: trains one model, reports the cost and accuracies, and saves the model and pictures in --out. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model on a data set. Every option defaults to the course's value for the data set:",
                "flower: one hidden layer of 4 tanh units, learning rate 1.2, 10000 iterations, seed 2;",
                "cat: the L-layer model [12288, 20, 7, 5, 1], learning rate 0.0075, 2500 iterations, seed 1."},
        footer = {"", "Examples:", "  dlbasics train --data flower --out out/flower",
                "  dlbasics train --data cat --train-h5 train_catvnoncat.h5 --test-h5 test_catvnoncat.h5 --out out/cat",
                "  dlbasics train --data mydata.csv --label y --standardize --test-split 0.2 --json"})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    DlbasicsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    ModelOptions model;

    @Option(names = "--out", paramLabel = "DIR", description = "Save the model (model.safetensors) and pictures (cost.png, decision_boundary.png, mislabelled.png) here")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "safetensors", description = "Model file format: safetensors or npz (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--json", description = "Print one JSON summary (costs, accuracies, timings, parameter count) instead of text")
    boolean json;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        ModelFile.Format fileFormat = parseFormat();
        DataSource.Loaded loaded = data.data.load(data);
        Plan plan = Plan.of(model, loaded.kind());
        if (!json) {
            out.println("Data: " + loaded.description());
            out.println("Model: " + plan.describe(loaded.train().features()));
            out.flush();
        }
        List<dlbasics.model.TrainingListener> listeners = json ? List.of() : List.of(new Progress(out, parent.terminal, ""));
        Run run = Run.train(plan, loaded, listeners);
        List<Path> written = List.of();
        if (this.out != null) {
            written = Outputs.write(this.out, run, loaded, fileFormat, plan.title());
        }
        long total = System.nanoTime() - start;
        if (json) {
            out.println(Json.write(summary(loaded, run, written, total)));
        } else {
            out.println("Train accuracy: " + Format.percent(run.trainAccuracy()));
            if (run.testAccuracy() != null) {
                out.println("Test accuracy: " + Format.percent(run.testAccuracy()));
            }
            out.println("Trained in " + Format.seconds(run.result().elapsedNanos()) + " (" + run.network().parameterCount() + " parameters)");
            for (Path p : written) {
                out.println("Wrote " + p);
            }
        }
        out.flush();
        return 0;
    }

    private ModelFile.Format parseFormat() {
        try {
            return ModelFile.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown --format '" + format + "'; valid: safetensors, npz");
        }
    }

    static Map<String, Object> summary(DataSource.Loaded loaded, Run run, List<Path> written, long totalNanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", loaded.description());
        m.put("model", run.plan().model().toString());
        m.put("layer_sizes", run.network().layerDims());
        m.put("hidden_activation", run.plan().model() == ModelKind.LOGISTIC ? null : run.plan().activation().courseName());
        m.put("learning_rate", run.plan().settings().learningRate());
        m.put("iterations", run.result().iterations());
        m.put("seed", run.plan().settings().seed());
        m.put("cost_every", run.plan().settings().costEvery());
        m.put("costs", run.result().costs());
        m.put("final_cost", run.result().costs().length == 0 ? null : run.result().finalCost());
        m.put("train_accuracy", run.trainAccuracy());
        m.put("test_accuracy", run.testAccuracy());
        m.put("train_examples", loaded.train().size());
        m.put("test_examples", loaded.test() == null ? 0 : loaded.test().size());
        m.put("parameters", run.network().parameterCount());
        m.put("training_seconds", run.result().elapsedNanos() / 1e9);
        m.put("total_seconds", totalNanos / 1e9);
        List<String> files = new ArrayList<>();
        written.forEach(p -> files.add(p.toString()));
        m.put("files", files);
        return m;
    }
}
