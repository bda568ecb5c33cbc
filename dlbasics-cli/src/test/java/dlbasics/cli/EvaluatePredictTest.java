package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** evaluate and predict on models that train saved. */
class EvaluatePredictTest {
    @TempDir
    Path dir;

    private Path trainFlower() {
        Path out = dir.resolve("flower");
        Cli.Result r = Cli.run("train", "--data", "flower", "--iterations", "1000", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        return out;
    }

    @Test
    void evaluateGivesScoresAndAConfusionMatrixThatAddUp() {
        Path model = trainFlower();
        Cli.Result r = Cli.run("evaluate", model.toString(), "--data", "flower");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Model: " + model + " — Network[2, 4, 1] (tanh hidden, sigmoid output, 17 parameters)\n"
                + "Data: flower (400 examples, 2 features)\n\ntrain (400 examples)\n  accuracy   "), r.out());
        Matcher m = Pattern.compile("\\n\\s+red\\s+(\\d+)\\s+(\\d+)\\n\\s+blue\\s+(\\d+)\\s+(\\d+)\\n").matcher(r.out());
        assertTrue(m.find(), r.out());
        int tn = Integer.parseInt(m.group(1));
        int fp = Integer.parseInt(m.group(2));
        int fn = Integer.parseInt(m.group(3));
        int tp = Integer.parseInt(m.group(4));
        assertEquals(400, tn + fp + fn + tp);
        assertEquals(200, tn + fp, "200 red petals");
        assertTrue(r.out().contains("  accuracy   " + Format.percent((tn + tp) / 400.0) + "\n"), r.out());
        assertTrue(r.out().contains("  precision  " + String.format(java.util.Locale.ROOT, "%.4f", tp / (double) (tp + fp)) + "\n"), r.out());

        Cli.Result json = Cli.run("evaluate", model.resolve("model.safetensors").toString(), "--data", "flower", "--test-split", "0.25", "--json");
        assertEquals(0, json.exitCode(), json.toString());
        assertTrue(json.out().contains("\"train\":{\"examples\":300,") && json.out().contains("\"test\":{\"examples\":100,"), json.out());
    }

    @Test
    void npzModelsLoadToo() throws IOException {
        Path out = dir.resolve("npz");
        Cli.Result r = Cli.run("train", "--data", "xor", "--iterations", "200", "--format", "npz", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(out.resolve("model.npz")), 2);
        assertEquals("PK", new String(head, java.nio.charset.StandardCharsets.US_ASCII), "a zip, as np.load expects");
        assertEquals(0, Cli.run("evaluate", out.toString(), "--data", "xor").exitCode());
        r = Cli.run("train", "--data", "xor", "--format", "pickle");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics train: unknown --format 'pickle'; valid: safetensors, npz"), r.err());
    }

    @Test
    void evaluateErrors() {
        Path missing = dir.resolve("nothing");
        Cli.Result r = Cli.run("evaluate", missing.toString(), "--data", "flower");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics evaluate: model not found: " + missing + " is neither a model file nor a folder"), r.err());
        Path model = trainFlower();
        r = Cli.run("evaluate", model.toString(), "--data", "flower", "--standardize");
        assertEquals(2, r.exitCode());
        r = Cli.run("evaluate");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics evaluate: Missing required parameter: 'MODEL'"), r.err());
    }

    @Test
    void predictOnCsvPrintsOneRowPerExample() throws IOException {
        Path model = trainFlower();
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "x1,x2\n0,3\n3,0\n\n-3,0\n");
        Cli.Result r = Cli.run("predict", model.toString(), csv.toString());
        assertEquals(0, r.exitCode(), r.toString());
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, r.out());
        assertEquals("line,probability,prediction,class", lines[0]);
        assertTrue(lines[1].matches("2,0\\.\\d{6},[01],(red|blue)"), lines[1]);
        assertTrue(lines[3].startsWith("5,"), "line numbers of the file, blank lines skipped: " + lines[3]);
        // a third column is the label, left out
        Files.writeString(csv, "x1,x2,y\n0,3,1\n");
        assertEquals(0, Cli.run("predict", model.toString(), csv.toString()).exitCode());
        Files.writeString(csv, "a,b,c,d\n0,3,1,1\n");
        r = Cli.run("predict", model.toString(), csv.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("dlbasics predict: CSV " + csv + " lacks the columns [x1, x2] that the model was trained on; "
                + "the model takes [x1, x2] (label \"y\"), the header names [a, b, c, d]"), r.err());
    }

    @Test
    void predictOnThePhotoInTheCoursesWording() {
        Path train = Cli.datasets().resolve("train_catvnoncat.h5");
        Path test = Cli.datasets().resolve("test_catvnoncat.h5");
        Path photo = Cli.datasets().resolve("images").resolve("my_image.jpg");
        assumeTrue(Files.isRegularFile(train) && Files.isRegularFile(photo), "the course's files are in ../shared/datasets");
        Path out = dir.resolve("cat");
        Cli.Result t = Cli.run("train", "--data", "cat", "--train-h5", train.toString(), "--test-h5", test.toString(),
                "--model", "logistic", "--iterations", "200", "--out", out.toString(), "--json");
        assertEquals(0, t.exitCode(), t.toString());
        Cli.Result r = Cli.run("predict", out.toString(), photo.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().matches(Pattern.quote(photo.toString())
                + ": y = [01], your model predicts a \"(cat|non-cat)\" picture\\. \\(probability of cat: 0\\.\\d{4}\\)\\n"), r.out());
        Cli.Result json = Cli.run("predict", out.toString(), photo.toString(), "--json");
        assertTrue(json.out().startsWith("{\"predictions\":[{\"input\":\"" + photo + "\",\"probability\":"), json.out());

        Cli.Result missing = Cli.run("predict", out.toString(), dir.resolve("nope.jpg").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("dlbasics predict: file not found: "), missing.err());
        Cli.Result wrongModel = Cli.run("predict", trainFlower().toString(), photo.toString());
        assertEquals(1, wrongModel.exitCode());
        assertEquals("dlbasics predict: the model takes 2 inputs from the columns [x1, x2], not an image (s x s x 3 or s x s grey "
                + "values); predict images with a model trained on images (--data cat, fashion-mnist or a folder), and give this "
                + "model a CSV file\n", wrongModel.err());
    }

    @Test
    void aTruncatedOrTinyPictureIsPredictedWithAWarning() throws IOException {
        Path photo = Cli.datasets().resolve("images").resolve("my_image.jpg");
        assumeTrue(Files.isRegularFile(photo), "the course's photo is in ../shared/datasets/images");
        Path model = dir.resolve("images.safetensors");
        // any model with 12288 inputs will do: logistic regression with zero weights
        dlbasics.model.Network net = dlbasics.model.Network.of(dlbasics.io.Images.SIZE * dlbasics.io.Images.SIZE * 3, 1);
        dlbasics.io.ModelFile.write(new dlbasics.model.TrainedModel(net, java.util.List.of("non-cat", "cat"), 1 / 255.0,
                new dlbasics.model.TrainingSettings(0.005, 0, dlbasics.nn.Initializer.ZEROS, 1, 100), new double[0]), model);
        byte[] whole = Files.readAllBytes(photo);
        Path truncated = Files.write(dir.resolve("half.jpg"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Cli.Result r = Cli.run("predict", model.toString(), truncated.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("dlbasics predict: warning: " + truncated + ": the decoder warns"), r.err());
        java.awt.image.BufferedImage one = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path tiny = dir.resolve("tiny.png");
        javax.imageio.ImageIO.write(one, "png", tiny.toFile());
        r = Cli.run("predict", model.toString(), tiny.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("dlbasics predict: warning: " + tiny + " is only 1x1 pixels; enlarged to 64x64 the model sees a few coloured blocks, "
                + "not a photo\n", r.err());
        assertTrue(r.out().contains("\"warnings\":[\"" + tiny + " is only 1x1 pixels;"), r.out());
        r = Cli.run("predict", model.toString(), photo.toString());
        assertEquals("", r.err(), "the course's photo is fine");
    }
}
