package dlbasics.cli;

import dlbasics.playground.Limits;
import dlbasics.playground.PlaygroundConfig;
import dlbasics.playground.PlaygroundServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code dlbasics playground}: serves the browser playground (dlbasics-playground) until Ctrl-C.
 * Holds the options and delegates to {@link PlaygroundServer}.
 */
@Command(name = "playground", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Watch a network learn in the browser: a local web page that trains with dlbasics' own Trainer",
                "(data set, noise, hidden layers, learning rate; Start / Pause / Step; live decision boundary and cost curve).",
                "Listens on 127.0.0.1 only unless --host says otherwise; the printed address carries a per-launch token.",
                "Stop it with Ctrl-C."},
        footer = {"", "Examples:", "  dlbasics playground", "  dlbasics playground --port 8123 --open --save-dir models"})
final class PlaygroundCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port to listen on (default: a free one)")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only); another address lets other machines in and prints a warning")
    String host;

    @Option(names = "--open", description = "Open the page in the system's browser")
    boolean open;

    @Option(names = "--save-dir", paramLabel = "DIR", defaultValue = "playground-models",
            description = "Folder where \"Save model\" writes safetensors files (default: ${DEFAULT-VALUE}); the page never chooses a path")
    Path saveDir;

    @Option(names = "--max-pages", paramLabel = "N", defaultValue = "8",
            description = "Pages that may be open (and training) at once (default: ${DEFAULT-VALUE})")
    int maxPages;

    /** Counted down to stop the server (tests; Ctrl-C ends the JVM through the shutdown hook instead). */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is outside 0..65535 (0 picks a free port)");
        }
        if (maxPages < 1 || maxPages > 64) {
            throw new ParameterException(spec.commandLine(), "--max-pages " + maxPages + " is outside 1..64");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlaygroundConfig config = new PlaygroundConfig(host, port, saveDir, Limits.DEFAULT.withMaxPages(maxPages));
        PlaygroundServer server;
        try {
            server = PlaygroundServer.start(config);
        } catch (BindException e) {
            throw new IllegalArgumentException("playground: cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another --port, or leave it out for a free one");
        }
        Thread hook = new Thread(server::close, "playground-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (!config.loopbackOnly()) {
                err.println("warning: listening on " + host + ", not only this machine: anyone who can reach this address "
                        + "and has the token can train networks here; use the default 127.0.0.1 unless you need this");
                err.flush();
            }
            out.println("dlbasics playground: open " + server.url());
            out.println("Models are saved in " + saveDir.toAbsolutePath() + "; press Ctrl-C to stop.");
            out.flush();
            if (open && !browse(server.url())) {
                err.println("playground: could not start a browser; open the address above yourself");
                err.flush();
            }
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
        }
        return 0;
    }

    /** Starts the system's browser on {@code url}: xdg-open, open (macOS) or the Windows URL handler. */
    private static boolean browse(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
