package dlbasics.cli;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.model.ClassificationMetrics;
import dlbasics.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dlbasics evaluate}: a saved model's accuracy, precision, recall, F1 and confusion matrix on a data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Score a saved model on a data set.", versionProvider = DlbasicsCommand.Version.class,
        description = "Score a saved model on a data set: accuracy, precision, recall, F1 and the confusion matrix "
                + "(on the training and the test part when there is one). A CSV's columns are matched by name to the "
                + "columns the model was trained on.",
        footer = {"", "Examples:", "  dlbasics evaluate out/flower --data flower --test-split 0.2",
                "  dlbasics evaluate out/cat --data cat --train-h5 TRAIN.h5 --test-h5 TEST.h5",
                "  dlbasics evaluate out/iris --data iris.csv --test-split 0.2",
                "  dlbasics evaluate out/shapes --data shapes/ --image-size 16 --grey"})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.safetensors or .npz) or the --out folder of a train run")
    Path modelPath;

    @Mixin
    DataOptions data;

    @Option(names = "--json", description = "Print one JSON summary instead of text")
    boolean json;

    @Override
    public Integer call() throws IOException {
        data.check(false);
        PrintWriter out = spec.commandLine().getOut();
        SavedModel saved = SavedModel.load(modelPath);
        TrainedModel model = saved.model();
        if (data.data.folder() != null && data.imageSize == null && !data.grey) {
            // an image folder is read in the model's image shape: s·s·3 inputs colour, s·s grey (as predict does)
            int inputs = model.network().inputSize();
            int side = Outputs.imageSide(inputs);
            if (side > 0) {
                data.imageSize = side;
                data.grey = side * side == inputs;
            }
        }
        // the model's class names number the data's label names and class folders (files from before names: the data's own)
        List<String> modelClasses = model.classNames().size() >= 2 ? model.classNames() : null;
        DataSource.Loaded loaded = data.data.load(data, false, saved.columns(), modelClasses);
        loaded.warnings().forEach(w -> DlbasicsCommand.warn(spec, w));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", modelPath.toString());
        summary.put("layer_sizes", model.network().layerDims());
        summary.put("data", loaded.description());
        summary.put("class_names", model.classNames());
        if (!json) {
            out.println("Model: " + modelPath + " — " + model.network());
            out.println("Data: " + loaded.description());
        }
        evaluate(out, saved, loaded, "train", loaded.train(), summary);
        if (loaded.test() != null) {
            evaluate(out, saved, loaded, "test", loaded.test(), summary);
        }
        summary.put("warnings", loaded.warnings());
        if (json) {
            out.println(Json.write(summary));
        }
        out.flush();
        return 0;
    }

    private void evaluate(PrintWriter out, SavedModel saved, DataSource.Loaded loaded, String part, Dataset d, Map<String, Object> summary) {
        TrainedModel model = saved.model();
        Dataset fed = saved.inputs(d, loaded.inputScale(), loaded.description());
        if (model.network().classes() > 2) {
            evaluateClasses(out, model, loaded, part, fed, summary);
            return;
        }
        Scores s = Scores.of(model.network().predict(fed.X()), fed.Y());
        List<String> names = model.classNames().size() == 2 ? model.classNames() : loaded.classNames();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("examples", s.total());
            m.put("accuracy", s.accuracy());
            m.put("precision", s.precision());
            m.put("recall", s.recall());
            m.put("f1", s.f1());
            m.put("confusion_matrix", List.of(List.of(s.trueNegatives(), s.falsePositives()), List.of(s.falseNegatives(), s.truePositives())));
            summary.put(part, m);
            return;
        }
        out.println();
        out.println(part + " (" + s.total() + " examples)");
        out.println("  accuracy   " + Format.percent(s.accuracy()));
        out.println("  precision  " + ratio(s.precision()));
        out.println("  recall     " + ratio(s.recall()));
        out.println("  F1         " + ratio(s.f1()));
        out.println("  confusion matrix (rows: true class, columns: predicted class)");
        int w = Math.max(8, Math.max(names.get(0).length(), names.get(1).length()) + 2);
        out.println("  " + pad("", w) + pad(names.get(0), w) + pad(names.get(1), w));
        out.println("  " + pad(names.get(0), w) + pad(Integer.toString(s.trueNegatives()), w) + pad(Integer.toString(s.falsePositives()), w));
        out.println("  " + pad(names.get(1), w) + pad(Integer.toString(s.falseNegatives()), w) + pad(Integer.toString(s.truePositives()), w));
    }

    /** K classes: accuracy, top-3 accuracy, the per-class report with macro and weighted averages, the K x K confusion matrix. */
    private void evaluateClasses(PrintWriter out, TrainedModel model, DataSource.Loaded loaded, String part, Dataset fed,
                                 Map<String, Object> summary) {
        int K = model.network().classes();
        List<String> names = model.classNames().size() == K ? model.classNames() : loaded.classNames();
        Matrix P = model.network().predictProbabilities(fed.X());
        ClassificationMetrics c = ClassificationMetrics.of(model.network().predict(fed.X()), fed.Y(), K);
        double top3 = ClassificationMetrics.topKAccuracy(P, fed.Y(), Math.min(3, K));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("examples", c.examples());
            m.put("accuracy", c.accuracy());
            m.put("top3_accuracy", top3);
            m.put("macro_f1", c.macroF1());
            m.put("weighted_f1", c.weightedF1());
            List<Map<String, Object>> classes = new java.util.ArrayList<>();
            for (int k = 0; k < K; k++) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("class", names.get(k));
                one.put("precision", c.precision(k));
                one.put("recall", c.recall(k));
                one.put("f1", c.f1(k));
                one.put("support", c.support(k));
                classes.add(one);
            }
            m.put("classes", classes);
            m.put("confusion_matrix", c.confusion());
            summary.put(part, m);
            return;
        }
        out.println();
        out.println(part + " (" + c.examples() + " examples)");
        out.println("  accuracy        " + Format.percent(c.accuracy()));
        out.println("  top-3 accuracy  " + Format.percent(top3));
        c.report(names).lines().forEach(line -> out.println("  " + line));
        c.confusionTable(names).lines().forEach(line -> out.println("  " + line));
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "n/a (no examples to divide by)" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String pad(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
