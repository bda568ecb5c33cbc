package dlbasics.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a model file holds before it is checked against the architecture: named float64 tensors and
 * the string metadata. Both formats read into and write from this.
 *
 * @param tensors  W1, b1, ... in file order
 * @param metadata string keys and string values (structured values JSON-encoded), see {@link ModelMetadata}
 */
record StoredModel(Map<String, Tensor> tensors, Map<String, String> metadata) {
    /** A reading error: {@code ModelFile.read: <file>: <problem>}. */
    static IllegalArgumentException broken(Path file, String problem, Object... args) {
        return new IllegalArgumentException("ModelFile.read: " + file + ": " + String.format(problem, args));
    }
}
