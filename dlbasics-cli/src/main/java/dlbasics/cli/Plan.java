package dlbasics.cli;

import dlbasics.model.Network;
import dlbasics.model.TrainingSettings;
import dlbasics.nn.Activation;
import picocli.CommandLine.ParameterException;

import java.util.Arrays;
import java.util.Locale;

/**
 * A model to train, with every option resolved: the family, the hidden layer sizes, the hidden
 * activation and the training settings. {@link #of} fills what the user left out from the
 * {@link Preset} table (the course's values for the flower and the cats).
 */
record Plan(ModelKind model, int[] hidden, Activation activation, TrainingSettings settings) {

    /** The preset for {@code kind} of data, overridden by what the user gave. */
    static Plan of(ModelOptions o, DataSource.Kind kind) {
        ModelKind model = o.model;
        if (model == null) {
            model = o.layers != null ? ModelKind.DEEP : o.hidden != null ? ModelKind.SHALLOW : Preset.defaultModel(kind);
        }
        if (model == ModelKind.LOGISTIC && (o.hidden != null || o.layers != null || o.activation != null)) {
            throw usage(o, "--model logistic has no hidden layer; drop --hidden, --layers and --activation, or use --model shallow or deep");
        }
        if (model == ModelKind.SHALLOW && o.layers != null && o.layers.length != 1) {
            throw usage(o, "--model shallow has one hidden layer; give its size with --hidden N, or use --model deep with --layers");
        }
        if (model == ModelKind.DEEP && o.hidden != null && o.layers != null) {
            throw usage(o, "give the hidden layers of a deep model once: --layers 20,7,5 (--hidden is for --model shallow)");
        }
        Preset p = Preset.of(kind, model);
        int[] hidden = switch (model) {
            case LOGISTIC -> new int[0];
            case SHALLOW -> new int[] {o.hidden != null ? o.hidden : o.layers != null ? o.layers[0] : p.hidden()[0]};
            case DEEP -> o.layers != null ? o.layers.clone() : o.hidden != null ? new int[] {o.hidden} : p.hidden();
        };
        for (int n : hidden) {
            if (n < 1) {
                throw usage(o, "hidden layer sizes " + Arrays.toString(hidden) + " hold " + n + "; every layer needs at least one unit");
            }
        }
        Activation activation = o.activation != null ? o.activation : p.activation;
        double lr = o.learningRate != null ? o.learningRate : p.learningRate;
        int iterations = o.iterations != null ? o.iterations : p.iterations;
        int every = o.printEvery != null ? o.printEvery : p.costEvery;
        long seed = o.seed != null ? o.seed : p.seed;
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw usage(o, "--lr is " + lr + "; the learning rate must be above 0 (the course uses 0.0075 to 1.2)");
        }
        if (iterations < 0) {
            throw usage(o, "--iterations is " + iterations + "; give 0 or more updates");
        }
        if (every < 1) {
            throw usage(o, "--print-every is " + every + "; report every 1 or more iterations");
        }
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw usage(o, "--seed " + seed + " is outside 0..4294967295 (numpy's seed range)");
        }
        return new Plan(model, hidden, activation, new TrainingSettings(lr, iterations, Preset.initializer(model), seed, every));
    }

    private static ParameterException usage(ModelOptions o, String message) {
        return new ParameterException(o.spec.commandLine(), message);
    }

    /**
     * The plan a checkpointed run was made with: its network's shape and activation and its settings,
     * with the total number of iterations raised to {@code iterations} when that is given.
     */
    static Plan resumed(Network network, TrainingSettings saved, Integer iterations) {
        int[] dims = network.layerDims();
        int[] hidden = java.util.Arrays.copyOfRange(dims, 1, dims.length - 1);
        ModelKind model = hidden.length == 0 ? ModelKind.LOGISTIC : hidden.length == 1 ? ModelKind.SHALLOW : ModelKind.DEEP;
        TrainingSettings s = iterations == null ? saved
                : new TrainingSettings(saved.learningRate(), iterations, saved.initializer(), saved.seed(), saved.costEvery());
        return new Plan(model, hidden, network.hiddenActivation(), s);
    }

    /** A plan like this one that records the cost every {@code costEvery} iterations. */
    Plan withCostEvery(int costEvery) {
        TrainingSettings s = settings;
        return new Plan(model, hidden, activation, new TrainingSettings(s.learningRate(), s.iterations(), s.initializer(), s.seed(), costEvery));
    }

    /** A plan like this one with another learning rate or hidden size (for sweeps). */
    Plan with(int[] newHidden, double learningRate) {
        TrainingSettings s = settings;
        return new Plan(model, newHidden, activation,
                new TrainingSettings(learningRate, s.iterations(), s.initializer(), s.seed(), s.costEvery()));
    }

    /** The network for {@code inputs} features and two classes: {@code [inputs, hidden..., 1]}, parameters still 0. */
    Network network(int inputs) {
        return network(inputs, 2);
    }

    /** The network for {@code inputs} features and {@code classes} classes (one sigmoid unit for 2, else a softmax of K), parameters 0. */
    Network network(int inputs, int classes) {
        return Network.of(activation, dims(inputs, classes));
    }

    /** The layer sizes for {@code inputs} features and two classes: {@code [inputs, hidden..., 1]}. */
    int[] dims(int inputs) {
        return dims(inputs, 2);
    }

    /** The layer sizes for {@code inputs} features: {@code [inputs, hidden..., 1]} for 2 classes, {@code [..., K]} for K &gt; 2. */
    int[] dims(int inputs, int classes) {
        int[] dims = new int[hidden.length + 2];
        dims[0] = inputs;
        System.arraycopy(hidden, 0, dims, 1, hidden.length);
        dims[dims.length - 1] = classes > 2 ? classes : 1;
        return dims;
    }

    /** One line: "shallow [2, 4, 1] tanh, lr 1.2, 10000 iterations, seed 2". */
    String describe(int inputs) {
        return describe(inputs, 2);
    }

    /** As {@link #describe(int)}, with a softmax output of K units for K &gt; 2 classes. */
    String describe(int inputs, int classes) {
        String layers = Arrays.toString(dims(inputs, classes));
        return String.format(Locale.ROOT, "%s %s%s%s, learning rate %s, %d iterations%s", model, layers,
                model == ModelKind.LOGISTIC ? "" : " " + activation.courseName(), classes > 2 ? ", softmax output" : "",
                Format.rate(settings.learningRate()),
                settings.iterations(), model == ModelKind.LOGISTIC ? "" : ", seed " + settings.seed());
    }

    /** The course's picture titles: "Logistic Regression", "Decision Boundary for hidden layer size 4". */
    String title() {
        return switch (model) {
            case LOGISTIC -> "Logistic Regression";
            case SHALLOW -> "Decision Boundary for hidden layer size " + hidden[0];
            case DEEP -> "Decision Boundary for hidden layers " + Arrays.toString(hidden);
        };
    }
}
