package dlbasics.io;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IDX reader on small files written here: layout, gzip detection, and every kind of damaged file. */
class IdxFileTest {
    @TempDir
    Path dir;

    /** Three 2 x 3 images; image j's pixel (r, c) is 100·j + 10·r + c, so every value says where it came from. */
    static final int[] DIMS = {3, 2, 3};

    static byte[] pixels() {
        byte[] data = new byte[3 * 2 * 3];
        for (int j = 0; j < 3; j++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    data[j * 6 + r * 3 + c] = (byte) (100 * j + 10 * r + c);
                }
            }
        }
        return data;
    }

    /** An IDX file's bytes: magic, big-endian dims, data. */
    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String imagesError(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> IdxFile.readImages(file, IdxFile.ALL)).getMessage();
    }

    private static String labelsError(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> IdxFile.readLabels(file, IdxFile.ALL)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void imagesBecomeColumnsInRowMajorPixelOrderDividedBy255() throws IOException {
        Path file = write("images", idx(IdxFile.IMAGES_MAGIC, DIMS, pixels()));
        Matrix X = IdxFile.readImages(file, IdxFile.ALL);
        assertEquals(6, X.rows(), "2 x 3 pixels per image");
        assertEquals(3, X.cols(), "one image per column");
        for (int j = 0; j < 3; j++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    // numpy: images.reshape(m, -1).T / 255.
                    assertEquals((100 * j + 10 * r + c) / 255.0, X.get(r * 3 + c, j), 0.0, "pixel (" + r + "," + c + ") of image " + j);
                }
            }
        }
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws IOException {
        byte[] plain = idx(IdxFile.IMAGES_MAGIC, DIMS, pixels());
        Path gzipNamedPlain = write("images.idx", gzip(plain));
        Path plainNamedGz = write("images.gz", plain);
        Matrix expected = IdxFile.readImages(plainNamedGz, IdxFile.ALL);
        assertEquals(expected, IdxFile.readImages(gzipNamedPlain, IdxFile.ALL), "the same pixels, compressed or not");
        assertTrue(IdxFile.readHeader(gzipNamedPlain, IdxFile.IMAGES_MAGIC).gzipped());
        assertEquals(false, IdxFile.readHeader(plainNamedGz, IdxFile.IMAGES_MAGIC).gzipped());
    }

    @Test
    void largeGzipFileReadsInBlocksWithTheSameLayout() throws IOException {
        // 700 images of 5 x 4: more than one block of 256 images, so the block seams are crossed
        int m = 700;
        int n = 20;
        byte[] data = new byte[m * n];
        for (int k = 0; k < data.length; k++) {
            data[k] = (byte) (k * 31 + k / 7);
        }
        Path file = write("many.gz", gzip(idx(IdxFile.IMAGES_MAGIC, new int[]{m, 5, 4}, data)));
        Matrix X = IdxFile.readImages(file, IdxFile.ALL);
        assertEquals(n, X.rows());
        assertEquals(m, X.cols());
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                assertEquals((data[j * n + i] & 0xFF) / 255.0, X.get(i, j), 0.0, "X[" + i + "][" + j + "]");
            }
        }
        Matrix first300 = IdxFile.readImages(file, 300);
        assertEquals(300, first300.cols());
        assertEquals(X.get(19, 299), first300.get(19, 299), 0.0);
    }

    @Test
    void limitReadsTheFirstImagesOnly() throws IOException {
        Path file = write("images.gz", gzip(idx(IdxFile.IMAGES_MAGIC, DIMS, pixels())));
        Matrix X = IdxFile.readImages(file, 2);
        assertEquals(2, X.cols());
        assertEquals(112 / 255.0, X.get(5, 1), 0.0, "image 1, pixel (1, 2)");
        assertEquals(3, IdxFile.readImages(file, 99).cols(), "a limit above n reads all n");
        assertEquals(0, IdxFile.readImages(file, 0).cols());
        assertContains(assertThrows(IllegalArgumentException.class, () -> IdxFile.readImages(file, -1)).getMessage(),
                "IdxFile.readImages: limit is -1");
    }

    @Test
    void labelsPlainAndGzip() throws IOException {
        byte[] labels = {9, 0, 0, 3, (byte) 255};
        byte[] bytes = idx(IdxFile.LABELS_MAGIC, new int[]{5}, labels);
        int[] expected = {9, 0, 0, 3, 255};
        assertArrayEquals(expected, IdxFile.readLabels(write("l", bytes), IdxFile.ALL), "unsigned bytes");
        assertArrayEquals(expected, IdxFile.readLabels(write("l.gz", gzip(bytes)), IdxFile.ALL));
        assertArrayEquals(new int[]{9, 0}, IdxFile.readLabels(write("l2.gz", gzip(bytes)), 2));
    }

    @Test
    void headerGivesCountAndShape() throws IOException {
        IdxFile.Header h = IdxFile.readHeader(write("i", idx(IdxFile.IMAGES_MAGIC, DIMS, pixels())), IdxFile.IMAGES_MAGIC);
        assertEquals(3, h.count());
        assertEquals(6, h.itemSize());
        assertEquals("3 x 2 x 3", h.shape());
        assertEquals(16, h.dataSize(), "4 bytes of magic + 3 dims of 4 bytes");
    }

    @Test
    void labelsFileGivenAsImagesSuggestsASwap() throws IOException {
        Path labels = write("train-labels", idx(IdxFile.LABELS_MAGIC, new int[]{3}, new byte[]{1, 2, 3}));
        assertEquals("IdxFile.readImages: " + labels + " does not start with the IDX images magic number 0x00000803; "
                + "its first bytes 00 00 08 01 look like an IDX labels file (0x00000801); did you swap the images and "
                + "labels paths?", imagesError(labels));
        Path images = write("train-images.gz", gzip(idx(IdxFile.IMAGES_MAGIC, DIMS, pixels())));
        assertContains(labelsError(images), "IdxFile.readLabels: " + images,
                "magic number 0x00000801", "an IDX images file (0x00000803); did you swap");
    }

    @Test
    void wrongMagicSaysWhatTheFileLooksLike() throws IOException {
        assertContains(imagesError(write("a.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})),
                "89 50 4e 47", "a PNG image");
        assertContains(imagesError(write("page", "<!DOCTYPE html>".getBytes())), "text starting \"<!DO\"", "HTML page");
        assertContains(imagesError(write("le", new byte[]{3, 8, 0, 0, 3, 0, 0, 0})), "little-endian");
        assertContains(imagesError(write("twice.gz", gzip(gzip(idx(IdxFile.IMAGES_MAGIC, DIMS, pixels()))))),
                "compressed twice");
        assertContains(imagesError(write("floats", idx(0x00000D03, DIMS, new byte[4 * 18]))),
                "an IDX file of floats (0x0D) with 3 dimensions", "unsigned bytes (type 0x08)");
        assertContains(imagesError(write("x.zip", new byte[]{'P', 'K', 3, 4, 0, 0})), "a zip archive");
        assertContains(imagesError(write("noise", new byte[]{(byte) 0xC3, 0x01, (byte) 0xF0, 0x7F})), "no format this reader knows");
    }

    @Test
    void corruptHeaders() throws IOException {
        Path empty = write("empty", new byte[0]);
        assertContains(imagesError(empty), "is 0 bytes long", "4-byte magic number (0x00000803 for images)");
        byte[] full = idx(IdxFile.IMAGES_MAGIC, DIMS, pixels());
        Path cut = write("cut", Arrays.copyOf(full, 10));
        assertEquals("IdxFile.readImages: " + cut + " ends inside its header: 6 of the 12 bytes of dimensions are there "
                + "(magic 0x00000803 promises 3 dimensions); the file is truncated — download it again", imagesError(cut));
        Path negative = write("neg", idx(IdxFile.IMAGES_MAGIC, new int[]{3, -2, 3}, pixels()));
        assertContains(imagesError(negative), "corrupt header: dimension 1 is 4294967294 (bytes ff ff ff fe)");
        Path zeroRows = write("zero", idx(IdxFile.IMAGES_MAGIC, new int[]{3, 0, 3}, new byte[0]));
        assertContains(imagesError(zeroRows), "dimension 1 is 0", "at least one row and one column");
        Path cutGzip = write("cut.gz", Arrays.copyOf(gzip(full), 6));
        assertContains(imagesError(cutGzip), "gzip header is damaged");
    }

    @Test
    void dimensionsThatOverflow() throws IOException {
        Path huge = write("huge", idx(IdxFile.IMAGES_MAGIC, new int[]{1, 65536, 65536}, new byte[0]));
        assertContains(imagesError(huge), "corrupt header: images of 65536 x 65536 make more than 2147483639 values each");
        // each image fits, but 3000 of them do not fit one array: refused before allocating (gzip: no size check first)
        Path many = write("many.gz", gzip(idx(IdxFile.IMAGES_MAGIC, new int[]{3000, 1000, 1000}, new byte[0])));
        assertEquals("IdxFile.readImages: " + many + " holds 3000 x 1000 x 1000 images of 1000000 values; 3000 images "
                + "make 3000000000 values, more than one Java array holds (2147483639); pass a limit of at most 2147 images",
                imagesError(many));
    }

    @Test
    void truncatedDataSaysBytesExpectedAndFound() throws IOException {
        byte[] full = idx(IdxFile.IMAGES_MAGIC, DIMS, pixels());
        Path plain = write("short", Arrays.copyOf(full, full.length - 5));
        assertEquals("IdxFile.readImages: " + plain + " is truncated: its header (3 x 2 x 3) promises 18 bytes of data "
                + "but the file holds 13; download it again", imagesError(plain));
        Path gz = write("short.gz", gzip(Arrays.copyOf(full, full.length - 5)));
        assertContains(imagesError(gz), "promises 18 bytes of data but it decompresses to 13");
        // the compressed stream itself cut off: the inflater runs dry
        byte[] big = idx(IdxFile.IMAGES_MAGIC, new int[]{400, 10, 10}, noise(40_000));
        byte[] zipped = gzip(big);
        Path cutStream = write("cut-stream.gz", Arrays.copyOf(zipped, zipped.length / 2));
        assertContains(imagesError(cutStream), "is a truncated gzip file", "40000 bytes of data");
        Path labels = write("short-labels", Arrays.copyOf(idx(IdxFile.LABELS_MAGIC, new int[]{5}, new byte[5]), 11));
        assertContains(labelsError(labels), "promises 5 bytes of data but the file holds 3");
    }

    @Test
    void bytesAfterTheDataAreAnError() throws IOException {
        byte[] full = idx(IdxFile.IMAGES_MAGIC, DIMS, pixels());
        byte[] longer = Arrays.copyOf(full, full.length + 7);
        assertContains(imagesError(write("long", longer)), "has 7 bytes after the data its header describes");
        assertContains(imagesError(write("long.gz", gzip(longer))), "has 7 bytes after the data");
        assertEquals(2, IdxFile.readImages(write("long2.gz", gzip(longer)), 2).cols(),
                "a limited read stops before the end and does not look there");
    }

    @Test
    void damagedGzipTrailerIsAnError() throws IOException {
        byte[] zipped = gzip(idx(IdxFile.IMAGES_MAGIC, DIMS, pixels()));
        zipped[zipped.length - 6] ^= 0x55; // the CRC32 of the data
        assertContains(imagesError(write("crc.gz", zipped)), "is a damaged gzip file");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.gz");
        assertContains(imagesError(missing), "IdxFile.readImages: file not found: " + missing.toAbsolutePath());
    }

    static byte[] noise(int length) {
        byte[] b = new byte[length];
        long s = 12345;
        for (int i = 0; i < length; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            b[i] = (byte) (s >>> 56);
        }
        return b;
    }
}
