package dlbasics.io;

import dlbasics.matrix.Matrix;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Photos as the course feeds them to a network: any JPEG or PNG, resized to 64 x 64, RGB values in
 * (row, column, channel) order divided by 255, one image per column of a {@code 12288 x m} matrix.
 *
 * <p>The course does {@code np.array(Image.open(f).resize((64, 64))) / 255.}. Resizing here follows
 * Pillow's antialiased bicubic resampling: a separable cubic filter (a = -0.5) whose support widens by
 * the downscale factor, so that every source pixel contributes (no aliasing when a 4000-pixel photo
 * shrinks to 64), applied to rows and then to columns, each pass rounded to 0..255 as Pillow does
 * for 8-bit images. A 64 x 64 image passes through unchanged. Alpha is dropped; grey images are
 * expanded to three equal channels.
 */
public final class Images {
    /** Output height and width. */
    public static final int SIZE = CatImages.SIZE;

    private Images() {
    }

    /**
     * Reads one image file as a {@code 12288 x 1} column with values in [0, 1].
     *
     * @throws IllegalArgumentException naming the file if it is missing, unreadable or not an image
     */
    public static Matrix read(Path file) {
        return toColumn(resize(load(file), SIZE, SIZE));
    }

    /** Reads several image files into a {@code 12288 x m} matrix, image j in column j. */
    public static Matrix readAll(List<Path> files) {
        int m = files.size();
        int n = SIZE * SIZE * 3;
        double[] x = new double[n * m];
        for (int j = 0; j < m; j++) {
            double[] column = read(files.get(j)).data();
            for (int i = 0; i < n; i++) {
                x[i * m + j] = column[i];
            }
        }
        return Matrix.wrap(n, m, x);
    }

    /**
     * What a model would not see as the user expects in a readable image file: a decoder warning (a
     * truncated JPEG decodes with its missing part grey) or a picture smaller than half of 64 x 64
     * (enlarged, it is a few coloured blocks). Empty when there is nothing to say.
     */
    public static List<String> concerns(Path file) {
        return concerns(file, SIZE);
    }

    /** As {@link #concerns(Path)}, for a model whose images are {@code size x size}: a picture under half that is a concern. */
    public static List<String> concerns(Path file, int size) {
        List<String> found = new java.util.ArrayList<>();
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return found;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                reader.addIIOReadWarningListener((source, warning) -> found.add(file + ": the decoder warns \"" + warning
                        + "\"; the file may be truncated, and the model sees the missing part as grey"));
                BufferedImage image = reader.read(0);
                if (image.getWidth() < size / 2 || image.getHeight() < size / 2) {
                    found.add(String.format("%s is only %dx%d pixels; enlarged to %dx%d the model sees a few coloured blocks, "
                            + "not a photo", file, image.getWidth(), image.getHeight(), size, size));
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            found.add(file + ": the decoder stopped early (" + e.getMessage() + "); the file may be truncated");
        }
        return found;
    }

    /** Decodes an image file with javax.imageio (JPEG, PNG, BMP, GIF). */
    public static BufferedImage load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Images.read: file not found: " + file.toAbsolutePath()
                    + "; give the path of a JPEG or PNG photo");
        }
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Images.read: cannot decode " + file + " (" + e.getMessage()
                    + "); the file may be truncated or damaged — try opening and re-saving it as JPEG or PNG", e);
        }
        if (image == null) {
            throw new IllegalArgumentException("Images.read: " + file
                    + " is not an image that javax.imageio can read; use JPEG, PNG, BMP or GIF");
        }
        if (image.getWidth() <= 0 || image.getHeight() <= 0) {
            throw new IllegalArgumentException("Images.read: " + file + " has no pixels ("
                    + image.getWidth() + "x" + image.getHeight() + ")");
        }
        return image;
    }

    /**
     * The image's RGB values as {@code [row][column * 3 + channel]}, 0..255 (alpha dropped).
     */
    static int[][] rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[][] out = new int[h][w * 3];
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // grey: replicate the stored value, as Pillow's convert("RGB") does; getRGB would
            // treat Java's linear grey space as non-sRGB and brighten it
            Raster raster = image.getRaster();
            int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    int v = raster.getSample(c, r, 0) >> shift;
                    out[r][3 * c] = v;
                    out[r][3 * c + 1] = v;
                    out[r][3 * c + 2] = v;
                }
            }
            return out;
        }
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        if (model instanceof ComponentColorModel && model.getColorSpace().isCS_sRGB() && !model.isAlphaPremultiplied()
                && raster.getNumBands() >= 3 && raster.getSampleModel().getSampleSize(0) == 8) {
            // 8-bit sRGB (JPEG's usual TYPE_3BYTE_BGR): bands come out as R, G, B(, A); no colour conversion needed
            int bands = raster.getNumBands();
            int[] samples = new int[w * bands];
            for (int r = 0; r < h; r++) {
                raster.getPixels(0, r, w, 1, samples);
                for (int c = 0; c < w; c++) {
                    out[r][3 * c] = samples[c * bands];
                    out[r][3 * c + 1] = samples[c * bands + 1];
                    out[r][3 * c + 2] = samples[c * bands + 2];
                }
            }
            return out;
        }
        int[] line = new int[w];
        for (int r = 0; r < h; r++) {
            image.getRGB(0, r, w, 1, line, 0, w);
            for (int c = 0; c < w; c++) {
                int p = line[c];
                out[r][3 * c] = (p >> 16) & 0xFF;
                out[r][3 * c + 1] = (p >> 8) & 0xFF;
                out[r][3 * c + 2] = p & 0xFF;
            }
        }
        return out;
    }

    /**
     * Resizes to {@code height x width} with antialiased bicubic resampling (see the class comment);
     * returns {@code [row][column * 3 + channel]} values 0..255.
     */
    public static int[][] resize(BufferedImage image, int height, int width) {
        checkSize(height, width);
        return resize(rgb(image), image.getWidth(), image.getHeight(), 3, height, width);
    }

    /**
     * Converts to grey as Pillow's {@code convert("L")} does (ITU-R 601 luma,
     * {@code L = (19595 R + 38470 G + 7471 B + 32768) >> 16}, so a grey picture keeps its values), then
     * resizes to {@code height x width} as {@link #resize} does; returns {@code [row][column]} values 0..255.
     */
    public static int[][] resizeGrey(BufferedImage image, int height, int width) {
        checkSize(height, width);
        int[][] src = rgb(image);
        int[][] grey = new int[src.length][src[0].length / 3];
        for (int r = 0; r < src.length; r++) {
            for (int c = 0; c < grey[r].length; c++) {
                grey[r][c] = (19595 * src[r][3 * c] + 38470 * src[r][3 * c + 1] + 7471 * src[r][3 * c + 2] + 32768) >> 16;
            }
        }
        return resize(grey, image.getWidth(), image.getHeight(), 1, height, width);
    }

    /**
     * Reads one image file resized to {@code size x size}, as a column of values / 255 in (row, column,
     * channel) order: {@code (size·size·3) x 1} in colour, {@code (size·size) x 1} grey (see {@link #resizeGrey}).
     * This is what {@link ImageFolder#read(Path, int, boolean)} does to every image of a folder.
     *
     * @throws IllegalArgumentException naming the file if it is missing, unreadable or not an image
     */
    public static Matrix read(Path file, int size, boolean grey) {
        BufferedImage image = load(file);
        return toColumn(grey ? resizeGrey(image, size, size) : resize(image, size, size));
    }

    private static void checkSize(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("Images.resize: target size " + width + "x" + height
                    + " must be at least 1x1");
        }
    }

    /** The separable filter over {@code [row][column * channels + channel]} values: rows first, then columns. */
    private static int[][] resize(int[][] src, int inW, int inH, int channels, int height, int width) {
        // horizontal pass: every row, inW -> width
        Filter fx = new Filter(inW, width);
        int[][] horizontal = new int[inH][width * channels];
        for (int r = 0; r < inH; r++) {
            for (int x = 0; x < width; x++) {
                for (int k = 0; k < channels; k++) {
                    double s = 0;
                    for (int i = 0; i < fx.count[x]; i++) {
                        s += fx.weight[x][i] * src[r][channels * (fx.first[x] + i) + k];
                    }
                    horizontal[r][channels * x + k] = clip(s);
                }
            }
        }
        // vertical pass: every column, inH -> height
        Filter fy = new Filter(inH, height);
        int[][] out = new int[height][width * channels];
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < width * channels; c++) {
                double s = 0;
                for (int i = 0; i < fy.count[y]; i++) {
                    s += fy.weight[y][i] * horizontal[fy.first[y] + i][c];
                }
                out[y][c] = clip(s);
            }
        }
        return out;
    }

    /** {@code [row][column * channels + channel]} 0..255 to a column of values / 255 in (row, column, channel) order. */
    static Matrix toColumn(int[][] pixels) {
        int rowLength = pixels[0].length;
        double[] x = new double[pixels.length * rowLength];
        for (int r = 0; r < pixels.length; r++) {
            for (int i = 0; i < rowLength; i++) {
                x[r * rowLength + i] = pixels[r][i] / CatImages.PIXEL_SCALE;
            }
        }
        return Matrix.wrap(x.length, 1, x);
    }

    private static int clip(double v) {
        long r = Math.round(v);
        return (int) Math.max(0, Math.min(255, r));
    }

    /**
     * Per output position: the first input index, how many inputs, and their normalised weights.
     * Output pixel x covers input centre {@code (x + 0.5) * scale}; the cubic kernel is stretched by
     * {@code max(scale, 1)} so a downscale averages over all the pixels it replaces.
     */
    private static final class Filter {
        final int[] first;
        final int[] count;
        final double[][] weight;

        Filter(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double stretch = Math.max(scale, 1.0);
            double support = 2.0 * stretch;
            first = new int[outSize];
            count = new int[outSize];
            weight = new double[outSize][];
            for (int x = 0; x < outSize; x++) {
                double centre = (x + 0.5) * scale;
                int lo = Math.max((int) (centre - support + 0.5), 0);
                int hi = Math.min((int) (centre + support + 0.5), inSize);
                double[] w = new double[hi - lo];
                double total = 0;
                for (int i = 0; i < w.length; i++) {
                    w[i] = cubic((lo + i - centre + 0.5) / stretch);
                    total += w[i];
                }
                for (int i = 0; i < w.length; i++) {
                    w[i] = total == 0 ? 0 : w[i] / total;
                }
                first[x] = lo;
                count[x] = w.length;
                weight[x] = w;
            }
        }

        /** Keys' cubic convolution kernel with a = -0.5 (Pillow's BICUBIC). */
        private static double cubic(double t) {
            final double a = -0.5;
            t = Math.abs(t);
            if (t < 1) {
                return ((a + 2) * t - (a + 3)) * t * t + 1;
            }
            if (t < 2) {
                return (((t - 5) * t + 8) * t - 4) * a;
            }
            return 0;
        }
    }
}
