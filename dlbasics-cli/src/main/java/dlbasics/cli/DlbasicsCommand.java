package dlbasics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The top of the {@code dlbasics} command: the subcommands, the exit codes, and how errors are shown
 * (a one-line cause, never a stack trace).
 */
@Command(name = "dlbasics", mixinStandardHelpOptions = true, versionProvider = DlbasicsCommand.Version.class,
        usageHelpAutoWidth = true,
        description = "Deep-learning basics: train, evaluate and use the course's models on its data or yours.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime error (a one-line cause is printed)",
                "2:usage error (unknown option, data set or value)"})
public final class DlbasicsCommand implements Runnable {
    /** Exit code of a failure while running (missing file, diverged training, ...). */
    static final int RUNTIME_ERROR = 1;
    /** The version every command's --version prints. */
    static final String VERSION = "dlbasics 0.1.0";

    /** Gives {@code --version} of every subcommand the one version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {VERSION};
        }
    }

    @Spec
    CommandSpec spec;

    /** Whether to draw progress bars: stdout is a terminal. */
    boolean terminal;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a command: train, evaluate, predict, sweep, demo or playground");
    }

    /**
     * The subcommands in the order {@code dlbasics --help} lists them. They are made on demand: picocli reads
     * every option of a command by reflection when the command is added, which is most of the start's time.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("train", TrainCommand::new);
        m.put("evaluate", EvaluateCommand::new);
        m.put("predict", PredictCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("playground", PlaygroundCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /**
     * The subcommands a command line needs: the one its first word names, none for {@code --version} alone,
     * and all of them otherwise (the list in {@code --help}, suggestions for a misspelt name, {@code help NAME}).
     */
    static List<String> subcommandsFor(String... args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
            return List.of(args[0]);
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        return List.copyOf(SUBCOMMANDS.keySet());
    }

    /** The command line for {@code args} on System.out and System.err, with progress bars when stdout is a terminal. */
    public static CommandLine commandLine(String... args) {
        System.setProperty("java.awt.headless", "true");
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.console() != null,
                subcommandsFor(args));
    }

    /** The command line writing to {@code out} and {@code err}, with every subcommand (tests pass string writers). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean terminal) {
        return commandLine(out, err, terminal, List.copyOf(SUBCOMMANDS.keySet()));
    }

    /** The command line with only the named subcommands (see {@link #subcommandsFor}); the same behaviour for those. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean terminal, List<String> subcommands) {
        DlbasicsCommand top = new DlbasicsCommand();
        top.terminal = terminal;
        CommandLine cl = new CommandLine(top);
        for (String name : subcommands) {
            Supplier<Object> command = SUBCOMMANDS.get(name);
            if (command == null) {
                throw new IllegalStateException("DlbasicsCommand.commandLine: no subcommand '" + name + "'; known: " + SUBCOMMANDS.keySet());
            }
            cl.addSubcommand(name, command.get());
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        cl.setUsageHelpLongOptionsMaxWidth(28);
        for (CommandLine sub : cl.getSubcommands().values()) {
            // a command's header is its one-line summary in the command list; its own help starts with "Usage:"
            java.util.List<String> keys = new java.util.ArrayList<>(sub.getHelpSectionKeys());
            keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
            keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
            sub.setHelpSectionKeys(keys);
        }
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter e = c.getErr();
            e.println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            e.flush();
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + cause(ex));
            c.getErr().flush();
            return RUNTIME_ERROR;
        });
        return cl;
    }

    /** A warning on stderr in the command's voice: "dlbasics train: warning: ...". */
    static void warn(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": warning: " + message);
        err.flush();
    }

    /** A library message without its Java API prefix: "ModelFile.read: x" gives "x". */
    static String withoutApiName(String message) {
        return message == null ? null : message.replaceFirst("^[A-Z][A-Za-z]*(\\.[a-z][A-Za-z]*)?: ", "");
    }

    /** One line saying what went wrong, for any exception, in the command's words (no Java class or method names). */
    static String cause(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null && ex.getMessage() == null ? ex.getCause() : ex;
        String message;
        if (t instanceof NoSuchFileException nsf) {
            message = "file not found: " + nsf.getFile();
        } else if (t instanceof java.nio.file.AccessDeniedException ade) {
            message = "permission denied: " + ade.getFile();
        } else if (t instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            message = fse.getFile() + ": " + (fse.getReason().equalsIgnoreCase("Is a directory") ? "is a directory" : fse.getReason());
        } else if (t instanceof IOException) {
            message = "cannot read or write a file: " + t.getMessage();
        } else if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof UncheckedIOException || t instanceof dlbasics.model.TrainingDivergedException) {
            message = t.getMessage();
        } else {
            message = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        if (message == null) {
            message = t.getClass().getSimpleName();
        }
        return withoutApiName(message).replaceAll("\\s*\\R\\s*", " ");
    }
}
