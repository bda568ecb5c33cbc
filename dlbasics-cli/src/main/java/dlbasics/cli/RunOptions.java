package dlbasics.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How a training command runs: threads for large products, and how much it says while training. */
final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for large matrix products (default: every processor; sets dlbasics.threads)")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress: print only the results (and warnings on stderr)")
    boolean quiet;

    /** Checks --threads and sets it before the first product (the pool reads it when first needed). */
    void apply() {
        if (threads != null) {
            if (threads < 1 || threads > 1024) {
                throw new ParameterException(spec.commandLine(), "--threads is " + threads + "; give 1 or more threads (e.g. 2)");
            }
            System.setProperty("dlbasics.threads", Integer.toString(threads));
        }
    }
}
