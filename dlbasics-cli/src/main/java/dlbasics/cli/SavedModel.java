package dlbasics.cli;

import dlbasics.data.Dataset;
import dlbasics.io.ModelColumns;
import dlbasics.io.ModelFile;
import dlbasics.matrix.Matrix;
import dlbasics.model.TrainedModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved model as predict and evaluate find it: a model file, or a {@code train --out} folder holding
 * exactly one; with the table columns it was trained on when the file records them (null otherwise).
 */
record SavedModel(Path file, TrainedModel model, ModelColumns columns) {

    /** Reads {@code path}, or the one model.safetensors / model.npz inside it when it is a folder. */
    static SavedModel load(Path path) {
        Path file = path;
        if (Files.isDirectory(path)) {
            List<Path> found = new ArrayList<>();
            for (ModelFile.Format f : ModelFile.Format.values()) {
                Path candidate = path.resolve("model" + f.extension());
                if (Files.isRegularFile(candidate)) {
                    found.add(candidate);
                }
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no model.safetensors or model.npz in the folder " + path
                        + "; give the --out folder of a train run or a model file");
            }
            if (found.size() > 1) {
                throw new IllegalArgumentException("the folder " + path + " holds two models, " + found.get(0).getFileName() + " and "
                        + found.get(1).getFileName() + ", maybe of different runs; give the model file you mean");
            }
            file = found.get(0);
        } else if (!Files.exists(path)) {
            throw new IllegalArgumentException("model not found: " + path + " is neither a model file nor a folder; "
                    + "train one with dlbasics train --out DIR and give DIR or DIR/model.safetensors");
        }
        try {
            TrainedModel model = ModelFile.read(file);
            return new SavedModel(file, model, ModelFile.readColumns(file).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use the model " + file + ": " + DlbasicsCommand.withoutApiName(e.getMessage()), e);
        }
    }

    /**
     * X as the model wants it: the loaded values were scaled by {@code dataScale}, the model expects raw
     * values times its own input scale. Checks the number of features.
     */
    Matrix inputs(Matrix X, double dataScale, String dataName) {
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
    Dataset inputs(Dataset d, double dataScale, String dataName) {
        return new Dataset(inputs(d.X(), dataScale, dataName), d.Y(), d.classNames());
    }
}
