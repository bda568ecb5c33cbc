package dlbasics.cli;

import dlbasics.data.Dataset;
import dlbasics.io.CatImages;
import dlbasics.io.ModelFile;
import dlbasics.model.Network;
import dlbasics.model.TrainedModel;
import dlbasics.plot.CostCurve;
import dlbasics.plot.DecisionBoundary;
import dlbasics.plot.ImageGrid;
import dlbasics.plot.Png;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code train --out DIR} writes: the model file and the pictures that fit the data. */
final class Outputs {
    static final String COST = "cost.png";
    static final String BOUNDARY = "decision_boundary.png";
    static final String MISLABELLED = "mislabelled.png";

    private Outputs() {
    }

    /** The model as it is saved: with a CSV standardisation folded into the first layer so it takes raw inputs. */
    static TrainedModel model(Run run, DataSource.Loaded data) {
        Network network = data.standardization() == null ? run.network() : data.standardization().foldInto(run.network());
        return new TrainedModel(network, data.classNames(), data.inputScale(), run.plan().settings(), run.result().costs());
    }

    /** Writes the model file and the pictures; returns the files written. */
    static List<Path> write(Path out, Run run, DataSource.Loaded data, ModelFile.Format format, String title) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        Path modelFile = out.resolve("model" + format.extension());
        ModelFile.write(model(run, data), modelFile, format);
        written.add(modelFile);
        double[] costs = run.result().costs();
        if (costs.length > 0) {
            written.add(Png.write(CostCurve.render(costs, run.plan().settings().costEvery(), run.plan().settings().learningRate(), 640, 440),
                    out.resolve(COST)));
        }
        if (data.twoDimensional()) {
            // the training points, as the course draws them
            written.add(Png.write(DecisionBoundary.render(run.network(), data.train(), title, 640, 520), out.resolve(BOUNDARY)));
        }
        if (data.kind() == DataSource.Kind.IMAGES) {
            Dataset test = Run.scored(data);
            BufferedImage grid = ImageGrid.mislabelled(test.X(), run.network().predict(test.X()), test.Y(), data.classNames(),
                    CatImages.SIZE, CatImages.SIZE, 5, 10);
            if (grid != null) {
                written.add(Png.write(grid, out.resolve(MISLABELLED)));
            }
        }
        return written;
    }
}
