package dlbasics.io;

import dlbasics.matrix.Matrix;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Your own labelled images: a folder with one sub-folder per class, read as the course reads "your
 * own image", for any number of classes.
 * <pre>
 * photos/            class names = sub-folder names, sorted: [cat, dog, fox] -> labels 0, 1, 2
 *   cat/  a.jpg b.png ...
 *   dog/  c.jpg ...
 *   fox/  d.gif ...
 * </pre>
 * Every image (png, jpg/jpeg, bmp, gif, by extension, case ignored) directly inside a class folder is
 * decoded and resized to {@code size x size} with {@link Images#resize} (Pillow's antialiased bicubic,
 * grey expanded to RGB, alpha dropped), or in grey with {@link Images#resizeGrey} (colour converted to
 * luma first, as Pillow's {@code convert("L")}). X is {@code (size·size·3) x m} ({@code (size·size) x m}
 * grey), column j image j's values in (row, column, channel) order divided by 255; images are ordered by
 * class, then by file name. Other files, hidden files and deeper folders are ignored.
 *
 * <p>An image that cannot be decoded is an error, not skipped: a silently smaller class changes what
 * the network learns, so the message lists every unreadable file for the user to fix or remove.
 */
public final class ImageFolder {
    /** The course's image size: 64 x 64. */
    public static final int DEFAULT_SIZE = Images.SIZE;
    /** The file extensions read as images (lower case). */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private static final int LISTED = 10;
    private static final double[] SCALED = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALED[v] = v / CatImages.PIXEL_SCALE;
        }
    }

    private ImageFolder() {
    }

    /**
     * Reads every class folder's images, resized to {@code size x size}.
     *
     * @param folder the folder holding one sub-folder per class
     * @param size   the height and width every image is resized to (the course uses 64)
     * @return X {@code (size·size·3) x m} in [0, 1], labels 0..K−1 by sorted sub-folder name, the class names
     * @throws IllegalArgumentException if the folder is missing or has no class folders, a class folder
     *                                  has no images, or an image cannot be decoded (all such files listed)
     */
    public static LabelledImages read(Path folder, int size) {
        return read(folder, size, false);
    }

    /**
     * Reads every class folder's images, resized to {@code size x size}, in colour or grey.
     *
     * @param folder the folder holding one sub-folder per class
     * @param size   the height and width every image is resized to (the course uses 64)
     * @param grey   true: one grey channel per pixel ({@link Images#resizeGrey}), as MNIST-like sets; false: RGB
     * @return X {@code (size·size·channels) x m} in [0, 1], labels 0..K−1 by sorted sub-folder name, the class names
     * @throws IllegalArgumentException as {@link #read(Path, int)}
     */
    public static LabelledImages read(Path folder, int size, boolean grey) {
        String operation = "ImageFolder.read";
        if (size < 1) {
            throw new IllegalArgumentException(String.format(
                    "%s: size is %d; give the height and width to resize every image to, e.g. %d",
                    operation, size, DEFAULT_SIZE));
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s is not a folder; give a folder with one sub-folder of images per class, e.g. photos/cat/a.jpg",
                    operation, folder.toAbsolutePath()));
        }
        List<Path> classFolders = new ArrayList<>();
        List<Path> looseImages = new ArrayList<>();
        for (Path p : list(operation, folder)) {
            if (hidden(p)) {
                continue;
            }
            if (Files.isDirectory(p)) {
                classFolders.add(p);
            } else if (isImage(p)) {
                looseImages.add(p);
            }
        }
        if (classFolders.isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s has no class folders%s; put each class's images in a sub-folder named after the class, "
                            + "e.g. %s",
                    operation, folder, looseImages.isEmpty() ? " and no images"
                            : " (it holds " + looseImages.size() + " images directly, e.g. " + looseImages.get(0).getFileName() + ")",
                    folder.resolve("cat").resolve("a.jpg")));
        }
        List<String> classNames = new ArrayList<>();
        List<List<Path>> filesPerClass = new ArrayList<>();
        int m = 0;
        for (Path classFolder : classFolders) {
            List<Path> files = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (Path p : list(operation, classFolder)) {
                if (!hidden(p) && Files.isRegularFile(p) && isImage(p)) {
                    files.add(p);
                } else if (!hidden(p)) {
                    others.add(p.getFileName() + (Files.isDirectory(p) ? "/" : ""));
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException(String.format(
                        "%s: class folder %s has no images (%s); every class needs at least one png, jpg, jpeg, bmp "
                                + "or gif file directly inside its folder — add images or remove the folder",
                        operation, classFolder, others.isEmpty() ? "it is empty" : "it holds " + firstFew(others)));
            }
            classNames.add(classFolder.getFileName().toString());
            filesPerClass.add(files);
            m += files.size();
        }
        int channels = grey ? 1 : 3;
        long n = (long) channels * size * size;
        if (n * m > IdxFile.MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(
                    "%s: %d images of %dx%dx%d make %d values, more than one Java array holds (%d); choose a smaller size "
                            + "or fewer images", operation, m, size, size, channels, n * m, IdxFile.MAX_ARRAY));
        }
        double[] x = new double[(int) (n * m)];
        int[] labels = new int[m];
        List<String> unreadable = new ArrayList<>();
        int j = 0;
        for (int k = 0; k < filesPerClass.size(); k++) {
            for (Path file : filesPerClass.get(k)) {
                labels[j] = k;
                try {
                    BufferedImage image = Images.load(file);
                    int[][] pixels = grey ? Images.resizeGrey(image, size, size) : Images.resize(image, size, size);
                    int i = 0;
                    for (int[] row : pixels) {
                        for (int v : row) {
                            x[i * m + j] = SCALED[v];
                            i++;
                        }
                    }
                } catch (IllegalArgumentException e) {
                    unreadable.add(file + ": " + reason(e, file));
                }
                j++;
            }
        }
        if (!unreadable.isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    "%s: %d of the %d images in %s cannot be read: %s; re-save them as PNG or JPEG or remove them "
                            + "(unreadable images are not skipped: a silently smaller class changes what is learnt)",
                    operation, unreadable.size(), m, folder, firstFew(unreadable)));
        }
        return new LabelledImages(Matrix.wrap((int) n, m, x), labels, classNames, size, size, channels);
    }

    /**
     * The directory's entries sorted by name (String order, as Python's {@code sorted}), so labels and
     * columns never depend on the file system.
     */
    private static List<Path> list(String operation, Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(String.format(
                    "%s: no permission to list folder %s; check its permissions", operation, dir), e);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("%s: listing folder %s failed (%s)", operation, dir, e), e);
        }
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Why {@link Images#load} gave up, without its operation name, the file name or its hint. */
    private static String reason(IllegalArgumentException e, Path file) {
        String message = e.getMessage();
        int cut = message.indexOf("; ");
        String why = cut > 0 ? message.substring(0, cut) : message;
        return why.replace("Images.read: ", "").replace(file.toString(), "").replaceAll("\\s+", " ").trim();
    }

    private static String firstFew(List<String> items) {
        if (items.size() <= LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }
}
