package dlbasics.io;

import dlbasics.matrix.Matrix;

import java.util.List;

/**
 * Images with class labels in the course's layout, for any number of classes K: X is
 * {@code (height·width·channels) x m}, one image per column, each column the pixels in C order
 * (row, column, channel) divided by 255; {@code labels[j]} in 0..K−1 is image j's class and
 * {@code classNames.get(k)} names class k.
 *
 * <p>Readers ({@link IdxDataset}, {@link FashionMnist}, {@link ImageFolder}) fill X once and wrap it;
 * the record does not copy X or the labels, so treat both as read-only.
 *
 * @param X          {@code n_x x m} pixel values in [0, 1], {@code n_x = height · width · channels}
 * @param labels     m class indices, each in {@code 0..classNames.size() − 1}
 * @param classNames K ≥ 1 names, index k naming class k
 * @param height     image height in pixels
 * @param width      image width in pixels
 * @param channels   1 for grey (IDX), 3 for RGB (image folders)
 */
public record LabelledImages(Matrix X, int[] labels, List<String> classNames, int height, int width, int channels) {
    /** Checks that the shapes and labels agree; a failure here is a reader's bug. */
    public LabelledImages {
        classNames = List.copyOf(classNames);
        if (X.rows() != (long) height * width * channels) {
            throw new IllegalStateException(String.format(
                    "LabelledImages: X is %dx%d but images of %dx%dx%d need %d rows; the reader filled X wrongly",
                    X.rows(), X.cols(), height, width, channels, (long) height * width * channels));
        }
        if (X.cols() != labels.length) {
            throw new IllegalStateException(String.format(
                    "LabelledImages: X is %dx%d (m = %d) but there are %d labels; the reader must give one label per column",
                    X.rows(), X.cols(), X.cols(), labels.length));
        }
        for (int j = 0; j < labels.length; j++) {
            if (labels[j] < 0 || labels[j] >= classNames.size()) {
                throw new IllegalStateException(String.format(
                        "LabelledImages: label %d of image %d is outside 0..%d (%d class names); the reader must check labels",
                        labels[j], j, classNames.size() - 1, classNames.size()));
            }
        }
    }

    /**
     * A training set and a test set with the same classes and image size.
     *
     * @param train the images to learn from: X {@code n_x x m_train}
     * @param test  the images to measure on: X {@code n_x x m_test}
     */
    public record Split(LabelledImages train, LabelledImages test) {
        /** Checks that both sets name the same classes and have the same image shape; a failure is a reader's bug. */
        public Split {
            if (!train.classNames().equals(test.classNames()) || train.features() != test.features()) {
                throw new IllegalStateException(String.format(
                        "LabelledImages.Split: train (%d values per image, classes %s) and test (%d values per image, "
                                + "classes %s) differ; the reader must give both sets the same classes and image size",
                        train.features(), train.classNames(), test.features(), test.classNames()));
            }
        }

        /** The class names, shared by both sets. */
        public List<String> classNames() {
            return train.classNames();
        }
    }

    /** m, the number of images. */
    public int size() {
        return labels.length;
    }

    /** n_x, the values per image: {@code height · width · channels}. */
    public int features() {
        return X.rows();
    }

    /** K, the number of classes (named or not present in this set). */
    public int classes() {
        return classNames.size();
    }

    /** The labels as a {@code 1 x m} row of doubles 0..K−1 (a new matrix on every call). */
    public Matrix Y() {
        double[] y = new double[labels.length];
        for (int j = 0; j < y.length; j++) {
            y[j] = labels[j];
        }
        return Matrix.wrap(1, y.length, y);
    }

    /** How many images each class has: {@code counts[k]} for class k. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
