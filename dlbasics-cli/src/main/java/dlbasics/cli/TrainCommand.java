package dlbasics.cli;

import dlbasics.io.Checkpoint;
import dlbasics.io.CheckpointListener;
import dlbasics.io.ModelFile;
import dlbasics.model.Network;
import dlbasics.model.TrainingListener;
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
                "  dlbasics train --data mydata.csv --label y --standardize --test-split 0.2 --json",
                "  dlbasics train --data cat --train-h5 ... --test-h5 ... --out out/cat --checkpoint-every 500",
                "  dlbasics train --data cat --train-h5 ... --test-h5 ... --out out/cat --resume out/cat"})
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

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Save a checkpoint (the model and the full training state) in --out every N iterations and at the end; written atomically")
    Integer checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run checkpointed in DIR on the same data (give the same data options); its model and settings apply, --iterations may raise the total")
    Path resume;

    @Option(names = "--json", description = "Print one JSON summary (costs, accuracies, timings, parameter count) instead of text")
    boolean json;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        ModelFile.Format fileFormat = parseFormat();
        if (checkpointEvery != null && (this.out == null || checkpointEvery < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), this.out == null
                    ? "--checkpoint-every needs --out DIR, the folder the checkpoint is written to"
                    : "--checkpoint-every is " + checkpointEvery + "; give 1 or more iterations");
        }
        Checkpoint checkpoint = resume == null ? null : Checkpoint.read(resume);
        DataSource.Loaded loaded = data.data.load(data);
        Plan plan = checkpoint == null ? Plan.of(model, loaded.kind())
                : Plan.resumed(checkpoint.model().network(), checkpoint.model().settings(), model.iterations);
        if (checkpoint != null) {
            checkResumable(checkpoint, plan, loaded);
        }
        if (!json) {
            out.println("Data: " + loaded.description());
            out.println("Model: " + plan.describe(loaded.train().features()));
            if (checkpoint != null) {
                out.println("Resuming from " + resume.resolve(Checkpoint.FILE_NAME) + " at iteration " + checkpoint.state().iteration());
            }
            out.flush();
        }
        List<TrainingListener> listeners = new ArrayList<>();
        if (!json) {
            listeners.add(new Progress(out, parent.terminal, ""));
        }
        if (checkpointEvery != null) {
            listeners.add(new CheckpointListener(this.out, checkpointEvery, loaded.classNames(), loaded.inputScale()));
        }
        Run run = checkpoint == null ? Run.train(plan, loaded, listeners)
                : Run.resume(plan, checkpoint.model().network(), checkpoint.state(), loaded, listeners);
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

    /** A checkpoint continues only on data of the shape it was trained on, and only forwards. */
    private void checkResumable(Checkpoint checkpoint, Plan plan, DataSource.Loaded loaded) {
        Network network = checkpoint.model().network();
        if (network.inputSize() != loaded.train().features()) {
            throw new IllegalArgumentException(String.format(
                    "train --resume: the checkpoint in %s takes %d inputs but the data has %d features; give the same data options as the run that wrote it",
                    resume, network.inputSize(), loaded.train().features()));
        }
        if (plan.settings().iterations() < checkpoint.state().iteration()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.format(
                    "--iterations %d is below the checkpoint's %d iterations already done; give a larger total or leave --iterations out",
                    plan.settings().iterations(), checkpoint.state().iteration()));
        }
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
