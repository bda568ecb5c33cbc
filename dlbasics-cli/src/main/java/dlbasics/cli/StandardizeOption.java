package dlbasics.cli;

import picocli.CommandLine.Option;

/** {@code --standardize}, for the commands that train (a saved model already takes raw values). */
final class StandardizeOption {
    @Option(names = "--standardize", description = "CSV: scale each feature to mean 0 and standard deviation 1 (fitted on the training part)")
    boolean standardize;
}
