package dlbasics.io;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import io.jhdf.HdfFile;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The course's cat / non-cat images, read from its two HDF5 files with jhdf.
 *
 * <p>Each file holds {@code <prefix>_set_x} (m, 64, 64, 3) uint8 pixels, {@code <prefix>_set_y} (m)
 * labels 0/1 and {@code list_classes} (2) byte strings; the prefix is {@code train} or {@code test}.
 * {@link #read(Path, Path)} does what the course's first cells do:
 * <pre>
 * train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T   # 12288 x m
 * train_set_x = train_set_x_flatten / 255.                                            # scaled to [0, 1]
 * </pre>
 * so X is {@code 12288 x m}, one example per column, each column the image's pixels in C order
 * (row, column, channel), and Y is {@code 1 x m}. The course's train set has 209 images (72 cats),
 * its test set 50; the first five values of the first raw column are 17 31 56 22 33.
 *
 * @param train      the training set: X {@code 12288 x 209}, Y {@code 1 x 209}
 * @param test       the test set: X {@code 12288 x 50}, Y {@code 1 x 50}
 * @param classNames the names of labels 0 and 1, decoded from {@code list_classes}: ["non-cat", "cat"]
 */
public record CatImages(Dataset train, Dataset test, List<String> classNames) {
    /** Image height and width in pixels. */
    public static final int SIZE = 64;
    /** Colour channels (RGB). */
    public static final int CHANNELS = 3;
    /** Values per example: 64 * 64 * 3 = 12288. */
    public static final int FEATURES = SIZE * SIZE * CHANNELS;
    /** The divisor that scales pixels to [0, 1], as the course does ({@code / 255.}). */
    public static final double PIXEL_SCALE = 255.0;
    /** The course's file names, for {@link #readFolder(Path)}. */
    public static final String TRAIN_FILE = "train_catvnoncat.h5";
    public static final String TEST_FILE = "test_catvnoncat.h5";

    public CatImages {
        classNames = List.copyOf(classNames);
    }

    /**
     * One file's content as stored: unscaled pixels and labels.
     *
     * @param pixels     m * 64 * 64 * 3 values 0..255 in C order (example, row, column, channel)
     * @param labels     m labels, 0 or 1
     * @param classNames decoded {@code list_classes}
     */
    public record Raw(int m, int[] pixels, long[] labels, List<String> classNames) {
        /**
         * The pixels as a {@code 12288 x m} matrix of raw values 0..255, one example per column
         * (numpy's {@code X.reshape(m, -1).T}, before dividing by 255).
         */
        public Matrix rawX() {
            return flatten(m, pixels, 1.0);
        }

        /** X scaled to [0, 1]: {@code 12288 x m}, each raw value divided by 255. */
        public Matrix X() {
            return flatten(m, pixels, PIXEL_SCALE);
        }

        /** The labels as a {@code 1 x m} row. */
        public Matrix Y() {
            double[] y = new double[labels.length];
            for (int j = 0; j < y.length; j++) {
                y[j] = labels[j];
            }
            return Matrix.wrap(1, y.length, y);
        }
    }

    /** Reads {@value #TRAIN_FILE} and {@value #TEST_FILE} from {@code folder}. */
    public static CatImages readFolder(Path folder) {
        return read(folder.resolve(TRAIN_FILE), folder.resolve(TEST_FILE));
    }

    /**
     * Reads the course's train and test files, flattened and scaled by 1/255.
     *
     * @return train (X {@code 12288 x m_train}, Y {@code 1 x m_train}), test (X {@code 12288 x m_test},
     *         Y {@code 1 x m_test}) and the class names
     * @throws IllegalArgumentException if a file is missing or not HDF5, a dataset is missing, a shape is
     *                                  not (m, 64, 64, 3) / (m), a label is not 0/1, or the files'
     *                                  class names differ; the message names the file
     */
    public static CatImages read(Path trainH5, Path testH5) {
        Raw train = readRaw(trainH5, "train");
        Raw test = readRaw(testH5, "test");
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException(String.format(
                    "CatImages.read: the files name their classes differently; %s has list_classes %s but %s has %s; "
                            + "use a train and test file from the same data set", trainH5, train.classNames(),
                    testH5, test.classNames()));
        }
        return new CatImages(toDataset(train), toDataset(test), train.classNames());
    }

    /**
     * Reads one file without scaling.
     *
     * @param h5     the HDF5 file
     * @param prefix {@code "train"} or {@code "test"}: the datasets read are {@code <prefix>_set_x},
     *               {@code <prefix>_set_y} and {@code list_classes}
     */
    public static Raw readRaw(Path h5, String prefix) {
        String operation = "CatImages.read";
        if (!Files.isRegularFile(h5)) {
            throw new IllegalArgumentException(String.format(
                    "%s: file not found: %s; the course's files are %s and %s (see the shared datasets folder)",
                    operation, h5.toAbsolutePath(), TRAIN_FILE, TEST_FILE));
        }
        String xName = prefix + "_set_x";
        String yName = prefix + "_set_y";
        try (HdfFile file = new HdfFile(h5)) {
            io.jhdf.api.Dataset x = dataset(file, h5, xName);
            io.jhdf.api.Dataset y = dataset(file, h5, yName);
            io.jhdf.api.Dataset classes = dataset(file, h5, "list_classes");

            int[] xDims = x.getDimensions();
            if (xDims.length != 4 || xDims[1] != SIZE || xDims[2] != SIZE || xDims[3] != CHANNELS) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s in %s has shape %s but expected (m, %d, %d, %d): m RGB images of %dx%d pixels",
                        operation, xName, h5, shape(xDims), SIZE, SIZE, CHANNELS, SIZE, SIZE));
            }
            int m = xDims[0];
            int[] yDims = y.getDimensions();
            boolean yOk = (yDims.length == 1 && yDims[0] == m) || (yDims.length == 2 && yDims[0] == 1 && yDims[1] == m);
            if (!yOk) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s in %s has shape %s but expected (%d) or (1, %d): one label per image of %s %s",
                        operation, yName, h5, shape(yDims), m, m, xName, shape(xDims)));
            }
            int[] pixels = toInts(operation, h5, xName, x.getDataFlat());
            for (int i = 0; i < pixels.length; i++) {
                if (pixels[i] < 0 || pixels[i] > 255) {
                    throw new IllegalArgumentException(String.format(
                            "%s: %s in %s holds %d at flat index %d (image %d); pixels must be 0..255 (uint8)",
                            operation, xName, h5, pixels[i], i, i / FEATURES));
                }
            }
            long[] labels = toLongs(operation, h5, yName, y.getDataFlat());
            for (int j = 0; j < labels.length; j++) {
                if (labels[j] != 0 && labels[j] != 1) {
                    throw new IllegalArgumentException(String.format(
                            "%s: %s in %s holds label %d at index %d; labels must be 0 (non-cat) or 1 (cat)",
                            operation, yName, h5, labels[j], j));
                }
            }
            Object names = classes.getDataFlat();
            if (!(names instanceof String[] strings) || strings.length != 2) {
                throw new IllegalArgumentException(String.format(
                        "%s: list_classes in %s is %s of shape %s but expected 2 strings (the names of labels 0 and 1)",
                        operation, h5, classes.getJavaType().getSimpleName(), shape(classes.getDimensions())));
            }
            return new Raw(m, pixels, labels, List.of(strings));
        } catch (HdfException e) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s is not a readable HDF5 file (%s); expected the course's %s or %s",
                    operation, h5, e.getMessage(), TRAIN_FILE, TEST_FILE), e);
        }
    }

    private static Dataset toDataset(Raw raw) {
        Matrix X = raw.X();
        Matrix Y = raw.Y();
        return new Dataset(X, Y, raw.classNames());
    }

    /** X[i][j] = pixels[j * 12288 + i] / divisor: the C-order tensor transposed to one example per column. */
    private static Matrix flatten(int m, int[] pixels, double divisor) {
        int n = m == 0 ? FEATURES : pixels.length / m;
        double[] x = new double[n * m];
        for (int j = 0; j < m; j++) {
            int base = j * n;
            for (int i = 0; i < n; i++) {
                x[i * m + j] = pixels[base + i] / divisor;
            }
        }
        return Matrix.wrap(n, m, x);
    }

    private static io.jhdf.api.Dataset dataset(HdfFile file, Path h5, String name) {
        Node node = file.getChildren().get(name);
        if (!(node instanceof io.jhdf.api.Dataset dataset)) {
            List<String> held = new ArrayList<>(file.getChildren().keySet());
            throw new IllegalArgumentException(String.format(
                    "CatImages.read: %s holds no dataset '%s'; it holds %s; pass the train file first and the test file second",
                    h5, name, held));
        }
        return dataset;
    }

    private static int[] toInts(String operation, Path h5, String name, Object data) {
        if (data instanceof int[] a) {
            return a;
        }
        if (data instanceof short[] a) {
            int[] r = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = a[i];
            }
            return r;
        }
        if (data instanceof byte[] a) {
            int[] r = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = a[i];
            }
            return r;
        }
        if (data instanceof long[] a) {
            int[] r = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, a[i]));
            }
            return r;
        }
        throw new IllegalArgumentException(String.format(
                "%s: %s in %s holds %s values but expected integer pixels (uint8)",
                operation, name, h5, data.getClass().getComponentType()));
    }

    private static long[] toLongs(String operation, Path h5, String name, Object data) {
        if (data instanceof long[] a) {
            return a;
        }
        if (data instanceof int[] || data instanceof short[] || data instanceof byte[]) {
            int[] ints = toInts(operation, h5, name, data);
            long[] r = new long[ints.length];
            for (int i = 0; i < ints.length; i++) {
                r[i] = ints[i];
            }
            return r;
        }
        throw new IllegalArgumentException(String.format(
                "%s: %s in %s holds %s values but expected integer labels 0/1",
                operation, name, h5, data.getClass().getComponentType()));
    }

    private static String shape(int[] dims) {
        String s = Arrays.toString(dims).replace('[', '(').replace(']', ')');
        return dims.length == 1 ? s.replace(")", ",)") : s;
    }
}
