/**
 * The {@code dlbasics} command (picocli). {@link dlbasics.cli.Main} is one line;
 * {@link dlbasics.cli.DlbasicsCommand} holds the subcommands (train, evaluate, predict, sweep, demo),
 * the exit codes (0 success, 1 runtime error with a one-line cause, 2 usage error) and the error
 * handlers. Each command class holds its options and delegates: data sets to {@code DataSource},
 * model choices and the course's defaults to {@code Plan}, training to {@code Run}, files to
 * {@code Outputs}, progress to the {@code Progress} listener.
 */
package dlbasics.cli;
