package dlbasics.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz}: a zip of {@code .npy} files, one per array, that {@code np.load(path)} opens
 * without pickles ({@code allow_pickle=False} works):
 * <pre>
 * W1.npy, b1.npy, ...   float64 '&lt;f8', C order, npy format 1.0
 * __metadata__.npy      a 0-d unicode array ('&lt;U<i>n</i>') holding one JSON object whose keys and
 *                       string values are exactly the safetensors __metadata__ of the same model:
 *                       json.loads(str(np.load(path)["__metadata__"]))
 * </pre>
 * Entries are stored uncompressed, as {@code np.savez} does. Reading also accepts compressed entries
 * ({@code np.savez_compressed}) and Fortran-order arrays, bounds every allocation by what the entry
 * could hold, and parses the npy header as text (never evaluates it).
 */
final class NpzFormat {
    static final String METADATA_ENTRY = "__metadata__";
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The best deflate can do is about 1032:1; a claim beyond that is a lie. */
    private static final long MAX_DEFLATE_RATIO = 1100;

    private NpzFormat() {
    }

    static void write(StoredModel model, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, Tensor> e : model.tensors().entrySet()) {
            Tensor t = e.getValue();
            ByteBuffer data = ByteBuffer.allocate(8 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
            data.asDoubleBuffer().put(t.data());
            putStored(zip, e.getKey() + ".npy", npy("<f8", t.shape(), data.array()));
        }
        String json = SafetensorsFormat.JSON.writeValueAsString(model.metadata());
        int[] codePoints = json.codePoints().toArray();
        ByteBuffer utf32 = ByteBuffer.allocate(4 * codePoints.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int c : codePoints) {
            utf32.putInt(c);
        }
        putStored(zip, METADATA_ENTRY + ".npy", npy("<U" + Math.max(1, codePoints.length), new int[0], utf32.array()));
        zip.finish();
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0)); // as numpy (zipfile) does; no time zone
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** An npy 1.0 file: magic, version, header length, a header dict padded to 64 bytes, the data. */
    static byte[] npy(String descr, int[] shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + Tensor.numpyShape(shape) + ", }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    static StoredModel read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            Map<String, String> metadata = null;
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                entries.add(en.nextElement());
            }
            long fileSize = Files.size(file);
            for (ZipEntry entry : entries) {
                String name = entry.getName();
                if (!name.endsWith(".npy") || name.contains("/")) {
                    throw StoredModel.broken(file, "entry \"%s\" is not an array of a model file; an npz holds "
                            + "W1.npy, b1.npy, ... and __metadata__.npy", name);
                }
                String key = name.substring(0, name.length() - 4);
                long limit = entry.getMethod() == ZipEntry.STORED
                        ? Math.min(entry.getSize(), fileSize)
                        : Math.min(Math.max(entry.getCompressedSize(), 0), fileSize) * MAX_DEFLATE_RATIO + 1024;
                try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
                    Npy npy = readNpy(file, name, in, limit);
                    if (entry.getCrc() != -1 && in.getChecksum().getValue() != entry.getCrc()) {
                        throw StoredModel.broken(file, "%s fails its CRC check; the file is damaged", name);
                    }
                    if (key.equals(METADATA_ENTRY)) {
                        metadata = metadata(file, npy);
                    } else {
                        tensors.put(key, npy.toTensor(file, name));
                    }
                }
            }
            if (metadata == null) {
                throw StoredModel.broken(file, "the npz has no __metadata__ array; it is not a dlbasics model file "
                        + "(arrays found: %s)", tensors.keySet());
            }
            return new StoredModel(tensors, metadata);
        } catch (IOException e) {
            // ModelFile.read checked that the file exists and is readable: what fails now is its content
            throw StoredModel.broken(file, "not a readable npz (zip) file (%s); it is truncated or damaged",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([0-9,\\s]*)\\)");

    /** One parsed .npy: its dtype, order, shape and raw data bytes. */
    private record Npy(String descr, boolean fortranOrder, int[] shape, byte[] data) {
        Tensor toTensor(Path file, String name) {
            if (!descr.equals("<f8")) {
                throw StoredModel.broken(file, "%s has dtype '%s' but dlbasics model files hold float64 ('<f8'); "
                        + "save array.astype(np.float64)", name, descr);
            }
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            double[] values = new double[data.length / 8];
            b.asDoubleBuffer().get(values);
            if (fortranOrder && shape.length == 2) {
                int rows = shape[0];
                int cols = shape[1];
                double[] c = new double[values.length];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        c[i * cols + j] = values[j * rows + i];
                    }
                }
                values = c;
            } else if (fortranOrder && shape.length > 2) {
                throw StoredModel.broken(file, "%s is a %d-d array in Fortran order; model tensors are 2-d", name, shape.length);
            }
            return new Tensor(shape, values);
        }
    }

    private static Npy readNpy(Path file, String name, InputStream in, long limit) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !java.util.Arrays.equals(java.util.Arrays.copyOf(magic, 6), MAGIC)) {
            throw StoredModel.broken(file, "%s does not start with the npy magic \\x93NUMPY; it is not a numpy array", name);
        }
        int major = magic[6];
        int headerLength;
        if (major == 1) {
            byte[] len = in.readNBytes(2);
            if (len.length < 2) {
                throw StoredModel.broken(file, "%s ends inside its npy header; it is truncated", name);
            }
            headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        } else if (major == 2 || major == 3) {
            byte[] len = in.readNBytes(4);
            if (len.length < 4) {
                throw StoredModel.broken(file, "%s ends inside its npy header; it is truncated", name);
            }
            long l = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            if (l > 1_000_000) {
                throw StoredModel.broken(file, "%s declares an npy header of %d bytes; that is not a real array header", name, l);
            }
            headerLength = (int) l;
        } else {
            throw StoredModel.broken(file, "%s is npy format version %d.%d; numpy writes 1.0 to 3.0", name, major, magic[7]);
        }
        if (headerLength > limit) {
            throw StoredModel.broken(file, "%s declares an npy header of %d bytes, more than the entry holds", name, headerLength);
        }
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length < headerLength) {
            throw StoredModel.broken(file, "%s ends inside its npy header; it is truncated", name);
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        Matcher descr = DESCR.matcher(header);
        Matcher order = ORDER.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!header.startsWith("{") || !header.endsWith("}") || !descr.find() || !order.find() || !shape.find()) {
            throw StoredModel.broken(file, "%s has an npy header numpy would not write: %s", name,
                    header.length() > 200 ? header.substring(0, 200) + "..." : header);
        }
        int[] dims = parseShape(file, name, shape.group(1));
        String d = descr.group(1);
        long itemSize = itemSize(d);
        long count = Tensor.count(dims);
        if (itemSize <= 0) {
            throw StoredModel.broken(file, "%s has dtype '%s' but dlbasics model files hold float64 ('<f8'); "
                    + "save array.astype(np.float64)", name, d);
        }
        if (count < 0 || count * itemSize > limit || count * itemSize > Integer.MAX_VALUE - 8) {
            throw StoredModel.broken(file, "%s declares shape %s of '%s', more data than the entry holds", name,
                    Tensor.numpyShape(dims), d);
        }
        int bytes = (int) (count * itemSize);
        byte[] data = in.readNBytes(bytes);
        if (data.length < bytes) {
            throw StoredModel.broken(file, "%s holds %d data bytes but shape %s of '%s' needs %d; it is truncated",
                    name, data.length, Tensor.numpyShape(dims), d, bytes);
        }
        if (in.read() >= 0) {
            throw StoredModel.broken(file, "%s has bytes after its %s data; the entry is damaged", name, Tensor.numpyShape(dims));
        }
        return new Npy(d, order.group(1).equals("True"), dims, data);
    }

    private static int[] parseShape(Path file, String name, String text) {
        String[] parts = text.trim().isEmpty() ? new String[0] : text.split(",");
        List<Integer> dims = new ArrayList<>();
        for (String p : parts) {
            String s = p.trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                dims.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                throw StoredModel.broken(file, "%s has shape (%s); dimensions must be whole numbers", name, text);
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Bytes per item: 8 for '<f8', 4n for '<Un'; -1 for anything else. */
    private static long itemSize(String descr) {
        if (descr.equals("<f8")) {
            return 8;
        }
        if (descr.startsWith("<U")) {
            try {
                long n = Long.parseLong(descr.substring(2));
                return n > 0 && n < 100_000_000 ? 4 * n : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        // a known dtype we reject with a clear message in toTensor: count its size to read it fully
        return switch (descr) {
            case "<f4", "<i4", "<u4", ">f4", ">i4" -> 4;
            case ">f8", "<i8", "<u8", ">i8" -> 8;
            case "|u1", "|i1", "|b1" -> 1;
            case "<f2", "<i2", "<u2" -> 2;
            default -> -1;
        };
    }

    private static Map<String, String> metadata(Path file, Npy npy) {
        if (!npy.descr().startsWith("<U") || npy.shape().length != 0) {
            throw StoredModel.broken(file, "__metadata__.npy is '%s' of shape %s; expected a 0-d unicode array ('<U') "
                    + "holding a JSON object", npy.descr(), Tensor.numpyShape(npy.shape()));
        }
        ByteBuffer b = ByteBuffer.wrap(npy.data()).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder();
        while (b.hasRemaining()) {
            int c = b.getInt();
            if (c == 0) {
                break; // numpy pads shorter strings with NUL
            }
            if (!Character.isValidCodePoint(c)) {
                throw StoredModel.broken(file, "__metadata__.npy holds an invalid character code %d", c);
            }
            s.appendCodePoint(c);
        }
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = SafetensorsFormat.JSON.readTree(s.toString());
        } catch (IOException e) {
            throw StoredModel.broken(file, "__metadata__.npy is not valid JSON (%s)", e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw StoredModel.broken(file, "__metadata__.npy is not a JSON object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> m : node.properties()) {
            if (!m.getValue().isTextual()) {
                throw StoredModel.broken(file, "__metadata__ value \"%s\" is %s; metadata values are strings", m.getKey(),
                        m.getValue().getNodeType());
            }
            metadata.put(m.getKey(), m.getValue().textValue());
        }
        return metadata;
    }
}
