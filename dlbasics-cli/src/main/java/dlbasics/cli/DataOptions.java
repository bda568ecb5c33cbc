package dlbasics.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** The options that choose and prepare the examples; shared by train, evaluate and sweep. */
final class DataOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "SET", defaultValue = "flower", converter = DataSourceConverter.class,
            description = "flower, circles, moons, blobs, quantiles, no-structure, spirals, xor, cat or FILE.csv (default: ${DEFAULT-VALUE})")
    DataSource data;

    @Option(names = "--data-seed", paramLabel = "N",
            description = "Seed of a generated set and of the test split (default: the course's, 1; blobs 5)")
    Long dataSeed;

    @Option(names = "--test-split", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of generated or CSV examples held out for testing, e.g. 0.2 (default: ${DEFAULT-VALUE}, "
                    + "the course scores on the training set)")
    double testSplit;

    @Option(names = "--train-h5", paramLabel = "FILE", description = "The course's train_catvnoncat.h5 (for --data cat)")
    Path trainH5;

    @Option(names = "--test-h5", paramLabel = "FILE", description = "The course's test_catvnoncat.h5 (for --data cat)")
    Path testH5;

    @Option(names = "--label", paramLabel = "COLUMN", description = "CSV: the label column's name (default: the last column)")
    String label;

    @Option(names = "--standardize", description = "CSV: scale each feature to mean 0 and standard deviation 1 (fitted on the training part)")
    boolean standardize;

    /** Lets picocli turn {@code --data} text into a {@link DataSource}, reporting unknown names as usage errors. */
    static final class DataSourceConverter implements picocli.CommandLine.ITypeConverter<DataSource> {
        @Override
        public DataSource convert(String value) {
            return DataSource.parse(value);
        }
    }
}
