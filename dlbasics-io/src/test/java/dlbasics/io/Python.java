package dlbasics.io;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs python3 scripts from tests; skips the test (Assumptions) where python3 or numpy is missing. */
final class Python {
    private static Boolean available;

    private Python() {
    }

    /** Skips the calling test unless {@code python3 -c "import numpy"} succeeds. */
    static synchronized void assumeNumpy() {
        if (available == null) {
            try {
                available = run(List.of("python3", "-c", "import numpy"), 60).exitCode() == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        Assumptions.assumeTrue(available, "python3 with numpy is not installed; skipping the numpy interop check");
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code python3 script args...} and returns its exit code and output. */
    static Result script(Path script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        return run(command, 120);
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Path out = java.nio.file.Files.createTempFile("python-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("python-err", ".txt");
        try {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(command + " did not finish within " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command, e);
            }
            return new Result(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }
}
