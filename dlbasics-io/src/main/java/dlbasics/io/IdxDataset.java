package dlbasics.io;

import dlbasics.matrix.Matrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Any MNIST-family data set given as IDX files (one images file and one labels file per set), loaded
 * into the course's layout: X is {@code (rows·cols) x m} with values / 255, labels 0..K−1.
 *
 * <p>Both headers are read and compared before any pixel is, so a labels file from another set fails
 * at once. Labels are checked against the class names; without names, K is one more than the largest
 * label (over train and test together) and class k is named {@code "k"}.
 */
public final class IdxDataset {
    /** Pass as a limit to load every image. */
    public static final int ALL = IdxFile.ALL;

    private IdxDataset() {
    }

    /**
     * Loads a training and a test set.
     *
     * @param classNames the name of each label 0..K−1, or an empty list to number them
     * @param trainLimit how many training images to load from the start ({@link #ALL} for all)
     * @param testLimit  how many test images to load from the start ({@link #ALL} for all)
     * @return train X {@code (rows·cols) x m_train} and test X {@code (rows·cols) x m_test}, labels, class names
     * @throws IllegalArgumentException naming the file for any unreadable or inconsistent file (see
     *                                  {@link IdxFile}), image and label counts that differ, train and test
     *                                  images of different sizes, or a label with no class name
     */
    public static LabelledImages.Split read(Path trainImages, Path trainLabels, Path testImages, Path testLabels,
                                            List<String> classNames, int trainLimit, int testLimit) {
        String operation = "IdxDataset.read";
        IdxFile.Header trainHeader = checkPair(operation, trainImages, trainLabels);
        IdxFile.Header testHeader = checkPair(operation, testImages, testLabels);
        if (trainHeader.dims()[1] != testHeader.dims()[1] || trainHeader.dims()[2] != testHeader.dims()[2]) {
            throw new IllegalArgumentException(String.format(
                    "%s: the training images %s are %dx%d but the test images %s are %dx%d; a network needs one "
                            + "image size — use files from the same data set",
                    operation, trainImages, trainHeader.dims()[1], trainHeader.dims()[2], testImages,
                    testHeader.dims()[1], testHeader.dims()[2]));
        }
        int[] trainY = IdxFile.readLabels(trainLabels, trainLimit);
        int[] testY = IdxFile.readLabels(testLabels, testLimit);
        List<String> names = classNames.isEmpty() ? numbered(Math.max(max(trainY), max(testY)) + 1) : classNames;
        checkLabels(operation, trainLabels, trainY, names);
        checkLabels(operation, testLabels, testY, names);
        LabelledImages train = images(trainHeader, IdxFile.readImages(trainImages, trainLimit), trainY, names);
        LabelledImages test = images(testHeader, IdxFile.readImages(testImages, testLimit), testY, names);
        return new LabelledImages.Split(train, test);
    }

    /**
     * Loads one set: the first {@code min(n, limit)} images and their labels.
     *
     * @param classNames the name of each label 0..K−1, or an empty list to number them
     * @param limit      how many images to load from the start ({@link #ALL} for all)
     * @return X {@code (rows·cols) x m}, m labels, the class names
     * @throws IllegalArgumentException as {@link #read(Path, Path, Path, Path, List, int, int)}
     */
    public static LabelledImages read(Path images, Path labels, List<String> classNames, int limit) {
        String operation = "IdxDataset.read";
        IdxFile.Header header = checkPair(operation, images, labels);
        int[] y = IdxFile.readLabels(labels, limit);
        List<String> names = classNames.isEmpty() ? numbered(max(y) + 1) : classNames;
        checkLabels(operation, labels, y, names);
        return images(header, IdxFile.readImages(images, limit), y, names);
    }

    /** Reads both headers and checks that there is one label per image. */
    private static IdxFile.Header checkPair(String operation, Path images, Path labels) {
        IdxFile.Header imageHeader = IdxFile.readHeader(images, IdxFile.IMAGES_MAGIC);
        IdxFile.Header labelHeader = IdxFile.readHeader(labels, IdxFile.LABELS_MAGIC);
        if (imageHeader.count() != labelHeader.count()) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s holds %d images (%s) but %s holds %d labels; every image needs one label — "
                            + "are both files from the same set (train with train, t10k with t10k)?",
                    operation, images, imageHeader.count(), imageHeader.shape(), labels, labelHeader.count()));
        }
        return imageHeader;
    }

    private static void checkLabels(String operation, Path file, int[] labels, List<String> names) {
        for (int j = 0; j < labels.length; j++) {
            if (labels[j] >= names.size()) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s holds label %d at index %d but there are %d classes %s (labels 0..%d); "
                                + "pass the data set's class names, or an empty list to number the classes",
                        operation, file, labels[j], j, names.size(), names, names.size() - 1));
            }
        }
    }

    private static LabelledImages images(IdxFile.Header header, Matrix X, int[] labels, List<String> names) {
        return new LabelledImages(X, labels, names, header.dims()[1], header.dims()[2], 1);
    }

    private static int max(int[] values) {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static List<String> numbered(int k) {
        List<String> names = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }
}
