package dlbasics.io;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record the readers return: its views of the labels, and the checks that catch a reader's bug. */
class LabelledImagesTest {
    private static LabelledImages twoByTwo(int[] labels, List<String> names) {
        return new LabelledImages(Matrix.zeros(4, labels.length), labels, names, 2, 2, 1);
    }

    @Test
    void labelsAsARowAndPerClassCounts() {
        LabelledImages set = twoByTwo(new int[]{2, 0, 2}, List.of("a", "b", "c"));
        assertEquals(Matrix.row(2, 0, 2), set.Y(), "1 x m doubles");
        assertArrayEquals(new int[]{1, 0, 2}, set.classCounts(), "a class with no image counts 0");
        assertEquals(3, set.classes());
        assertEquals(3, set.size());
        assertEquals(4, set.features());
    }

    @Test
    void shapesAndLabelsThatDisagreeAreTheReadersBug() {
        String rows = assertThrows(IllegalStateException.class,
                () -> new LabelledImages(Matrix.zeros(5, 1), new int[]{0}, List.of("a"), 2, 2, 1)).getMessage();
        assertEquals("LabelledImages: X is 5x1 but images of 2x2x1 need 4 rows; the reader filled X wrongly", rows);
        String count = assertThrows(IllegalStateException.class,
                () -> new LabelledImages(Matrix.zeros(4, 2), new int[]{0}, List.of("a"), 2, 2, 1)).getMessage();
        assertTrue(count.startsWith("LabelledImages: X is 4x2 (m = 2) but there are 1 labels"), count);
        String label = assertThrows(IllegalStateException.class, () -> twoByTwo(new int[]{0, 2}, List.of("a", "b"))).getMessage();
        assertTrue(label.startsWith("LabelledImages: label 2 of image 1 is outside 0..1"), label);
    }

    @Test
    void splitNeedsTheSameClassesAndImageSize() {
        LabelledImages ab = twoByTwo(new int[]{0, 1}, List.of("a", "b"));
        LabelledImages.Split split = new LabelledImages.Split(ab, twoByTwo(new int[]{1}, List.of("a", "b")));
        assertEquals(List.of("a", "b"), split.classNames());
        assertThrows(IllegalStateException.class, () -> new LabelledImages.Split(ab, twoByTwo(new int[]{0}, List.of("a", "c"))));
        LabelledImages bigger = new LabelledImages(Matrix.zeros(9, 1), new int[]{0}, List.of("a", "b"), 3, 3, 1);
        assertThrows(IllegalStateException.class, () -> new LabelledImages.Split(ab, bigger));
    }
}
