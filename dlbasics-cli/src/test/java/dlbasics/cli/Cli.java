package dlbasics.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the dlbasics command in-process with captured output, and checks the pictures it writes. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return run(false, args);
    }

    static Result run(boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DlbasicsCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), terminal).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code train}, then {@code options}, then {@code more}: one argument list from a fixed set of options and a run's own. */
    static String[] train(String[] options, String... more) {
        String[] all = new String[options.length + more.length + 1];
        all[0] = "train";
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(more, 0, all, 1 + options.length, more.length);
        return all;
    }

    /** The course's shared folder (surefire sets dlbasics.shared). */
    static Path shared() {
        return Path.of(System.getProperty("dlbasics.shared", "../../shared"));
    }

    static Path datasets() {
        return shared().resolve("datasets");
    }

    /** Checks a PNG: the size, not blank, and at least {@code minColours} colours. */
    static BufferedImage checkPng(Path file, int width, int height, int minColours) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " written");
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(width, img.getWidth(), file + ": width");
        assertEquals(height, img.getHeight(), file + ": height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.size() >= minColours, file + ": " + colours.size() + " colours, expected at least " + minColours);
        return img;
    }

    /** The number of pixels of exactly this colour. */
    static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
