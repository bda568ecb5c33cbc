package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * train and evaluate with K = 3 classes from IDX files written here: 4 x 4 grey images where class k
 * lights row k (plus seeded noise), so a small softmax network separates them. The files go through
 * --train-images/--train-labels/--test-images/--test-labels; the classes are numbered "0".."2".
 */
class ClassesCommandTest {
    @TempDir
    Path dir;

    /** m images of 4 x 4 and their labels j % 3, as IDX files named prefix-images / prefix-labels. */
    private Path[] write(String prefix, int m, long seed) throws IOException {
        java.util.Random rng = new java.util.Random(seed);
        ByteBuffer images = ByteBuffer.allocate(16 + m * 16).putInt(0x803).putInt(m).putInt(4).putInt(4);
        ByteBuffer labels = ByteBuffer.allocate(8 + m).putInt(0x801).putInt(m);
        for (int j = 0; j < m; j++) {
            int k = j % 3;
            for (int p = 0; p < 16; p++) {
                images.put((byte) (p / 4 == k ? 150 + rng.nextInt(100) : rng.nextInt(100)));
            }
            labels.put((byte) k);
        }
        Path i = Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.array());
        Path l = Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
        return new Path[] {i, l};
    }

    @Test
    void trainAndEvaluateThreeClassesFromIdxFiles() throws IOException {
        Path[] train = write("train", 90, 1);
        Path[] test = write("t10k", 30, 2);
        String[] data = {"--data", "fashion-mnist", "--train-images", train[0].toString(), "--train-labels", train[1].toString(),
                "--test-images", test[0].toString(), "--test-labels", test[1].toString()};
        Path out = dir.resolve("out");
        String[] args = concat(new String[] {"train", "--model", "deep", "--layers", "8", "--iterations", "300", "--lr", "0.5",
                "--out", out.toString()}, data);
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Data: fashion-mnist (" + dir + ": 90 train / 30 test images of 4x4, 3 classes)\n"), r.out());
        assertTrue(r.out().contains("Model: deep [16, 8, 3] relu, softmax output, learning rate 0.5, 300 iterations, seed 1\n"), r.out());
        assertTrue(r.out().contains("Test accuracy: 100 %"), r.out());
        assertTrue(r.out().contains("Wrote " + out.resolve(Outputs.CONFUSION)), r.out());
        Cli.checkPng(out.resolve(Outputs.CONFUSION), ConfusionSize.WIDTH, ConfusionSize.HEIGHT, 3);

        Cli.Result e = Cli.run(concat(new String[] {"evaluate", out.toString()}, data));
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(e.out().contains("Network[16, 8, 3] (relu hidden, softmax output, 163 parameters)"), e.out());
        assertTrue(e.out().contains("\ntest (30 examples)\n  accuracy        100 %\n  top-3 accuracy  100 %\n"), e.out());
        // the confusion matrix of the test set: 10 of each class on the diagonal
        Matcher m = Pattern.compile("\\n\\s+2\\s+0\\s+0\\s+10\\n").matcher(e.out().substring(e.out().indexOf("test (")));
        assertTrue(m.find(), e.out());

        Cli.Result bad = Cli.run("train", "--data", "fashion-mnist", "--train-images", train[0].toString());
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("give all four IDX files (--train-images, --train-labels, --test-images, --test-labels) or none"),
                bad.err());
        Cli.Result wrong = Cli.run("train", "--data", "flower", "--train-limit", "5");
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("are for --data fashion-mnist; --data flower does not read them"), wrong.err());
    }

    @Test
    void aCsvWithThreeClassesTrainsDrawsRegionsAndEvaluates() throws IOException {
        java.util.Random rng = new java.util.Random(3);
        StringBuilder csv = new StringBuilder("x1,x2,kind\n");
        double[][] centres = {{-3, 0}, {3, 0}, {0, 3}};
        for (int j = 0; j < 150; j++) {
            int k = j % 3;
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%d%n", centres[k][0] + rng.nextGaussian() * 0.6,
                    centres[k][1] + rng.nextGaussian() * 0.6, k));
        }
        Path file = Files.writeString(dir.resolve("three.csv"), csv);
        Path out = dir.resolve("csv-out");
        Cli.Result r = Cli.run("train", "--data", file.toString(), "--model", "shallow", "--hidden", "6", "--lr", "0.5",
                "--iterations", "500", "--test-split", "0.2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Model: shallow [2, 6, 3] tanh, softmax output"), r.out());
        assertTrue(r.out().contains("Test accuracy: 100 %"), r.out());
        assertTrue(Files.isRegularFile(out.resolve(Outputs.BOUNDARY)), "the decision regions of 3 classes are drawn");
        Cli.Result e = Cli.run("evaluate", out.toString(), "--data", file.toString(), "--test-split", "0.2");
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(e.out().contains("macro avg"), e.out());
        assertTrue(e.out().contains("    0 = 0\n    1 = 1\n    2 = 2\n"), e.out());
    }

    /** confusion.png of 3 classes with 44-pixel cells (ConfusionMatrixPlot's margins: 130 left, 70 top, 20 right, 40 below). */
    private static final class ConfusionSize {
        static final int WIDTH = 130 + 3 * 44 + 20;
        static final int HEIGHT = 70 + 3 * 44 + 40;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
