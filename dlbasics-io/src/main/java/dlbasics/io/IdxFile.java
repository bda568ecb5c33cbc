package dlbasics.io;

import dlbasics.matrix.Matrix;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The IDX format of the MNIST family (MNIST, Fashion-MNIST, KMNIST, EMNIST), plain or gzip-compressed.
 *
 * <p>An IDX file is a big-endian header followed by the values in C order:
 * <pre>
 * magic   4 bytes: 0x00 0x00 type ndims    (type 0x08 = unsigned byte)
 * dims    ndims big-endian int32           (images: n, rows, cols; labels: n)
 * data    n · rows · cols bytes            (image j's pixels row by row, then image j + 1)
 * </pre>
 * Images have magic 0x00000803, labels 0x00000801. Compression is
 * detected from the gzip signature (1f 8b), not from the name. The data is streamed: the compressed
 * file is never held in memory, and {@link #readImages} writes straight into the one array that
 * backs X.
 *
 * <p>Broken input is an {@link IllegalArgumentException} that names the file and says what is wrong
 * with it: a wrong magic number (and what the file looks like instead), a corrupt header, dimensions
 * that overflow, truncated data (bytes expected and found) or bytes after the data. A failing disk is
 * an {@link UncheckedIOException}.
 */
public final class IdxFile {
    /** Magic number of an IDX images file: unsigned bytes, 3 dimensions (n, rows, cols). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX labels file: unsigned bytes, 1 dimension (n). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Pass as {@code limit} to read every item. */
    public static final int ALL = Integer.MAX_VALUE;
    /** The largest Java array the JVM reliably allocates. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final int BUFFER = 1 << 16;
    /** Images per block: X is written in runs of this many columns, so the writes stay in cache. */
    private static final int BLOCK = 256;
    /** {@code v / 255.0} for every byte value, the course's scaling ({@code X / 255.}), bit for bit. */
    private static final double[] SCALED = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALED[v] = v / CatImages.PIXEL_SCALE;
        }
    }

    private IdxFile() {
    }

    /**
     * An IDX file's header.
     *
     * @param file     the file it was read from
     * @param gzipped  whether the file is gzip-compressed
     * @param magic    the magic number, e.g. 0x00000803
     * @param dims     the dimensions, outermost first: {@code (n, rows, cols)} or {@code (n)}
     * @param dataSize the header's size in bytes: data starts here (after decompression)
     */
    public record Header(Path file, boolean gzipped, int magic, int[] dims, int dataSize) {
        /** Keeps its own copy of the dimensions. */
        public Header {
            dims = dims.clone();
        }

        /** A copy of the dimensions, outermost first. */
        @Override
        public int[] dims() {
            return dims.clone();
        }

        /** n, the number of items (images or labels): the first dimension. */
        public int count() {
            return dims[0];
        }

        /** Bytes per item: the product of the dimensions after the first (1 for labels). */
        public int itemSize() {
            long size = 1;
            for (int d = 1; d < dims.length; d++) {
                size *= dims[d];
            }
            return (int) size;
        }

        /** Bytes of data the header promises: {@code count() · itemSize()}. */
        public long dataBytes() {
            return (long) count() * itemSize();
        }

        /** The dimensions as {@code 60000 x 28 x 28}. */
        public String shape() {
            StringBuilder s = new StringBuilder();
            for (int d = 0; d < dims.length; d++) {
                s.append(d == 0 ? "" : " x ").append(dims[d]);
            }
            return s.toString();
        }
    }

    /**
     * Reads the header of an IDX images (0x00000803) or labels (0x00000801)
     * file and checks it against the file's size when it is not compressed.
     *
     * @param expectedMagic {@link #IMAGES_MAGIC} or {@link #LABELS_MAGIC}
     * @throws IllegalArgumentException naming the file if it is missing, has another magic number, a
     *                                  corrupt header, or (uncompressed) a size the header disagrees with
     */
    public static Header readHeader(Path file, int expectedMagic) {
        String operation = operation(expectedMagic);
        try (InputStream in = open(operation, file)) {
            return header(operation, file, in, expectedMagic);
        } catch (IOException e) {
            throw unreadable(operation, file, e);
        }
    }

    /**
     * Reads the first {@code limit} images of an IDX images file into the course's layout.
     *
     * <p>Shape legend: the file holds n images of {@code rows x cols} bytes; X is
     * {@code (rows·cols) x m} with {@code m = min(n, limit)}, {@code X[r·cols + c][j] = pixel(j, r, c) / 255},
     * i.e. numpy's {@code images[:m].reshape(m, -1).T / 255.}.
     *
     * @param limit how many images to read from the start; {@link #ALL} for all
     * @throws IllegalArgumentException naming the file for a wrong magic number, a corrupt header,
     *                                  truncated data or too many values for one array
     */
    public static Matrix readImages(Path file, int limit) {
        String operation = operation(IMAGES_MAGIC);
        checkLimit(operation, limit);
        try (InputStream in = open(operation, file)) {
            Header header = header(operation, file, in, IMAGES_MAGIC);
            int m = Math.min(header.count(), limit);
            int n = header.itemSize();
            if ((long) n * m > MAX_ARRAY) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s holds %s images of %d values; %d images make %d values, more than one Java array holds (%d); "
                                + "pass a limit of at most %d images",
                        operation, file, header.shape(), n, m, (long) n * m, MAX_ARRAY, MAX_ARRAY / n));
            }
            double[] x = new double[n * m];
            byte[] block = new byte[Math.max(1, Math.min(BLOCK, m) * n)];
            for (int j0 = 0; j0 < m; j0 += BLOCK) {
                int count = Math.min(BLOCK, m - j0);
                readFully(operation, header, in, block, count * n, (long) j0 * n);
                // column j0 + b of X is image j0 + b: for each pixel i, a run of count values in row i
                for (int i = 0; i < n; i++) {
                    int row = i * m + j0;
                    for (int b = 0, k = i; b < count; b++, k += n) {
                        x[row + b] = SCALED[block[k] & 0xFF];
                    }
                }
            }
            if (m == header.count() && header.gzipped()) {
                checkEnd(operation, header, in);
            }
            return Matrix.wrap(n, m, x);
        } catch (IOException e) {
            throw unreadable(operation, file, e);
        }
    }

    /**
     * Reads the first {@code limit} labels of an IDX labels file: {@code min(n, limit)} values 0..255.
     *
     * @param limit how many labels to read from the start; {@link #ALL} for all
     * @throws IllegalArgumentException naming the file for a wrong magic number, a corrupt header or truncated data
     */
    public static int[] readLabels(Path file, int limit) {
        String operation = operation(LABELS_MAGIC);
        checkLimit(operation, limit);
        try (InputStream in = open(operation, file)) {
            Header header = header(operation, file, in, LABELS_MAGIC);
            int m = Math.min(header.count(), limit);
            byte[] bytes = new byte[m];
            readFully(operation, header, in, bytes, m, 0);
            if (m == header.count() && header.gzipped()) {
                checkEnd(operation, header, in);
            }
            int[] labels = new int[m];
            for (int j = 0; j < m; j++) {
                labels[j] = bytes[j] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw unreadable(operation, file, e);
        }
    }

    private static String operation(int expectedMagic) {
        return expectedMagic == IMAGES_MAGIC ? "IdxFile.readImages" : "IdxFile.readLabels";
    }

    private static void checkLimit(String operation, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: limit is %d; give how many items to read from the start (0 or more), or IdxFile.ALL",
                    operation, limit));
        }
    }

    /** Opens the file, decompressing when it starts with the gzip signature 1f 8b. */
    private static InputStream open(String operation, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(String.format(
                    "%s: file not found: %s; give the path of an IDX file (e.g. train-images-idx3-ubyte.gz)",
                    operation, file.toAbsolutePath()));
        }
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new GZIPInputStream(raw, BUFFER);
            }
            return raw;
        } catch (IOException e) {
            closeQuietly(raw);
            throw unreadable(operation, file, e);
        }
    }

    private static Header header(String operation, Path file, InputStream in, int expectedMagic) throws IOException {
        boolean gzipped = in instanceof GZIPInputStream;
        byte[] magic = new byte[4];
        int got = readSome(in, magic, 4);
        String what = expectedMagic == IMAGES_MAGIC ? "images" : "labels";
        if (got < 4) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s is %d bytes long%s; an IDX file starts with a 4-byte magic number (%s for %s); "
                            + "the file is empty or truncated — download it again",
                    operation, file, got, gzipped ? " after decompression" : "", hex(expectedMagic), what));
        }
        int found = ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | ((magic[2] & 0xFF) << 8) | (magic[3] & 0xFF);
        if (found != expectedMagic) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s does not start with the IDX %s magic number %s; its first bytes %s look like %s",
                    operation, file, what, hex(expectedMagic), hexBytes(magic, 4), lookalike(in, magic, expectedMagic)));
        }
        int ndims = magic[3];
        byte[] raw = new byte[4 * ndims];
        got = readSome(in, raw, raw.length);
        if (got < raw.length) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s ends inside its header: %d of the %d bytes of dimensions are there (magic %s promises %d dimensions); "
                            + "the file is truncated — download it again",
                    operation, file, got, raw.length, hex(found), ndims));
        }
        int[] dims = new int[ndims];
        long values = 1;
        for (int d = 0; d < ndims; d++) {
            int off = 4 * d;
            dims[d] = ((raw[off] & 0xFF) << 24) | ((raw[off + 1] & 0xFF) << 16) | ((raw[off + 2] & 0xFF) << 8) | (raw[off + 3] & 0xFF);
            if (dims[d] < 0 || (d > 0 && dims[d] == 0)) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s has a corrupt header: dimension %d is %d (bytes %s)%s; the file is damaged — download it again",
                        operation, file, d, dims[d] < 0 ? Integer.toUnsignedLong(dims[d]) : 0, hexBytes(Arrays.copyOfRange(raw, off, off + 4), 4),
                        d == 0 ? "" : ", but every image needs at least one row and one column"));
            }
            if (d > 0) {
                values *= dims[d];
                if (values > MAX_ARRAY) {
                    throw new IllegalArgumentException(String.format(
                            "%s: %s has a corrupt header: images of %s make more than %d values each; the dimensions "
                                    + "overflow — the file is damaged or not an image set", operation, file,
                            shape(Arrays.copyOfRange(dims, 1, d + 1)), MAX_ARRAY));
                }
            }
        }
        Header header = new Header(file, gzipped, found, dims, 4 + 4 * ndims);
        if (!gzipped) {
            long size = Files.size(file);
            long expected = header.dataSize() + header.dataBytes();
            if (size < expected) {
                throw truncated(operation, header, size - header.dataSize());
            }
            if (size > expected) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s has %d bytes after the data its header describes (%s %s = %d bytes of data); "
                                + "the counts in the header are wrong or two files were joined — download it again",
                        operation, file, size - expected, shape(dims), what, header.dataBytes()));
            }
        }
        return header;
    }

    /** What a file with these first bytes probably is, for the wrong-magic message. */
    private static String lookalike(InputStream in, byte[] first, int expectedMagic) {
        int b0 = first[0] & 0xFF;
        int b1 = first[1] & 0xFF;
        int b2 = first[2] & 0xFF;
        int b3 = first[3] & 0xFF;
        boolean gzipped = in instanceof GZIPInputStream;
        if (b0 == 0 && b1 == 0 && b2 == 0x08 && (b3 == 1 || b3 == 3)) {
            int magic = b3 == 1 ? LABELS_MAGIC : IMAGES_MAGIC;
            return String.format("an IDX %s file (%s); did you swap the images and labels paths?",
                    magic == LABELS_MAGIC ? "labels" : "images", hex(magic));
        }
        if (b0 == 0 && b1 == 0) {
            return String.format("an IDX file of %s with %d dimensions; this reader takes unsigned bytes (type 0x08) with %s",
                    typeName(b2), b3, expectedMagic == IMAGES_MAGIC ? "3 dimensions (n, rows, cols)" : "1 dimension (n)");
        }
        if (b2 == 0 && b3 == 0 && b1 == 0x08 && (b0 == 1 || b0 == 3)) {
            return "an IDX magic number in little-endian byte order; IDX is big-endian — the file was written with the bytes "
                    + "of every number reversed";
        }
        if (b0 == 0x1f && b1 == 0x8b) {
            return gzipped ? "a gzip file inside a gzip file (compressed twice); decompress it once with gunzip"
                    : "a gzip file";
        }
        if (b0 == 0x89 && b1 == 'P' && b2 == 'N' && b3 == 'G') {
            return "a PNG image; for a folder of images per class use ImageFolder";
        }
        if (b0 == 0xFF && b1 == 0xD8 && b2 == 0xFF) {
            return "a JPEG image; for a folder of images per class use ImageFolder";
        }
        if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
            return "a zip archive; unzip it and pass the IDX file inside";
        }
        if (b0 == 0x89 && b1 == 'H' && b2 == 'D' && b3 == 'F') {
            return "an HDF5 file; read it with CatImages or convert it to IDX";
        }
        if (b0 == 0x93 && b1 == 'N' && b2 == 'U' && b3 == 'M') {
            return "a numpy .npy file; write the array with the IDX header instead, or convert it";
        }
        if (b0 == 'B' && b1 == 'Z' && b2 == 'h') {
            return "a bzip2 file; decompress it with bunzip2 (only gzip is read directly)";
        }
        if (b0 == 0xFD && b1 == '7' && b2 == 'z' && b3 == 'X') {
            return "an xz file; decompress it with unxz (only gzip is read directly)";
        }
        if (printable(b0) && printable(b1) && printable(b2) && printable(b3)) {
            String text = new String(first, 0, 4, StandardCharsets.US_ASCII);
            return "text starting \"" + text + "\"" + (text.startsWith("<") ? " (an HTML page: a failed download?)" : "")
                    + "; IDX files are binary";
        }
        return "no format this reader knows; is it an IDX file of the MNIST family?";
    }

    private static boolean printable(int b) {
        return (b >= 0x20 && b < 0x7F) || b == '\n' || b == '\r' || b == '\t';
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned bytes (0x08)";
            case 0x09 -> "signed bytes (0x09)";
            case 0x0B -> "shorts (0x0B)";
            case 0x0C -> "ints (0x0C)";
            case 0x0D -> "floats (0x0D)";
            case 0x0E -> "doubles (0x0E)";
            default -> String.format("unknown type 0x%02X", type);
        };
    }

    /** Reads exactly {@code length} data bytes or explains how many were missing. */
    private static void readFully(String operation, Header header, InputStream in, byte[] buffer, int length, long before)
            throws IOException {
        int got;
        try {
            got = readSome(in, buffer, length);
        } catch (EOFException e) {
            // GZIPInputStream: the compressed stream ends in the middle of a block
            throw new IllegalArgumentException(String.format(
                    "%s: %s is a truncated gzip file: the compressed data ends after %d+ of the %d bytes of data its header "
                            + "promises (%s); download it again", operation, header.file(), before,
                    header.dataBytes(), header.shape()), e);
        } catch (ZipException e) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s is a damaged gzip file (%s) within the first %d bytes of data; download it again",
                    operation, header.file(), e.getMessage(), before + length), e);
        }
        if (got < length) {
            throw truncated(operation, header, before + got);
        }
    }

    /**
     * After reading all of a gzip file's data: it must end there, and its checksum must hold. (A plain
     * file's size was checked against the header already.)
     */
    private static void checkEnd(String operation, Header header, InputStream in) throws IOException {
        long extra;
        try {
            extra = in.skip(Long.MAX_VALUE);
            if (in.read() >= 0) {
                extra++;
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s is a truncated gzip file: all %d bytes of data are there but the gzip trailer is cut off; "
                            + "download it again", operation, header.file(), header.dataBytes()), e);
        } catch (ZipException e) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s is a damaged gzip file (%s); download it again", operation, header.file(), e.getMessage()), e);
        }
        if (extra > 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s has %d bytes after the data its header describes (%s = %d bytes of data); the counts in "
                            + "the header are wrong or two files were joined — download it again",
                    operation, header.file(), extra, header.shape(), header.dataBytes()));
        }
    }

    private static IllegalArgumentException truncated(String operation, Header header, long found) {
        return new IllegalArgumentException(String.format(
                "%s: %s is truncated: its header (%s) promises %d bytes of data but %s %d; download it again",
                operation, header.file(), header.shape(), header.dataBytes(),
                header.gzipped() ? "it decompresses to" : "the file holds", found));
    }

    /** Broken input (missing, unreadable, damaged gzip) is the caller's; any other I/O failure is the disk's. */
    private static RuntimeException unreadable(String operation, Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new IllegalArgumentException(String.format(
                    "%s: file not found: %s; give the path of an IDX file", operation, file.toAbsolutePath()), e);
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return new IllegalArgumentException(String.format(
                    "%s: %s starts like a gzip file but its gzip header is damaged (%s); download it again",
                    operation, file, e.getMessage()), e);
        }
        if (e instanceof AccessDeniedException) {
            return new IllegalArgumentException(String.format(
                    "%s: no permission to read %s; check the file's permissions", operation, file), e);
        }
        return new UncheckedIOException(String.format("%s: reading %s failed (%s)", operation, file, e), e);
    }

    /** Reads up to {@code length} bytes; returns how many there were before the end of the stream. */
    private static int readSome(InputStream in, byte[] buffer, int length) throws IOException {
        return in.readNBytes(buffer, 0, length);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the open failed already; that error is the one to report
            }
        }
    }

    static String hex(int magic) {
        return String.format("0x%08X", magic);
    }

    private static String hexBytes(byte[] bytes, int length) {
        HexFormat format = HexFormat.ofDelimiter(" ");
        return format.formatHex(bytes, 0, length);
    }

    private static String shape(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < dims.length; d++) {
            s.append(d == 0 ? "" : " x ").append(dims[d]);
        }
        return s.toString();
    }
}
