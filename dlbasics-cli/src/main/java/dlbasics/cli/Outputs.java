package dlbasics.cli;

import dlbasics.data.Dataset;
import dlbasics.io.ModelColumns;
import dlbasics.io.ModelFile;
import dlbasics.model.ClassificationMetrics;
import dlbasics.model.Network;
import dlbasics.model.TrainedModel;
import dlbasics.plot.ConfusionMatrixPlot;
import dlbasics.plot.CostCurve;
import dlbasics.plot.DecisionBoundary;
import dlbasics.plot.ImageGrid;
import dlbasics.plot.Png;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code train --out DIR} writes: the model file and the pictures that fit the data. */
final class Outputs {
    static final String COST = "cost.png";
    static final String BOUNDARY = "decision_boundary.png";
    static final String MISLABELLED = "mislabelled.png";
    static final String CONFUSION = "confusion.png";

    private Outputs() {
    }

    /** The model as it is saved: with a CSV standardisation folded into the first layer so it takes raw inputs. */
    static TrainedModel model(Run run, DataSource.Loaded data) {
        Network network = data.standardization() == null ? run.network() : data.standardization().foldInto(run.network());
        return new TrainedModel(network, data.classNames(), data.inputScale(), run.plan().settings(), run.result().costs());
    }

    /**
     * Writes the model file (with the run's training state, so that it can be resumed, unless a
     * standardisation is folded into it) and, unless {@code plots} is false, the pictures; returns the files written.
     * The folder was checked beforehand ({@link OutputFolder}).
     */
    static List<Path> write(Path out, Run run, DataSource.Loaded data, ModelFile.Format format, String title, boolean plots)
            throws IOException {
        return write(out, run, data, format, title, plots, null, null);
    }

    /** As above; with per-epoch training and validation costs (not null), cost.png shows both curves. */
    static List<Path> write(Path out, Run run, DataSource.Loaded data, ModelFile.Format format, String title, boolean plots,
                            double[] epochTrainCosts, double[] epochValidationCosts) throws IOException {
        List<Path> written = new ArrayList<>();
        Path modelFile = out.resolve("model" + format.extension());
        ModelColumns columns = data.columns();
        if (data.standardization() == null) { // the trained parameters: the file continues the run (train --resume FILE)
            ModelFile.write(model(run, data), columns, run.result().finalState(), run.plan().rule(), modelFile, format);
        } else { // W1, b1 take raw inputs now, no longer the parameters the update rule's state belongs to
            ModelFile.write(model(run, data), columns, modelFile, format);
        }
        written.add(modelFile);
        if (!plots) {
            return written;
        }
        if (epochTrainCosts != null && epochTrainCosts.length > 0 && allFinite(epochTrainCosts) && allFinite(epochValidationCosts)) {
            written.add(Png.write(CostCurve.renderWithValidation(epochTrainCosts, epochValidationCosts,
                    "Training and validation cost", 640, 440), out.resolve(COST)));
        } else if (run.result().costs().length > 0 && allFinite(run.result().costs())) {
            written.add(Png.write(costCurve(run), out.resolve(COST)));
        }
        if (data.twoDimensional()) {
            written.add(Png.write(boundary(run, data, title), out.resolve(BOUNDARY)));
        }
        if (data.kind() == DataSource.Kind.IMAGES && imageSide(data.train().features()) > 0) {
            BufferedImage grid = mislabelled(run, data);
            if (grid != null) {
                written.add(Png.write(grid, out.resolve(MISLABELLED)));
            }
        }
        if (run.network().classes() > 2) {
            Dataset scored = Run.scored(data);
            ClassificationMetrics c = ClassificationMetrics.of(run.network().predict(scored.X()), scored.Y(), run.network().classes());
            String part = data.test() != null ? "test" : "training";
            written.add(Png.write(ConfusionMatrixPlot.render(c.confusion(), data.classNames(),
                    "Confusion matrix, " + part + " set — accuracy " + Format.percent(c.accuracy()), 44), out.resolve(CONFUSION)));
        }
        return written;
    }

    private static boolean allFinite(double[] costs) {
        for (double c : costs) {
            if (!Double.isFinite(c)) {
                return false;
            }
        }
        return true;
    }

    /** The cost curve of a run, titled with its learning rate, x in iterations. */
    static BufferedImage costCurve(Run run) {
        return CostCurve.render(run.result().costs(), run.plan().settings().costEvery(), run.plan().settings().learningRate(), 640, 440);
    }

    /**
     * The decision boundary over the training points (as the course draws it), with the accuracy in
     * the title, the class names in a legend and the real column names on the axes ("standardised"
     * when they are).
     */
    static BufferedImage boundary(Run run, DataSource.Loaded data, String title) {
        return boundary(run.network(), data.train(), data, title + " — accuracy " + Format.percent(run.trainAccuracy()), 640, 520);
    }

    static BufferedImage boundary(Network network, Dataset points, DataSource.Loaded data, String title, int width, int height) {
        List<String> names = data.columns() != null ? data.columns().features() : List.of("x1", "x2");
        String suffix = data.standardization() != null ? " (standardised)" : "";
        return DecisionBoundary.render(network::predict, points.X(), points.Y(), title, names.get(0) + suffix, names.get(1) + suffix,
                data.classNames(), width, height);
    }

    /** The mislabelled test images (training images without a test set), or null when none is. */
    static BufferedImage mislabelled(Run run, DataSource.Loaded data) {
        Dataset test = Run.scored(data);
        String part = data.test() != null ? "test" : "training";
        int side = imageSide(test.features());
        return ImageGrid.mislabelled(test.X(), run.network().predict(test.X()), test.Y(), data.classNames(),
                side, side, 5, 10, "Mislabelled " + part + " images");
    }

    /**
     * The side of square images with this many inputs: s for s·s grey values (28 for Fashion-MNIST) or
     * s·s·3 RGB values (64 for the cats), 0 when neither fits; 3·s² is never a square, so the two never clash.
     */
    static int imageSide(int features) {
        int grey = (int) Math.round(Math.sqrt(features));
        if (grey * grey == features) {
            return grey;
        }
        int colour = (int) Math.round(Math.sqrt(features / 3.0));
        return 3 * colour * colour == features ? colour : 0;
    }
}
