package dlbasics.cli;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a jshell script (a notebook under {@code notebooks/}) cell by cell and stops at the first
 * cell that fails, with jshell's message for it and exit code 1: {@code ./dlbasics shell script.jsh}.
 *
 * <p>Why a runner: {@code jshell script.jsh} reports a rejected cell, goes on with the next one and
 * exits 0, so a broken notebook looks like a working one. This runner feeds the script to the
 * {@code jdk.jshell} API one complete snippet at a time (as jshell splits it), after the same
 * startup script as the interactive shell ({@code notebooks/startup.jsh}: the imports and
 * {@code print}). Snippets run in this JVM (jshell's "local" engine), so output streams as it is
 * printed, the start is quick, and a snippet's {@code System.exit(n)} ends the run with {@code n}.
 *
 * <p>Exit codes: 0 every cell ran; 1 a cell was rejected or threw (the cell and its line are
 * named); 2 usage (no such script).
 */
public final class NotebookRunner {
    /** The imports and helpers of every notebook, the file notebooks/startup.jsh packed in the jar. */
    static final String STARTUP_RESOURCE = "/dlbasics/cli/startup.jsh";
    static final int OK = 0;
    static final int CELL_FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    NotebookRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new NotebookRunner(System.out, System.err).run(args));
    }

    /** Runs {@code args[0]}; the further arguments are the script's, readable as {@code ARGS}. */
    int run(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            err.println("usage: dlbasics shell [script.jsh [arguments...]]  (without a script: the interactive shell)");
            return USAGE;
        }
        Path script = Path.of(args[0]);
        String source;
        try {
            source = Files.readString(script, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("dlbasics shell: no script " + script.toAbsolutePath().normalize()
                    + "; the course's notebooks are in notebooks/ (e.g. notebooks/planar-data.jsh)");
            return USAGE;
        } catch (IOException e) {
            err.println("dlbasics shell: cannot read " + script + ": " + e.getMessage());
            return USAGE;
        }
        List<String> scriptArgs = List.of(args).subList(1, args.length);
        try (JShell shell = JShell.builder().executionEngine("local")
                .compilerOptions("--class-path", System.getProperty("java.class.path")).build()) {
            if (!runCells(shell, startup(), "startup.jsh")) {
                throw new IllegalStateException("dlbasics shell: the startup script failed (see above); the jar is broken");
            }
            String argsCell = "String[] ARGS = {" + scriptArgs.stream().map(NotebookRunner::javaString)
                    .reduce((a, b) -> a + ", " + b).orElse("") + "};";
            if (!runCells(shell, argsCell, "arguments")) {
                throw new IllegalStateException("dlbasics shell: could not pass the script's arguments");
            }
            return runCells(shell, source, script.toString()) ? OK : CELL_FAILED;
        }
    }

    /** The startup script from the jar (the same text the interactive shell starts with). */
    static String startup() {
        try (InputStream in = NotebookRunner.class.getResourceAsStream(STARTUP_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("dlbasics shell: " + STARTUP_RESOURCE + " is missing from the class path; rebuild the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("dlbasics shell: cannot read " + STARTUP_RESOURCE, e);
        }
    }

    /**
     * Evaluates {@code source} snippet by snippet; false after the first failing one (reported on err).
     * Lines are gathered the way the jshell tool reads them: line by line until what is gathered is
     * a complete snippet, so {@code print(A)} without a semicolon ends at its line.
     */
    boolean runCells(JShell shell, String source, String name) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        StringBuilder pending = new StringBuilder();
        int cellLine = -1;
        int lineNumber = 0;
        for (String line : source.split("\n", -1)) {
            lineNumber++;
            String trimmed = line.strip();
            if (cellLine < 0 && !trimmed.isEmpty() && !trimmed.startsWith("//")) {
                cellLine = lineNumber;
            }
            pending.append(line).append('\n');
            while (!pending.toString().isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending.toString());
                SourceCodeAnalysis.Completeness c = info.completeness();
                if (c == SourceCodeAnalysis.Completeness.EMPTY) {
                    pending.setLength(0);
                    cellLine = -1;
                } else if (c.isComplete() || c == SourceCodeAnalysis.Completeness.UNKNOWN) {
                    String cell = info.source() != null ? info.source() : pending.toString();
                    String rest = info.remaining() != null ? info.remaining() : "";
                    if (!eval(shell, cell, name, cellLine < 0 ? lineNumber : cellLine)) {
                        return false;
                    }
                    pending.setLength(0);
                    pending.append(rest);
                    cellLine = rest.isBlank() ? -1 : lineNumber;
                } else {
                    break; // incomplete: read the next line
                }
            }
        }
        if (!pending.toString().isBlank()) {
            // the script ends inside a snippet (a missing brace or parenthesis): let jshell say why
            return eval(shell, pending.toString(), name, cellLine < 0 ? lineNumber : cellLine);
        }
        return true;
    }

    private boolean eval(JShell shell, String cell, String name, int cellLine) {
        List<SnippetEvent> events = shell.eval(cell);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // an update of another snippet, not this cell's result
            }
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                List<Diag> diags = shell.diagnostics(s).toList();
                List<String> lines = new ArrayList<>();
                for (Diag d : diags) {
                    lines.addAll(describe(d, s.source()));
                }
                if (diags.isEmpty()) {
                    lines.add("|  Error:");
                    lines.add("|  this cell was rejected (an incomplete statement or a missing brace?)");
                }
                fail(lines, name, cellLine, s.source());
                return false;
            }
            if (e.exception() != null) {
                fail(describe(e.exception()), name, cellLine, s.source());
                return false;
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<String> lines = new ArrayList<>();
                for (Diag d : shell.diagnostics(s).toList()) {
                    lines.addAll(describe(d, s.source()));
                }
                fail(lines, name, cellLine, s.source());
                return false;
            }
        }
        return true;
    }

    private void fail(List<String> lines, String name, int cellLine, String source) {
        out.flush();
        for (String l : lines) {
            err.println(l);
        }
        String first = source.strip().lines().findFirst().orElse("");
        err.println("dlbasics shell: stopped at the cell on line " + cellLine + " of " + name + ": " + first);
        err.flush();
    }

    /** A compiler message the way jshell prints it: kind, message, the source line and a caret. */
    static List<String> describe(Diag d, String source) {
        List<String> lines = new ArrayList<>();
        lines.add(d.isError() ? "|  Error:" : "|  Warning:");
        d.getMessage(Locale.ROOT).lines().forEach(l -> lines.add("|  " + l));
        long pos = d.getPosition();
        if (pos >= 0 && pos <= source.length()) {
            int start = source.lastIndexOf('\n', (int) Math.max(0, pos - 1)) + 1;
            if (pos == 0) {
                start = 0;
            }
            int end = source.indexOf('\n', (int) pos);
            String text = source.substring(start, end < 0 ? source.length() : end);
            lines.add("|  " + text);
            lines.add("|  " + " ".repeat((int) (pos - start)) + "^");
        }
        return lines;
    }

    /** An exception thrown by a cell, as jshell prints it: class, message and the frames up to the cell. */
    static List<String> describe(Throwable t) {
        List<String> lines = new ArrayList<>();
        String className = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
        if (t instanceof UnresolvedReferenceException u) {
            lines.add("|  Attempted to use " + u.getSnippet().source().strip().lines().findFirst().orElse("")
                    + ", which cannot be used until something it refers to is declared");
            return lines;
        }
        lines.add("|  Exception " + className + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        for (StackTraceElement f : t.getStackTrace()) {
            String cls = f.getClassName();
            if (cls.startsWith("REPL.")) {
                lines.add("|        at (cell, line " + f.getLineNumber() + ")");
                break;
            }
            lines.add("|        at " + cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethodName()
                    + " (" + f.getFileName() + ":" + f.getLineNumber() + ")");
        }
        Throwable cause = t.getCause();
        if (cause != null) {
            String causeName = cause instanceof EvalException ee ? ee.getExceptionClassName() : cause.getClass().getName();
            lines.add("|  Caused by: " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        return lines;
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
