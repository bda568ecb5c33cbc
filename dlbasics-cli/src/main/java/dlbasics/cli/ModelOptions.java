package dlbasics.cli;

import dlbasics.nn.Activation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options that choose the model and how it is trained; every one defaults to the course's value for the data set. */
final class ModelOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "KIND",
            description = "logistic, shallow or deep (default: shallow for 2-D and CSV data, deep for cat)")
    ModelKind model;

    @Option(names = "--hidden", paramLabel = "N", description = "Units of the one hidden layer (default: 4; cat 7)")
    Integer hidden;

    @Option(names = "--layers", paramLabel = "N,N,...", split = ",", hideParamSyntax = true, description = "Hidden layer sizes of a deep model (default: 20,7,5)")
    int[] layers;

    @Option(names = "--activation", paramLabel = "NAME", converter = ActivationConverter.class,
            description = "Hidden activation, tanh or relu (default: tanh for 2-D and CSV shallow models, relu otherwise)")
    Activation activation;

    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "RATE",
            description = "Learning rate (default: flower 1.2; cat deep 0.0075, cat logistic 0.005; CSV 0.5)")
    Double learningRate;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Gradient-descent updates (default: flower 10000; cat deep 2500, cat logistic 2000; CSV 5000)")
    Integer iterations;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the initial weights (default: the course's, 2 for the flower network, 1 otherwise)")
    Long seed;

    @Option(names = "--print-every", paramLabel = "N",
            description = "Record and report the cost every N iterations (default: 1000 for 2-D data, 100 for cat, 500 for CSV)")
    Integer printEvery;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Passes over the training set; the same count as --iterations (one update per epoch without --batch-size)")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Examples per mini-batch, 1 to m, reshuffled every epoch (default: all examples at once)")
    Integer batchSize;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "gd, momentum, rmsprop or adam (default: gd)")
    String optimizer;

    @Option(names = "--beta", paramLabel = "B", description = "Momentum's β, in [0, 1) (default: 0.9)")
    Double beta;

    @Option(names = "--beta1", paramLabel = "B", description = "Adam's β1, in [0, 1) (default: 0.9)")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B", description = "Adam's and RMSprop's β2, in [0, 1) (default: 0.999)")
    Double beta2;

    @Option(names = "--epsilon", paramLabel = "E", description = "Adam's and RMSprop's ε, above 0 (default: 1e-8)")
    Double epsilon;

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "L2 weight decay λ, 0 or more (default: 0; the course uses 0.7)")
    Double l2;

    @Option(names = "--dropout", paramLabel = "KEEP",
            description = "Inverted dropout on the hidden layers: the keep probability, in (0, 1] (default: 1, none; the course uses 0.86)")
    Double keepProb;

    @Option(names = "--init", paramLabel = "NAME",
            description = "Initial weights: zeros, small-random, scaled-by-fan-in, he, random (x10) or xavier (default: the model's)")
    String init;

    @Option(names = "--lr-decay", paramLabel = "SPEC",
            description = "Learning-rate decay over the epochs: none, inverse:K (α0/(1+K·epoch)) or step:K:INTERVAL (default: none)")
    String lrDecay;

    @Option(names = "--first-layer", paramLabel = "FORM",
            description = "How the first layer's W1·X is computed: auto (the exact Gram form when the data are wide and the run "
                    + "is full-batch gd or momentum), direct (the course's algorithm) or gram (default: auto)")
    String firstLayer;

    @Option(names = "--shuffle-seed", paramLabel = "N", description = "Seed of epoch 0's shuffle; epoch e uses N + e (default: 11, the course's)")
    Long shuffleSeed;

    /** Accepts tanh or relu (any case). */
    static final class ActivationConverter implements picocli.CommandLine.ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            Activation a;
            try {
                a = Activation.parse(value);
            } catch (IllegalArgumentException e) {
                a = null;
            }
            if (a == null || a == Activation.SIGMOID) {
                throw new picocli.CommandLine.TypeConversionException("unknown hidden activation '" + value + "'; valid: tanh, relu");
            }
            return a;
        }
    }
}
