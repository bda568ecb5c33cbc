package dlbasics.io;

import com.fasterxml.jackson.databind.JsonNode;
import dlbasics.matrix.Matrix;
import dlbasics.model.TrainedModel;
import dlbasics.model.TrainingSettings;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Model files cross the Java / numpy border both ways: files that make_numpy_model_files.py wrote
 * with numpy, json and struct load in Java, and files Java writes are opened and checked by
 * verify_model_file.py (numpy alone), which also runs the network's forward pass.
 */
class ModelFileInteropTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(ModelFileInteropTest.class.getResource("modelfiles/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource modelfiles/" + name + " is missing", e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"numpy-v1.safetensors", "numpy-v1.npz"})
    void numpyWrittenFilesLoad(String name) {
        TrainedModel model = ModelFile.read(resource(name));
        // the formulas in make_numpy_model_files.py
        double[] w1 = new double[12];
        for (int i = 0; i < 12; i++) {
            w1[i] = (i - 5.5) / 8;
        }
        double[] w2 = new double[8];
        for (int i = 0; i < 8; i++) {
            w2[i] = (i - 3) / 16.0;
        }
        assertArrayEquals(new int[]{3, 4, 2, 1}, model.network().layerDims());
        assertEquals(Activation.RELU, model.network().hiddenActivation());
        assertEquals(Matrix.of(4, 3, w1), model.network().W(1));
        assertEquals(Matrix.column(0.5, -0.25, 0.125, 1.0), model.network().b(1));
        assertEquals(Matrix.of(2, 4, w2), model.network().W(2));
        assertEquals(Matrix.column(-1.0, 2.0), model.network().b(2));
        assertEquals(Matrix.row(0.75, -1.5), model.network().W(3));
        assertEquals(Matrix.column(0.0625), model.network().b(3));
        assertEquals(List.of("non-cat", "cat"), model.classNames());
        assertEquals(1 / 255.0, model.inputScale(), 0.0);
        assertEquals(new TrainingSettings(0.01, 100, Initializer.HE, 3, 50), model.settings());
        assertArrayEquals(new double[]{0.6931471805599453, 0.5}, model.costs(), 0.0);
    }

    @ParameterizedTest
    @EnumSource(ModelFile.Format.class)
    void javaWrittenFilesOpenInNumpyWithEveryBitAndTheSameOutputs(ModelFile.Format format) throws IOException {
        Python.assumeNumpy();
        for (long seed : new long[]{7, 8}) {
            TrainedModel model = TestModels.small(seed);
            Path path = dir.resolve("java-" + seed + format.extension());
            ModelFile.write(model, path, format);

            Python.Result result = Python.script(resource("verify_model_file.py"), path.toString());
            assertEquals(0, result.exitCode(), "verify_model_file.py failed on " + path + ":\n" + result.stderr());
            JsonNode seen = SafetensorsFormat.JSON.readTree(result.stdout());

            assertEquals(format == ModelFile.Format.NPZ ? "npz" : "safetensors", seen.get("kind").textValue());
            for (int l = 1; l <= model.network().numLayers(); l++) {
                assertTensor(seen, "W" + l, model.network().W(l));
                assertTensor(seen, "b" + l, model.network().b(l));
            }
            Map<String, String> metadata = ModelMetadata.of(model);
            assertEquals(metadata.size(), seen.get("metadata").size(), "metadata keys");
            metadata.forEach((k, v) -> assertEquals(v, seen.get("metadata").get(k).textValue(), "metadata " + k));

            // the same forward pass in numpy and Java (np.dot may sum in another order: 1e-12)
            Matrix X = Matrix.zeros(3, 5);
            for (int i = 0; i < 15; i++) {
                X.data()[i] = -1.0 + 2.0 * i / 14;
            }
            double[] java = model.network().predictProbabilities(X).data();
            JsonNode numpy = seen.get("probabilities");
            for (int j = 0; j < java.length; j++) {
                assertEquals(numpy.get(j).doubleValue(), java[j], 1e-12, "probability " + j + ", seed " + seed);
            }
        }
    }

    @Test
    void theFixtureScriptsAgreeWithTheCheckedInFiles() throws IOException {
        // the numpy-written fixtures pass the same numpy checks as Java's own files
        Python.assumeNumpy();
        for (String name : List.of("numpy-v1.safetensors", "numpy-v1.npz")) {
            Python.Result result = Python.script(resource("verify_model_file.py"), resource(name).toString());
            assertEquals(0, result.exitCode(), name + ":\n" + result.stderr());
        }
    }

    private static void assertTensor(JsonNode seen, String name, Matrix expected) {
        JsonNode t = seen.get("tensors").get(name);
        assertEquals(expected.rows(), t.get("shape").get(0).intValue(), name + " rows");
        assertEquals(expected.cols(), t.get("shape").get(1).intValue(), name + " cols");
        double[] values = new double[t.get("values").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = t.get("values").get(i).doubleValue();
        }
        assertArrayEquals(expected.data(), values, 0.0, name + " bit for bit");
    }
}
