package dlbasics.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fashion-MNIST as Debian installs it (package dataset-fashion-mnist; .ci/run installs it, so in CI
 * this always runs). The expected values are numpy's, from fashionmnist/make_fashion_mnist_checks.py
 * beside fashion-mnist-checks.txt.
 */
class FashionMnistTest {
    @TempDir
    Path dir;

    /** The checks file: name -> integers. */
    private static Map<String, long[]> checks() throws IOException {
        Map<String, long[]> checks = new HashMap<>();
        try (InputStream in = FashionMnistTest.class.getResourceAsStream("fashionmnist/fashion-mnist-checks.txt")) {
            for (String line : new String(in.readAllBytes()).split("\n")) {
                String[] parts = line.trim().split(" ");
                checks.put(parts[0], Arrays.stream(parts).skip(1).mapToLong(Long::parseLong).toArray());
            }
        }
        return checks;
    }

    private static int[] ints(long[] values) {
        return Arrays.stream(values).mapToInt(v -> (int) v).toArray();
    }

    private static long rawSum(LabelledImages set, int from, int to) {
        long sum = 0;
        for (int j = from; j < to; j++) {
            for (int i = 0; i < set.features(); i++) {
                sum += Math.round(set.X().get(i, j) * 255);
            }
        }
        return sum;
    }

    @Test
    void first5000TrainingImagesMatchNumpy() throws IOException {
        assumeTrue(FashionMnist.isInstalled(), "Fashion-MNIST is not in " + FashionMnist.DEFAULT_FOLDER
                + "; skipped (sudo apt-get install " + FashionMnist.PACKAGE + ")");
        Map<String, long[]> expected = checks();
        LabelledImages.Split data = FashionMnist.load(5000, 1000);
        LabelledImages train = data.train();
        assertEquals(784, train.X().rows(), "train_shape: 28 x 28 pixels per column");
        assertEquals(5000, train.X().cols(), "train_shape: the first 5,000 images");
        assertEquals(FashionMnist.CLASS_NAMES, data.classNames());
        assertEquals(28, train.height());
        assertArrayEquals(ints(expected.get("train_labels_first")), Arrays.copyOf(train.labels(), 20), "train_labels_first");
        assertArrayEquals(ints(expected.get("train_class_counts")), train.classCounts(), "train_class_counts");
        long[] sums = expected.get("train_pixel_sums");
        for (int j = 0; j < sums.length; j++) {
            assertEquals(sums[j], rawSum(train, j, j + 1), "train_pixel_sums of image " + j);
        }
        assertEquals(expected.get("train_pixel_total")[0], rawSum(train, 0, 5000), "train_pixel_total");
        long[] row14 = expected.get("train_image0_row14");
        for (int c = 0; c < 28; c++) {
            assertEquals(row14[c] / 255.0, train.X().get(14 * 28 + c, 0), 0.0, "X[14*28+" + c + "][0] is numpy's X / 255. exactly");
        }
        LabelledImages test = data.test();
        assertEquals(1000, test.size());
        assertArrayEquals(ints(expected.get("test_labels_first")), Arrays.copyOf(test.labels(), 20), "test_labels_first");
        assertArrayEquals(ints(expected.get("test_class_counts")), test.classCounts(), "test_class_counts");
        assertEquals(expected.get("test_pixel_total")[0], rawSum(test, 0, 1000), "test_pixel_total");
        assertEquals("Ankle boot", data.classNames().get(train.labels()[0]), "the first training image is an ankle boot");
    }

    @Test
    void missingFilesNameThePackage() throws IOException {
        Files.write(dir.resolve(FashionMnist.TRAIN_IMAGES + ".gz"), new byte[0]);
        String message = assertThrows(IllegalArgumentException.class, () -> FashionMnist.load(dir, 10, 10)).getMessage();
        assertEquals("FashionMnist.load: Fashion-MNIST is not in " + dir.toAbsolutePath() + " (missing "
                + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz); put the four files "
                + "there, or install Debian's package (sudo apt-get install dataset-fashion-mnist) and use "
                + "/usr/share/datasets/fashion-mnist, or give the four IDX files' paths", message);
        assertTrue(!FashionMnist.isIn(dir));
    }

    @Test
    void decompressedCopiesAreFoundToo() throws IOException {
        // four tiny sets under the names without .gz, as after gunzip
        byte[] images = IdxFileTest.idx(IdxFile.IMAGES_MAGIC, new int[]{2, 28, 28}, new byte[2 * 784]);
        byte[] labels = IdxFileTest.idx(IdxFile.LABELS_MAGIC, new int[]{2}, new byte[]{9, 0});
        Files.write(dir.resolve(FashionMnist.TRAIN_IMAGES), images);
        Files.write(dir.resolve(FashionMnist.TEST_IMAGES), images);
        Files.write(dir.resolve(FashionMnist.TRAIN_LABELS), labels);
        Files.write(dir.resolve(FashionMnist.TEST_LABELS + ".gz"), IdxFileTest.gzip(labels));
        assertTrue(FashionMnist.isIn(dir));
        LabelledImages.Split data = FashionMnist.load(dir, FashionMnist.ALL, 1);
        assertEquals(List.of("Ankle boot", "T-shirt/top"),
                Arrays.stream(data.train().labels()).mapToObj(FashionMnist.CLASS_NAMES::get).collect(Collectors.toList()));
        assertEquals(1, data.test().size());
    }
}
