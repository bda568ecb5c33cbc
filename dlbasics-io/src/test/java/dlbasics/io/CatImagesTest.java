package dlbasics.io;

import dlbasics.matrix.Matrix;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatImagesTest {
    private static CatImages cats;

    @TempDir
    Path dir;

    @BeforeAll
    static void readShared() {
        cats = CatImages.readFolder(SharedData.datasets());
    }

    @Test
    void readsTheCourseShapesCountsAndClassNames() {
        // REFERENCE.md: 209 training and 50 test images, 64 x 64 x 3, 72 cats, classes non-cat, cat.
        assertAll(
                () -> assertEquals(12288, cats.train().X().rows()),
                () -> assertEquals(209, cats.train().X().cols()),
                () -> assertEquals(1, cats.train().Y().rows()),
                () -> assertEquals(209, cats.train().Y().cols()),
                () -> assertEquals(72.0, cats.train().Y().sum()),
                () -> assertEquals(12288, cats.test().X().rows()),
                () -> assertEquals(50, cats.test().X().cols()),
                () -> assertEquals(50, cats.test().Y().cols()),
                () -> assertEquals(List.of("non-cat", "cat"), cats.classNames()),
                () -> assertEquals(List.of("non-cat", "cat"), cats.train().classNames()),
                () -> assertEquals(List.of("non-cat", "cat"), cats.test().classNames()));
    }

    @Test
    void firstColumnStartsWithTheCourseValuesDividedBy255() {
        // REFERENCE.md: the flattened training matrix's first column starts 17 31 56 22 33 before scaling.
        double[] expected = {17, 31, 56, 22, 33};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] / 255.0, cats.train().X().get(i, 0), 0.0, "row " + i);
        }
        CatImages.Raw raw = CatImages.readRaw(SharedData.datasets().resolve(CatImages.TRAIN_FILE), "train");
        Matrix rawX = raw.rawX();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], rawX.get(i, 0), 0.0, "raw row " + i);
        }
    }

    @Test
    void flattensEachExampleInCOrderIntoOneColumn() throws IOException {
        // pixel (image j, row r, column c, channel k) = (j + 7 r + 3 c + k) mod 256 lands at X[(r*64 + c)*3 + k][j]
        int m = 3;
        int[][][][] x = new int[m][64][64][3];
        for (int j = 0; j < m; j++) {
            for (int r = 0; r < 64; r++) {
                for (int c = 0; c < 64; c++) {
                    for (int k = 0; k < 3; k++) {
                        x[j][r][c][k] = (j + 7 * r + 3 * c + k) % 256;
                    }
                }
            }
        }
        Path train = write("train", x, new long[]{0, 1, 1}, new String[]{"non-cat", "cat"});
        Path test = write("test", x, new long[]{1, 0, 0}, new String[]{"non-cat", "cat"});
        CatImages read = CatImages.read(train, test);
        Matrix X = read.train().X();
        assertEquals(12288, X.rows());
        assertEquals(m, X.cols());
        for (int j = 0; j < m; j++) {
            for (int r = 0; r < 64; r += 9) {
                for (int c = 0; c < 64; c += 5) {
                    for (int k = 0; k < 3; k++) {
                        assertEquals(x[j][r][c][k] / 255.0, X.get((r * 64 + c) * 3 + k, j), 0.0,
                                "image " + j + " pixel " + r + "," + c + " channel " + k);
                    }
                }
            }
        }
        assertEquals(Matrix.row(0, 1, 1), read.train().Y());
        assertEquals(Matrix.row(1, 0, 0), read.test().Y());
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nowhere.h5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CatImages.read(missing, SharedData.datasets().resolve(CatImages.TEST_FILE)));
        assertTrue(e.getMessage().startsWith("CatImages.read: file not found: "), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void aFileThatIsNotHdf5NamesTheFile() throws IOException {
        Path text = dir.resolve("train.h5");
        Files.writeString(text, "this is not an HDF5 file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CatImages.readRaw(text, "train"));
        assertTrue(e.getMessage().startsWith("CatImages.read: " + text + " is not a readable HDF5 file"), e.getMessage());
    }

    @Test
    void swappedFilesNameTheMissingDatasetAndWhatTheFileHolds() {
        Path train = SharedData.datasets().resolve(CatImages.TRAIN_FILE);
        Path test = SharedData.datasets().resolve(CatImages.TEST_FILE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatImages.read(test, train));
        assertTrue(e.getMessage().startsWith("CatImages.read: " + test + " holds no dataset 'train_set_x'; it holds "),
                e.getMessage());
        assertTrue(e.getMessage().contains("test_set_x") && e.getMessage().contains("test_set_y")
                && e.getMessage().contains("list_classes"), e.getMessage());
    }

    @Test
    void missingListClassesIsNamed() throws IOException {
        Path train = dir.resolve("train.h5");
        try (WritableHdfFile file = HdfFile.write(train)) {
            file.putDataset("train_set_x", new int[1][64][64][3]);
            file.putDataset("train_set_y", new long[]{0});
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatImages.readRaw(train, "train"));
        assertTrue(e.getMessage().contains("holds no dataset 'list_classes'"), e.getMessage());
    }

    @Test
    void wrongImageShapeSaysWhatWasExpected() throws IOException {
        Path train = write("train", new int[2][32][32][3], new long[]{0, 1}, new String[]{"non-cat", "cat"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatImages.readRaw(train, "train"));
        assertEquals("CatImages.read: train_set_x in " + train + " has shape (2, 32, 32, 3) but expected (m, 64, 64, 3): "
                + "m RGB images of 64x64 pixels", e.getMessage());
    }

    @Test
    void labelCountThatDoesNotMatchTheImagesSaysWhatWasExpected() throws IOException {
        Path train = write("train", new int[2][64][64][3], new long[]{0, 1, 1}, new String[]{"non-cat", "cat"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatImages.readRaw(train, "train"));
        assertEquals("CatImages.read: train_set_y in " + train + " has shape (3,) but expected (2) or (1, 2): "
                + "one label per image of train_set_x (2, 64, 64, 3)", e.getMessage());
    }

    @Test
    void labelOtherThanZeroOrOneIsNamed() throws IOException {
        Path train = write("train", new int[2][64][64][3], new long[]{0, 2}, new String[]{"non-cat", "cat"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatImages.readRaw(train, "train"));
        assertEquals("CatImages.read: train_set_y in " + train + " holds label 2 at index 1; "
                + "labels must be 0 (non-cat) or 1 (cat)", e.getMessage());
    }

    @Test
    void pixelOutsideUint8RangeIsNamed() throws IOException {
        int[][][][] x = new int[1][64][64][3];
        x[0][0][1][2] = 300;
        Path train = write("train", x, new long[]{1}, new String[]{"non-cat", "cat"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatImages.readRaw(train, "train"));
        assertEquals("CatImages.read: train_set_x in " + train + " holds 300 at flat index 5 (image 0); "
                + "pixels must be 0..255 (uint8)", e.getMessage());
    }

    @Test
    void filesWithDifferentClassNamesAreRejected() throws IOException {
        Path train = write("train", new int[1][64][64][3], new long[]{1}, new String[]{"non-cat", "cat"});
        Path test = write("test", new int[1][64][64][3], new long[]{1}, new String[]{"dog", "cat"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatImages.read(train, test));
        assertTrue(e.getMessage().startsWith("CatImages.read: the files name their classes differently; "), e.getMessage());
        assertTrue(e.getMessage().contains("[dog, cat]"), e.getMessage());
    }

    private Path write(String prefix, int[][][][] x, long[] y, String[] classes) throws IOException {
        Path path = dir.resolve(prefix + "_" + System.nanoTime() + ".h5");
        try (WritableHdfFile file = HdfFile.write(path)) {
            file.putDataset(prefix + "_set_x", x);
            file.putDataset(prefix + "_set_y", y);
            file.putDataset("list_classes", classes);
        }
        return path;
    }
}
