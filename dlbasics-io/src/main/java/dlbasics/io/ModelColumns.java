package dlbasics.io;

import dlbasics.matrix.Matrix;

import java.util.List;

/**
 * What a model trained on a table expects of its input file: the feature columns by name and in the
 * order of the network's inputs (feature i is row i of X), the label column, and the standardisation
 * that was fitted on the training part. Stored in the model file beside the parameters so that
 * {@code predict} and {@code evaluate} match a CSV's columns by name, never by position.
 *
 * <p>The standardisation is already folded into the first layer ({@link Standardization#foldInto}):
 * the saved network takes raw values. It is kept so that a reader can see what the training did.
 *
 * @param features        the feature column names, in input order (n0 of them)
 * @param label           the label column's name, or null when unknown
 * @param standardization the per-feature mean and scale fitted on the training part, or null
 */
public record ModelColumns(List<String> features, String label, Standardization standardization) {
    /** Checks and copies. */
    public ModelColumns {
        features = List.copyOf(features);
        if (features.isEmpty() || features.stream().anyMatch(String::isEmpty) || features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("ModelColumns: features are " + features + "; give one unique, non-empty name per input");
        }
        if (label != null && features.contains(label)) {
            throw new IllegalArgumentException("ModelColumns: the label \"" + label + "\" is also a feature in " + features);
        }
        if (standardization != null && standardization.mean().rows() != features.size()) {
            throw new IllegalArgumentException(String.format("ModelColumns: %d features but the standardisation has %d",
                    features.size(), standardization.mean().rows()));
        }
    }

    /** The mean of each feature as a list (for messages and JSON), or null without a standardisation. */
    public double[] mean() {
        return standardization == null ? null : column(standardization.mean());
    }

    /** The scale (standard deviation) of each feature, or null without a standardisation. */
    public double[] scale() {
        return standardization == null ? null : column(standardization.scale());
    }

    private static double[] column(Matrix m) {
        double[] v = new double[m.rows()];
        for (int i = 0; i < v.length; i++) {
            v[i] = m.get(i, 0);
        }
        return v;
    }
}
