package dlbasics.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fashion-MNIST: 60,000 training and 10,000 test grey 28 x 28 images of ten kinds of clothing, as
 * Debian's package {@value #PACKAGE} installs them in {@code /usr/share/datasets/fashion-mnist}:
 * <pre>
 * train-images-idx3-ubyte.gz   60000 x 28 x 28      t10k-images-idx3-ubyte.gz   10000 x 28 x 28
 * train-labels-idx1-ubyte.gz   60000                t10k-labels-idx1-ubyte.gz   10000
 * </pre>
 * Loaded as {@link IdxDataset} does: X {@code 784 x m} with values / 255, labels 0..9 named by
 * {@link #CLASS_NAMES}. The same names without {@code .gz} (decompressed copies) are found too.
 *
 * <p>Memory: X for all 60,000 training images is 784 · 60000 doubles = 376 MB, held once.
 */
public final class FashionMnist {
    /** The Debian package that ships the files. */
    public static final String PACKAGE = "dataset-fashion-mnist";
    /** Where {@value #PACKAGE} puts the files. */
    public static final Path DEFAULT_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The names of labels 0..9, as in the data set's README. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Pass as a limit to load every image. */
    public static final int ALL = IdxFile.ALL;

    private FashionMnist() {
    }

    /** Whether all four files are in {@link #DEFAULT_FOLDER}. */
    public static boolean isInstalled() {
        return isIn(DEFAULT_FOLDER);
    }

    /** Whether all four files are in {@code folder} (each gzipped or not). */
    public static boolean isIn(Path folder) {
        for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            if (find(folder, name) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loads the first {@code trainLimit} training and {@code testLimit} test images from
     * {@link #DEFAULT_FOLDER}.
     *
     * @return train X {@code 784 x min(60000, trainLimit)}, test X {@code 784 x min(10000, testLimit)},
     *         labels 0..9, {@link #CLASS_NAMES}
     * @throws IllegalArgumentException if the files are missing (naming the package to install) or damaged
     */
    public static LabelledImages.Split load(int trainLimit, int testLimit) {
        return load(DEFAULT_FOLDER, trainLimit, testLimit);
    }

    /**
     * Loads the first {@code trainLimit} training and {@code testLimit} test images from {@code folder}.
     *
     * @return as {@link #load(int, int)}
     * @throws IllegalArgumentException if a file is missing from {@code folder} or damaged
     */
    public static LabelledImages.Split load(Path folder, int trainLimit, int testLimit) {
        return IdxDataset.read(file(folder, TRAIN_IMAGES), file(folder, TRAIN_LABELS), file(folder, TEST_IMAGES),
                file(folder, TEST_LABELS), CLASS_NAMES, trainLimit, testLimit);
    }

    /** The file {@code name.gz} or {@code name} in {@code folder}, or a message saying how to get it. */
    private static Path file(Path folder, String name) {
        Path found = find(folder, name);
        if (found != null) {
            return found;
        }
        List<String> missing = new ArrayList<>();
        for (String n : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            if (find(folder, n) == null) {
                missing.add(n + ".gz");
            }
        }
        String install = folder.equals(DEFAULT_FOLDER)
                ? "install Debian's package: sudo apt-get install " + PACKAGE
                : "put the four files there, or install Debian's package (sudo apt-get install " + PACKAGE
                + ") and use " + DEFAULT_FOLDER;
        throw new IllegalArgumentException(String.format(
                "FashionMnist.load: Fashion-MNIST is not in %s (missing %s); %s, or give the four IDX files' paths",
                folder.toAbsolutePath(), String.join(", ", missing), install));
    }

    private static Path find(Path folder, String name) {
        for (Path p : List.of(folder.resolve(name + ".gz"), folder.resolve(name))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
