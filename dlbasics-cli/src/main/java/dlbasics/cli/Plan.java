package dlbasics.cli;

import dlbasics.model.Adam;
import dlbasics.model.FirstLayer;
import dlbasics.model.GradientDescent;
import dlbasics.model.LearningRateDecay;
import dlbasics.model.Momentum;
import dlbasics.model.Network;
import dlbasics.model.OutputGradient;
import dlbasics.model.RmsProp;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingSettings;
import dlbasics.model.UpdateRule;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import picocli.CommandLine.ParameterException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A model to train, with every option resolved: the family, the hidden layer sizes, the hidden
 * activation and the training settings. {@link #of} fills what the user left out from the
 * {@link Preset} table (the course's values for the flower and the cats).
 */
record Plan(ModelKind model, int[] hidden, Activation activation, TrainingSettings settings, UpdateRule rule) {

    /** A plan trained by plain gradient descent. */
    Plan(ModelKind model, int[] hidden, Activation activation, TrainingSettings settings) {
        this(model, hidden, activation, settings, new GradientDescent());
    }

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
        if (o.iterations != null && o.epochs != null && !o.iterations.equals(o.epochs)) {
            throw usage(o, "--iterations " + o.iterations + " and --epochs " + o.epochs + " count the same passes; give one of them");
        }
        int iterations = o.epochs != null ? o.epochs : o.iterations != null ? o.iterations : p.iterations;
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
        int batchSize = 0;
        if (o.batchSize != null) {
            if (o.batchSize < 1) {
                throw usage(o, "--batch-size is " + o.batchSize + "; a mini-batch needs at least 1 example (the course uses 64)");
            }
            batchSize = o.batchSize;
        }
        double l2 = 0;
        if (o.l2 != null) {
            if (!(o.l2 >= 0) || Double.isInfinite(o.l2)) {
                throw usage(o, "--l2 is " + o.l2 + "; the L2 strength λ must be 0 or more (the course uses 0.7)");
            }
            l2 = o.l2;
        }
        double keepProb = 1;
        if (o.keepProb != null) {
            if (!(o.keepProb > 0 && o.keepProb <= 1)) {
                throw usage(o, "--dropout is " + o.keepProb + "; give the keep probability of a hidden unit, in (0, 1] "
                        + "(1 keeps all; the course uses 0.86)");
            }
            keepProb = o.keepProb;
        }
        Initializer initializer = Preset.initializer(model);
        if (o.init != null) {
            try {
                initializer = Initializer.parse(o.init);
            } catch (IllegalArgumentException e) {
                throw usage(o, "--init is \"" + o.init + "\"; valid: zeros, small-random, scaled-by-fan-in, he, random, xavier");
            }
        }
        LearningRateDecay decay = LearningRateDecay.NONE;
        if (o.lrDecay != null) {
            try {
                decay = LearningRateDecay.parse(o.lrDecay);
            } catch (IllegalArgumentException e) {
                throw usage(o, "--lr-decay is \"" + o.lrDecay + "\"; write none, inverse:K or step:K:INTERVAL, e.g. step:1:1000");
            }
        }
        long shuffleSeed = o.shuffleSeed != null ? o.shuffleSeed : 11;
        if (shuffleSeed < 0 || shuffleSeed + iterations > 0xFFFFFFFFL) {
            throw usage(o, "--shuffle-seed " + shuffleSeed + " plus the epochs leaves 0..4294967295 (numpy's seed range)");
        }
        FirstLayer firstLayer = FirstLayer.AUTO;
        if (o.firstLayer != null) {
            try {
                firstLayer = FirstLayer.parse(o.firstLayer);
            } catch (IllegalArgumentException e) {
                throw usage(o, "--first-layer is \"" + o.firstLayer + "\"; valid: auto, direct, gram");
            }
        }
        UpdateRule rule = rule(o);
        TrainingSettings settings = new TrainingSettings(lr, iterations, initializer, seed, every, batchSize,
                shuffleSeed, l2, keepProb, decay, firstLayer);
        if (firstLayer == FirstLayer.GRAM) {
            try {
                new Trainer(settings, List.of(), OutputGradient.A_MINUS_Y, rule); // checks GRAM against the rule and batches
            } catch (IllegalArgumentException e) {
                throw usage(o, "--first-layer gram: " + e.getMessage().replaceFirst("^Trainer: firstLayer is GRAM but ", ""));
            }
        }
        return new Plan(model, hidden, activation, settings, rule);
    }

    /** The update rule of --optimizer and its β, β1, β2, ε, each checked with a one-line error. */
    private static UpdateRule rule(ModelOptions o) {
        String name = o.optimizer == null ? "gd" : o.optimizer.trim().toLowerCase(Locale.ROOT);
        double beta = beta(o, "--beta", o.beta, 0.9);
        double beta1 = beta(o, "--beta1", o.beta1, 0.9);
        double beta2 = beta(o, "--beta2", o.beta2, 0.999);
        double epsilon = o.epsilon != null ? o.epsilon : 1e-8;
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw usage(o, "--epsilon is " + epsilon + "; it must be above 0 (the course uses 1e-8)");
        }
        boolean momentumOnly = o.beta != null;
        boolean adamOnly = o.beta1 != null;
        boolean averages = o.beta2 != null || o.epsilon != null;
        UpdateRule rule = switch (name) {
            case "gd" -> new GradientDescent();
            case "momentum" -> new Momentum(beta);
            case "rmsprop" -> new RmsProp(beta2, epsilon);
            case "adam" -> new Adam(beta1, beta2, epsilon);
            default -> throw usage(o, "--optimizer is \"" + o.optimizer + "\"; valid: gd, momentum, rmsprop, adam");
        };
        if (momentumOnly && !name.equals("momentum") || adamOnly && !name.equals("adam")
                || averages && !(name.equals("adam") || name.equals("rmsprop"))) {
            throw usage(o, "--beta belongs to --optimizer momentum, --beta1 to adam, --beta2 and --epsilon to adam and rmsprop; "
                    + "the optimizer is " + name);
        }
        return rule;
    }

    private static double beta(ModelOptions o, String option, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0 && value < 1)) {
            throw usage(o, option + " is " + value + "; β weighs the past in a moving average and must lie in [0, 1) "
                    + "(the course uses " + fallback + ")");
        }
        return value;
    }

    private static ParameterException usage(ModelOptions o, String message) {
        return new ParameterException(o.spec.commandLine(), message);
    }

    /**
     * The plan a checkpointed run was made with: its network's shape and activation and its settings,
     * with the total number of iterations raised to {@code iterations} when that is given.
     */
    static Plan resumed(Network network, TrainingSettings saved, Integer iterations) {
        return resumed(network, saved, iterations, new GradientDescent());
    }

    /** As above, for a run with update rule {@code rule} (its state is in the checkpoint's training state). */
    static Plan resumed(Network network, TrainingSettings saved, Integer iterations, UpdateRule rule) {
        int[] dims = network.layerDims();
        int[] hidden = java.util.Arrays.copyOfRange(dims, 1, dims.length - 1);
        ModelKind model = hidden.length == 0 ? ModelKind.LOGISTIC : hidden.length == 1 ? ModelKind.SHALLOW : ModelKind.DEEP;
        TrainingSettings s = iterations == null ? saved : copy(saved, saved.learningRate(), iterations, saved.costEvery());
        return new Plan(model, hidden, network.hiddenActivation(), s, rule);
    }

    /** A plan like this one that records the cost every {@code costEvery} iterations. */
    Plan withCostEvery(int costEvery) {
        TrainingSettings s = settings;
        return new Plan(model, hidden, activation, copy(s, s.learningRate(), s.iterations(), costEvery), rule);
    }

    /** A plan like this one with another learning rate or hidden size (for sweeps). */
    Plan with(int[] newHidden, double learningRate) {
        TrainingSettings s = settings;
        return new Plan(model, newHidden, activation, copy(s, learningRate, s.iterations(), s.costEvery()), rule);
    }

    /** A plan like this one with another update rule (for sweeps over --optimizer). */
    Plan withRule(UpdateRule newRule) {
        return new Plan(model, hidden, activation, settings, newRule);
    }

    /** {@code s} with another learning rate, number of iterations and cost interval; the rest kept. */
    static TrainingSettings copy(TrainingSettings s, double learningRate, int iterations, int costEvery) {
        return new TrainingSettings(learningRate, iterations, s.initializer(), s.seed(), costEvery, s.batchSize(), s.shuffleSeed(),
                s.l2(), s.keepProb(), s.decay(), s.firstLayer());
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
        String extra = "";
        if (!(rule instanceof GradientDescent)) {
            extra += ", " + rule;
        }
        if (!settings.fullBatch()) {
            extra += ", batches of " + settings.batchSize();
        }
        if (settings.l2() > 0) {
            extra += ", L2 " + settings.l2();
        }
        if (settings.keepProb() < 1) {
            extra += ", dropout keep " + settings.keepProb();
        }
        if (settings.decay().kind() != LearningRateDecay.Kind.NONE) {
            extra += ", decay " + settings.decay();
        }
        return String.format(Locale.ROOT, "%s %s%s%s, learning rate %s, %d %s%s%s", model, layers,
                model == ModelKind.LOGISTIC ? "" : " " + activation.courseName(), classes > 2 ? ", softmax output" : "",
                Format.rate(settings.learningRate()),
                settings.iterations(), settings.fullBatch() ? "iterations" : "epochs",
                model == ModelKind.LOGISTIC ? "" : ", seed " + settings.seed(), extra);
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
