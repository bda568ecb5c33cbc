package dlbasics.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The start path: Main makes only the subcommand a command line names, and that changes nothing the user sees. */
class DlbasicsCommandTest {
    private static final List<String> ALL = List.of("train", "evaluate", "predict", "sweep", "demo", "playground", "help");

    @Test
    void subcommandsForNamesOnlyWhatTheLineNeeds() {
        assertEquals(List.of("train"), DlbasicsCommand.subcommandsFor("train", "--data", "flower"));
        assertEquals(List.of("predict"), DlbasicsCommand.subcommandsFor("predict", "out", "cat.jpg"));
        assertEquals(List.of(), DlbasicsCommand.subcommandsFor("--version"));
        assertEquals(List.of(), DlbasicsCommand.subcommandsFor("-V"));
        // the command list, a suggestion for a misspelt name, and `help NAME` need every subcommand
        assertEquals(ALL, DlbasicsCommand.subcommandsFor());
        assertEquals(ALL, DlbasicsCommand.subcommandsFor("--help"));
        assertEquals(ALL, DlbasicsCommand.subcommandsFor("trian", "--data", "flower"));
        assertEquals(ALL, DlbasicsCommand.subcommandsFor("help", "train"));
        assertEquals(ALL, DlbasicsCommand.subcommandsFor("--version", "train"));
    }

    @Test
    void theLazyCommandLineSaysWhatTheFullOneSays() {
        String[][] lines = {
            {"--version"}, {"--help"}, {}, {"trian"}, {"help", "sweep"},
            {"train", "--help"}, {"train", "--data", "no-such-set"}, {"train", "--data", "xor", "--iterations", "-3"},
            {"evaluate", "--help"}, {"predict"}, {"sweep", "--version"}, {"demo", "--bogus"}, {"playground", "--port", "-1"},
        };
        for (String[] args : lines) {
            String[] lazy = run(DlbasicsCommand.subcommandsFor(args), args);
            String[] full = run(ALL, args);
            String what = String.join(" ", args);
            assertEquals(full[0], lazy[0], what + ": exit code");
            assertEquals(full[1], lazy[1], what + ": stdout");
            assertEquals(full[2], lazy[2], what + ": stderr");
        }
    }

    /** exit code, stdout, stderr. */
    private static String[] run(List<String> subcommands, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = DlbasicsCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), false, subcommands);
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
