package dlbasics.io;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dlbasics.io.IdxFileTest.DIMS;
import static dlbasics.io.IdxFileTest.gzip;
import static dlbasics.io.IdxFileTest.idx;
import static dlbasics.io.IdxFileTest.pixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images and labels files together: counts that must agree, labels against class names, train with test. */
class IdxDatasetTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path images() throws IOException {
        return write("images.gz", gzip(idx(IdxFile.IMAGES_MAGIC, DIMS, pixels())));
    }

    private Path labels(String name, byte... labels) throws IOException {
        return write(name, idx(IdxFile.LABELS_MAGIC, new int[]{labels.length}, labels));
    }

    @Test
    void oneSetWithNamedClasses() throws IOException {
        LabelledImages set = IdxDataset.read(images(), labels("l", (byte) 2, (byte) 0, (byte) 2), List.of("a", "b", "c"), IdxDataset.ALL);
        assertEquals(IdxFile.readImages(images(), IdxFile.ALL), set.X());
        assertArrayEquals(new int[]{2, 0, 2}, set.labels());
        assertEquals(Matrix.row(2, 0, 2), set.Y(), "labels as a 1 x m row of doubles");
        assertEquals(List.of("a", "b", "c"), set.classNames());
        assertEquals(2, set.height());
        assertEquals(3, set.width());
        assertEquals(1, set.channels());
        assertEquals(6, set.features());
        assertArrayEquals(new int[]{1, 0, 2}, set.classCounts());
    }

    @Test
    void withoutNamesClassesAreNumberedUpToTheLargestLabel() throws IOException {
        LabelledImages set = IdxDataset.read(images(), labels("l", (byte) 0, (byte) 3, (byte) 1), List.of(), 2);
        assertEquals(List.of("0", "1", "2", "3"), set.classNames(), "K = largest label of the loaded ones + 1");
        assertEquals(2, set.size());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = images();
        Path labels = labels("train-labels", (byte) 1, (byte) 0);
        String message = assertThrows(IllegalArgumentException.class,
                () -> IdxDataset.read(images, labels, List.of(), IdxDataset.ALL)).getMessage();
        assertEquals("IdxDataset.read: " + images + " holds 3 images (3 x 2 x 3) but " + labels + " holds 2 labels; "
                + "every image needs one label — are both files from the same set (train with train, t10k with t10k)?", message);
        assertThrows(IllegalArgumentException.class, () -> IdxDataset.read(images, labels, List.of(), 1),
                "files that disagree are refused even when the limit would not reach the difference");
    }

    @Test
    void labelWithoutAClassName() throws IOException {
        Path labels = labels("l", (byte) 0, (byte) 1, (byte) 7);
        String message = assertThrows(IllegalArgumentException.class,
                () -> IdxDataset.read(images(), labels, List.of("a", "b"), IdxDataset.ALL)).getMessage();
        assertEquals("IdxDataset.read: " + labels + " holds label 7 at index 2 but there are 2 classes [a, b] (labels 0..1); "
                + "pass the data set's class names, or an empty list to number the classes", message);
    }

    @Test
    void trainAndTestShareTheNumberedClasses() throws IOException {
        Path images = images();
        LabelledImages.Split split = IdxDataset.read(images, labels("tr", (byte) 0, (byte) 1, (byte) 1),
                images, labels("te", (byte) 4, (byte) 0, (byte) 0), List.of(), IdxDataset.ALL, 1);
        assertEquals(List.of("0", "1", "2", "3", "4"), split.train().classNames(), "K from train and test together");
        assertEquals(split.train().classNames(), split.test().classNames());
        assertEquals(3, split.train().size());
        assertEquals(1, split.test().size());
        assertArrayEquals(new int[]{4}, split.test().labels());
    }

    @Test
    void trainAndTestImagesOfDifferentSizes() throws IOException {
        Path small = images();
        Path other = write("other", idx(IdxFile.IMAGES_MAGIC, new int[]{3, 3, 2}, pixels()));
        Path labels = labels("l", (byte) 0, (byte) 1, (byte) 1);
        String message = assertThrows(IllegalArgumentException.class,
                () -> IdxDataset.read(small, labels, other, labels, List.of(), IdxDataset.ALL, IdxDataset.ALL)).getMessage();
        assertTrue(message.startsWith("IdxDataset.read: the training images " + small + " are 2x3 but the test images "
                + other + " are 3x2"), message);
    }
}
