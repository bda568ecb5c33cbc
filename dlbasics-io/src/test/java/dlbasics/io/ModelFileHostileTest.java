package dlbasics.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Broken and hostile model files, one problem at a time: each is refused with an
 * IllegalArgumentException that names the file and the problem. The files are made by editing a
 * valid file's header (a [3, 4, 2, 1] network: W1 4x3, b1 4x1, W2 2x4, b2 2x1, W3 1x2, b3 1x1).
 */
class ModelFileHostileTest {
    @TempDir
    Path dir;

    private Path valid;
    private byte[] validBytes;
    private ObjectNode header;
    private byte[] data;

    @BeforeEach
    void writeAValidFile() throws IOException {
        valid = dir.resolve("valid.safetensors");
        ModelFile.write(TestModels.small(1), valid);
        validBytes = Files.readAllBytes(valid);
        int n = (int) ByteBuffer.wrap(validBytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        header = (ObjectNode) SafetensorsFormat.JSON.readTree(Arrays.copyOfRange(validBytes, 8, 8 + n));
        data = Arrays.copyOfRange(validBytes, 8 + n, validBytes.length);
    }

    // ------------------------------------------------------------------ safetensors layout

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        Path file = write(lengthThenBytes(1_000_000, "{}".getBytes(StandardCharsets.UTF_8)));
        assertRefused(file, "the header length 1000000 is larger than the rest of the file (2 bytes); "
                + "the file is truncated or not a safetensors file");
    }

    @Test
    void headerLengthThatWouldBeNegativeAsASignedNumber() throws IOException {
        Path file = write(lengthThenBytes(-1, new byte[64]));
        assertRefused(file, "the header length 18446744073709551615 is larger than the rest of the file (64 bytes); "
                + "the file is truncated or not a safetensors file");
    }

    @Test
    void fileShorterThanTheLengthField() throws IOException {
        assertRefused(write(new byte[]{1, 2, 3}), "the file is 3 bytes, too short for a safetensors header "
                + "(8-byte length, then JSON); it is truncated or not a model file");
    }

    @Test
    void truncatedData() throws IOException {
        Path file = write(Arrays.copyOf(validBytes, validBytes.length - 8));
        assertRefused(file, "tensor b3's data_offsets [224, 232] reach beyond the data (224 bytes); the file is truncated");
    }

    @Test
    void overlappingOffsets() throws IOException {
        offsets("b1", 64, 96);
        assertRefused(rebuilt(), "tensors W1 [0, 96] and b1 [64, 96] overlap; every tensor needs its own bytes");
    }

    @Test
    void outOfRangeOffsets() throws IOException {
        offsets("b3", 10_000, 10_008);
        assertRefused(rebuilt(), "tensor b3's data_offsets [10000, 10008] reach beyond the data (232 bytes); "
                + "the file is truncated");
    }

    @Test
    void offsetsLeavingAGap() throws IOException {
        offsets("b3", 232, 240);
        data = Arrays.copyOf(data, 240);
        assertRefused(rebuilt(), "bytes [224, 232] of the data belong to no tensor; safetensors tensors must follow "
                + "each other without gaps");
    }

    @Test
    void offsetsThatDoNotMatchTheShape() throws IOException {
        offsets("b3", 224, 240);
        data = Arrays.copyOf(data, 240);
        assertRefused(rebuilt(), "tensor b3 has shape [1,1] (1 float64 values, 8 bytes) but data_offsets [224, 240] span 16 bytes");
    }

    @Test
    void negativeOrReversedOffsets() throws IOException {
        offsets("b3", 232, 224);
        assertRefused(rebuilt(), "tensor b3 has data_offsets [232, 224]; begin must be 0 or more and end at least begin");
    }

    @Test
    void trailingBytesAfterTheLastTensor() throws IOException {
        data = Arrays.copyOf(data, data.length + 8);
        assertRefused(rebuilt(), "the tensors cover 232 bytes but the data holds 240; the file has trailing bytes "
                + "or a tensor is missing from the header");
    }

    @Test
    void wrongDtype() throws IOException {
        ((ObjectNode) header.get("W2")).put("dtype", "F32");
        assertRefused(rebuilt(), "tensor W2 has dtype F32 but dlbasics model files hold F64 (float64); convert it first, "
                + "e.g. tensor.double() in PyTorch or array.astype(np.float64)");
    }

    @Test
    void headerThatIsNotJson() throws IOException {
        assertRefused(write(lengthThenBytes(9, "{\"W1\": [}".getBytes(StandardCharsets.UTF_8))),
                "the header is not valid JSON (");
    }

    @Test
    void headerThatIsNotAnObject() throws IOException {
        assertRefused(write(lengthThenBytes(2, "[]".getBytes(StandardCharsets.UTF_8))),
                "the header does not start with '{'; this is not a safetensors file");
    }

    @Test
    void duplicateKeysInTheHeader() throws IOException {
        byte[] json = "{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8);
        assertRefused(write(lengthThenBytes(json.length, json)), "the header is not valid JSON (Duplicate field 'a')");
    }

    @Test
    void contentAfterTheHeaderObject() throws IOException {
        byte[] json = (SafetensorsFormat.JSON.writeValueAsString(header) + " {\"W9\": 1}").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(lengthThenBytes(json.length, json));
        out.write(data);
        assertRefused(write(out.toByteArray()), "the header is not valid JSON (Trailing token");
    }

    @Test
    void metadataValueThatIsNotAString() throws IOException {
        ((ObjectNode) header.get("__metadata__")).put("format_version", 1);
        assertRefused(rebuilt(), "__metadata__ value \"format_version\" is NUMBER, but safetensors metadata values must be "
                + "strings (JSON-encode structured values)");
    }

    // ------------------------------------------------------------------ metadata and architecture

    @Test
    void unknownVersion() throws IOException {
        meta().put("format_version", "2");
        assertRefused(rebuilt(), "format version 2 is unknown; this dlbasics reads version 1 — a newer dlbasics may have written it");
    }

    @Test
    void aPlainSafetensorsFileWithoutOurMetadata() throws IOException {
        header.remove("__metadata__");
        assertRefused(rebuilt(), "no format / format_version in the metadata, so this is not a dlbasics model file "
                + "(metadata keys: []); dlbasics writes them with ModelFile.write");
    }

    @Test
    void aTensorWhoseShapeDoesNotFitTheArchitecture() throws IOException {
        ObjectNode w1 = (ObjectNode) header.get("W1");
        w1.putArray("shape").add(3).add(4);
        assertRefused(rebuilt(), "tensor W1 has shape (3, 4) but layer_sizes [3, 4, 2, 1] need (4, 3)");
    }

    @Test
    void aBiasStoredAsAVector() throws IOException {
        ((ObjectNode) header.get("b1")).putArray("shape").add(4);
        assertRefused(rebuilt(), "tensor b1 has shape (4,) but layer_sizes [3, 4, 2, 1] need (4, 1)");
    }

    @Test
    void architectureThatDoesNotMatchTheTensors() throws IOException {
        meta().put("layer_sizes", "[3, 5, 2, 1]");
        assertRefused(rebuilt(), "tensor W1 has shape (4, 3) but layer_sizes [3, 5, 2, 1] need (5, 3)");
    }

    @Test
    void aMissingTensor() throws IOException {
        header.remove("b3");
        data = Arrays.copyOf(data, 224);
        assertRefused(rebuilt(), "tensor b3 is missing; layer_sizes [3, 4, 2, 1] need W1..W3 and b1..b3 "
                + "(found [W1, b1, W2, b2, W3])");
    }

    @Test
    void anExtraTensor() throws IOException {
        ObjectNode extra = header.putObject("W4");
        extra.put("dtype", "F64");
        extra.putArray("shape").add(1).add(1);
        extra.putArray("data_offsets").add(232).add(240);
        data = Arrays.copyOf(data, 240);
        assertRefused(rebuilt(), "tensor W4 does not belong to a network with layer_sizes [3, 4, 2, 1] "
                + "(it holds W1..W3 and b1..b3)");
    }

    @Test
    void nonFiniteParameter() throws IOException {
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putDouble(8 * 5, Double.POSITIVE_INFINITY);
        assertRefused(rebuilt(), "tensor W1 holds Infinity at (1, 2); a usable model has finite parameters");
    }

    @Test
    void badMetadataValues() throws IOException {
        meta().put("hidden_activation", "swish");
        assertRefused(rebuilt(), "hidden_activation: Activation.parse: unknown activation \"swish\"; "
                + "valid names are sigmoid, relu, tanh, softmax");
        meta().put("hidden_activation", "softmax");
        assertRefused(rebuilt(), "hidden_activation is softmax; dlbasics networks use relu or tanh hidden layers");
        meta().put("hidden_activation", "relu").put("layer_sizes", "[3, 4, 2, 1");
        assertRefused(rebuilt(), "layer_sizes is not valid JSON: [3, 4, 2, 1");
        meta().put("layer_sizes", "[3, 4, 2, 1]").put("training",
                "{\"learning_rate\": -1, \"iterations\": 300, \"initializer\": \"HE\", \"seed\": 1, \"cost_every\": 100}");
        assertRefused(rebuilt(), "training settings are invalid: TrainingSettings: learningRate is -1.0; "
                + "it must be a finite number above 0 (the course uses 0.0075 to 1.2)");
        meta().put("training",
                "{\"learning_rate\": 1, \"iterations\": 300, \"initializer\": \"MAGIC\", \"seed\": 1, \"cost_every\": 100}");
        assertRefused(rebuilt(), "training.initializer is \"MAGIC\"; known initializers are [ZEROS, SMALL_RANDOM, SCALED_BY_FAN_IN, HE, RANDOM, XAVIER]");
        meta().put("training", TestModels.small(1).settings().toString()).put("input_scale", "0");
        assertRefused(rebuilt(), "training is not valid JSON: TrainingSettings[");
    }

    // ------------------------------------------------------------------ npz

    @Test
    void npzWithWrongDtype() throws IOException {
        Path file = npz(zip -> {
            put(zip, "W1.npy", NpzFormat.npy("<f4", new int[]{4, 3}, new byte[48]));
        });
        assertRefused(file, "W1.npy has dtype '<f4' but dlbasics model files hold float64 ('<f8'); save array.astype(np.float64)");
    }

    @Test
    void npzWithPickledObjectsIsRefusedWithoutUnpickling() throws IOException {
        Path file = npz(zip -> put(zip, "W1.npy", NpzFormat.npy("|O", new int[]{1}, "cos\nsystem\n(S'echo'\ntR.".getBytes(StandardCharsets.ISO_8859_1))));
        assertRefused(file, "W1.npy has dtype '|O' but dlbasics model files hold float64 ('<f8'); save array.astype(np.float64)");
    }

    @Test
    void npzWhoseArrayClaimsMoreDataThanItHolds() throws IOException {
        byte[] npy = NpzFormat.npy("<f8", new int[]{4, 3}, new byte[96]);
        byte[] lying = Arrays.copyOf(npy, npy.length);
        String text = new String(lying, StandardCharsets.ISO_8859_1).replace("(4, 3)", "(9, 9)");
        Path file = npz(zip -> put(zip, "W1.npy", text.getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused(file, "W1.npy declares shape (9, 9) of '<f8', more data than the entry holds");
        Path huge = npz(zip -> put(zip, "W1.npy",
                text.replace("(9, 9)", "(99999, 99999)").getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused(huge, "W1.npy declares shape (99999, 99999) of '<f8', more data than the entry holds");
    }

    @Test
    void npzWithoutMetadata() throws IOException {
        Path file = npz(zip -> put(zip, "W1.npy", NpzFormat.npy("<f8", new int[]{1, 1}, new byte[8])));
        assertRefused(file, "the npz has no __metadata__ array; it is not a dlbasics model file (arrays found: [W1])");
    }

    @Test
    void npzWithAStrangeEntry() throws IOException {
        Path file = npz(zip -> put(zip, "../../evil.sh", "rm -rf /".getBytes(StandardCharsets.US_ASCII)));
        assertRefused(file, "entry \"../../evil.sh\" is not an array of a model file; an npz holds W1.npy, b1.npy, ... "
                + "and __metadata__.npy");
    }

    @Test
    void npzWithANonNumpyEntry() throws IOException {
        Path file = npz(zip -> put(zip, "W1.npy", "not numpy".getBytes(StandardCharsets.US_ASCII)));
        assertRefused(file, "W1.npy does not start with the npy magic \\x93NUMPY; it is not a numpy array");
    }

    @Test
    void npzWithAnUnknownVersion() throws IOException {
        StoredModel stored = ModelFile.toStored(TestModels.small(1));
        stored.metadata().put("format_version", "7");
        Path npz = dir.resolve("future.npz");
        try (var out = Files.newOutputStream(npz)) {
            NpzFormat.write(stored, out);
        }
        assertRefused(npz, "format version 7 is unknown; this dlbasics reads version 1 — a newer dlbasics may have written it");
    }

    @Test
    void npzWithADamagedByteFailsItsCrc() throws IOException {
        Path npz = dir.resolve("model.npz");
        ModelFile.write(TestModels.small(1), npz, ModelFile.Format.NPZ);
        byte[] bytes = Files.readAllBytes(npz);
        // the metadata JSON is stored uncompressed: change one character of it in place
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        String version = utf32("\"format_version\":\"1\"");
        assertTrue(latin.contains(version), "fixture layout");
        Files.write(npz, latin.replace(version, utf32("\"format_version\":\"7\"")).getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(npz, "__metadata__.npy fails its CRC check; the file is damaged");
    }

    // ------------------------------------------------------------------ every cut and random damage

    @ParameterizedTest
    @EnumSource(ModelFile.Format.class)
    void everyTruncationIsRefusedClearly(ModelFile.Format format) throws IOException {
        Path whole = dir.resolve("whole" + format.extension());
        ModelFile.write(TestModels.small(1), whole, format);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut" + format.extension());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            // every cut in the first 64 bytes (length field, start of header), then every third byte
            for (int length = 0; length < bytes.length; length += length < 64 ? 1 : 3) {
                Files.write(cut, Arrays.copyOf(bytes, length));
                try {
                    ModelFile.read(cut);
                    fail(format + " cut to " + length + " of " + bytes.length + " bytes was accepted");
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage().startsWith("ModelFile.read: " + cut + ": "),
                            "cut to " + length + ": " + e.getMessage());
                }
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ModelFile.Format.class)
    void randomDamageIsReadOrRefusedNeverAnythingElse(ModelFile.Format format) throws IOException {
        Path whole = dir.resolve("whole" + format.extension());
        ModelFile.write(TestModels.small(1), whole, format);
        byte[] bytes = Files.readAllBytes(whole);
        Path damaged = dir.resolve("damaged" + format.extension());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (long seed = 0; seed < 300; seed++) {
                Random random = new Random(seed);
                byte[] copy = bytes.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                Files.write(damaged, copy);
                try {
                    ModelFile.read(damaged);
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage().startsWith("ModelFile.read: " + damaged + ": "),
                            format + " seed " + seed + ": " + e.getMessage());
                } catch (RuntimeException e) {
                    fail(format + " seed " + seed + ": expected IllegalArgumentException, got " + e, e);
                }
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private ObjectNode meta() {
        return (ObjectNode) header.get("__metadata__");
    }

    private void offsets(String tensor, long begin, long end) {
        ((ObjectNode) header.get(tensor)).putArray("data_offsets").add(begin).add(end);
    }

    private Path rebuilt() throws IOException {
        byte[] json = SafetensorsFormat.JSON.writeValueAsBytes(header);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(lengthThenBytes(json.length, json));
        out.write(data);
        return write(out.toByteArray());
    }

    private static byte[] lengthThenBytes(long length, byte[] rest) {
        return ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN).putLong(length).put(rest).array();
    }

    private int files;

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("hostile-" + (files++) + ".safetensors");
        Files.write(file, bytes);
        return file;
    }

    private interface ZipContent {
        void fill(ZipOutputStream zip) throws IOException;
    }

    private Path npz(ZipContent content) throws IOException {
        Path file = dir.resolve("hostile-" + (files++) + ".npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            content.fill(zip);
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String utf32(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c).append("\0\0\0");
        }
        return b.toString();
    }

    private static void assertRefused(Path file, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.read(file));
        String prefix = "ModelFile.read: " + file + ": ";
        assertTrue(e.getMessage().startsWith(prefix + problem), "expected\n" + prefix + problem + "\nbut got\n" + e.getMessage());
    }
}
