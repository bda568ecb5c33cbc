package dlbasics.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dlbasics.data.Dataset;
import dlbasics.model.Network;
import dlbasics.model.TrainingSettings;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a page asks to train, checked against the {@link Limits}: the data (set, size, noise, test
 * share, data seed) and the model (hidden layer sizes, activation, learning rate, weight seed).
 *
 * <p>The model follows {@code dlbasics train}'s rules so that {@link #commandLine} trains the same
 * network: no hidden layer is logistic regression (zero weights), one is the course's shallow model
 * (weights {@code randn · 0.01}), more is the deep model (weights {@code randn / sqrt(n[l-1])}); the
 * test split keeps the last {@code testShare · m} examples of numpy's {@code permutation(m)} drawn
 * with the data seed, as the CLI does.
 */
record RunSettings(DataSets data, int size, double noise, double testShare, long dataSeed,
                   int[] hidden, Activation activation, double learningRate, long seed) {
    /** Cost recorded by the Trainer every this many updates (the CLI's --print-every). */
    static final int COST_EVERY = 100;

    private static final Set<String> FIELDS = Set.of("data", "size", "noise", "testShare", "dataSeed", "hidden",
            "activation", "learningRate", "seed");

    /** The page's first settings: the course's flower network (4 tanh units, learning rate 1.2, seed 2), 20 % held out. */
    static RunSettings defaults() {
        return new RunSettings(DataSets.FLOWER, 400, 0.2, 0.2, 1, new int[] {4}, Activation.TANH, 1.2, 2);
    }

    /** Reads settings from a JSON object; a missing field takes the default, a bad one is a 400 naming it. */
    static RunSettings parse(JsonNode json, Limits limits) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            json = Json.MAPPER.createObjectNode();
        }
        if (!json.isObject()) {
            throw ApiException.badRequest("settings: expected a JSON object like {\"data\":\"flower\",\"hidden\":[4]}");
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("settings: unknown field '" + f + "'; valid: " + FIELDS.stream().sorted().toList());
            }
        }
        RunSettings d = defaults();
        DataSets data = json.hasNonNull("data") ? DataSets.parse(text(json, "data")) : d.data;
        int size = data.sizeFixed() ? data.defaultSize : json.hasNonNull("size") ? integer(json, "size") : data.defaultSize;
        if (data.sizeFixed() && json.hasNonNull("size") && integer(json, "size") != data.defaultSize) {
            throw ApiException.badRequest("settings: the flower always has 400 examples (the course's); leave size out or choose another set");
        }
        if (size < 10 || size > limits.maxExamples()) {
            throw ApiException.badRequest(String.format(Locale.ROOT,
                    "settings: size is %d; choose 10 to %d examples (the server's limit)", size, limits.maxExamples()));
        }
        double noise = data.parameter == null ? 0 : json.hasNonNull("noise") ? number(json, "noise") : data.defaultNoise;
        if (data.parameter != null && !(noise >= data.minNoise && noise <= data.maxNoise)) {
            throw ApiException.badRequest(String.format(Locale.ROOT, "settings: %s is %s for %s; choose %s to %s (default %s)",
                    data.parameter, noise, data.id, data.minNoise, data.maxNoise, data.defaultNoise));
        }
        double testShare = json.hasNonNull("testShare") ? number(json, "testShare") : d.testShare;
        if (!(testShare >= 0 && testShare <= 0.5)) {
            throw ApiException.badRequest("settings: testShare is " + testShare + "; hold out 0 to 0.5 of the examples (e.g. 0.2)");
        }
        if (testShare > 0) {
            int test = (int) Math.round(size * testShare);
            if (test < 1) {
                throw ApiException.badRequest("settings: testShare " + testShare + " of " + size + " examples holds out none; raise it or set 0");
            }
        }
        long dataSeed = json.hasNonNull("dataSeed") ? seed(json, "dataSeed") : data.defaultSeed();
        int[] hidden = json.has("hidden") ? hidden(json.get("hidden"), limits) : d.hidden;
        Activation activation = json.hasNonNull("activation") ? activation(text(json, "activation")) : d.activation;
        double lr = json.hasNonNull("learningRate") ? number(json, "learningRate") : d.learningRate;
        if (!(lr > 0 && lr <= 10)) {
            throw ApiException.badRequest("settings: learningRate is " + lr + "; choose a rate above 0 and at most 10 (the flower uses 1.2)");
        }
        long seed = json.hasNonNull("seed") ? seed(json, "seed") : d.seed;
        return new RunSettings(data, size, noise, testShare, dataSeed, hidden, activation, lr, seed);
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        if (!n.isTextual()) {
            throw ApiException.badRequest("settings: " + field + " must be a string, got " + n);
        }
        return n.asText();
    }

    private static double number(JsonNode json, String field) {
        JsonNode n = json.get(field);
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw ApiException.badRequest("settings: " + field + " must be a finite number, got " + n);
        }
        return n.asDouble();
    }

    private static int integer(JsonNode json, String field) {
        JsonNode n = json.get(field);
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw ApiException.badRequest("settings: " + field + " must be a whole number, got " + n);
        }
        return n.asInt();
    }

    private static long seed(JsonNode json, String field) {
        JsonNode n = json.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0 || n.asLong() > 0xFFFFFFFFL) {
            throw ApiException.badRequest("settings: " + field + " is " + n + "; a seed is a whole number in 0..4294967295 (numpy's range)");
        }
        return n.asLong();
    }

    private static int[] hidden(JsonNode n, Limits limits) {
        if (n == null || !n.isArray()) {
            throw ApiException.badRequest("settings: hidden must be a list of layer sizes, e.g. [4] or [8, 4] ([] for logistic regression)");
        }
        if (n.size() > limits.maxHiddenLayers()) {
            throw ApiException.badRequest(String.format(Locale.ROOT,
                    "settings: %d hidden layers asked for; the server allows at most %d", n.size(), limits.maxHiddenLayers()));
        }
        int[] h = new int[n.size()];
        for (int i = 0; i < h.length; i++) {
            JsonNode u = n.get(i);
            if (!u.isIntegralNumber() || !u.canConvertToInt() || u.asInt() < 1 || u.asInt() > limits.maxUnits()) {
                throw ApiException.badRequest(String.format(Locale.ROOT,
                        "settings: hidden layer %d has %s units; each layer takes 1 to %d units (the server's limit)", i + 1, u, limits.maxUnits()));
            }
            h[i] = u.asInt();
        }
        return h;
    }

    private static Activation activation(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tanh" -> Activation.TANH;
            case "relu" -> Activation.RELU;
            default -> throw ApiException.badRequest("settings: unknown activation '" + name + "'; valid: tanh, relu");
        };
    }

    /** The weight initializer {@code dlbasics train} uses for this many hidden layers. */
    Initializer initializer() {
        return hidden.length == 0 ? Initializer.ZEROS : hidden.length == 1 ? Initializer.SMALL_RANDOM : Initializer.SCALED_BY_FAN_IN;
    }

    /** The Trainer's settings for a run that stops after {@code iterations} updates. */
    TrainingSettings training(int iterations) {
        return new TrainingSettings(learningRate, iterations, initializer(), seed, COST_EVERY);
    }

    /** {@code [2, hidden..., 1]} with the chosen activation, parameters still 0. */
    Network network() {
        int[] dims = new int[hidden.length + 2];
        dims[0] = 2;
        System.arraycopy(hidden, 0, dims, 1, hidden.length);
        dims[dims.length - 1] = 1;
        return Network.of(activation, dims);
    }

    /** The data, split as {@code dlbasics train --test-split} splits it: {@code [train, test]}, test null at share 0. */
    Dataset[] split() {
        Dataset all = data.generate(size, noise, dataSeed);
        int m = all.size();
        int test = (int) Math.round(m * testShare);
        if (test == 0) {
            return new Dataset[] {all, null};
        }
        int[] order = new NumpyRandom(dataSeed).permutation(m);
        return new Dataset[] {all.select(Arrays.copyOfRange(order, 0, m - test)), all.select(Arrays.copyOfRange(order, m - test, m))};
    }

    /** Whether size and noise are the generator's defaults, the only ones {@code dlbasics train} offers. */
    boolean cliData() {
        return size == data.defaultSize && (data.parameter == null || noise == data.defaultNoise);
    }

    /** The {@code dlbasics train} command that trains this network on this data for {@code iterations} updates. */
    String commandLine(int iterations) {
        List<String> a = new ArrayList<>(List.of("dlbasics", "train"));
        a.addAll(dataOptions());
        if (hidden.length == 0) {
            a.addAll(List.of("--model", "logistic"));
        } else if (hidden.length == 1) {
            a.addAll(List.of("--model", "shallow", "--hidden", Integer.toString(hidden[0]), "--activation", activation.courseName()));
        } else {
            a.addAll(List.of("--model", "deep", "--layers",
                    String.join(",", Arrays.stream(hidden).mapToObj(Integer::toString).toList()), "--activation", activation.courseName()));
        }
        a.addAll(List.of("--lr", number(learningRate), "--iterations", Integer.toString(iterations)));
        if (hidden.length > 0) {
            a.addAll(List.of("--seed", Long.toString(seed)));
        }
        a.addAll(List.of("--print-every", Integer.toString(COST_EVERY)));
        return String.join(" ", a);
    }

    /** The CLI's data options for this data: {@code --data NAME [--data-seed N] [--test-split S]}. */
    List<String> dataOptions() {
        List<String> a = new ArrayList<>(List.of("--data", data.id));
        if (dataSeed != data.defaultSeed()) {
            a.addAll(List.of("--data-seed", Long.toString(dataSeed)));
        }
        if (testShare > 0) {
            a.addAll(List.of("--test-split", number(testShare)));
        }
        return a;
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** The settings as the page sends them (for the export and the page's form). */
    java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("data", data.id);
        m.put("size", size);
        m.put("noise", data.parameter == null ? null : noise);
        m.put("testShare", testShare);
        m.put("dataSeed", dataSeed);
        m.put("hidden", hidden.clone());
        m.put("activation", activation.courseName());
        m.put("learningRate", learningRate);
        m.put("seed", seed);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSettings r && toMap().toString().equals(r.toMap().toString());
    }

    @Override
    public int hashCode() {
        return toMap().toString().hashCode();
    }

    @Override
    public String toString() {
        return "RunSettings" + toMap();
    }
}
