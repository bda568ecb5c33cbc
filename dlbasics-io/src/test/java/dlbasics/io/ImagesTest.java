package dlbasics.io;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"my_image.jpg", "la_defense.jpg"})
    void photoBecomesA12288ColumnOfPixelsOver255(String name) {
        Matrix x = Images.read(SharedData.datasets().resolve("images").resolve(name));
        assertEquals(12288, x.rows());
        assertEquals(1, x.cols());
        assertTrue(x.min() >= 0 && x.max() <= 1, name + ": values outside [0, 1]");
        assertTrue(x.max() - x.min() > 0.5, name + ": a photo should not be flat");
        for (double v : x.data()) {
            double k = v * 255;
            assertEquals(Math.rint(k), k, 1e-9, name + ": " + v + " is not a whole number over 255");
        }
    }

    @Test
    void a64x64ImagePassesThroughUnchangedInRowColumnChannelOrder() throws IOException {
        Random random = new Random(11);
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        int[][][] rgb = new int[64][64][3];
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                for (int k = 0; k < 3; k++) {
                    rgb[r][c][k] = random.nextInt(256);
                }
                image.setRGB(c, r, (rgb[r][c][0] << 16) | (rgb[r][c][1] << 8) | rgb[r][c][2]);
            }
        }
        Matrix x = Images.read(png(image));
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(rgb[r][c][k] / 255.0, x.get((r * 64 + c) * 3 + k, 0), 0.0,
                            "pixel " + r + "," + c + " channel " + k);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 63, 65, 300, 1181})
    void aUniformColourStaysThatColourAtAnySize(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size / 2 + 1, BufferedImage.TYPE_INT_RGB);
        int colour = (200 << 16) | (30 << 8) | 90;
        for (int r = 0; r < image.getHeight(); r++) {
            for (int c = 0; c < size; c++) {
                image.setRGB(c, r, colour);
            }
        }
        double[] x = Images.read(png(image)).data();
        for (int i = 0; i < x.length; i += 3) {
            assertEquals(200 / 255.0, x[i], 0.0, "size " + size + " red at " + i);
            assertEquals(30 / 255.0, x[i + 1], 0.0, "size " + size + " green at " + i);
            assertEquals(90 / 255.0, x[i + 2], 0.0, "size " + size + " blue at " + i);
        }
    }

    @Test
    void downscalingAveragesInsteadOfAliasing() throws IOException {
        // a one-pixel black/white checkerboard: nearest-neighbour sampling would give pure 0 or 255
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < 256; r++) {
            for (int c = 0; c < 256; c++) {
                image.setRGB(c, r, (r + c) % 2 == 0 ? 0xFFFFFF : 0);
            }
        }
        Matrix x = Images.read(png(image));
        assertTrue(x.min() > 110 / 255.0 && x.max() < 145 / 255.0,
                "expected grey near 127.5/255, got min " + x.min() * 255 + " max " + x.max() * 255);
    }

    @Test
    void greyAndTransparentImagesGiveThreeChannels() throws IOException {
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(5, 3, 0, 77);
        Matrix g = Images.read(png(grey));
        int at = (3 * 64 + 5) * 3;
        assertEquals(77 / 255.0, g.get(at, 0), 0.0, "grey value kept, not gamma-converted");
        assertEquals(g.get(at, 0), g.get(at + 1, 0), 0.0, "grey green equals red");
        assertEquals(g.get(at, 0), g.get(at + 2, 0), 0.0, "grey blue equals red");

        BufferedImage alpha = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        alpha.setRGB(0, 0, 0x10_20_30_40);
        Matrix a = Images.read(png(alpha));
        assertEquals(List.of(0x20 / 255.0, 0x30 / 255.0, 0x40 / 255.0),
                List.of(a.get(0, 0), a.get(1, 0), a.get(2, 0)), "alpha dropped, colour kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my_image.jpg", "la_defense.jpg"})
    void fastPixelAccessAgreesWithJavaColourConversion(String name) {
        BufferedImage image = Images.load(SharedData.datasets().resolve("images").resolve(name));
        int[][] fast = Images.rgb(image);
        for (int r = 0; r < image.getHeight(); r += 7) {
            for (int c = 0; c < image.getWidth(); c += 5) {
                int p = image.getRGB(c, r);
                assertEquals((p >> 16) & 0xFF, fast[r][3 * c], name + " red at " + r + "," + c);
                assertEquals((p >> 8) & 0xFF, fast[r][3 * c + 1], name + " green at " + r + "," + c);
                assertEquals(p & 0xFF, fast[r][3 * c + 2], name + " blue at " + r + "," + c);
            }
        }
    }

    @Test
    void readAllPutsImageJInColumnJ() throws IOException {
        Path one = SharedData.datasets().resolve("images/my_image.jpg");
        Path two = SharedData.datasets().resolve("images/la_defense.jpg");
        Matrix x = Images.readAll(List.of(one, two));
        assertEquals(12288, x.rows());
        assertEquals(2, x.cols());
        assertEquals(Images.read(one), x.column(0));
        assertEquals(Images.read(two), x.column(1));
    }

    @Test
    void aTruncatedJpegNamesTheFile() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.datasets().resolve("images/my_image.jpg"));
        Path broken = dir.resolve("broken.jpg");
        Files.write(broken, Arrays.copyOf(whole, 300));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Images.read(broken));
        assertTrue(e.getMessage().startsWith("Images.read: "), e.getMessage());
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnImageNamesTheFile() throws IOException {
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "not an image");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Images.read(text));
        assertEquals("Images.read: " + text + " is not an image that javax.imageio can read; use JPEG, PNG, BMP or GIF",
                e.getMessage());
    }

    @Test
    void aMissingFileNamesThePath() {
        Path missing = dir.resolve("cat.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Images.read(missing));
        assertEquals("Images.read: file not found: " + missing.toAbsolutePath() + "; give the path of a JPEG or PNG photo",
                e.getMessage());
    }

    private Path png(BufferedImage image) throws IOException {
        Path path = dir.resolve("image" + System.nanoTime() + ".png");
        ImageIO.write(image, "png", path.toFile());
        return path;
    }
}
