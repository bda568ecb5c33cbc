package dlbasics.io;

import dlbasics.matrix.Matrix;
import dlbasics.model.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional column keys of a model file: written, read back bit for bit, absent from older files. */
class ModelColumnsTest {
    @TempDir
    Path dir;

    static final ModelColumns COLUMNS = new ModelColumns(List.of("age", "income", "visits"), "bought",
            new Standardization(Matrix.column(41.5, 63.25, 1.0 / 3), Matrix.column(12.1, 30.0, 0.1)));

    @ParameterizedTest
    @EnumSource(ModelFile.Format.class)
    void columnsRoundTripInBothFormats(ModelFile.Format format) {
        Path path = dir.resolve("m" + format.extension());
        TrainedModel model = TestModels.small(1);
        ModelFile.write(model, COLUMNS, path, format);
        TestModels.assertSameModel(model, ModelFile.read(path));
        ModelColumns back = ModelFile.readColumns(path).orElseThrow();
        assertEquals(COLUMNS.features(), back.features());
        assertEquals("bought", back.label());
        assertArrayEquals(COLUMNS.mean(), back.mean(), 0.0);
        assertArrayEquals(COLUMNS.scale(), back.scale(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dlbasics-v1.safetensors", "dlbasics-v1.npz", "numpy-v1.safetensors", "numpy-v1.npz"})
    void olderFilesHaveNoColumnsAndStillLoad(String name) throws Exception {
        Path path = Path.of(getClass().getResource("modelfiles/" + name).toURI());
        ModelFile.read(path);
        assertFalse(ModelFile.readColumns(path).isPresent());
    }

    @Test
    void columnsMustFitTheNetwork() {
        TrainedModel model = TestModels.small(2); // 3 inputs
        ModelColumns two = new ModelColumns(List.of("a", "b"), "y", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.write(model, two, dir.resolve("x.safetensors"), ModelFile.Format.SAFETENSORS));
        assertEquals("ModelFile.write: the network takes 3 inputs but columns name 2 features [a, b]", e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.safetensors")));
        e = assertThrows(IllegalArgumentException.class, () -> new ModelColumns(List.of("a", "y"), "y", null));
        assertTrue(e.getMessage().contains("the label \"y\" is also a feature"), e.getMessage());
    }
}
