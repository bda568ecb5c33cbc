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
