package dlbasics.cli;

import dlbasics.data.Blobs;
import dlbasics.data.Circles;
import dlbasics.data.Dataset;
import dlbasics.data.GaussianQuantiles;
import dlbasics.data.Moons;
import dlbasics.data.NoStructure;
import dlbasics.data.PlanarData;
import dlbasics.data.Spirals;
import dlbasics.data.Xor;
import dlbasics.io.CatImages;
import dlbasics.io.CsvData;
import dlbasics.io.FashionMnist;
import dlbasics.io.IdxDataset;
import dlbasics.io.ImageFolder;
import dlbasics.io.LabelledImages;
import dlbasics.io.ModelColumns;
import dlbasics.io.Standardization;
import dlbasics.matrix.Matrix;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --data} names: one of the built-in 2-D sets (the course's flower and extra sets, plus
 * spirals and xor), the course's cat images ({@code cat}, with {@code --train-h5}/{@code --test-h5}),
 * Fashion-MNIST or any IDX set ({@code fashion-mnist}, 10 classes), a CSV file, or a folder of images
 * with one sub-folder per class ({@link ImageFolder}, resized to {@code --image-size}, {@code --grey}).
 */
record DataSource(String name, Path csv, Path folder) {
    /** A built-in set ({@code csv} null) or a CSV file. */
    DataSource(String name, Path csv) {
        this(name, csv, null);
    }

    /** The built-in 2-D sets, in the order the help lists them. */
    static final List<String> PLANAR = List.of("flower", "circles", "moons", "blobs", "quantiles", "no-structure", "spirals", "xor");
    static final String CAT = "cat";
    /** Fashion-MNIST from Debian's dataset-fashion-mnist, or any IDX set given by --train-images and friends. */
    static final String FASHION_MNIST = "fashion-mnist";
    static final String VALID = String.join(", ", PLANAR) + ", " + CAT + ", " + FASHION_MNIST + ", FILE.csv or a FOLDER of class sub-folders";

    enum Kind { PLANAR, IMAGES, TABLE }

    /** Parses the value of {@code --data}; an unknown name is a usage error listing the valid ones. */
    static DataSource parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        if (PLANAR.contains(name) || name.equals(CAT) || name.equals(FASHION_MNIST)) {
            return new DataSource(name, null);
        }
        if (Files.isDirectory(Path.of(text)) && name.endsWith(".csv")) {
            throw new CommandLine.TypeConversionException("'" + text + "' is a directory; give a CSV file or one of: " + VALID);
        }
        if (Files.isDirectory(Path.of(text))) {
            Path folder = Path.of(text);
            Path last = folder.toAbsolutePath().normalize().getFileName();
            return new DataSource(last == null ? text : last.toString(), null, folder);
        }
        if (name.endsWith(".csv") || Files.isRegularFile(Path.of(text))) {
            return new DataSource(Path.of(text).getFileName().toString(), Path.of(text));
        }
        throw new CommandLine.TypeConversionException("unknown data set '" + text + "'; valid: " + VALID);
    }

    Kind kind() {
        return csv != null ? Kind.TABLE : folder != null || name.equals(CAT) || name.equals(FASHION_MNIST) ? Kind.IMAGES : Kind.PLANAR;
    }

    /** The course's data seed of each built-in set: the flower's np.random.seed(1), the blobs' random_state=5, else 1. */
    long defaultSeed() {
        return name.equals("blobs") ? Blobs.COURSE_SEED : 1;
    }

    /** The examples, split and scaled as the options say (options already {@link DataOptions#check checked}). */
    Loaded load(DataOptions options, boolean standardize) throws IOException {
        return load(options, standardize, null);
    }

    /**
     * The examples for a saved model: a CSV's columns are matched by name to {@code wanted} (the
     * model's columns; null: the file's own order, the label being --label or the last column).
     */
    Loaded load(DataOptions options, boolean standardize, ModelColumns wanted) throws IOException {
        return load(options, standardize, wanted, null);
    }

    /**
     * As {@link #load(DataOptions, boolean, ModelColumns)}, numbering the classes as a saved model does:
     * a CSV's label names and an image folder's class folders are looked up in {@code classNames}
     * (null: the data's own sorted names), so data holding some of the model's classes scores right.
     */
    Loaded load(DataOptions options, boolean standardize, ModelColumns wanted, List<String> classNames) throws IOException {
        return switch (kind()) {
            case IMAGES -> folder != null ? loadFolder(options, classNames) : name.equals(CAT) ? loadCat(options) : loadIdx(options);
            case PLANAR -> split(generate(options.dataSeed != null ? options.dataSeed : defaultSeed()), options, 1.0, null,
                    PLANAR_COLUMNS, List.of());
            case TABLE -> loadCsv(options, standardize, wanted, classNames);
        };
    }

    /**
     * A folder of class sub-folders ({@link ImageFolder}): every image resized to --image-size (default
     * 64, the course's), grey with --grey, pixels scaled to [0, 1]; --test-split holds a share out.
     */
    private Loaded loadFolder(DataOptions options, List<String> modelClasses) {
        int size = options.imageSize();
        LabelledImages images = ImageFolder.read(folder, size, options.grey);
        List<String> names = images.classNames();
        Matrix Y = images.Y();
        if (modelClasses != null && !modelClasses.equals(names)) {
            // the model's numbering: folder k is the model's class modelClasses.indexOf(name)
            int[] index = new int[names.size()];
            for (int k = 0; k < names.size(); k++) {
                index[k] = modelClasses.indexOf(names.get(k));
                if (index[k] < 0) {
                    throw new IllegalArgumentException(String.format(
                            "%s: the class folder \"%s\" is not one of the model's classes %s; evaluate on folders named after "
                                    + "the classes the model was trained on (names are case-sensitive)", folder, names.get(k), modelClasses));
                }
            }
            double[] y = Y.data();
            for (int j = 0; j < y.length; j++) {
                y[j] = index[(int) y[j]];
            }
            names = modelClasses;
        }
        if (modelClasses == null && names.size() < 2) {
            throw new IllegalArgumentException(String.format(
                    "%s holds one class folder, %s; a classifier needs at least two (one sub-folder of images per class)",
                    folder, names));
        }
        Dataset all = new Dataset(images.X(), Y, names);
        String description = String.format(Locale.ROOT, "%s (%s: %d images of %dx%d%s, %d classes %s)", name, folder, all.size(),
                size, size, options.grey ? " grey" : "x3", images.classes(), images.classNames());
        return split(all, description, options, 1.0 / 255, null, null, List.of());
    }

    /** The generated sets' columns, as a CSV export of them would name them. */
    static final ModelColumns PLANAR_COLUMNS = new ModelColumns(List.of("x1", "x2"), "y", null);

    Dataset generate(long seed) {
        return switch (name) {
            case "flower" -> PlanarData.flower(seed);
            case "circles" -> Circles.make(seed);
            case "moons" -> Moons.make(seed);
            case "blobs" -> Blobs.make(seed);
            case "quantiles" -> GaussianQuantiles.make(seed);
            case "no-structure" -> NoStructure.make(seed);
            case "spirals" -> Spirals.make(seed);
            case "xor" -> Xor.make(seed);
            default -> throw new IllegalStateException("DataSource: no generator for " + name);
        };
    }

    private Loaded loadCat(DataOptions options) {
        if (options.trainH5 == null || options.testH5 == null) {
            throw options.usage("--data cat needs --train-h5 FILE and --test-h5 FILE (the course's "
                    + CatImages.TRAIN_FILE + " and " + CatImages.TEST_FILE + ")");
        }
        CatImages cat = CatImages.read(options.trainH5, options.testH5);
        return new Loaded("cat (" + options.trainH5.getFileName() + ", " + options.testH5.getFileName() + ")",
                cat.train(), cat.test(), cat.classNames(), 1.0 / CatImages.PIXEL_SCALE, Kind.IMAGES, null, null, List.of());
    }

    /**
     * Fashion-MNIST from Debian's folder, or the four IDX files given by --train-images, --train-labels,
     * --test-images and --test-labels (all four or none); pixels scaled to [0, 1].
     */
    private Loaded loadIdx(DataOptions options) {
        int limit = options.trainLimit != null ? options.trainLimit : IdxDataset.ALL;
        LabelledImages.Split split;
        String where;
        if (options.trainImages != null) {
            split = IdxDataset.read(options.trainImages, options.trainLabels, options.testImages, options.testLabels,
                    List.of(), limit, IdxDataset.ALL); // classes numbered 0..K-1: any IDX set, not only Fashion-MNIST
            where = options.trainImages.getParent() == null ? "." : options.trainImages.getParent().toString();
        } else {
            if (!FashionMnist.isInstalled()) {
                throw new IllegalArgumentException("--data " + FASHION_MNIST + ": the files are not in " + FashionMnist.DEFAULT_FOLDER
                        + "; install them with 'sudo apt-get install " + FashionMnist.PACKAGE + "', or give --train-images, "
                        + "--train-labels, --test-images and --test-labels");
            }
            split = FashionMnist.load(limit, FashionMnist.ALL);
            where = FashionMnist.DEFAULT_FOLDER.toString();
        }
        LabelledImages train = split.train();
        LabelledImages test = split.test();
        return new Loaded(String.format(Locale.ROOT, "%s (%s: %d train / %d test images of %dx%d, %d classes)", name, where,
                train.size(), test.size(), train.height(), train.width(), split.classNames().size()),
                new Dataset(train.X(), train.Y(), split.classNames()), new Dataset(test.X(), test.Y(), split.classNames()),
                split.classNames(), 1.0 / 255, Kind.IMAGES, null, null, List.of());
    }

    private Loaded loadCsv(DataOptions options, boolean standardize, ModelColumns wanted, List<String> classNames) throws IOException {
        CsvData.Table table = CsvData.readTable(csv, options.separatorOrComma(), !options.noHeader);
        String labelName = options.label != null ? options.label : wanted != null ? wanted.label() : null;
        if (labelName != null && !table.columns().contains(labelName) && options.label == null) {
            throw new IllegalArgumentException(String.format("CSV %s has no column \"%s\", the label column the model was trained with; "
                    + "the header names %s (name the label column with --label)", csv, labelName, table.columns()));
        }
        int label = table.labelIndex(labelName);
        List<String> features = wanted == null ? table.namesWithout(label) : Columns.match(wanted, table, csv, table.columns().get(label));
        Dataset all = table.dataset(label, features, classNames);
        ModelColumns columns = new ModelColumns(features, table.columns().get(label), null);
        List<String> warnings = wanted == null ? List.of() : Columns.extra(wanted, table, table.columns().get(label));
        String description = name + " (" + all.size() + " examples, " + all.features() + " features"
                + (table.text().containsKey(label) ? ", classes " + all.classNames() + (classNames == null ? " by sorted name" : "") : "") + ")";
        Loaded split = split(all, description, options, 1.0, null, columns, warnings);
        if (!standardize) {
            return split;
        }
        Standardization s = Standardization.fit(split.train().X());
        return new Loaded(split.description() + ", standardised", new Dataset(s.apply(split.train().X()), split.train().Y(), split.classNames()),
                split.test() == null ? null : new Dataset(s.apply(split.test().X()), split.test().Y(), split.classNames()),
                split.classNames(), 1.0, Kind.TABLE, s, new ModelColumns(features, columns.label(), s), split.warnings());
    }

    /** Keeps the last {@code testSplit} share of a seeded permutation (numpy's permutation(m)) as the test set. */
    private Loaded split(Dataset all, DataOptions options, double inputScale, Standardization s, ModelColumns columns,
                         List<String> warnings) {
        return split(all, name + " (" + all.size() + " examples, " + all.features() + " features)", options, inputScale, s,
                columns, warnings);
    }

    private Loaded split(Dataset all, String description, DataOptions options, double inputScale, Standardization s,
                         ModelColumns columns, List<String> warnings) {
        double share = options.testShare();
        if (share <= 0) {
            return new Loaded(description, all, null, all.classNames(), inputScale, kind(), s, columns, warnings);
        }
        int m = all.size();
        int test = (int) Math.round(m * share);
        if (test < 1 || test >= m) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--test-split %s of %d examples leaves %d for testing and %d for training; both need at least one",
                    share, m, test, m - test));
        }
        long seed = options.dataSeed != null ? options.dataSeed : defaultSeed();
        int[] order = new dlbasics.random.NumpyRandom(seed).permutation(m);
        int[] train = java.util.Arrays.copyOfRange(order, 0, m - test);
        int[] held = java.util.Arrays.copyOfRange(order, m - test, m);
        return new Loaded(description + ", " + (m - test) + " train / " + test + " test",
                all.select(train), all.select(held), all.classNames(), inputScale, kind(), s, columns, warnings);
    }

    /**
     * Loaded examples: train and (maybe null) test in the course's layout, the class names, the scale
     * applied to raw inputs (1/255 for images), for CSV with --standardize the fitted standardisation,
     * the named columns (null for images) that a saved model records, and warnings about the data
     * (columns left out) for the command to print.
     */
    record Loaded(String description, Dataset train, Dataset test, List<String> classNames, double inputScale,
                  Kind kind, Standardization standardization, ModelColumns columns, List<String> warnings) {
        boolean twoDimensional() {
            return train.features() == 2;
        }
    }
}
