package dlbasics.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dlbasics sweep}: one model per hidden-layer size (or per learning rate), a table and one picture. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train one model per hidden-layer size or learning rate.", versionProvider = DlbasicsCommand.Version.class,
        description = "Train one model per hidden-layer size (the course's 1, 2, 3, 4, 5, 20, 50 with 5000 iterations each) "
                + "or, with --learning-rates, one per learning rate; print a table and draw one picture in --out.",
        footer = {"", "Examples:", "  dlbasics sweep --data flower",
                "  dlbasics sweep --data cat --train-h5 TRAIN.h5 --test-h5 TEST.h5 \\",
                "      --model logistic --learning-rates 0.01,0.001,0.0001 --iterations 1500"})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    StandardizeOption scaling;

    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Option(names = "--hidden-sizes", paramLabel = "N,N,...", split = ",", hideParamSyntax = true, defaultValue = "1,2,3,4,5,20,50",
            description = "Hidden layer sizes to compare (default: ${DEFAULT-VALUE})")
    int[] hiddenSizes;

    @Option(names = "--learning-rates", paramLabel = "RATE,...", split = ",", hideParamSyntax = true,
            description = "Compare these learning rates instead of hidden sizes, e.g. 0.01,0.001,0.0001")
    double[] learningRates;

    @Option(names = "--sweep", paramLabel = "OPTION=V,V,...",
            description = "Compare values of an option, one panel each; today optimizer, e.g. optimizer=gd,momentum,adam")
    String sweep;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "dlbasics-out/sweep",
            description = "Where the picture goes (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--json", description = "Print one JSON summary instead of the table")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        List<String> optimizers = null;
        if (sweep != null) {
            String[] kv = sweep.split("=", 2);
            if (kv.length != 2 || !kv[0].trim().equals("optimizer") || learningRates != null) {
                throw new ParameterException(spec.commandLine(), "--sweep takes optimizer=NAME,NAME,... (e.g. optimizer=gd,momentum,adam)"
                        + (learningRates != null ? " and does not combine with --learning-rates" : "; other options are not swept yet"));
            }
            optimizers = new ArrayList<>();
            for (String name : kv[1].split(",")) {
                String n = name.trim().toLowerCase(java.util.Locale.ROOT);
                if (!List.of("gd", "momentum", "rmsprop", "adam").contains(n)) {
                    throw new ParameterException(spec.commandLine(), "--sweep optimizer holds \"" + name + "\"; valid: gd, momentum, rmsprop, adam");
                }
                optimizers.add(n);
            }
            if (model.optimizer != null) {
                throw new ParameterException(spec.commandLine(), "--sweep optimizer=... chooses the optimizers; drop --optimizer");
            }
        }
        boolean byRule = optimizers != null;
        boolean byRate = learningRates != null || byRule;
        if (!byRate && model.model == ModelKind.LOGISTIC) {
            throw new ParameterException(spec.commandLine(), "logistic regression has no hidden layer to sweep; use --learning-rates, or --model shallow");
        }
        if (!byRate && model.iterations == null) {
            model.iterations = 5000; // the course's sweep
        }
        if (!byRate && model.model == null) {
            model.model = ModelKind.SHALLOW;
        }
        for (int n : hiddenSizes) {
            if (n < 1) {
                throw new ParameterException(spec.commandLine(), "--hidden-sizes holds " + n + "; every size must be 1 or more");
            }
        }
        if (learningRates != null) {
            for (double r : learningRates) {
                if (!(r > 0) || !Double.isFinite(r)) {
                    throw new ParameterException(spec.commandLine(), "--learning-rates holds " + r + "; every rate must be above 0");
                }
            }
        }
        data.check(scaling.standardize);
        run.apply();
        OutputFolder.prepareOwned(out, List.of(Sweep.GRID, Sweep.RATES)); // an optimizer sweep writes Sweep.GRID
        DataSource.Loaded loaded = data.data.load(data, scaling.standardize);
        Plan plan = Plan.of(model, loaded.kind());
        boolean quiet = json || run.quiet;
        if (!quiet) {
            w.println("Data: " + loaded.description());
            w.println(byRule ? "Update rules " + optimizers + " for " + plan.describe(loaded.train().features())
                    : byRate ? "Learning rates " + Arrays.toString(learningRates) + " for " + plan.describe(loaded.train().features())
                    : "Hidden layer sizes " + Arrays.toString(hiddenSizes) + " for " + plan.describe(loaded.train().features()));
            w.flush();
        }
        int classes = loaded.classNames().size(); // K > 2: a softmax output of K units, as Run builds the networks
        for (int n : byRate ? new int[] {0} : hiddenSizes) {
            Memory.check(byRate ? plan.dims(loaded.train().features(), classes)
                    : plan.with(new int[] {n}, 1).dims(loaded.train().features(), classes), loaded.train().size());
        }
        List<Run> runs = byRule ? Sweep.optimizers(plan, optimizers, loaded, w, json)
                : byRate ? Sweep.learningRates(plan, learningRates, loaded, w, json)
                : Sweep.hiddenSizes(plan, hiddenSizes, loaded, w, json);
        Path picture = byRule ? Sweep.optimizerGrid(runs, loaded, out.resolve(Sweep.GRID))
                : byRate ? Sweep.ratesChart(runs, out.resolve(Sweep.RATES)) : Sweep.hiddenGrid(runs, loaded, out.resolve(Sweep.GRID));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("data", loaded.description());
            m.put("runs", Sweep.json(runs));
            m.put("picture", picture.toString());
            w.println(Json.write(m));
        } else if (!run.quiet) {
            w.println("Wrote " + picture);
        }
        w.flush();
        return 0;
    }
}
