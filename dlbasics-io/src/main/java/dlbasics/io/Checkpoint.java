package dlbasics.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbasics.matrix.Matrix;
import dlbasics.model.GradientDescent;
import dlbasics.model.TrainedModel;
import dlbasics.model.TrainingState;
import dlbasics.model.UpdateRule;
import dlbasics.random.NumpyRandom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training run saved so that it can continue bit for bit: the model (parameters, architecture,
 * settings, metadata) and the {@link TrainingState} (iteration, costs so far, the generator's state).
 *
 * <p>On disk a checkpoint is one file, {@code DIR/checkpoint.safetensors}: a model file (format
 * version 1, so {@link ModelFile#read} and numpy open it like any model) whose metadata holds one more
 * key, {@code training_state}, a JSON string:
 * <pre>
 * {"iteration": 1000, "costs": [0.69, ...], "rng": {"key": [624 unsigned 32-bit words], "pos": 624,
 *  "has_gauss": false, "gauss": 0.0}}
 * </pre>
 * ({@code rng} is numpy's {@code get_state()} for the legacy generator.) A run with an update rule
 * other than gradient descent adds the rule and its state, each moment matrix in C order:
 * <pre>
 * "update_rule": {"name": "adam", "settings": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}},
 * "update_state": {"vdW1": {"rows": 5, "cols": 2, "data": [...]}, ..., "t": {"rows": 1, "cols": 1, "data": [60.0]}}
 * </pre>
 * A run with a validation set adds its early-stopping watch (the best parameters only with a patience):
 * <pre>
 * "early_stopping": {"best_cost": 0.31, "best_epoch": 12, "best_parameters": {"W1": {"rows": 5, "cols": 2, "data": [...]}, ...}}
 * </pre>
 * (doubles are written in Java's shortest round-trip form, so the state is read back bit for bit) Model and state are one file
 * so that one atomic rename replaces both: a crash leaves the previous checkpoint, never a model from
 * one iteration beside a state from another.
 *
 * A third key, {@code checkpoint_every}, keeps the interval the run was checkpointed at, so that a
 * resumed run keeps checkpointing at it.
 *
 * <p>A model file written with its training state ({@link ModelFile#write(TrainedModel, ModelColumns, TrainingState,
 * UpdateRule, Path, ModelFile.Format)}, as {@code train --out} does) holds the same {@code training_state} key:
 * {@link #readFile} reads either.
 *
 * @param model the model at {@code state.iteration()}; its costs are the state's costs
 * @param state where the run stood
 * @param every the run's checkpoint interval in iterations, 0 when unknown (older checkpoints)
 * @param updateRule the run's update rule (gradient descent for older checkpoints); its state is in {@code state}
 */
public record Checkpoint(TrainedModel model, TrainingState state, int every, UpdateRule updateRule) {
    /** The file inside the checkpoint folder. */
    public static final String FILE_NAME = "checkpoint.safetensors";
    static final String STATE_KEY = "training_state";
    static final String EVERY_KEY = "checkpoint_every";

    /** A checkpoint whose interval is unknown. */
    public Checkpoint(TrainedModel model, TrainingState state) {
        this(model, state, 0);
    }

    /** A checkpoint of a gradient-descent run. */
    public Checkpoint(TrainedModel model, TrainingState state, int every) {
        this(model, state, every, new GradientDescent());
    }

    /**
     * Writes {@code DIR/checkpoint.safetensors} atomically, creating {@code dir} if needed.
     *
     * @throws UncheckedIOException naming the folder if it cannot be created or written
     */
    public static void write(Path dir, TrainedModel model, TrainingState state) {
        write(dir, model, state, 0);
    }

    /** Writes the checkpoint with the interval it is taken at ({@code every} iterations; 0: unknown). */
    public static void write(Path dir, TrainedModel model, TrainingState state, int every) {
        write(dir, model, state, every, new GradientDescent());
    }

    /** Writes the checkpoint of a run with {@code rule}, whose state is {@code state.updateState()}. */
    public static void write(Path dir, TrainedModel model, TrainingState state, int every, UpdateRule rule) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint.write: cannot create the folder " + dir.toAbsolutePath()
                    + " (" + e + ")", e);
        }
        StoredModel stored = ModelFile.toStored(model);
        stored.metadata().put(STATE_KEY, encode(state, rule));
        if (every > 0) {
            stored.metadata().put(EVERY_KEY, Integer.toString(every));
        }
        ModelFile.writeStored(stored, dir.resolve(FILE_NAME), ModelFile.Format.SAFETENSORS);
    }

    /**
     * Reads the checkpoint in {@code dir}.
     *
     * @throws IllegalArgumentException naming the file if it is missing, damaged or holds no training state
     */
    public static Checkpoint read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Checkpoint.read: no checkpoint in " + dir.toAbsolutePath()
                    + " (expected " + FILE_NAME + "); train with a CheckpointListener (train --checkpoint-every N --out DIR) first");
        }
        return readFile(file);
    }

    /**
     * Reads a checkpoint file, or a model file saved with its training state (either format), as a
     * checkpoint to resume from.
     *
     * @throws IllegalArgumentException naming the file if it is missing, damaged or holds no training state
     *                                  (a model file written without one, e.g. by older versions)
     */
    public static Checkpoint readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Checkpoint.readFile: file not found: " + file.toAbsolutePath()
                    + "; give a checkpoint.safetensors or a model file written by train --out");
        }
        if (!Files.isReadable(file)) {
            throw new UncheckedIOException(new IOException("Checkpoint.read: " + file.toAbsolutePath()
                    + " is not readable; check its permissions"));
        }
        StoredModel stored = ModelFile.readStored(file);
        TrainedModel model = ModelFile.toModel(file, stored);
        String json = stored.metadata().get(STATE_KEY);
        if (json == null) {
            throw StoredModel.broken(file, "no %s in the metadata: the model was saved without its training state "
                    + "(by an older dlbasics, or with its standardisation folded into the first layer), so it cannot be "
                    + "resumed; train with --checkpoint-every N to keep a resumable checkpoint", STATE_KEY);
        }
        TrainingState state = decode(file, json);
        if (state.iteration() > model.settings().iterations()) {
            throw StoredModel.broken(file, "training_state is at iteration %d but the settings stop at %d",
                    state.iteration(), model.settings().iterations());
        }
        int every = 0;
        String everyText = stored.metadata().get(EVERY_KEY);
        if (everyText != null) {
            try {
                every = Integer.parseInt(everyText);
            } catch (NumberFormatException e) {
                every = -1;
            }
            if (every < 1) {
                throw StoredModel.broken(file, "%s is \"%s\"; expected a whole number of iterations, 1 or more", EVERY_KEY, everyText);
            }
        }
        return new Checkpoint(model, state, every, decodeRule(file, json));
    }

    static String encode(TrainingState state) {
        return encode(state, new GradientDescent());
    }

    static String encode(TrainingState state, UpdateRule rule) {
        ObjectNode root = SafetensorsFormat.JSON.createObjectNode();
        root.put("iteration", state.iteration());
        ArrayNode costs = root.putArray("costs");
        for (double c : state.costs()) {
            costs.add(c);
        }
        NumpyRandom.State rng = state.rng();
        ObjectNode r = root.putObject("rng");
        ArrayNode key = r.putArray("key");
        for (int word : rng.key()) {
            key.add(word & 0xFFFFFFFFL);
        }
        r.put("pos", rng.pos());
        r.put("has_gauss", rng.hasGauss());
        r.put("gauss", rng.gauss());
        if (!rule.name().equals("gd") || !state.updateState().isEmpty()) {
            ObjectNode u = root.putObject("update_rule");
            u.put("name", rule.name());
            ObjectNode settings = u.putObject("settings");
            new java.util.TreeMap<>(rule.hyperparameters()).forEach(settings::put);
            putMatrices(root.putObject("update_state"), state.updateState());
        }
        TrainingState.EarlyStopping watch = state.earlyStopping();
        if (watch.started()) {
            ObjectNode w = root.putObject("early_stopping");
            w.put("best_cost", watch.bestCost());
            w.put("best_epoch", watch.bestEpoch());
            putMatrices(w.putObject("best_parameters"), watch.bestParameters());
        }
        try {
            return SafetensorsFormat.JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Checkpoint: cannot encode the training state", e);
        }
    }

    static TrainingState decode(Path file, String json) {
        JsonNode root;
        try {
            root = SafetensorsFormat.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw StoredModel.broken(file, "training_state is not valid JSON (%s)", e.getOriginalMessage());
        }
        try {
            JsonNode iteration = field(root, "iteration");
            JsonNode costNodes = field(root, "costs");
            JsonNode rng = field(root, "rng");
            JsonNode key = field(rng, "key");
            if (!iteration.canConvertToInt() || !iteration.isIntegralNumber() || !costNodes.isArray() || !key.isArray()
                    || key.size() != 624) {
                throw new IllegalArgumentException("expected a whole iteration, a list of costs and 624 key words");
            }
            double[] costs = new double[costNodes.size()];
            for (int i = 0; i < costs.length; i++) {
                if (!costNodes.get(i).isNumber()) {
                    throw new IllegalArgumentException("costs[" + i + "] is " + costNodes.get(i));
                }
                costs[i] = costNodes.get(i).doubleValue();
            }
            int[] words = new int[624];
            for (int i = 0; i < 624; i++) {
                JsonNode w = key.get(i);
                if (!w.isIntegralNumber() || !w.canConvertToLong() || w.longValue() < 0 || w.longValue() > 0xFFFFFFFFL) {
                    throw new IllegalArgumentException("rng key word " + i + " is " + w + ", not an unsigned 32-bit number");
                }
                words[i] = (int) w.longValue();
            }
            JsonNode pos = field(rng, "pos");
            JsonNode hasGauss = field(rng, "has_gauss");
            JsonNode gauss = field(rng, "gauss");
            if (!pos.isIntegralNumber() || !pos.canConvertToInt() || !hasGauss.isBoolean() || !gauss.isNumber()) {
                throw new IllegalArgumentException("rng needs a whole pos, a boolean has_gauss and a number gauss");
            }
            NumpyRandom.State state = new NumpyRandom.State(words, pos.intValue(), hasGauss.booleanValue(), gauss.doubleValue());
            Map<String, Matrix> updateState = matrices("update_state", root.get("update_state"));
            TrainingState.EarlyStopping watch = TrainingState.EarlyStopping.NONE;
            JsonNode w = root.get("early_stopping");
            if (w != null) {
                JsonNode bestCost = field(w, "best_cost");
                JsonNode bestEpoch = field(w, "best_epoch");
                if (!bestCost.isNumber() || !bestEpoch.isIntegralNumber() || !bestEpoch.canConvertToInt()) {
                    throw new IllegalArgumentException("early_stopping needs a number best_cost and a whole best_epoch");
                }
                watch = new TrainingState.EarlyStopping(bestCost.doubleValue(), bestEpoch.intValue(),
                        matrices("early_stopping.best_parameters", w.get("best_parameters")));
            }
            return new TrainingState(iteration.intValue(), costs, state, updateState, watch);
        } catch (IllegalArgumentException e) {
            throw StoredModel.broken(file, "training_state is damaged: %s", e.getMessage());
        }
    }

    /** The update rule in the training state's JSON, gradient descent when there is none (older checkpoints). */
    static UpdateRule decodeRule(Path file, String json) {
        try {
            JsonNode u = SafetensorsFormat.JSON.readTree(json).get("update_rule");
            if (u == null) {
                return new GradientDescent();
            }
            Map<String, Double> settings = new LinkedHashMap<>();
            JsonNode s = u.get("settings");
            if (s != null) {
                s.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().doubleValue()));
            }
            return UpdateRule.of(field(u, "name").asText(), settings);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw StoredModel.broken(file, "training_state.update_rule is damaged: %s", e.getMessage());
        }
    }

    /** Writes each matrix as {"rows": r, "cols": c, "data": [C order]}. */
    private static void putMatrices(ObjectNode into, Map<String, Matrix> matrices) {
        matrices.forEach((name, m) -> {
            ObjectNode e = into.putObject(name);
            e.put("rows", m.rows());
            e.put("cols", m.cols());
            ArrayNode data = e.putArray("data");
            for (double v : m.data()) {
                data.add(v);
            }
        });
    }

    /** The matrices {@link #putMatrices} wrote (empty when {@code node} is null). */
    private static Map<String, Matrix> matrices(String key, JsonNode node) {
        Map<String, Matrix> matrices = new LinkedHashMap<>();
        if (node == null) {
            return matrices;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode rows = field(e.getValue(), "rows");
            JsonNode cols = field(e.getValue(), "cols");
            JsonNode data = field(e.getValue(), "data");
            if (!rows.canConvertToInt() || !cols.canConvertToInt() || rows.intValue() < 0 || cols.intValue() < 0 || !data.isArray()
                    || data.size() != (long) rows.intValue() * cols.intValue()) {
                throw new IllegalArgumentException(key + "." + e.getKey() + " needs rows, cols and rows x cols numbers");
            }
            double[] values = new double[data.size()];
            for (int i = 0; i < values.length; i++) {
                if (!data.get(i).isNumber()) {
                    throw new IllegalArgumentException(key + "." + e.getKey() + " holds " + data.get(i) + ", not a number");
                }
                values[i] = data.get(i).doubleValue();
            }
            matrices.put(e.getKey(), Matrix.wrap(rows.intValue(), cols.intValue(), values));
        }
        return matrices;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode v = node == null || !node.isObject() ? null : node.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        return v;
    }
}
