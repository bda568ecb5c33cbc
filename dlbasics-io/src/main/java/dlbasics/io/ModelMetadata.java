package dlbasics.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbasics.model.TrainedModel;
import dlbasics.model.TrainingSettings;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-description of a model file, format version 1: string keys and string values (safetensors
 * allows nothing else), structured values JSON-encoded inside the strings.
 * <pre>
 * format             "dlbasics-model"
 * format_version     "1"
 * layer_sizes        "[12288, 20, 7, 5, 1]"          n0 (inputs) ... nL (outputs)
 * hidden_activation  "relu" or "tanh"
 * output_activation  "sigmoid"
 * input_scale        "0.00392156862745098"           raw inputs are multiplied by this (1/255 for images)
 * class_names        "[\"non-cat\", \"cat\"]"         label k is class_names[k]
 * training           "{\"learning_rate\": 0.0075, \"iterations\": 2500, \"initializer\": \"SCALED_BY_FAN_IN\",
 *                      \"seed\": 1, \"cost_every\": 100}"
 * costs              "[0.7717493284237686, ...]"      recorded every cost_every iterations, iteration 0 first
 * </pre>
 * Optional keys (a model trained on a table; files without them still read, {@link ModelColumns}):
 * <pre>
 * feature_names      "[\"age\", \"income\"]"            the input columns, in input order
 * label_name         "\"y\""                           the label column
 * standardization    "{\"mean\": [..], \"scale\": [..], \"folded_into_first_layer\": true}"
 * </pre>
 * Numbers are written so that they read back to the same double (Java's shortest round-trip form).
 * Unknown extra keys are kept by readers and ignored; a different format_version is refused.
 */
final class ModelMetadata {
    static final String FORMAT = "dlbasics-model";
    static final int VERSION = 1;

    /** The architecture and everything except the parameters, as read from a file. */
    record Description(int[] layerSizes, Activation hidden, List<String> classNames, double inputScale,
                       TrainingSettings settings, double[] costs) {
    }

    private ModelMetadata() {
    }

    static Map<String, String> of(TrainedModel model) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", Integer.toString(VERSION));
        ArrayNode sizes = SafetensorsFormat.JSON.createArrayNode();
        for (int n : model.network().layerDims()) {
            sizes.add(n);
        }
        m.put("layer_sizes", json(sizes));
        m.put("hidden_activation", model.network().hiddenActivation().courseName());
        m.put("output_activation", model.network().activation(model.network().numLayers()).courseName()); // sigmoid, or softmax for K > 2 units
        m.put("input_scale", Double.toString(model.inputScale()));
        ArrayNode names = SafetensorsFormat.JSON.createArrayNode();
        model.classNames().forEach(names::add);
        m.put("class_names", json(names));
        TrainingSettings s = model.settings();
        ObjectNode training = SafetensorsFormat.JSON.createObjectNode();
        training.put("learning_rate", s.learningRate());
        training.put("iterations", s.iterations());
        training.put("initializer", s.initializer().name());
        training.put("seed", s.seed());
        training.put("cost_every", s.costEvery());
        if (!s.fullBatch()) { // the second course's settings, written only when used: older readers see what they know
            training.put("batch_size", s.batchSize());
            training.put("shuffle_seed", s.shuffleSeed());
        }
        if (s.l2() != 0) {
            training.put("l2", s.l2());
        }
        if (s.keepProb() != 1) {
            training.put("keep_prob", s.keepProb());
        }
        if (s.decay().kind() != dlbasics.model.LearningRateDecay.Kind.NONE) {
            training.put("lr_decay", s.decay().toString());
        }
        m.put("training", json(training));
        ArrayNode costs = SafetensorsFormat.JSON.createArrayNode();
        for (double c : model.costs()) {
            if (Double.isFinite(c)) {
                costs.add(c);
            } else {
                costs.add(Double.toString(c)); // "NaN", "Infinity": JSON has no such numbers
            }
        }
        m.put("costs", json(costs));
        return m;
    }

    /** Adds the optional column keys for {@code columns} (nothing when it is null). */
    static void putColumns(Map<String, String> m, ModelColumns columns) {
        if (columns == null) {
            return;
        }
        ArrayNode names = SafetensorsFormat.JSON.createArrayNode();
        columns.features().forEach(names::add);
        m.put("feature_names", json(names));
        if (columns.label() != null) {
            m.put("label_name", json(SafetensorsFormat.JSON.getNodeFactory().textNode(columns.label())));
        }
        if (columns.standardization() != null) {
            ObjectNode st = SafetensorsFormat.JSON.createObjectNode();
            ArrayNode mean = st.putArray("mean");
            ArrayNode scale = st.putArray("scale");
            for (double v : columns.mean()) {
                mean.add(v);
            }
            for (double v : columns.scale()) {
                scale.add(v);
            }
            st.put("folded_into_first_layer", true);
            m.put("standardization", json(st));
        }
    }

    /** The optional column keys, or null when the file has none (files from before they existed). */
    static ModelColumns parseColumns(Path file, Map<String, String> m, int inputs) {
        if (!m.containsKey("feature_names")) {
            return null;
        }
        JsonNode names = parseJson(file, m, "feature_names");
        if (!names.isArray() || names.size() != inputs) {
            throw StoredModel.broken(file, "feature_names is %s; expected a list of %d column names (one per input)", names, inputs);
        }
        List<String> features = new ArrayList<>();
        for (JsonNode n : names) {
            if (!n.isTextual()) {
                throw StoredModel.broken(file, "feature_names is %s; expected a list of strings", names);
            }
            features.add(n.textValue());
        }
        String label = null;
        if (m.containsKey("label_name")) {
            JsonNode l = parseJson(file, m, "label_name");
            label = text(file, "label_name", l);
        }
        Standardization standardization = null;
        if (m.containsKey("standardization")) {
            JsonNode st = parseJson(file, m, "standardization");
            double[] mean = numbers(file, "standardization.mean", st.get("mean"), inputs);
            double[] scale = numbers(file, "standardization.scale", st.get("scale"), inputs);
            standardization = new Standardization(dlbasics.matrix.Matrix.column(mean), dlbasics.matrix.Matrix.column(scale));
        }
        try {
            return new ModelColumns(features, label, standardization);
        } catch (IllegalArgumentException e) {
            throw StoredModel.broken(file, "%s", e.getMessage());
        }
    }

    private static double[] numbers(Path file, String key, JsonNode n, int count) {
        if (n == null || !n.isArray() || n.size() != count) {
            throw StoredModel.broken(file, "%s is %s; expected a list of %d numbers", key, n, count);
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = number(file, key + "[" + i + "]", n.get(i));
        }
        return v;
    }

    static Description parse(Path file, Map<String, String> m) {
        String format = m.get("format");
        String version = m.get("format_version");
        if (format == null || version == null) {
            throw StoredModel.broken(file, "no format / format_version in the metadata, so this is not a dlbasics model "
                    + "file (metadata keys: %s); dlbasics writes them with ModelFile.write", m.keySet());
        }
        if (!format.equals(FORMAT)) {
            throw StoredModel.broken(file, "format is \"%s\", not \"%s\"", format, FORMAT);
        }
        if (!version.equals(Integer.toString(VERSION))) {
            throw StoredModel.broken(file, "format version %s is unknown; this dlbasics reads version %d — "
                    + "a newer dlbasics may have written it", version, VERSION);
        }
        JsonNode sizes = parseJson(file, m, "layer_sizes");
        if (!sizes.isArray() || sizes.size() < 2 || sizes.size() > 1000) {
            throw StoredModel.broken(file, "layer_sizes is %s; expected a list of at least two sizes [n0, ..., nL]", sizes);
        }
        int[] layerSizes = new int[sizes.size()];
        for (int i = 0; i < layerSizes.length; i++) {
            JsonNode n = sizes.get(i);
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
                throw StoredModel.broken(file, "layer_sizes is %s; every size must be a whole number 1 or more", sizes);
            }
            layerSizes[i] = n.intValue();
        }
        Activation hidden;
        try {
            hidden = Activation.parse(required(file, m, "hidden_activation"));
        } catch (IllegalArgumentException e) {
            throw StoredModel.broken(file, "hidden_activation: %s", e.getMessage());
        }
        if (hidden == Activation.SIGMOID || hidden == Activation.SOFTMAX) {
            throw StoredModel.broken(file, "hidden_activation is %s; dlbasics networks use relu or tanh hidden layers", hidden.courseName());
        }
        String output = required(file, m, "output_activation");
        if (!output.equals("sigmoid") && !output.equals("softmax")) {
            throw StoredModel.broken(file, "output_activation is \"%s\"; dlbasics networks end in a sigmoid (one unit) or a softmax (K units)", output);
        }
        double inputScale = number(file, "input_scale", parseJson(file, m, "input_scale"));
        JsonNode names = parseJson(file, m, "class_names");
        if (!names.isArray()) {
            throw StoredModel.broken(file, "class_names is %s; expected a list of strings", names);
        }
        List<String> classNames = new ArrayList<>();
        for (JsonNode n : names) {
            if (!n.isTextual()) {
                throw StoredModel.broken(file, "class_names is %s; expected a list of strings", names);
            }
            classNames.add(n.textValue());
        }
        JsonNode t = parseJson(file, m, "training");
        if (!t.isObject()) {
            throw StoredModel.broken(file, "training is %s; expected an object with learning_rate, iterations, "
                    + "initializer, seed, cost_every", t);
        }
        TrainingSettings settings;
        try {
            settings = new TrainingSettings(
                    number(file, "training.learning_rate", t.get("learning_rate")),
                    integer(file, "training.iterations", t.get("iterations")),
                    initializer(file, text(file, "training.initializer", t.get("initializer"))),
                    longInteger(file, "training.seed", t.get("seed")),
                    integer(file, "training.cost_every", t.get("cost_every")),
                    t.has("batch_size") ? integer(file, "training.batch_size", t.get("batch_size")) : 0,
                    t.has("shuffle_seed") ? longInteger(file, "training.shuffle_seed", t.get("shuffle_seed")) : 11,
                    t.has("l2") ? number(file, "training.l2", t.get("l2")) : 0.0,
                    t.has("keep_prob") ? number(file, "training.keep_prob", t.get("keep_prob")) : 1.0,
                    t.has("lr_decay") ? dlbasics.model.LearningRateDecay.parse(text(file, "training.lr_decay", t.get("lr_decay")))
                            : dlbasics.model.LearningRateDecay.NONE);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("ModelFile.read")) {
                throw e;
            }
            throw StoredModel.broken(file, "training settings are invalid: %s", e.getMessage());
        }
        JsonNode costNodes = parseJson(file, m, "costs");
        if (!costNodes.isArray()) {
            throw StoredModel.broken(file, "costs is %s; expected a list of numbers", costNodes);
        }
        double[] costs = new double[costNodes.size()];
        for (int i = 0; i < costs.length; i++) {
            JsonNode c = costNodes.get(i);
            if (c.isNumber()) {
                costs[i] = c.doubleValue();
            } else if (c.isTextual() && (c.textValue().equals("NaN") || c.textValue().endsWith("Infinity"))) {
                costs[i] = Double.parseDouble(c.textValue());
            } else {
                throw StoredModel.broken(file, "costs[%d] is %s; expected a number", i, c);
            }
        }
        try {
            return new Description(layerSizes, hidden, classNames, inputScale, settings, costs);
        } catch (IllegalArgumentException e) {
            throw StoredModel.broken(file, "%s", e.getMessage());
        }
    }

    private static String json(JsonNode node) {
        try {
            return SafetensorsFormat.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ModelMetadata: cannot encode " + node, e);
        }
    }

    private static String required(Path file, Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw StoredModel.broken(file, "the metadata has no %s", key);
        }
        return v;
    }

    private static JsonNode parseJson(Path file, Map<String, String> m, String key) {
        String v = required(file, m, key);
        try {
            JsonNode node = SafetensorsFormat.JSON.readTree(v);
            if (node == null || node.isMissingNode()) {
                throw StoredModel.broken(file, "%s is empty", key);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw StoredModel.broken(file, "%s is not valid JSON: %s", key, v.length() > 100 ? v.substring(0, 100) + "..." : v);
        }
    }

    private static double number(Path file, String key, JsonNode n) {
        if (n == null || !n.isNumber()) {
            throw StoredModel.broken(file, "%s is %s; expected a number", key, n);
        }
        return n.doubleValue();
    }

    private static int integer(Path file, String key, JsonNode n) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw StoredModel.broken(file, "%s is %s; expected a whole number", key, n);
        }
        return n.intValue();
    }

    private static long longInteger(Path file, String key, JsonNode n) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw StoredModel.broken(file, "%s is %s; expected a whole number", key, n);
        }
        return n.longValue();
    }

    private static Initializer initializer(Path file, String name) {
        for (Initializer i : Initializer.values()) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        throw StoredModel.broken(file, "training.initializer is \"%s\"; known initializers are %s", name,
                java.util.Arrays.toString(Initializer.values()));
    }

    private static String text(Path file, String key, JsonNode n) {
        if (n == null || !n.isTextual()) {
            throw StoredModel.broken(file, "%s is %s; expected a string", key, n);
        }
        return n.textValue();
    }
}
