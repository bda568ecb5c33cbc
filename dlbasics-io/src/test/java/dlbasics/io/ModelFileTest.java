package dlbasics.io;

import dlbasics.model.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing and reading model files: round trips, atomicity, permissions. Hostile files: {@link ModelFileHostileTest}. */
class ModelFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ModelFile.Format.class)
    void roundTripKeepsEveryBitOfParametersAndMetadata(ModelFile.Format format) {
        for (long seed : new long[]{0, 1, 42}) {
            TrainedModel model = TestModels.small(seed);
            Path path = dir.resolve("model-" + seed + format.extension());
            ModelFile.write(model, path, format);
            assertEquals(format, ModelFile.detect(path), "format detected from the bytes, seed " + seed);
            TestModels.assertSameModel(model, ModelFile.read(path));
        }
    }

    @Test
    void defaultFormatIsSafetensorsWithAlignedHeader() throws IOException {
        Path path = dir.resolve("model.bin");
        ModelFile.write(TestModels.small(3), path);
        byte[] bytes = Files.readAllBytes(path);
        long n = java.nio.ByteBuffer.wrap(bytes, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "header padded to 8 bytes");
        String header = new String(bytes, 8, (int) n, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"dlbasics-model\",\"format_version\":\"1\","), header);
        assertTrue(header.contains("\"W1\":{\"dtype\":\"F64\",\"shape\":[4,3],\"data_offsets\":[0,96]}"), header);
        // parameters: 4*3 + 4 + 2*4 + 2 + 1*2 + 1 = 29 float64 values
        assertEquals(8 + n + 29 * 8, bytes.length);
    }

    @Test
    void nonFiniteCostsSurviveTheTripAsStrings() {
        TrainedModel model = TestModels.small(5);
        TrainedModel odd = new TrainedModel(model.network(), model.classNames(), model.inputScale(), model.settings(),
                new double[]{Double.NaN, Double.POSITIVE_INFINITY, 0.25});
        Path path = dir.resolve("odd.safetensors");
        ModelFile.write(odd, path);
        assertArrayEquals(new double[]{Double.NaN, Double.POSITIVE_INFINITY, 0.25}, ModelFile.read(path).costs(), 0.0);
    }

    @ParameterizedTest
    @EnumSource(ModelFile.Format.class)
    void classNamesOutsideAsciiSurviveTheTrip(ModelFile.Format format) {
        TrainedModel model = TestModels.small(6);
        TrainedModel named = new TrainedModel(model.network(), List.of("chien \"Rex\"", "chat \uD83D\uDC31 \u00e9t\u00e9"),
                model.inputScale(), model.settings(), model.costs());
        Path path = dir.resolve("named" + format.extension());
        ModelFile.write(named, path, format);
        assertEquals(named.classNames(), ModelFile.read(path).classNames());
    }

    @Test
    void readingAFolderSaysWhatToGive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.read(dir));
        assertEquals("ModelFile.read: " + dir.toAbsolutePath() + " is a folder; give the model file inside it "
                + "(a checkpoint folder is read with Checkpoint.read)", e.getMessage());
    }

    @Test
    void overwritingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path path = dir.resolve("model.safetensors");
        ModelFile.write(TestModels.small(1), path);
        ModelFile.write(TestModels.small(2), path);
        TestModels.assertSameModel(TestModels.small(2), ModelFile.read(path));
        assertEquals(List.of(path), listing());
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path path = dir.resolve("model.safetensors");
        ModelFile.write(TestModels.small(1), path);
        byte[] before = Files.readAllBytes(path);

        IOException boom = new IOException("disk full (simulated)");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () ->
                AtomicFiles.write("ModelFile.write", path, out -> {
                    out.write(new byte[100_000]); // part of the content reaches the temporary file
                    throw boom;
                }));
        assertTrue(e.getMessage().startsWith("ModelFile.write: could not write " + path.toAbsolutePath()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(path), "old file intact");
        assertEquals(List.of(path), listing(), "no temporary file left");

        RuntimeException bug = new IllegalStateException("bug in the middle of writing");
        assertThrows(IllegalStateException.class, () ->
                AtomicFiles.write("ModelFile.write", path, out -> {
                    out.write(1);
                    throw bug;
                }));
        assertArrayEquals(before, Files.readAllBytes(path), "old file intact after a runtime failure");
        assertEquals(List.of(path), listing(), "no temporary file left after a runtime failure");
    }

    @Test
    void aModelWithNaNParametersIsRefusedBeforeTouchingTheFile() throws IOException {
        Path path = dir.resolve("model.safetensors");
        ModelFile.write(TestModels.small(1), path);
        byte[] before = Files.readAllBytes(path);
        TrainedModel broken = TestModels.small(2);
        broken.network().W(2).set(1, 3, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.write(broken, path));
        assertEquals("ModelFile.write: W2 holds NaN at (1, 3); a model with non-finite parameters cannot be used — "
                + "retrain with a smaller learning rate", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(path));
        assertEquals(List.of(path), listing());
    }

    @Test
    void aFailedRenameLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "a non-empty folder cannot be replaced by a file");
        assertThrows(UncheckedIOException.class, () -> ModelFile.write(TestModels.small(1), target));
        assertEquals(List.of(target), listing());
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void aMissingFolderIsNamed() {
        Path path = dir.resolve("no/such/folder/model.safetensors");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ModelFile.write(TestModels.small(1), path));
        assertEquals("ModelFile.write: the folder of " + path.toAbsolutePath() + " does not exist; create it first",
                e.getCause().getMessage());
    }

    @ParameterizedTest
    @EnumSource(ModelFile.Format.class)
    void permissionsAreThoseOfAnOrdinaryNewFile(ModelFile.Format format) throws IOException {
        Path ordinary = Files.createFile(dir.resolve("ordinary.txt"));
        Set<PosixFilePermission> expected;
        try {
            expected = Files.getPosixFilePermissions(ordinary);
        } catch (UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("no POSIX permissions on this file system");
            return;
        }
        Path path = dir.resolve("model" + format.extension());
        ModelFile.write(TestModels.small(1), path, format);
        assertEquals(expected, Files.getPosixFilePermissions(path));
    }

    @Test
    void readingAMissingFileNamesIt() {
        Path path = dir.resolve("missing.safetensors");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.read(path));
        assertEquals("ModelFile.read: file not found: " + path.toAbsolutePath()
                + "; train a model and save it with ModelFile.write first", e.getMessage());
    }

    @Test
    void formatNamesParseForTheCommandLine() {
        assertEquals(ModelFile.Format.NPZ, ModelFile.Format.parse("npz"));
        assertEquals(ModelFile.Format.SAFETENSORS, ModelFile.Format.parse(" SafeTensors "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.Format.parse("pickle"));
        assertEquals("ModelFile.Format: unknown format \"pickle\"; use safetensors or npz", e.getMessage());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().equals("ordinary.txt")).sorted().toList();
        }
    }
}
