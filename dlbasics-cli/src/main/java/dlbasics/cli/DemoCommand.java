package dlbasics.cli;

import dlbasics.data.Dataset;
import dlbasics.io.CatImages;
import dlbasics.io.ModelFile;
import dlbasics.model.TrainingListener;
import dlbasics.plot.Png;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dlbasics demo}: the course tour on its built-in data. Logistic regression against the
 * one-hidden-layer network on the flower, the hidden-size sweep, and — when the cat files are given —
 * logistic regression, the learning-rate comparison and the L-layer network on the cat images.
 * Pictures go to --out.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The course tour on the flower and, with the cat files, the cats.", versionProvider = DlbasicsCommand.Version.class,
        description = "The course tour: logistic regression vs one hidden layer on the flower, the hidden-size sweep, "
                + "and, with --train-h5 and --test-h5, the cat models. About a minute on two cores; pictures in --out.")
final class DemoCommand implements Callable<Integer> {
    /** Iterations of the cat L-layer model in the demo (the course's 2500 take several minutes on two cores). */
    static final int CAT_DEEP_ITERATIONS = 300;

    @ParentCommand
    DlbasicsCommand parent;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "dlbasics-out/demo",
            description = "Where the pictures go; the demo replaces its own files there (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--train-h5", paramLabel = "FILE", description = "The course's train_catvnoncat.h5: adds the cat part")
    Path trainH5;

    @Option(names = "--test-h5", paramLabel = "FILE", description = "The course's test_catvnoncat.h5")
    Path testH5;

    @Option(names = "--image", paramLabel = "FILE", description = "A photo for the cat model to classify (as the course's my_image.jpg)")
    Path image;

    @Option(names = "--full", description = "Train the cat L-layer model for the course's 2500 iterations instead of "
            + CAT_DEEP_ITERATIONS)
    boolean full;

    /** The files the demo writes; a second demo into the same folder replaces them, and removes those it does not write again. */
    static final List<String> OWNED = List.of("flower_logistic.png", "flower_hidden4.png", "flower_cost.png", "flower_sweep.png",
            "cat_logistic_cost.png", "cat_learning_rates.png", "cat_deep_cost.png", "cat_mislabelled.png", "cat_deep.safetensors");

    private PrintWriter w;
    private final List<Path> pictures = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if ((trainH5 == null) != (testH5 == null)) {
            throw new ParameterException(spec.commandLine(), "give both --train-h5 and --test-h5 for the cat part, or neither");
        }
        if (image != null && trainH5 == null) {
            throw new ParameterException(spec.commandLine(), "--image is classified by the cat model, which needs --train-h5 and --test-h5; "
                    + "give them too, or drop --image");
        }
        if (full && trainH5 == null) {
            throw new ParameterException(spec.commandLine(), "--full lengthens the cat part, which needs --train-h5 and --test-h5; "
                    + "give them too, or drop --full");
        }
        run.apply();
        w = spec.commandLine().getOut();
        OutputFolder.prepareOwned(out, OWNED);
        long start = System.nanoTime();
        flower();
        if (trainH5 != null) {
            cats();
        } else {
            section("Cat / non-cat: skipped");
            w.println("Give the course's files to add this part: --train-h5 train_catvnoncat.h5 --test-h5 test_catvnoncat.h5");
        }
        section("Done in " + Format.seconds(System.nanoTime() - start));
        for (Path p : pictures) {
            w.println("Wrote " + p);
        }
        w.flush();
        return 0;
    }

    private void flower() throws IOException {
        DataSource flower = DataSource.parse("flower");
        Dataset data = flower.generate(1);
        DataSource.Loaded loaded = new DataSource.Loaded("flower (400 points, seed 1)", data, null, data.classNames(), 1.0,
                DataSource.Kind.PLANAR, null, DataSource.PLANAR_COLUMNS, List.of());

        section("1. The planar flower data: logistic regression");
        w.println("A straight line cannot separate the petals (the course's sklearn LogisticRegressionCV gets 47 %).");
        w.println("Here: logistic regression by gradient descent, learning rate 1.2, 1000 iterations.");
        Plan logistic = Preset.PLANAR_LOGISTIC.plan(1000).withCostEvery(100);
        Run lr = Run.train(logistic, loaded, List.of());
        w.println("Accuracy of logistic regression: " + Format.percent(lr.trainAccuracy()) + " (percentage of correctly labelled datapoints)");
        picture(Outputs.boundary(lr, loaded, "Logistic Regression"), "flower_logistic.png");

        section("2. One hidden layer of 4 tanh units, learning rate 1.2, 10000 iterations (the course's nn_model)");
        Plan shallow = Preset.FLOWER.plan();
        Run nn = Run.train(shallow, loaded, progress());
        w.println("Accuracy: " + Format.percent(nn.trainAccuracy()) + " (the course prints 90 %; past 7000 iterations the last digits depend on summation order)");
        picture(Outputs.boundary(nn, loaded, "Decision Boundary for hidden layer size 4"), "flower_hidden4.png");
        picture(Outputs.costCurve(nn), "flower_cost.png");

        section("3. Hidden layer sizes 1, 2, 3, 4, 5, 20, 50 (5000 iterations each)");
        Plan sweep = Preset.FLOWER.plan(5000);
        List<Run> runs = Sweep.hiddenSizes(sweep, new int[] {1, 2, 3, 4, 5, 20, 50}, loaded, w, false);
        pictures.add(Sweep.hiddenGrid(runs, loaded, out.resolve("flower_sweep.png")));
        w.flush();
    }

    private void cats() throws IOException {
        CatImages cat = CatImages.read(trainH5, testH5);
        DataSource.Loaded loaded = new DataSource.Loaded("cat (209 train, 50 test images)", cat.train(), cat.test(),
                cat.classNames(), 1.0 / CatImages.PIXEL_SCALE, DataSource.Kind.IMAGES, null, null, List.of());

        section("4. Cat / non-cat: logistic regression, learning rate 0.005, 2000 iterations");
        Run lr = Run.train(Preset.CAT_LOGISTIC.plan(), loaded, progress());
        w.println("train accuracy: " + Format.percent(lr.trainAccuracy()) + " (the course: 99.04306220095694 %)");
        w.println("test accuracy: " + Format.percent(lr.testAccuracy()) + " (the course: 70.0 %)");
        picture(Outputs.costCurve(lr), "cat_logistic_cost.png");

        section("5. Learning rates 0.01, 0.001, 0.0001 for logistic regression (1500 iterations each)");
        Plan rates = Preset.CAT_LOGISTIC.plan(1500);
        List<Run> runs = Sweep.learningRates(rates, new double[] {0.01, 0.001, 0.0001}, loaded, w, false);
        pictures.add(Sweep.ratesChart(runs, out.resolve("cat_learning_rates.png")));

        int iterations = full ? 2500 : CAT_DEEP_ITERATIONS;
        section("6. The L-layer network [12288, 20, 7, 5, 1], learning rate 0.0075, " + iterations + " iterations"
                + (full ? "" : " (the course trains 2500; run with --full for those)"));
        Plan deep = Preset.CAT_DEEP.plan(iterations);
        Run dn = Run.train(deep, loaded, progress());
        w.println("train accuracy: " + Format.percent(dn.trainAccuracy()) + (full ? " (the course: 98.5645933 %)"
                : " (after " + iterations + " of the course's 2500 iterations)"));
        w.println("test accuracy: " + Format.percent(dn.testAccuracy()) + (full ? " (the course: 80 %)"
                : " (--full trains the course's 2500 iterations, which give its 80 %)"));
        picture(Outputs.costCurve(dn), "cat_deep_cost.png");
        BufferedImage wrong = Outputs.mislabelled(dn, loaded);
        if (wrong != null) {
            picture(wrong, "cat_mislabelled.png");
        }
        Path model = out.resolve("cat_deep" + ModelFile.Format.SAFETENSORS.extension());
        ModelFile.write(Outputs.model(dn, loaded), null, model, ModelFile.Format.SAFETENSORS);
        pictures.add(model);
        if (image != null) {
            double p = dn.network().predictProbabilities(dlbasics.io.Images.read(image)).get(0, 0);
            int y = p > 0.5 ? 1 : 0;
            w.println("y = " + y + ", your L-layer model predicts a \"" + cat.classNames().get(y) + "\" picture. (" + image + ")");
        }
        w.flush();
    }

    /** The cost lines of a course run, none with --quiet. */
    private List<TrainingListener> progress() {
        return run.quiet ? List.of() : List.of(new Progress(w, parent.terminal, ""));
    }

    private void section(String title) {
        w.println();
        w.println("== " + title);
        w.flush();
    }

    private void picture(BufferedImage img, String name) throws IOException {
        pictures.add(Png.write(img, out.resolve(name)));
    }
}
