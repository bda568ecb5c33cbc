package dlbasics.cli;

import dlbasics.model.TrainingListener;
import dlbasics.model.UpdateRule;
import dlbasics.plot.CostCurve;
import dlbasics.plot.Grid;
import dlbasics.plot.LearningRates;
import dlbasics.plot.Png;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains one model per setting (hidden layer size or learning rate), prints a table of the scores and
 * draws one picture: a grid of decision boundaries (2-D data) or cost curves, each panel titled with
 * its setting and accuracy, or one chart with a cost curve per learning rate.
 */
final class Sweep {
    static final String GRID = "sweep.png";
    static final String RATES = "learning_rates.png";

    private Sweep() {
    }

    /** The course's hidden-size sweep: one run per size, otherwise the plan's settings. */
    static List<Run> hiddenSizes(Plan plan, int[] sizes, DataSource.Loaded data, PrintWriter out, boolean quiet) {
        List<Run> runs = new ArrayList<>();
        if (!quiet) {
            out.println(String.format(Locale.ROOT, "%8s  %14s  %14s  %10s  %8s", "hidden", "train accuracy", "test accuracy", "final cost", "time"));
        }
        for (int n : sizes) {
            Run run = Run.train(plan.with(new int[] {n}, plan.settings().learningRate()), data, List.of());
            runs.add(run);
            if (!quiet) {
                row(out, Integer.toString(n), run);
            }
        }
        return runs;
    }

    /** The course's learning-rate comparison: one run per rate. */
    static List<Run> learningRates(Plan plan, double[] rates, DataSource.Loaded data, PrintWriter out, boolean quiet) {
        List<Run> runs = new ArrayList<>();
        if (!quiet) {
            out.println(String.format(Locale.ROOT, "%8s  %14s  %14s  %10s  %8s", "rate", "train accuracy", "test accuracy", "final cost", "time"));
        }
        for (double rate : rates) {
            Run run = Run.train(plan.with(plan.hidden(), rate), data, List.<TrainingListener>of());
            runs.add(run);
            if (!quiet) {
                row(out, Format.rate(rate), run);
            }
        }
        return runs;
    }

    /** The optimization notebook's comparison: one run per update rule (the course's β, β1, β2, ε), otherwise the plan's settings. */
    static List<Run> optimizers(Plan plan, List<String> names, DataSource.Loaded data, PrintWriter out, boolean quiet) {
        List<Run> runs = new ArrayList<>();
        if (!quiet) {
            out.println(String.format(Locale.ROOT, "%8s  %14s  %14s  %10s  %8s", "rule", "train accuracy", "test accuracy", "final cost", "time"));
        }
        for (String name : names) {
            Run run = Run.train(plan.withRule(UpdateRule.of(name, Map.of())), data, List.<TrainingListener>of());
            runs.add(run);
            if (!quiet) {
                row(out, name, run);
            }
        }
        return runs;
    }

    /** One panel per update rule, the notebook's "Model with Adam optimization" figures: boundaries for 2-D data, else cost curves. */
    static Path optimizerGrid(List<Run> runs, DataSource.Loaded data, Path file) throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        for (Run run : runs) {
            String title = "Model with " + run.plan().rule().name() + " optimization: " + Format.percent(run.score());
            if (data.twoDimensional()) {
                panels.add(Outputs.boundary(run.network(), Run.scored(data), data, title, 420, 360));
            } else {
                panels.add(CostCurve.render(run.result().costs(), run.plan().settings().costEvery(), title, 420, 360));
            }
        }
        String what = data.test() != null ? "test accuracy" : "training accuracy";
        return Png.write(Grid.tile(panels, Math.min(4, panels.size()), "Update rules on " + data.description() + ", " + what), file);
    }

    private static void row(PrintWriter out, String setting, Run run) {
        out.println(String.format(Locale.ROOT, "%8s  %14s  %14s  %10s  %8s", setting, Format.percent(run.trainAccuracy()),
                run.testAccuracy() == null ? "-" : Format.percent(run.testAccuracy()),
                Format.cost(run.finalCost()), Format.seconds(run.result().elapsedNanos())));
        out.flush();
    }

    /** The grid picture of a hidden-size sweep: decision boundaries for 2-D data, else cost curves. */
    static Path hiddenGrid(List<Run> runs, DataSource.Loaded data, Path file) throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        for (Run run : runs) {
            String title = "Hidden layer of size " + run.plan().hidden()[0] + ": " + Format.percent(run.score());
            if (data.twoDimensional()) {
                panels.add(Outputs.boundary(run.network(), Run.scored(data), data, title, 420, 360));
            } else {
                panels.add(CostCurve.render(run.result().costs(), run.plan().settings().costEvery(), title, 420, 360));
            }
        }
        String what = data.test() != null ? "test accuracy" : "training accuracy";
        return Png.write(Grid.tile(panels, 4, "Hidden layer sizes on " + data.description() + ", " + what), file);
    }

    /** The chart of a learning-rate sweep: one cost curve per rate. */
    static Path ratesChart(List<Run> runs, Path file) throws IOException {
        Map<Double, double[]> curves = new LinkedHashMap<>();
        for (Run run : runs) {
            curves.put(run.plan().settings().learningRate(), run.result().costs());
        }
        return Png.write(LearningRates.render(curves, runs.get(0).plan().settings().costEvery(), 700, 460), file);
    }

    static List<Object> json(List<Run> runs) {
        List<Object> rows = new ArrayList<>();
        for (Run run : runs) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("layer_sizes", run.network().layerDims());
            r.put("learning_rate", run.plan().settings().learningRate());
            r.put("optimizer", run.plan().rule().name());
            r.put("costs", run.result().costs());
            r.put("final_cost", run.finalCost());
            r.put("train_accuracy", run.trainAccuracy());
            r.put("test_accuracy", run.testAccuracy());
            r.put("training_seconds", run.result().elapsedNanos() / 1e9);
            rows.add(r);
        }
        return rows;
    }
}
