package dlbasics.plot;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes pictures as PNG files. Every picture of this module is drawn off screen; {@link #headless()}
 * makes sure AWT never looks for a display (servers, CI).
 */
public final class Png {
    private Png() {
    }

    /** Sets {@code java.awt.headless=true} unless the caller chose otherwise; called by every renderer. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Writes {@code image} to {@code file} as PNG, creating the folder if needed. The picture is written
     * to a temporary file beside the target and then moved over it, so a reader never sees half a file.
     */
    public static Path write(BufferedImage image, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IllegalStateException("Png.write: no PNG writer in this Java runtime");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }
}
