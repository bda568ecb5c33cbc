package dlbasics.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the course's shared material lives: the system property {@code dlbasics.shared} (set by surefire). */
final class SharedData {
    private SharedData() {
    }

    /** The shared folder; fails with a hint when it cannot be found. */
    static Path root() {
        String property = System.getProperty("dlbasics.shared");
        Path root = property != null ? Path.of(property) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(root.resolve("datasets"))) {
            throw new IllegalStateException("shared folder not found at " + root.toAbsolutePath()
                    + "; run the tests through Maven or set -Ddlbasics.shared=<path to shared>");
        }
        return root;
    }

    static Path datasets() {
        return root().resolve("datasets");
    }
}
