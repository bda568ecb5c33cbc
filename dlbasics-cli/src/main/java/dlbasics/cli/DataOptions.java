package dlbasics.cli;

import dlbasics.io.ImageFolder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * The options that choose the examples; shared by train, evaluate and sweep. An option that does not
 * apply to the chosen data (a label for generated data, a seed for the cat files) is a usage error,
 * never silently ignored: {@link #check}.
 */
final class DataOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "SET", defaultValue = "flower", converter = DataSourceConverter.class,
            description = "flower, circles, moons, blobs, quantiles, no-structure, spirals, xor, cat, fashion-mnist, a CSV file, "
                    + "or a folder of images with one sub-folder per class (default: ${DEFAULT-VALUE})")
    DataSource data;

    @Option(names = "--data-seed", paramLabel = "N",
            description = "Seed of a generated set and of the test split (default: the course's, 1; blobs 5)")
    Long dataSeed;

    @Option(names = "--test-split", paramLabel = "SHARE",
            description = "Share of generated or CSV examples held out for testing, between 0 and 1, e.g. 0.2 "
                    + "(default: 0, the course scores on the training set)")
    Double testSplit;

    @Option(names = "--train-h5", paramLabel = "FILE", description = "The course's train_catvnoncat.h5 (for --data cat)")
    Path trainH5;

    @Option(names = "--test-h5", paramLabel = "FILE", description = "The course's test_catvnoncat.h5 (for --data cat)")
    Path testH5;

    @Option(names = "--train-images", paramLabel = "FILE", description = "IDX training images, gzipped or not (for --data fashion-mnist; default: Debian's)")
    Path trainImages;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "IDX training labels (with --train-images)")
    Path trainLabels;

    @Option(names = "--test-images", paramLabel = "FILE", description = "IDX test images (with --train-images)")
    Path testImages;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "IDX test labels (with --train-images)")
    Path testLabels;

    @Option(names = "--train-limit", paramLabel = "N", description = "IDX sets: train on the first N training images only (default: all)")
    Integer trainLimit;

    @Option(names = "--image-size", paramLabel = "N",
            description = "Image folders: resize every image to N x N pixels (default: 64, the course's)")
    Integer imageSize;

    @Option(names = "--grey", description = "Image folders: one grey value per pixel (Pillow's convert(\"L\")) instead of RGB")
    boolean grey;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "CSV: the label column's name (default: the model's label column, else the last column)")
    String label;

    @Option(names = "--separator", paramLabel = "CHAR", converter = SeparatorConverter.class,
            description = "CSV: the cell separator: ',', ';' or tab (default: ',')")
    Character separator;

    @Option(names = "--no-header", description = "CSV: the first row is an example; columns are named column1, column2, ...")
    boolean noHeader;

    /** The share held out for testing, 0 when not given. */
    double testShare() {
        return testSplit == null ? 0 : testSplit;
    }

    /** The side images of a folder are resized to: --image-size, else the course's 64. */
    int imageSize() {
        return imageSize == null ? ImageFolder.DEFAULT_SIZE : imageSize;
    }

    char separatorOrComma() {
        return separator == null ? ',' : separator;
    }

    /**
     * Refuses values out of range and options that mean nothing for the chosen data (exit code 2).
     *
     * @param standardize whether --standardize was given (train and sweep have it)
     */
    void check(boolean standardize) {
        if (testSplit != null && (!(testSplit >= 0) || testSplit >= 1)) {
            throw usage("--test-split is " + testSplit + "; give the share of examples held out for testing, at least 0 and below 1 (e.g. 0.2)");
        }
        if (dataSeed != null && (dataSeed < 0 || dataSeed > 0xFFFFFFFFL)) {
            throw usage("--data-seed " + dataSeed + " is outside 0..4294967295 (numpy's seed range)");
        }
        DataSource.Kind kind = data.kind();
        String name = "--data " + data.name();
        if (!data.name().equals(DataSource.CAT) && (trainH5 != null || testH5 != null)) {
            throw usage((trainH5 != null ? "--train-h5" : "--test-h5") + " is for --data cat; " + name + " does not read it (drop it, or use --data cat)");
        }
        boolean idx = data.name().equals(DataSource.FASHION_MNIST);
        int idxFiles = (trainImages != null ? 1 : 0) + (trainLabels != null ? 1 : 0) + (testImages != null ? 1 : 0) + (testLabels != null ? 1 : 0);
        if (!idx && (idxFiles > 0 || trainLimit != null)) {
            throw usage("--train-images, --train-labels, --test-images, --test-labels and --train-limit are for --data fashion-mnist; "
                    + name + " does not read them (drop them)");
        }
        if (idx && idxFiles != 0 && idxFiles != 4) {
            throw usage("give all four IDX files (--train-images, --train-labels, --test-images, --test-labels) or none "
                    + "(Debian's Fashion-MNIST)");
        }
        if (trainLimit != null && trainLimit < 1) {
            throw usage("--train-limit is " + trainLimit + "; give 1 or more images");
        }
        if (kind != DataSource.Kind.TABLE) {
            String csvOption = label != null ? "--label" : standardize ? "--standardize" : separator != null ? "--separator"
                    : noHeader ? "--no-header" : null;
            if (csvOption != null) {
                throw usage(csvOption + " is for CSV files; " + name + (kind == DataSource.Kind.IMAGES
                        ? " has its labels and pixel scale built in" : " is generated with its labels and needs no scaling") + " (drop " + csvOption + ")");
            }
        }
        if (kind == DataSource.Kind.TABLE && dataSeed != null && testShare() == 0) {
            throw usage("--data-seed seeds the test split of a CSV file, and there is none; add --test-split SHARE or drop --data-seed");
        }
        boolean folder = data.folder() != null;
        if (!folder && (imageSize != null || grey)) {
            throw usage((grey ? "--grey" : "--image-size") + " is for a folder of images (--data DIR with one sub-folder per class); "
                    + name + " has its own image shape (drop it)");
        }
        if (imageSize != null && (imageSize < 1 || imageSize > 1024)) {
            throw usage("--image-size is " + imageSize + "; give the side in pixels from 1 to 1024, e.g. 64 (the course's) or 28 (MNIST's)");
        }
        if (folder && dataSeed != null && testShare() == 0) {
            throw usage("--data-seed seeds the test split of an image folder, and there is none; add --test-split SHARE or drop --data-seed");
        }
        if (kind == DataSource.Kind.IMAGES && !folder) {
            if (dataSeed != null) {
                throw usage("--data-seed is for generated sets and test splits; " + name + " is read from files (drop --data-seed)");
            }
            if (testSplit != null) {
                throw usage("--test-split is for generated and CSV data; the cat images come with their own test file (--test-h5)");
            }
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Lets picocli turn {@code --data} text into a {@link DataSource}, reporting unknown names as usage errors. */
    static final class DataSourceConverter implements picocli.CommandLine.ITypeConverter<DataSource> {
        @Override
        public DataSource convert(String value) {
            return DataSource.parse(value);
        }
    }

    /** ',', ';', '|', "tab" or "\t" (a real tab too). */
    static final class SeparatorConverter implements picocli.CommandLine.ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            if (value.equals("\t") || value.equalsIgnoreCase("tab") || value.equals("\\t")) {
                return '\t';
            }
            if (value.length() == 1 && ",;|: ".contains(value)) {
                return value.charAt(0);
            }
            throw new picocli.CommandLine.TypeConversionException("unknown separator '" + value + "'; valid: ',', ';', '|', ':' or tab");
        }
    }
}
