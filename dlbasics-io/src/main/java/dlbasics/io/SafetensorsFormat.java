package dlbasics.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors layout (https://github.com/huggingface/safetensors):
 * <pre>
 * [8 bytes]  N, the header length, unsigned little-endian
 * [N bytes]  a UTF-8 JSON object: {"__metadata__": {string: string, ...},
 *                                  "W1": {"dtype": "F64", "shape": [4, 3], "data_offsets": [begin, end]}, ...}
 *            padded with spaces to a multiple of 8
 * [rest]     the tensors' bytes, little-endian, C order; offsets count from the start of this part
 * </pre>
 * Reading trusts nothing: the header length is checked against the file size before anything is
 * allocated, every tensor's byte range must lie inside the data, match its shape and dtype, and the
 * ranges must tile the data exactly (no overlaps, no gaps), as the reference implementation demands.
 */
final class SafetensorsFormat {
    /** The header may not exceed 100 MB (the reference implementation's limit). */
    static final long MAX_HEADER = 100_000_000L;
    static final String METADATA = "__metadata__";

    /** Strict JSON: duplicate keys and trailing content are errors, nesting and string sizes are bounded. */
    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64).maxStringLength((int) MAX_HEADER).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SafetensorsFormat() {
    }

    static void write(StoredModel model, OutputStream out) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode meta = header.putObject(METADATA);
        model.metadata().forEach(meta::put);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : model.tensors().entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F64");
            ArrayNode shape = t.putArray("shape");
            for (int d : e.getValue().shape()) {
                shape.add(d);
            }
            long bytes = 8L * e.getValue().data().length;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        out.write(head.array());
        ByteBuffer chunk = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : model.tensors().values()) {
            for (double v : t.data()) {
                if (!chunk.hasRemaining()) {
                    out.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
                chunk.putDouble(v);
            }
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    private record Entry(String name, int[] shape, long begin, long end) {
    }

    static StoredModel read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw StoredModel.broken(file, "the file is %d bytes, too short for a safetensors header "
                        + "(8-byte length, then JSON); it is truncated or not a model file", size);
            }
            ByteBuffer lengthBytes = readFully(channel, 0, 8, file).order(ByteOrder.LITTLE_ENDIAN);
            long n = lengthBytes.getLong();
            if (n < 0 || n > size - 8) {
                throw StoredModel.broken(file, "the header length %s is larger than the rest of the file (%d bytes); "
                        + "the file is truncated or not a safetensors file", Long.toUnsignedString(n), size - 8);
            }
            if (n > MAX_HEADER) {
                throw StoredModel.broken(file, "the header length %d exceeds the 100 MB that safetensors allows", n);
            }
            if (n < 2) {
                throw StoredModel.broken(file, "the header length is %d; a safetensors header is a JSON object", n);
            }
            byte[] headerBytes = readFully(channel, 8, (int) n, file).array();
            if (headerBytes[0] != '{') {
                throw StoredModel.broken(file, "the header does not start with '{'; this is not a safetensors file");
            }
            JsonNode header;
            try {
                header = JSON.readTree(headerBytes);
            } catch (JsonProcessingException e) {
                throw StoredModel.broken(file, "the header is not valid JSON (%s)", e.getOriginalMessage());
            }
            if (header == null || !header.isObject()) {
                throw StoredModel.broken(file, "the header is not a JSON object");
            }
            long dataStart = 8 + n;
            long dataLength = size - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : header.properties()) {
                if (field.getKey().equals(METADATA)) {
                    readMetadata(file, field.getValue(), metadata);
                } else {
                    entries.add(entry(file, field.getKey(), field.getValue()));
                }
            }
            checkLayout(file, entries, dataLength);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry e : entries) {
                int count = (int) ((e.end() - e.begin()) / 8);
                ByteBuffer bytes = readFully(channel, dataStart + e.begin(), 8 * count, file).order(ByteOrder.LITTLE_ENDIAN);
                double[] values = new double[count];
                bytes.asDoubleBuffer().get(values);
                tensors.put(e.name(), new Tensor(e.shape(), values));
            }
            return new StoredModel(tensors, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("ModelFile.read: " + file + ": cannot read (" + e + ")", e);
        }
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> metadata) {
        if (!node.isObject()) {
            throw StoredModel.broken(file, "__metadata__ is not a JSON object of strings");
        }
        for (Map.Entry<String, JsonNode> m : node.properties()) {
            if (!m.getValue().isTextual()) {
                throw StoredModel.broken(file, "__metadata__ value \"%s\" is %s, but safetensors metadata values "
                        + "must be strings (JSON-encode structured values)", m.getKey(), m.getValue().getNodeType());
            }
            metadata.put(m.getKey(), m.getValue().textValue());
        }
    }

    private static Entry entry(Path file, String name, JsonNode node) {
        if (!node.isObject()) {
            throw StoredModel.broken(file, "tensor %s is not described by a JSON object", name);
        }
        JsonNode dtype = node.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw StoredModel.broken(file, "tensor %s has no dtype", name);
        }
        if (!dtype.textValue().equals("F64")) {
            throw StoredModel.broken(file, "tensor %s has dtype %s but dlbasics model files hold F64 (float64); "
                    + "convert it first, e.g. tensor.double() in PyTorch or array.astype(np.float64)", name, dtype.textValue());
        }
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray() || shapeNode.size() > 8) {
            throw StoredModel.broken(file, "tensor %s has no shape array", name);
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() < 0) {
                throw StoredModel.broken(file, "tensor %s has shape %s; dimensions must be whole numbers 0 or more",
                        name, shapeNode);
            }
            shape[i] = d.intValue();
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2
                || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()
                || !offsets.get(0).isIntegralNumber() || !offsets.get(1).isIntegralNumber()) {
            throw StoredModel.broken(file, "tensor %s has data_offsets %s; expected [begin, end] byte offsets",
                    name, offsets);
        }
        long begin = offsets.get(0).longValue();
        long end = offsets.get(1).longValue();
        if (begin < 0 || end < begin) {
            throw StoredModel.broken(file, "tensor %s has data_offsets [%d, %d]; begin must be 0 or more and end at least begin",
                    name, begin, end);
        }
        long count = Tensor.count(shape);
        if (count < 0) {
            throw StoredModel.broken(file, "tensor %s has shape %s, too many values for one array", name, shapeNode);
        }
        if (8 * count != end - begin) {
            throw StoredModel.broken(file, "tensor %s has shape %s (%d float64 values, %d bytes) but data_offsets [%d, %d] "
                    + "span %d bytes", name, shapeNode, count, 8 * count, begin, end, end - begin);
        }
        return new Entry(name, shape, begin, end);
    }

    /** Ranges sorted by start must follow each other exactly, from 0 to the end of the data. */
    private static void checkLayout(Path file, List<Entry> entries, long dataLength) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.end() > dataLength) {
                throw StoredModel.broken(file, "tensor %s's data_offsets [%d, %d] reach beyond the data (%d bytes); "
                        + "the file is truncated", e.name(), e.begin(), e.end(), dataLength);
            }
            if (e.begin() < expected) {
                throw StoredModel.broken(file, "tensors %s [%d, %d] and %s [%d, %d] overlap; every tensor needs its own bytes",
                        previous.name(), previous.begin(), previous.end(), e.name(), e.begin(), e.end());
            }
            if (e.begin() > expected) {
                throw StoredModel.broken(file, "bytes [%d, %d] of the data belong to no tensor; safetensors tensors "
                        + "must follow each other without gaps", expected, e.begin());
            }
            expected = e.end();
            previous = e;
        }
        if (expected != dataLength) {
            throw StoredModel.broken(file, "the tensors cover %d bytes but the data holds %d; the file has trailing bytes "
                    + "or a tensor is missing from the header", expected, dataLength);
        }
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw StoredModel.broken(file, "the file ended at byte %d while reading %d bytes at %d; it is truncated",
                        position + buffer.position(), length, position);
            }
        }
        return buffer.flip();
    }
}
