package dlbasics.io;

import dlbasics.matrix.Matrix;
import dlbasics.model.Network;
import dlbasics.model.TrainedModel;
import dlbasics.model.TrainingState;
import dlbasics.model.UpdateRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Saves and loads trained models in files that numpy and PyTorch can open.
 *
 * <p>The default format is <b>safetensors</b>: the parameters as float64 tensors named as the course
 * names them (W1 is {@code n1 x n0}, b1 is {@code n1 x 1}, ...), and in the header's
 * {@code __metadata__} everything else a user needs: format version, layer sizes and activations, the
 * input scale, class names, training settings and the cost history ({@link ModelMetadata} lists the
 * keys). {@code safetensors.numpy.load_file(path)} or {@code safetensors.torch.load_file(path)} read
 * it. {@link Format#NPZ} writes the same content as a numpy {@code .npz} instead ({@link NpzFormat}):
 * {@code np.load(path)["W1"]}. {@link #read} detects the format from the file's first bytes.
 *
 * <p>Writes are atomic ({@link AtomicFiles}): the previous file stays intact if anything fails.
 * Reads trust nothing: a truncated or hostile file is refused with an {@link IllegalArgumentException}
 * naming the file and the problem, without allocating more than the file could hold and without
 * running any code from it (no Java serialization, no pickles).
 */
public final class ModelFile {
    /** The file format. */
    public enum Format {
        /** safetensors: 8-byte header length, JSON header with metadata, raw little-endian float64 tensors. */
        SAFETENSORS,
        /** numpy .npz: one '&lt;f8' .npy per tensor plus __metadata__.npy (a 0-d unicode array of JSON). */
        NPZ;

        /** Parses "safetensors" or "npz" (any case), e.g. from a {@code --format} option. */
        public static Format parse(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("ModelFile.Format: unknown format \"" + name + "\"; use safetensors or npz");
        }

        /** The usual file extension: ".safetensors" or ".npz". */
        public String extension() {
            return "." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The model file format version this code writes (and the only one it reads, so far). */
    public static final int FORMAT_VERSION = ModelMetadata.VERSION;

    private ModelFile() {
    }

    /** Writes {@code model} to {@code path} as safetensors, atomically. */
    public static void write(TrainedModel model, Path path) {
        write(model, path, Format.SAFETENSORS);
    }

    /**
     * Writes {@code model} to {@code path} in {@code format}, atomically: the old file, if any, stays
     * intact when writing fails, and no temporary file is left behind.
     *
     * @throws IllegalArgumentException if a parameter is NaN or infinite (such a model cannot be used)
     * @throws UncheckedIOException     naming the path if the folder is missing or the disk fails
     */
    public static void write(TrainedModel model, Path path, Format format) {
        write(model, null, path, format);
    }

    /**
     * Writes {@code model} with the table columns it was trained on ({@link ModelColumns}; null for
     * none), atomically, so that readers match input columns by name.
     */
    public static void write(TrainedModel model, ModelColumns columns, Path path, Format format) {
        writeStored(stored(model, columns), path, format);
    }

    /**
     * Writes {@code model} with its columns (null for none) and the training state it ended in: the
     * iteration, costs, generator, the update rule {@code rule} with its state (Adam's moments and step
     * count, momentum's velocity, RMSprop's squares) and the early-stopping watch, in the metadata key
     * {@code training_state} as a {@link Checkpoint} stores it, so that training continues from the file
     * bit for bit ({@link Checkpoint#readFile}, {@code train --resume FILE}). {@code model}'s parameters
     * must be the trained ones (not with a standardisation folded in).
     */
    public static void write(TrainedModel model, ModelColumns columns, TrainingState state, UpdateRule rule, Path path, Format format) {
        if (state == null || rule == null) {
            throw new IllegalArgumentException("ModelFile.write: state and rule must not be null; use write(model, columns, path, format) "
                    + "for a model without its training state");
        }
        if (!java.util.Arrays.equals(state.costs(), model.costs())) {
            throw new IllegalArgumentException(String.format("ModelFile.write: the model holds %d costs but the training state %d; "
                    + "save the model and the state of the same run", model.costs().length, state.costs().length));
        }
        StoredModel stored = stored(model, columns);
        stored.metadata().put(Checkpoint.STATE_KEY, Checkpoint.encode(state, rule));
        writeStored(stored, path, format);
    }

    private static StoredModel stored(TrainedModel model, ModelColumns columns) {
        if (columns != null && columns.features().size() != model.network().inputSize()) {
            throw new IllegalArgumentException(String.format("ModelFile.write: the network takes %d inputs but columns name %d features %s",
                    model.network().inputSize(), columns.features().size(), columns.features()));
        }
        StoredModel stored = toStored(model);
        ModelMetadata.putColumns(stored.metadata(), columns);
        return stored;
    }

    /**
     * The table columns stored with a model ({@link ModelColumns}), or empty when the file has none:
     * a model trained on generated data or images, or a file written before columns were stored.
     *
     * @throws IllegalArgumentException as {@link #read} does
     */
    public static java.util.Optional<ModelColumns> readColumns(Path path) {
        TrainedModel model = read(path);
        StoredModel stored = readStored(path);
        return java.util.Optional.ofNullable(ModelMetadata.parseColumns(path, stored.metadata(), model.network().inputSize()));
    }

    /** Writes already-converted content atomically (checkpoints add metadata before this). */
    static void writeStored(StoredModel stored, Path path, Format format) {
        AtomicFiles.write("ModelFile.write", path, out -> {
            if (format == Format.NPZ) {
                NpzFormat.write(stored, out);
            } else {
                SafetensorsFormat.write(stored, out);
            }
        });
    }

    /**
     * Reads a model file written by {@link #write} (either format) or by any tool that follows the
     * same layout, e.g. the numpy script beside this module's test fixtures.
     *
     * @throws IllegalArgumentException naming the file and the problem when it is missing, truncated,
     *                                  damaged, of an unknown version, or does not fit its architecture
     */
    public static TrainedModel read(Path path) {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("ModelFile.read: " + path.toAbsolutePath() + " is a folder; give the "
                    + "model file inside it (a checkpoint folder is read with Checkpoint.read)");
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("ModelFile.read: file not found: " + path.toAbsolutePath()
                    + "; train a model and save it with ModelFile.write first");
        }
        if (!Files.isReadable(path)) {
            throw new UncheckedIOException(new IOException("ModelFile.read: " + path.toAbsolutePath()
                    + " is not readable; check its permissions"));
        }
        return toModel(path, readStored(path));
    }

    /** The tensors and metadata of an existing, readable file, checked for layout but not architecture. */
    static StoredModel readStored(Path path) {
        return detect(path) == Format.NPZ ? NpzFormat.read(path) : SafetensorsFormat.read(path);
    }

    /** The format of an existing file, from its first bytes: a zip signature means npz, else safetensors. */
    public static Format detect(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(4);
            boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K'
                    && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
            return zip ? Format.NPZ : Format.SAFETENSORS;
        } catch (IOException e) {
            throw new UncheckedIOException("ModelFile.read: " + path + ": cannot read (" + e + ")", e);
        }
    }

    static StoredModel toStored(TrainedModel model) {
        Network network = model.network();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int l = 1; l <= network.numLayers(); l++) {
            tensors.put("W" + l, tensor("W" + l, network.W(l)));
            tensors.put("b" + l, tensor("b" + l, network.b(l)));
        }
        return new StoredModel(tensors, ModelMetadata.of(model));
    }

    private static Tensor tensor(String name, Matrix m) {
        int bad = m.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(
                    "ModelFile.write: %s holds %s at (%d, %d); a model with non-finite parameters cannot be used — "
                            + "retrain with a smaller learning rate", name, m.data()[bad], bad / m.cols(), bad % m.cols()));
        }
        return new Tensor(new int[]{m.rows(), m.cols()}, m.data().clone());
    }

    static TrainedModel toModel(Path file, StoredModel stored) {
        ModelMetadata.Description d = ModelMetadata.parse(file, stored.metadata());
        int[] n = d.layerSizes();
        int L = n.length - 1;
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        for (int l = 1; l <= L; l++) {
            parameters.put("W" + l, matrix(file, stored, "W" + l, n[l], n[l - 1], n));
            parameters.put("b" + l, matrix(file, stored, "b" + l, n[l], 1, n));
        }
        for (String name : stored.tensors().keySet()) {
            if (!parameters.containsKey(name)) {
                throw StoredModel.broken(file, "tensor %s does not belong to a network with layer_sizes %s "
                        + "(it holds W1..W%d and b1..b%d)", name, java.util.Arrays.toString(n), L, L);
            }
        }
        Network network = Network.fromParameters(d.hidden(), parameters);
        return new TrainedModel(network, d.classNames(), d.inputScale(), d.settings(), d.costs());
    }

    private static Matrix matrix(Path file, StoredModel stored, String name, int rows, int cols, int[] n) {
        Tensor t = stored.tensors().get(name);
        if (t == null) {
            throw StoredModel.broken(file, "tensor %s is missing; layer_sizes %s need W1..W%d and b1..b%d (found %s)",
                    name, java.util.Arrays.toString(n), n.length - 1, n.length - 1, stored.tensors().keySet());
        }
        int[] shape = t.shape();
        if (shape.length != 2 || shape[0] != rows || shape[1] != cols) {
            throw StoredModel.broken(file, "tensor %s has shape %s but layer_sizes %s need %s", name,
                    Tensor.numpyShape(shape), java.util.Arrays.toString(n), Tensor.numpyShape(new int[]{rows, cols}));
        }
        double[] v = t.data();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw StoredModel.broken(file, "tensor %s holds %s at (%d, %d); a usable model has finite parameters",
                        name, v[i], i / cols, i % cols);
            }
        }
        return Matrix.wrap(rows, cols, v);
    }
}
