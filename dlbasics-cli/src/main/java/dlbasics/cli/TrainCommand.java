package dlbasics.cli;

import dlbasics.data.Dataset;
import dlbasics.io.Checkpoint;
import dlbasics.io.CheckpointListener;
import dlbasics.io.ModelFile;
import dlbasics.model.Network;
import dlbasics.model.TrainingHealth;
import dlbasics.model.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dlbasics train}: trains one model, reports the cost and accuracies, and saves the model and pictures in --out. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train a model and save it with its pictures.", versionProvider = DlbasicsCommand.Version.class,
        description = {"Train a model on a data set. Every option defaults to the course's value for the data set. "
                + "The flower: one hidden layer of 4 tanh units, learning rate 1.2, 10000 iterations, seed 2. "
                + "The cats: the L-layer model [12288, 20, 7, 5, 1], learning rate 0.0075, 2500 iterations, seed 1.",
                "",
                "--out refuses a folder that holds an earlier run unless --force is given. Warnings (one class, a cost "
                        + "that rises or stalls, columns left out) go to stderr and into --json."},
        footer = {"", "Examples:",
                "  dlbasics train --data flower --out out/flower",
                "  dlbasics train --data cat --train-h5 TRAIN.h5 --test-h5 TEST.h5 --out out/cat",
                "  dlbasics train --data mydata.csv --label y --standardize --test-split 0.2",
                "  dlbasics train --data fashion-mnist --model deep --layers 256,128",
                "  dlbasics train --data cat ... --out out/cat --checkpoint-every 500",
                "  dlbasics train --data cat ... --out out/cat --resume out/cat",
                "  dlbasics train --data moons --resume out/m/model.safetensors --epochs 5000",
                "(TRAIN.h5 and TEST.h5: the course's train_catvnoncat.h5 and test_catvnoncat.h5)"})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    DlbasicsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    StandardizeOption scaling;

    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Save the model (model.safetensors) and pictures (cost.png, decision_boundary.png, mislabelled.png) here")
    Path out;

    @Option(names = "--force", description = "Replace an earlier run in --out (its files are removed once this run is saved)")
    boolean force;

    @Option(names = "--no-plots", description = "Save the model only, no pictures")
    boolean noPlots;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "safetensors", description = "Model file format: safetensors or npz (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Save a checkpoint (the model and the full training state) in --out every N iterations and at the end; written atomically")
    Integer checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR|FILE",
            description = "Continue the run checkpointed in DIR (its checkpoint.safetensors, else its model file) or saved in the model "
                    + "FILE, on the same data (give the same data options, --validation-split and --patience); its model, settings, "
                    + "update rule state and checkpoint interval apply, --iterations or --epochs may raise the total")
    Path resume;

    @Option(names = "--validation-split", paramLabel = "SHARE",
            description = "Hold out this share of the training examples (a permutation from seed 1) and measure them after every epoch")
    Double validationSplit;

    @Option(names = "--patience", paramLabel = "N",
            description = "With --validation-split: stop after N epochs without a lower validation cost and keep the best epoch's parameters")
    Integer patience;

    @Option(names = "--json", description = "Print one JSON summary (costs, accuracies, warnings, timings, parameter count) instead of text")
    boolean json;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        PrintWriter stdout = spec.commandLine().getOut();
        ModelFile.Format fileFormat = parseFormat();
        if (checkpointEvery != null && (out == null || checkpointEvery < 1)) {
            throw new ParameterException(spec.commandLine(), out == null
                    ? "--checkpoint-every needs --out DIR, the folder the checkpoint is written to"
                    : "--checkpoint-every is " + checkpointEvery + "; give 1 or more iterations");
        }
        data.check(scaling.standardize);
        run.apply();
        if (out != null) {
            List<String> earlier = OutputFolder.earlierRun(out);
            if (!earlier.isEmpty() && !force && !resumesInPlace()) {
                throw new ParameterException(spec.commandLine(), "--out " + out + " holds an earlier run (" + String.join(", ", earlier)
                        + "); give a new folder, or --force to replace that run");
            }
            OutputFolder.checkWritable(out);
        }
        Checkpoint checkpoint = null;
        Path resumeFile = resume == null ? null : resumeFile(resume);
        if (resumeFile != null) {
            checkpoint = Checkpoint.readFile(resumeFile);
        }
        DataSource.Loaded loaded = data.data.load(data, scaling.standardize);
        Plan plan = checkpoint == null ? Plan.of(model, loaded.kind())
                : Plan.resumed(checkpoint.model().network(), checkpoint.model().settings(),
                        model.epochs != null ? model.epochs : model.iterations, checkpoint.updateRule());
        if (checkpoint != null) {
            checkResumable(checkpoint, plan, loaded);
        }
        Dataset validation = null;
        if (patience != null && (validationSplit == null || patience < 1)) {
            throw new ParameterException(spec.commandLine(), validationSplit == null
                    ? "--patience needs --validation-split SHARE, the examples whose cost it watches"
                    : "--patience is " + patience + "; give 1 or more epochs");
        }
        if (checkpoint != null) {
            checkValidation(checkpoint);
        }
        if (validationSplit != null) {
            int m = loaded.train().size();
            int held = (int) Math.round(validationSplit * m);
            if (!(validationSplit > 0 && validationSplit < 1)) {
                throw new ParameterException(spec.commandLine(), "--validation-split is " + validationSplit
                        + "; give the share of the training examples to hold out, above 0 and below 1 (e.g. 0.2)");
            }
            if (held < 1 || held >= m) {
                throw new ParameterException(spec.commandLine(), String.format(java.util.Locale.ROOT,
                        "--validation-split %s of %d training examples leaves %d for validation and %d for training; "
                                + "both need at least one (e.g. 0.2)", validationSplit, m, held, m - held));
            }
            int[] order = new dlbasics.random.NumpyRandom(1).permutation(m);
            validation = loaded.train().select(java.util.Arrays.copyOfRange(order, m - held, m));
            Dataset kept = loaded.train().select(java.util.Arrays.copyOfRange(order, 0, m - held));
            loaded = new DataSource.Loaded(loaded.description() + ", " + held + " held out for validation", kept, loaded.test(),
                    loaded.classNames(), loaded.inputScale(), loaded.kind(), loaded.standardization(), loaded.columns(), loaded.warnings());
        }
        if (plan.settings().batchSize() > loaded.train().size()) {
            throw new ParameterException(spec.commandLine(), "--batch-size is " + plan.settings().batchSize() + " but the training set has "
                    + loaded.train().size() + " examples; give 1 to " + loaded.train().size());
        }
        int classes = loaded.classNames().size();
        Memory.check(plan.dims(loaded.train().features(), classes), loaded.train().size());
        List<TrainingHealth.Warning> warnings = new ArrayList<>();
        TrainingHealth.Warning oneClass = TrainingHealth.oneClass(loaded.train().Y());
        if (oneClass != null) {
            warnings.add(oneClass);
        }
        loaded.warnings().forEach(w -> warnings.add(new TrainingHealth.Warning("columns", w)));
        warnings.forEach(w -> DlbasicsCommand.warn(spec, w.message()));
        if (!json && !run.quiet) {
            stdout.println("Data: " + loaded.description());
            stdout.println("Model: " + plan.describe(loaded.train().features(), classes));
            if (checkpoint != null) {
                stdout.println("Resuming from " + resumeFile + " at " + (plan.settings().fullBatch() ? "iteration " : "epoch ")
                        + checkpoint.state().iteration());
            }
            stdout.flush();
        }
        List<TrainingListener> listeners = new ArrayList<>();
        if (!json && !run.quiet) {
            listeners.add(new Progress(stdout, parent.terminal, "", parent.terminal ? spec.usageMessage().width() : Progress.DEFAULT_WIDTH));
        }
        int every = checkpointEvery != null ? checkpointEvery : checkpoint != null ? checkpoint.every() : 0;
        Path checkpointDir = out != null ? out : resumeFile != null ? resumeFile.toAbsolutePath().getParent() : null;
        CheckpointListener checkpoints = every > 0 ? new CheckpointListener(checkpointDir, every, loaded.classNames(), loaded.inputScale()) : null;
        if (checkpoints != null) {
            listeners.add(checkpoints);
        }
        EpochLog epochs = new EpochLog();
        if (validation != null) {
            listeners.add(epochs);
        }
        Interruption interruption = new Interruption(spec, checkpoints, checkpointDir, resume != null);
        listeners.add(interruption);
        Run trained;
        interruption.arm();
        try {
            trained = checkpoint == null
                    ? validation != null ? Run.train(plan, loaded, listeners, validation, patience == null ? 0 : patience)
                    : Run.train(plan, loaded, listeners)
                    : validation != null ? Run.resume(plan, checkpoint.model().network(), checkpoint.state(), loaded, listeners, validation,
                    patience == null ? 0 : patience)
                    : Run.resume(plan, checkpoint.model().network(), checkpoint.state(), loaded, listeners);
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException(Memory.outOfMemory());
        } finally {
            interruption.disarm();
        }
        double finalCost = trained.finalCost();
        List<TrainingHealth.Warning> health = TrainingHealth.costs(trained.result().costs(), plan.settings().costEvery(),
                plan.settings().learningRate());
        health.forEach(w -> DlbasicsCommand.warn(spec, w.message()));
        warnings.addAll(health);
        List<Path> written = List.of();
        if (out != null) {
            // a resumed run heard only its own epochs: its cost plot is the whole run's recorded costs
            written = validation == null || checkpoint != null ? Outputs.write(out, trained, loaded, fileFormat, plan.title(), !noPlots)
                    : Outputs.write(out, trained, loaded, fileFormat, plan.title(), !noPlots, epochs.column("train_cost"),
                    epochs.column("validation_cost"));
            List<Path> keep = new ArrayList<>(written);
            if (checkpoints != null && out.equals(checkpointDir)) {
                keep.add(out.resolve(Checkpoint.FILE_NAME));
            }
            OutputFolder.removeStale(out, OutputFolder.RUN_FILES, keep);
        }
        long total = System.nanoTime() - start;
        if (json) {
            Map<String, Object> summary = summary(loaded, trained, finalCost, warnings, written, total);
            if (validation != null) {
                summary.put("validation_examples", validation.size());
                summary.put("epochs", epochs.rows);
                summary.put("best_epoch", epochs.bestEpoch);
                summary.put("stopped_early", trained.result().stopped());
            }
            stdout.println(Json.write(summary));
        } else {
            stdout.println("Final cost: " + Format.cost(finalCost) + " (after " + (plan.settings().fullBatch() ? "iteration " : "epoch ")
                    + trained.result().iterations() + ")");
            stdout.println("Train accuracy: " + Format.percent(trained.trainAccuracy()));
            if (validation != null) {
                stdout.println("Validation accuracy: " + Format.percent(trained.network().accuracy(validation.X(), validation.Y()))
                        + " (best epoch " + epochs.bestEpoch + (trained.result().stopped() ? ", stopped early" : "") + ")");
            }
            if (trained.testAccuracy() != null) {
                stdout.println("Test accuracy: " + Format.percent(trained.testAccuracy()));
            }
            stdout.println("Trained in " + Format.seconds(trained.result().elapsedNanos()) + " (" + trained.network().parameterCount() + " parameters)");
            for (Path p : written) {
                stdout.println("Wrote " + p);
            }
        }
        stdout.flush();
        return 0;
    }

    /** Every epoch's metrics, for --json and the cost plot. */
    static final class EpochLog implements TrainingListener {
        final List<Map<String, Object>> rows = new ArrayList<>();
        int bestEpoch = -1;

        @Override
        public void onEpoch(dlbasics.model.TrainingEvent e) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.iteration());
            row.put("train_cost", e.trainCost());
            row.put("train_accuracy", e.trainAccuracy());
            row.put("validation_cost", e.validationCost());
            row.put("validation_accuracy", e.validationAccuracy());
            rows.add(row);
            bestEpoch = e.bestEpoch();
        }

        double[] column(String key) {
            return rows.stream().mapToDouble(r -> (Double) r.get(key)).toArray();
        }
    }

    /** Resuming the run checkpointed or saved in --out itself continues that run, so its files may be replaced. */
    private boolean resumesInPlace() {
        try {
            Path folder = resume == null ? null : Files.isDirectory(resume) ? resume : resume.toAbsolutePath().getParent();
            return folder != null && Files.isDirectory(folder) && Files.isSameFile(folder, out);
        } catch (IOException e) {
            return false;
        }
    }

    /** What --resume names: a folder's checkpoint, else its model file; or a file itself. */
    private static Path resumeFile(Path resume) {
        if (Files.isRegularFile(resume)) {
            return resume;
        }
        if (Files.isDirectory(resume)) {
            for (String name : List.of(Checkpoint.FILE_NAME, "model" + ModelFile.Format.SAFETENSORS.extension(),
                    "model" + ModelFile.Format.NPZ.extension())) {
                if (Files.isRegularFile(resume.resolve(name))) {
                    return resume.resolve(name);
                }
            }
        }
        throw new IllegalArgumentException("no checkpoint in " + resume + " (no " + Checkpoint.FILE_NAME + " or model file); --resume "
                + "takes the --out folder of a run (trained with --checkpoint-every N to resume after a crash) or its model file");
    }

    /** A run with a validation set resumes only with one (the same split), and one without only without. */
    private void checkValidation(Checkpoint checkpoint) {
        var watch = checkpoint.state().earlyStopping();
        if (watch.started() && validationSplit == null) {
            throw new ParameterException(spec.commandLine(), String.format(
                    "--resume: the run was trained with a validation split (best epoch %d so far); give the same --validation-split%s",
                    watch.bestEpoch(), watch.bestParameters().isEmpty() ? "" : " and --patience"));
        }
        if (!watch.bestParameters().isEmpty() && patience == null) {
            throw new ParameterException(spec.commandLine(), String.format(
                    "--resume: the run stops early (it keeps the best epoch's parameters, epoch %d so far); give the same --patience",
                    watch.bestEpoch()));
        }
        if (patience != null && watch.started() && checkpoint.state().iteration() - watch.bestEpoch() >= patience) {
            throw new IllegalArgumentException(String.format(
                    "--resume: the run stopped early at epoch %d, %d epochs after its best epoch %d, and its model holds that "
                            + "epoch's parameters; nothing is left to train (a larger --patience than %d would continue from them)",
                    checkpoint.state().iteration(), checkpoint.state().iteration() - watch.bestEpoch(), watch.bestEpoch(), patience));
        }
        if (!watch.started() && validationSplit != null && checkpoint.state().iteration() > 0) {
            throw new ParameterException(spec.commandLine(),
                    "--validation-split: the resumed run was trained without one; resume it without --validation-split");
        }
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
            throw new ParameterException(spec.commandLine(), String.format(
                    "--iterations %d is below the checkpoint's %d iterations already done; give a larger total or leave --iterations out",
                    plan.settings().iterations(), checkpoint.state().iteration()));
        }
    }

    private ModelFile.Format parseFormat() {
        try {
            return ModelFile.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown --format '" + format + "'; valid: safetensors, npz");
        }
    }

    static Map<String, Object> summary(DataSource.Loaded loaded, Run run, double finalCost, List<TrainingHealth.Warning> warnings,
                                       List<Path> written, long totalNanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", loaded.description());
        m.put("model", run.plan().model().toString());
        m.put("layer_sizes", run.network().layerDims());
        m.put("hidden_activation", run.plan().model() == ModelKind.LOGISTIC ? null : run.plan().activation().courseName());
        m.put("learning_rate", run.plan().settings().learningRate());
        m.put("iterations", run.result().iterations());
        m.put("seed", run.plan().settings().seed());
        m.put("cost_every", run.plan().settings().costEvery());
        m.put("optimizer", run.plan().rule().name());
        m.put("optimizer_settings", run.plan().rule().hyperparameters());
        m.put("batch_size", run.plan().settings().fullBatch() ? loaded.train().size() : run.plan().settings().batchSize());
        m.put("l2", run.plan().settings().l2());
        m.put("keep_prob", run.plan().settings().keepProb());
        m.put("initializer", run.plan().settings().initializer().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put("lr_decay", run.plan().settings().decay().toString());
        m.put("first_layer", run.plan().settings().firstLayer().cliName());
        m.put("costs", run.result().costs());
        m.put("final_cost", finalCost);
        m.put("train_accuracy", run.trainAccuracy());
        m.put("test_accuracy", run.testAccuracy());
        m.put("train_examples", loaded.train().size());
        m.put("test_examples", loaded.test() == null ? 0 : loaded.test().size());
        m.put("parameters", run.network().parameterCount());
        m.put("training_seconds", run.result().elapsedNanos() / 1e9);
        m.put("total_seconds", totalNanos / 1e9);
        m.put("warnings", warnings); // records: {"kind": ..., "message": ...}
        List<String> files = new ArrayList<>();
        written.forEach(p -> files.add(p.toString()));
        m.put("files", files);
        return m;
    }
}
