package dlbasics.cli;

import dlbasics.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classes with names, end to end through train, evaluate and predict: a CSV whose label column holds
 * species names (3 classes, softmax) or M/B (2 classes, the course's sigmoid), and folders of PNG images
 * written here, one sub-folder per class, in grey and in colour.
 */
class NamedClassesTest {
    @TempDir
    Path dir;

    /** 150 points around three centres, labelled by name in the order virginica, setosa, versicolor (not sorted). */
    private Path speciesCsv() throws IOException {
        Random rng = new Random(7);
        String[] names = {"virginica", "setosa", "versicolor"};
        double[][] centres = {{3, 0}, {-3, 0}, {0, 3}};
        StringBuilder csv = new StringBuilder("petal_length,petal_width,species\n");
        for (int j = 0; j < 150; j++) {
            int k = j % 3;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", centres[k][0] + rng.nextGaussian() * 0.5,
                    centres[k][1] + rng.nextGaussian() * 0.5, names[k]));
        }
        return Files.writeString(dir.resolve("species.csv"), csv);
    }

    @Test
    void aCsvOfSpeciesNamesTrainsEvaluatesAndPredictsByName() throws IOException {
        Path csv = speciesCsv();
        Path out = dir.resolve("species");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--model", "shallow", "--hidden", "5", "--lr", "0.5",
                "--iterations", "300", "--test-split", "0.2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Data: species.csv (150 examples, 2 features, classes [setosa, versicolor, virginica] "
                + "by sorted name), 120 train / 30 test\n"), r.out());
        assertTrue(r.out().contains("Model: shallow [2, 5, 3] tanh, softmax output"), r.out());
        assertTrue(r.out().contains("Test accuracy: 100 %"), r.out());
        assertEquals(List.of("setosa", "versicolor", "virginica"), ModelFile.read(out.resolve("model.safetensors")).classNames(),
                "sorted names kept in the model file");

        Cli.Result e = Cli.run("evaluate", out.toString(), "--data", csv.toString(), "--test-split", "0.2");
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(e.out().contains("\ntest (30 examples)\n  accuracy        100 %\n"), e.out());
        for (String name : List.of("setosa", "versicolor", "virginica")) {
            assertTrue(e.out().contains("  " + name + " "), "per-class report and confusion table name " + name + ": " + e.out());
        }

        // a file with some of the classes scores with the model's numbering
        Path some = Files.writeString(dir.resolve("some.csv"), "petal_length,petal_width,species\n0.1,3.2,versicolor\n-2.9,0.2,setosa\n");
        Cli.Result p = Cli.run("predict", out.toString(), some.toString());
        assertEquals(0, p.exitCode(), p.toString());
        String[] lines = p.out().split("\n");
        assertEquals("line,probability,prediction,class", lines[0]);
        assertTrue(lines[1].matches("2,0\\.\\d{6},1,versicolor"), p.out());
        assertTrue(lines[2].matches("3,0\\.\\d{6},0,setosa"), p.out());
        Cli.Result pj = Cli.run("predict", out.toString(), some.toString(), "--json");
        assertTrue(pj.out().matches("(?s).*\"prediction\":1,\"class\":\"versicolor\",\"probabilities\":\\{\"setosa\":[^,]+,"
                + "\"versicolor\":0\\.9[^,]+,\"virginica\":[^}]+},\"line\":2}.*"), pj.out());
        Cli.Result ev = Cli.run("evaluate", out.toString(), "--data", some.toString());
        assertEquals(0, ev.exitCode(), ev.toString());
        assertTrue(ev.out().contains("  accuracy        100 %"), ev.out());

        Path unknown = Files.writeString(dir.resolve("unknown.csv"), "petal_length,petal_width,species\n0.1,3.2,versicolor\n1,1,lily\n");
        Cli.Result bad = Cli.run("predict", out.toString(), unknown.toString());
        assertEquals(1, bad.exitCode(), bad.toString());
        assertEquals("dlbasics predict: CSV " + unknown + " line 3, column 3 (\"species\"): label \"lily\" is not one of the model's "
                + "classes [setosa, versicolor, virginica]; use the model on data of the classes it was trained on (names are "
                + "case-sensitive)\n", bad.err());
        Cli.Result badEval = Cli.run("evaluate", out.toString(), "--data", unknown.toString());
        assertEquals(1, badEval.exitCode(), badEval.toString());
        assertTrue(badEval.err().contains("line 3, column 3 (\"species\"): label \"lily\" is not one of the model's classes"), badEval.err());
    }

    @Test
    void twoNamedClassesKeepTheSigmoidAndTheirNames() throws IOException {
        Random rng = new Random(5);
        StringBuilder text = new StringBuilder("radius,texture,diagnosis\n");
        for (int j = 0; j < 80; j++) {
            boolean malignant = j % 2 == 0;
            text.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", (malignant ? 2 : -2) + rng.nextGaussian(),
                    rng.nextGaussian(), malignant ? "M" : "B"));
        }
        Path csv = Files.writeString(dir.resolve("cancer.csv"), text);
        Path out = dir.resolve("cancer");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--model", "logistic", "--iterations", "200", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("[2, 1]"), "one sigmoid unit: " + r.out());
        assertEquals(List.of("B", "M"), ModelFile.read(out.resolve("model.safetensors")).classNames());
        Cli.Result e = Cli.run("evaluate", out.toString(), "--data", csv.toString());
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(e.out().matches("(?s).*\\n\\s+B\\s+M\\n\\s+B\\s+\\d+\\s+\\d+\\n\\s+M\\s+\\d+\\s+\\d+\\n.*"), e.out());
        Cli.Result json = Cli.run("evaluate", out.toString(), "--data", csv.toString(), "--json");
        assertTrue(json.out().contains("\"class_names\":[\"B\",\"M\"]"), json.out());
        Path one = Files.writeString(dir.resolve("one.csv"), "radius,texture\n3.0,0.1\n");
        Cli.Result p = Cli.run("predict", out.toString(), one.toString());
        assertEquals(0, p.exitCode(), p.toString());
        assertTrue(p.out().matches("line,probability,prediction,class\\n2,0\\.9\\d{5},1,M\\n"), p.out());
    }

    /**
     * Writes {@code perClass} PNGs of {@code side x side} per class: class "across" lights the top rows,
     * "down" the left columns, "dots" every other pixel; seeded noise on top, painted in {@code tint}.
     */
    private Path imageFolder(String name, int side, int perClass, long seed, int tint) throws IOException {
        Random rng = new Random(seed);
        Path root = dir.resolve(name);
        String[] classes = {"across", "down", "dots"};
        for (int k = 0; k < classes.length; k++) {
            Files.createDirectories(root.resolve(classes[k]));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        boolean on = k == 0 ? y < side / 2 : k == 1 ? x < side / 2 : (x + y) % 2 == 0;
                        int v = (on ? 170 : 0) + rng.nextInt(60);
                        image.setRGB(x, y, (v * ((tint >> 16) & 1)) << 16 | (v * ((tint >> 8) & 1)) << 8 | v * (tint & 1));
                    }
                }
                ImageIO.write(image, "png", root.resolve(classes[k]).resolve(String.format(Locale.ROOT, "%03d.png", i)).toFile());
            }
        }
        return root;
    }

    @Test
    void aGreyImageFolderTrainsEvaluatesAndPredictsFilesAndFolders() throws IOException {
        Path photos = imageFolder("shapes", 16, 20, 3, 0x010101);
        Path out = dir.resolve("shapes-out");
        Cli.Result r = Cli.run("train", "--data", photos.toString(), "--image-size", "8", "--grey", "--model", "deep", "--layers", "10",
                "--lr", "0.3", "--iterations", "300", "--test-split", "0.25", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Data: shapes (" + photos + ": 60 images of 8x8 grey, 3 classes [across, dots, down]), 45 train / 15 test"),
                r.out());
        assertTrue(r.out().contains("Model: deep [64, 10, 3] relu, softmax output"), r.out());
        assertTrue(r.out().contains("Test accuracy: 100 %"), r.out());
        assertEquals(List.of("across", "dots", "down"), ModelFile.read(out.resolve("model.safetensors")).classNames());

        // the image shape comes from the model's 64 inputs: 8 x 8 grey, as trained
        Cli.Result e = Cli.run("evaluate", out.toString(), "--data", photos.toString(), "--test-split", "0.25");
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(e.out().contains("\ntest (15 examples)\n  accuracy        100 %\n"), e.out());
        assertTrue(e.out().contains("Data: shapes (" + photos + ": 60 images of 8x8 grey, 3 classes [across, dots, down])"), e.out());
        assertTrue(e.out().contains("dots"), e.out());

        // a 16 x 16 file is resized to 8 x 8 grey as in training: the model's 64 inputs say so
        Path file = photos.resolve("dots").resolve("007.png");
        Cli.Result p = Cli.run("predict", out.toString(), file.toString());
        assertEquals(0, p.exitCode(), p.toString());
        assertTrue(p.out().matches(java.util.regex.Pattern.quote(file.toString())
                + ": y = 1, your model predicts a \"dots\" picture\\. \\(probability of dots: 0\\.\\d{4}\\)\\n"), p.out());
        Cli.Result folder = Cli.run("predict", out.toString(), photos.resolve("down").toString());
        assertEquals(0, folder.exitCode(), folder.toString());
        assertEquals(20, folder.out().lines().filter(l -> l.contains("predicts a \"down\" picture")).count(), folder.out());

        // a folder the model has not seen a class of: the class folder is named
        Files.createDirectories(dir.resolve("more/stars"));
        Files.copy(file, dir.resolve("more/stars/a.png"));
        Cli.Result bad = Cli.run("evaluate", out.toString(), "--data", dir.resolve("more").toString(), "--image-size", "8", "--grey");
        assertEquals(1, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("the class folder \"stars\" is not one of the model's classes [across, dots, down]"), bad.err());
        Cli.Result wrong = Cli.run("train", "--data", "flower", "--grey");
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("--grey is for a folder of images (--data DIR with one sub-folder per class)"), wrong.err());
    }

    @Test
    void aColourImageFolderDefaultsToTheCoursesSize() throws IOException {
        Path photos = imageFolder("tinted", 8, 6, 4, 0x010100);
        Path out = dir.resolve("tinted-out");
        Cli.Result r = Cli.run("train", "--data", photos.toString(), "--model", "logistic", "--iterations", "20", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("18 images of 64x64x3, 3 classes [across, dots, down]"), r.out());
        assertTrue(r.out().contains("[12288, 3]"), r.out());
        Cli.Result p = Cli.run("predict", out.toString(), photos.resolve("across").resolve("000.png").toString());
        assertEquals(0, p.exitCode(), p.toString());
        assertTrue(p.out().contains("your model predicts a \""), p.out());
    }

    /**
     * An IDX-trained grey model (as Fashion-MNIST's) given a PNG file: the PNG holds the very bytes of one
     * IDX image, so predict must give exactly the probability the network gives the IDX column (pixels / 255).
     */
    @Test
    void aGreyIdxModelPredictsAPngAsItsOwnImage() throws IOException {
        Random rng = new Random(11);
        int m = 60;
        int side = 6;
        java.nio.ByteBuffer images = java.nio.ByteBuffer.allocate(16 + m * side * side).putInt(0x803).putInt(m).putInt(side).putInt(side);
        java.nio.ByteBuffer labels = java.nio.ByteBuffer.allocate(8 + m).putInt(0x801).putInt(m);
        byte[][] pixels = new byte[m][side * side];
        for (int j = 0; j < m; j++) {
            int k = j % 3;
            for (int p = 0; p < side * side; p++) {
                pixels[j][p] = (byte) ((p / side) / 2 == k ? 140 + rng.nextInt(110) : rng.nextInt(90));
            }
            images.put(pixels[j]);
            labels.put((byte) k);
        }
        Path ti = Files.write(dir.resolve("train-images"), images.array());
        Path tl = Files.write(dir.resolve("train-labels"), labels.array());
        Path out = dir.resolve("idx-out");
        Cli.Result r = Cli.run("train", "--data", "fashion-mnist", "--train-images", ti.toString(), "--train-labels", tl.toString(),
                "--test-images", ti.toString(), "--test-labels", tl.toString(), "--model", "deep", "--layers", "6",
                "--iterations", "200", "--lr", "0.5", "--out", out.toString(), "--no-plots");
        assertEquals(0, r.exitCode(), r.toString());

        int j = 4; // class 1
        BufferedImage png = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        double[] column = new double[side * side];
        for (int p = 0; p < side * side; p++) {
            int v = pixels[j][p] & 0xFF;
            png.getRaster().setSample(p % side, p / side, 0, v);
            column[p] = v / 255.0;
        }
        Path file = dir.resolve("one.png");
        ImageIO.write(png, "png", file.toFile());
        dlbasics.model.TrainedModel model = ModelFile.read(out.resolve("model.safetensors"));
        double expected = model.network().predictProbabilities(dlbasics.matrix.Matrix.column(column)).get(1, 0);
        Cli.Result p = Cli.run("predict", out.toString(), file.toString(), "--json");
        assertEquals(0, p.exitCode(), p.toString());
        assertTrue(p.out().contains("\"probability\":" + expected + ",\"prediction\":1,\"class\":\"1\""), expected + " in " + p.out());
    }

    @Test
    void sweepTrainsNamedClassesAndTheMemoryEstimateCountsThem() throws IOException {
        Path csv = speciesCsv();
        Cli.Result r = Cli.run("sweep", "--data", csv.toString(), "--hidden-sizes", "2,4", "--iterations", "100", "--lr", "0.5",
                "--out", dir.resolve("sweep").toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("classes [setosa, versicolor, virginica] by sorted name"), r.out());
        // the estimate sweep and train check before training: 3 outputs on 20 million examples
        double estimate = Memory.bytes(new int[] {1, 4, 3}, 20_000_000);
        assertEquals(8.0 * (2 * (4 * 2 + 3 * 5) + 4.0 * 7 * 20_000_000 + 3.0 * 20_000_000 + 4.0 * 20_000_000), estimate, 1e-3,
                "parameters and gradients, Z/A/dA/dZ of 4 + 3 units, X packed and not, Y and its 3 x m one-hot copy");
    }

    @Test
    void theMemoryEstimateCountsKOutputsAndTheirOneHotLabels() {
        int m = 60_000;
        double binary = Memory.bytes(new int[] {784, 256, 128, 1}, m);
        double tenClasses = Memory.bytes(new int[] {784, 256, 128, 10}, m);
        // 9 more output units: parameters and gradients 2·9·129, activations 4·9·m, one-hot targets 10·m
        assertEquals(8.0 * (2 * 9 * 129 + 4.0 * 9 * m + 10.0 * m), tenClasses - binary, 1e-3);
    }
}
