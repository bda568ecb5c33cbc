/**
 * The {@code dlbasics} command (picocli). {@link dlbasics.cli.Main} is one line;
 * {@link dlbasics.cli.DlbasicsCommand} holds the subcommands (train, evaluate, predict, sweep, demo),
 * the exit codes (0 success, 1 runtime error with a one-line cause, 2 usage error) and the error
 * handlers. Each command class holds its options (shared ones in the {@code DataOptions},
 * {@code ModelOptions}, {@code RunOptions} mixins) and delegates: data sets to {@code DataSource},
 * CSV columns to {@code Columns}, the defaults to the one {@code Preset} table via {@code Plan},
 * training to {@code Run}, the --out folder to {@code OutputFolder}, files to {@code Outputs},
 * progress to the {@code Progress} listener, a stopped run's report to {@code Interruption}, the
 * memory estimate to {@code Memory}, JSON to {@code Json} (Jackson).
 *
 * <p>Nothing is silently ignored: an option that does not apply to the chosen data is a usage error
 * (exit 2), and what the library finds doubtful (one class, a cost that rises or stalls, columns left
 * out, a truncated picture) is a warning on stderr and in {@code --json}.
 */
package dlbasics.cli;
