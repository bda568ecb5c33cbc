package dlbasics.io;

import dlbasics.model.Network;
import dlbasics.model.TrainedModel;
import dlbasics.model.TrainingSettings;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every released model file version stays loadable. {@code modelfiles/dlbasics-v1.safetensors} and
 * {@code dlbasics-v1.npz} were written once by {@link #writeVersionOneFixtures} with the version 1
 * writer and are checked in; they must load, bit for bit, as long as dlbasics exists. When the format
 * changes, bump {@link ModelFile#FORMAT_VERSION}, keep these files and add the new version's beside them.
 *
 * <p>To (re)write them (only when adding a version, never to make a failing test pass):
 * {@code mvn -pl dlbasics-io -am test -Dtest=ModelFileVersionsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddlbasics.writeFixtures=$PWD/dlbasics-io/src/test/resources/dlbasics/io/modelfiles}
 */
class ModelFileVersionsTest {
    /** The model the version 1 files hold. Frozen: do not change, the checked-in files depend on it. */
    static TrainedModel versionOneModel() {
        NumpyRandom rng = new NumpyRandom(2024);
        Network network = Network.of(Activation.RELU, 5, 3, 1).initialize(Initializer.SCALED_BY_FAN_IN, rng);
        for (int l = 1; l <= network.numLayers(); l++) {
            double[] b = network.b(l).data();
            for (int i = 0; i < b.length; i++) {
                b[i] = rng.nextGaussian() * 0.1;
            }
        }
        return new TrainedModel(network, List.of("non-cat", "cat"), 1 / 255.0,
                new TrainingSettings(0.0075, 2500, Initializer.SCALED_BY_FAN_IN, 2024, 100),
                new double[]{0.7717493284237686, 0.6720534400822913, 0.0928782609352216});
    }

    @ParameterizedTest
    @ValueSource(strings = {"dlbasics-v1.safetensors", "dlbasics-v1.npz"})
    void versionOneFilesStillLoad(String name) {
        Path file = ModelFileInteropTest.resource(name);
        TestModels.assertSameModel(versionOneModel(), ModelFile.read(file));
    }

    /** Version 1 files from before model files kept their training state: still models, not resumable. */
    @ParameterizedTest
    @ValueSource(strings = {"dlbasics-v1.safetensors", "dlbasics-v1.npz"})
    void versionOneFilesWithoutStateAreNotResumable(String name) {
        Path file = ModelFileInteropTest.resource(name);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.readFile(file));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(": no training_state in the metadata: the model was saved "
                + "without its training state"), e.getMessage());
    }

    @Test
    void theWriterStillWritesVersionOne() {
        assertEquals(1, ModelFile.FORMAT_VERSION, "a new version needs its own checked-in files in this test");
    }

    @Test
    @EnabledIfSystemProperty(named = "dlbasics.writeFixtures", matches = ".+")
    void writeVersionOneFixtures() {
        Path folder = Path.of(System.getProperty("dlbasics.writeFixtures"));
        ModelFile.write(versionOneModel(), folder.resolve("dlbasics-v1.safetensors"), ModelFile.Format.SAFETENSORS);
        ModelFile.write(versionOneModel(), folder.resolve("dlbasics-v1.npz"), ModelFile.Format.NPZ);
    }
}
