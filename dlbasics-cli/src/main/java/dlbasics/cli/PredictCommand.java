package dlbasics.cli;

import dlbasics.io.CsvData;
import dlbasics.io.ImageFolder;
import dlbasics.io.Images;
import dlbasics.matrix.Matrix;
import dlbasics.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code dlbasics predict}: a saved model on image files or folders of them (resized to the model's
 * image shape and scaled by 1/255, as the course does with its own photo) or on the examples of a CSV
 * file. The image shape follows from the model's inputs: s·s·3 is an s x s colour image (12288: the
 * cats' 64 x 64 x 3), s·s an s x s grey one (784: Fashion-MNIST's 28 x 28), the grey value being
 * Pillow's {@code convert("L")}, as {@code --data DIR --grey} trains.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Predict with a saved model on photos or a CSV file.", versionProvider = DlbasicsCommand.Version.class,
        description = {"Predict with a saved model on photos (JPEG, PNG, BMP or GIF of any size, resized to the model's image "
                + "shape — 64 x 64 x 3 for the cats, 28 x 28 grey for Fashion-MNIST, the --image-size and --grey of a trained "
                + "image folder — and scaled by 1/255), on folders of photos (their images and their sub-folders' images), "
                + "or on a CSV of examples (a header row, one example per line).",
                "",
                "Fashion-MNIST's pictures are light clothes on black; a photo on a white background needs inverting first.",
                "",
                "A CSV's columns are matched by name to the columns the model was trained on: a missing one is an error, "
                        + "others are left out with a warning; a label column, if there, must hold the model's classes. "
                        + "CSV predictions are printed as CSV: line,probability,prediction,class (the probability of class 1 "
                        + "for two classes, of the predicted class for more)."},
        footer = {"", "Examples:", "  dlbasics predict out/cat my_image.jpg", "  dlbasics predict out/flower points.csv",
                "  dlbasics predict out/fashion shirt.png", "  dlbasics predict out/shapes photos/"})
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.safetensors or .npz) or the --out folder of a train run")
    Path modelPath;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "Image files or folders of them, or one CSV file")
    List<Path> inputs;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "CSV: a label column to leave out (needed only for models that do not record their columns)")
    String label;

    @Option(names = "--separator", paramLabel = "CHAR", converter = DataOptions.SeparatorConverter.class,
            description = "CSV: the cell separator: ',', ';' or tab (default: ',')")
    Character separator;

    @Option(names = "--no-header", description = "CSV: the first row is an example; columns are named column1, column2, ...")
    boolean noHeader;

    @Option(names = "--json", description = "Print one JSON summary instead of text")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SavedModel model = SavedModel.load(modelPath);
        List<Object> results = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                for (Path image : imagesIn(input)) {
                    predictImage(out, model, image, results);
                }
            } else if (input.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                predictCsv(out, model, input, results);
            } else {
                predictImage(out, model, input, results);
            }
        }
        if (json) {
            out.println(Json.write(Map.of("predictions", results)));
        }
        out.flush();
        return 0;
    }

    /** The images directly in {@code folder} and in its sub-folders (an image folder's classes), sorted by path. */
    private static List<Path> imagesIn(Path folder) throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.walk(folder, 2)) {
            found = files.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")
                            && ImageFolder.EXTENSIONS.contains(extension(p)))
                    .sorted().toList();
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no images (png, jpg, jpeg, bmp or gif) in it or its sub-folders; "
                    + "give image files, a folder of them, or one CSV file");
        }
        return found;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private void predictImage(PrintWriter out, SavedModel saved, Path image, List<Object> results) {
        TrainedModel model = saved.model();
        int inputs = model.network().inputSize();
        int side = Outputs.imageSide(inputs);
        if (side == 0 || saved.columns() != null) {
            throw new IllegalArgumentException(String.format(
                    "the model takes %d inputs from %s, not an image (s x s x 3 or s x s grey values); predict images with a model "
                            + "trained on images (--data cat, fashion-mnist or a folder), and give this model a CSV file",
                    inputs, saved.columns() != null ? "the columns " + saved.columns().features() : "no image shape"));
        }
        boolean grey = side * side == inputs;
        // Images.read gives pixels / 255, resized (and made grey) as the training images were
        Matrix X = saved.inputs(Images.read(image, side, grey), 1.0 / 255.0, image.toString());
        List<String> concerns = Images.concerns(image, side);
        concerns.forEach(c -> DlbasicsCommand.warn(spec, c));
        Matrix P = model.network().predictProbabilities(X);
        int y = predicted(P, 0);
        double p = P.rows() == 1 ? P.get(0, 0) : P.get(y, 0);
        String name = className(model, y);
        if (json) {
            Map<String, Object> r = result(image.toString(), model, P, 0, y);
            r.put("warnings", concerns);
            results.add(r);
        } else {
            out.println(image + ": y = " + y + ", your model predicts a \"" + name + "\" picture. (probability of "
                    + className(model, P.rows() == 1 ? 1 : y) + ": " + String.format(Locale.ROOT, "%.4f", p) + ")");
        }
    }

    private void predictCsv(PrintWriter out, SavedModel saved, Path csv, List<Object> results) throws IOException {
        TrainedModel model = saved.model();
        CsvData.Table table = CsvData.readTable(csv, separator == null ? ',' : separator, !noHeader);
        Matrix raw;
        if (saved.columns() != null) {
            // by name: the model's features in its order; its label column (or --label) and others are left out
            String labelName = label != null ? label : saved.columns().label();
            raw = table.features(Columns.match(saved.columns(), table, csv, labelName));
            if (labelName != null && table.columns().contains(labelName) && model.classNames().size() >= 2) {
                table.labels(table.indexOf(labelName), model.classNames()); // a class the model never saw: an error naming the line
            }
            Columns.extra(saved.columns(), table, labelName).forEach(w -> DlbasicsCommand.warn(spec, w));
        } else {
            raw = byPosition(model, table, csv);
        }
        Matrix X = saved.inputs(raw, 1.0, csv.toString());
        Matrix probabilities = model.network().predictProbabilities(X);
        if (!json) {
            out.println("line,probability,prediction,class");
        }
        for (int j = 0; j < probabilities.cols(); j++) {
            int y = predicted(probabilities, j);
            // one sigmoid unit: the probability of class 1, as the course prints it; K classes: of the predicted class
            double p = probabilities.rows() == 1 ? probabilities.get(0, j) : probabilities.get(y, j);
            if (json) {
                Map<String, Object> r = result(csv.toString(), model, probabilities, j, y);
                r.put("line", table.lines().get(j));
                results.add(r);
            } else {
                out.println(table.lines().get(j) + "," + String.format(Locale.ROOT, "%.6f", p) + "," + y + "," + className(model, y));
            }
        }
    }

    /** A model file that does not record its columns (older files): all columns, or all but --label, never a guess. */
    private Matrix byPosition(TrainedModel model, CsvData.Table table, Path csv) {
        int n = model.network().inputSize();
        if (label != null) {
            return table.features(table.indexOf(label));
        }
        if (table.columns().size() == n + 1) {
            throw new IllegalArgumentException(String.format(
                    "the model does not record its column names (an older model file) and %s has %d columns %s for its %d inputs; "
                            + "name the column to leave out with --label", csv, table.columns().size(), table.columns(), n));
        }
        return table.features();
    }

    /**
     * One prediction for --json: the probability (of class 1 for a sigmoid, of the predicted class for K
     * outputs), the class index and name, and for K outputs every class's probability by name.
     */
    private static Map<String, Object> result(String input, TrainedModel model, Matrix P, int j, int y) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", input);
        r.put("probability", P.rows() == 1 ? P.get(0, j) : P.get(y, j));
        r.put("prediction", y);
        r.put("class", className(model, y));
        if (P.rows() > 1) {
            Map<String, Object> all = new LinkedHashMap<>();
            for (int k = 0; k < P.rows(); k++) {
                all.put(className(model, k), P.get(k, j));
            }
            r.put("probabilities", all);
        }
        return r;
    }

    /** Column j's predicted class: 1 when the sigmoid output is above 0.5, else 0; for K outputs the most probable (first on a tie). */
    private static int predicted(Matrix P, int j) {
        if (P.rows() == 1) {
            return P.get(0, j) > 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < P.rows(); k++) {
            if (P.get(k, j) > P.get(best, j)) {
                best = k;
            }
        }
        return best;
    }

    private static String className(TrainedModel model, int y) {
        return y < model.classNames().size() ? model.classNames().get(y) : Integer.toString(y);
    }
}
