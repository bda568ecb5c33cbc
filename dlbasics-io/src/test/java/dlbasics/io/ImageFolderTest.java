package dlbasics.io;

import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Folders of labelled images made here: layout, class order, and the folders a user gets wrong. */
class ImageFolderTest {
    @TempDir
    Path dir;

    /** Writes a {@code width x height} image of one colour (RGB) with a different top-left pixel. */
    private Path image(String relative, int width, int height, Color color, String format) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        int type = format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB;
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        assertTrue(ImageIO.write(image, format, file.toFile()), "a writer for " + format);
        return file;
    }

    private String error(Path folder, int size) {
        return assertThrows(IllegalArgumentException.class, () -> ImageFolder.read(folder, size)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void subFoldersAreClassesInSortedOrderAndImagesAreColumns() throws IOException {
        image("zebra/b.png", 10, 6, new Color(255, 0, 0), "png");
        image("zebra/a.bmp", 4, 4, new Color(0, 0, 255), "bmp");
        image("ant/x.PNG", 3, 5, new Color(0, 255, 0), "png");
        image("moth/g.gif", 8, 8, Color.WHITE, "gif");
        Files.writeString(dir.resolve("zebra/notes.txt"), "ignored: not an image");
        Files.writeString(dir.resolve("zebra/.DS_Store"), "ignored: hidden");
        Files.createDirectories(dir.resolve(".cache/thumbs"));

        LabelledImages set = ImageFolder.read(dir, 4);
        assertEquals(List.of("ant", "moth", "zebra"), set.classNames(), "sorted sub-folder names; hidden ones skipped");
        assertArrayEquals(new int[]{0, 1, 2, 2}, set.labels(), "by class, then by file name: x.PNG, g.gif, a.bmp, b.png");
        assertEquals(4 * 4 * 3, set.X().rows(), "(size · size · 3) x m");
        assertEquals(4, set.X().cols());
        assertEquals(3, set.channels());
        double[][] rgb = {{0, 1, 0}, {1, 1, 1}, {0, 0, 1}, {1, 0, 0}};
        for (int j = 0; j < 4; j++) {
            for (int p = 0; p < 16; p++) {
                for (int k = 0; k < 3; k++) {
                    // a one-colour image stays that colour when resized: (row, column, channel) / 255
                    assertEquals(rgb[j][k], set.X().get(3 * p + k, j), 1e-15, "image " + j + " pixel " + p + " channel " + k);
                }
            }
        }
    }

    @Test
    void columnsAreWhatImagesReadGivesForOnePicture() throws IOException {
        // the course's "your own image": at size 64 each column equals Images.read of that file
        BufferedImage gradient = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                gradient.setRGB(x, y, (x * 7) << 16 | (y * 11) << 8 | ((x * y) & 0xFF));
            }
        }
        Path a = dir.resolve("a/one.png");
        Files.createDirectories(a.getParent());
        ImageIO.write(gradient, "png", a.toFile());
        Path b = image("b/two.jpg", 100, 80, new Color(12, 200, 99), "jpg");
        LabelledImages set = ImageFolder.read(dir, ImageFolder.DEFAULT_SIZE);
        assertEquals(Images.readAll(List.of(a, b)), set.X());
        assertEquals(Matrix.row(0, 1), set.Y());
    }

    @Test
    void missingOrEmptyFolder() throws IOException {
        Path missing = dir.resolve("nope");
        assertContains(error(missing, 64), "ImageFolder.read: " + missing.toAbsolutePath() + " is not a folder");
        assertEquals("ImageFolder.read: " + dir + " has no class folders and no images; put each class's images in a "
                + "sub-folder named after the class, e.g. " + dir.resolve("cat").resolve("a.jpg"), error(dir, 64));
        image("loose.png", 2, 2, Color.RED, "png");
        assertContains(error(dir, 64), "has no class folders (it holds 1 images directly, e.g. loose.png)");
    }

    @Test
    void classFolderWithoutImages() throws IOException {
        image("cat/a.png", 2, 2, Color.RED, "png");
        Files.createDirectories(dir.resolve("dog/more"));
        Files.writeString(dir.resolve("dog/readme.txt"), "x");
        assertEquals("ImageFolder.read: class folder " + dir.resolve("dog") + " has no images (it holds more/, readme.txt); "
                + "every class needs at least one png, jpg, jpeg, bmp or gif file directly inside its folder — add images "
                + "or remove the folder", error(dir, 64));
        Files.delete(dir.resolve("dog/readme.txt"));
        Files.delete(dir.resolve("dog/more"));
        assertContains(error(dir, 64), "class folder " + dir.resolve("dog") + " has no images (it is empty)");
    }

    @Test
    void unreadableImagesFailAndAreAllListed() throws IOException {
        image("cat/good.png", 2, 2, Color.RED, "png");
        Path text = dir.resolve("cat/fake.jpg");
        Files.writeString(text, "this is not a JPEG");
        Path good = image("dog/ok.png", 30, 30, Color.BLUE, "png");
        Path cut = dir.resolve("dog/cut.png");
        byte[] png = Files.readAllBytes(good);
        Files.write(cut, Arrays.copyOf(png, 20));
        String message = error(dir, 8);
        assertContains(message, "ImageFolder.read: 2 of the 4 images in " + dir + " cannot be read: ",
                text + ": is not an image that javax.imageio can read",
                cut + ": ",
                "re-save them as PNG or JPEG or remove them (unreadable images are not skipped");
    }

    @Test
    void sizeMustBePositive() throws IOException {
        image("cat/a.png", 2, 2, Color.RED, "png");
        assertEquals("ImageFolder.read: size is 0; give the height and width to resize every image to, e.g. 64", error(dir, 0));
    }

    @Test
    void greyFoldersHaveOneChannelOfPillowsLuma() throws IOException {
        image("dark/a.png", 9, 7, new Color(200, 100, 50), "png");
        image("light/b.png", 3, 3, new Color(255, 255, 255), "png");
        LabelledImages grey = ImageFolder.read(dir, 5, true);
        assertEquals(1, grey.channels());
        assertEquals(25, grey.features());
        assertEquals(List.of("dark", "light"), grey.classNames());
        // (19595·200 + 38470·100 + 7471·50 + 32768) >> 16 = 124: Pillow's convert("L"), 0.299 R + 0.587 G + 0.114 B rounded
        for (int i = 0; i < 25; i++) {
            assertEquals(124 / 255.0, grey.X().get(i, 0), 0.0);
            assertEquals(1.0, grey.X().get(i, 1), 0.0);
        }
        Matrix one = Images.read(dir.resolve("dark/a.png"), 5, true);
        assertEquals(25, one.rows());
        assertEquals(124 / 255.0, one.get(24, 0), 0.0);
        assertEquals(75, Images.read(dir.resolve("dark/a.png"), 5, false).rows());
        assertEquals(3, ImageFolder.read(dir, 5).channels(), "colour stays the default");
    }
}
