package dlbasics.cli;

import dlbasics.data.Dataset;
import dlbasics.io.ModelFile;
import dlbasics.matrix.Matrix;
import dlbasics.model.TrainedModel;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finding and feeding a saved model: a model file, or a {@code train --out} folder holding one. */
final class SavedModel {
    private SavedModel() {
    }

    /** Reads {@code path}, or model.safetensors / model.npz inside it when it is a folder. */
    static TrainedModel load(Path path) {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve("model" + ModelFile.Format.SAFETENSORS.extension());
            if (!Files.isRegularFile(file)) {
                file = path.resolve("model" + ModelFile.Format.NPZ.extension());
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no model.safetensors or model.npz in " + path + "; give the --out folder of a train run or a model file");
            }
        }
        return ModelFile.read(file);
    }

    /**
     * X as the model wants it: the loaded values were scaled by {@code dataScale}, the model expects raw
     * values times its own input scale. Checks the number of features.
     */
    static Matrix inputs(TrainedModel model, Matrix X, double dataScale, String dataName) {
        int n = model.network().inputSize();
        if (X.rows() != n) {
            throw new IllegalArgumentException(String.format(
                    "the model takes %d inputs per example but %s has %d features; use it on data like the data it was trained on",
                    n, dataName, X.rows()));
        }
        double factor = model.inputScale() / dataScale;
        return Math.abs(factor - 1) < 1e-12 ? X : X.times(factor);
    }

    /** The data set's examples fed to the model, labels unchanged. */
    static Dataset inputs(TrainedModel model, Dataset d, double dataScale, String dataName) {
        return new Dataset(inputs(model, d.X(), dataScale, dataName), d.Y(), d.classNames());
    }
}
