package dlbasics.playground;

import java.nio.file.Path;

/**
 * How a playground server starts.
 *
 * @param host    the address to bind; "127.0.0.1" (loopback, the default) keeps it to this machine
 * @param port    the port, 0 for any free one
 * @param saveDir where "Save model" writes (the page never names a path); null turns saving off
 * @param limits  the bounds on the work pages may ask for
 */
public record PlaygroundConfig(String host, int port, Path saveDir, Limits limits) {
    /** Checks the values. */
    public PlaygroundConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("PlaygroundConfig: host is empty; use 127.0.0.1 for this machine only");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PlaygroundConfig: port " + port + " is outside 0..65535 (0 picks a free port)");
        }
        if (limits == null) {
            throw new IllegalArgumentException("PlaygroundConfig: limits are null; use Limits.DEFAULT");
        }
    }

    /** Loopback, a free port, no saving, the default limits. */
    public static PlaygroundConfig loopback() {
        return new PlaygroundConfig("127.0.0.1", 0, null, Limits.DEFAULT);
    }

    /** This configuration saving models into {@code dir}. */
    public PlaygroundConfig withSaveDir(Path dir) {
        return new PlaygroundConfig(host, port, dir, limits);
    }

    /** This configuration with other limits. */
    public PlaygroundConfig withLimits(Limits newLimits) {
        return new PlaygroundConfig(host, port, saveDir, newLimits);
    }

    /** Whether the bind address is a loopback one (otherwise the CLI warns). */
    public boolean loopbackOnly() {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
