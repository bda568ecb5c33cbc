package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course tour end to end: {@code dlbasics demo}, with the cat part when the course's files are in
 * ../shared/datasets. Checks the numbers the notebooks print and every picture.
 */
class DemoIT {
    @TempDir
    Path dir;

    @Test
    void courseTour() throws IOException {
        Path train = Cli.datasets().resolve("train_catvnoncat.h5");
        Path test = Cli.datasets().resolve("test_catvnoncat.h5");
        Path photo = Cli.datasets().resolve("images").resolve("my_image.jpg");
        boolean cats = Files.isRegularFile(train) && Files.isRegularFile(test) && Files.isRegularFile(photo);
        List<String> args = new ArrayList<>(List.of("demo", "--out", dir.toString()));
        if (cats) {
            args.addAll(List.of("--train-h5", train.toString(), "--test-h5", test.toString(), "--image", photo.toString()));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.err());
        String out = r.out();
        // planar notebook: logistic regression about 47 %, nn_model costs up to 7000, the hidden-size sweep
        assertTrue(out.contains("Accuracy of logistic regression: 47 %"), out);
        assertTrue(out.contains("Cost after iteration 0: 0.693048\nCost after iteration 1000: 0.288083\nCost after iteration 2000: 0.254385\n"
                + "Cost after iteration 3000: 0.233864\nCost after iteration 4000: 0.226792\nCost after iteration 5000: 0.222644\n"
                + "Cost after iteration 6000: 0.219731\nCost after iteration 7000: 0.217504\n"), out);
        String[][] sweep = {{"1", "67.5 %"}, {"2", "67.25 %"}, {"3", "90.75 %"}, {"4", "90.5 %"}, {"5", "91.25 %"}};
        for (String[] row : sweep) {
            assertTrue(out.matches("(?s).*\\n\\s+" + row[0] + "\\s+" + java.util.regex.Pattern.quote(row[1]) + "\\s.*"), row[0] + " hidden: " + out);
        }
        Cli.checkPng(dir.resolve("flower_logistic.png"), 640, 520, 4);
        Cli.checkPng(dir.resolve("flower_hidden4.png"), 640, 520, 4);
        Cli.checkPng(dir.resolve("flower_cost.png"), 640, 440, 3);
        Cli.checkPng(dir.resolve("flower_sweep.png"), 4 * 420, 36 + 2 * 360, 6);
        if (!cats) {
            assertTrue(out.contains("== Cat / non-cat: skipped"), out);
            return;
        }
        // logistic regression notebook: costs, 99.04306220095694 % / 70 %, and the learning-rate comparison
        assertTrue(out.contains("Cost after iteration 1900: 0.140872\ntrain accuracy: 99.0431 %"), out);
        assertTrue(out.contains("test accuracy: 70 % (the course: 70.0 %)"), out);
        assertTrue(out.matches("(?s).*\\n\\s+0\\.01\\s+99\\.5215 %\\s+68 %.*"), out);
        assertTrue(out.matches("(?s).*\\n\\s+0\\.001\\s+88\\.9952 %\\s+64 %.*"), out);
        assertTrue(out.matches("(?s).*\\n\\s+0\\.0001\\s+68\\.4211 %\\s+36 %.*"), out);
        // L-layer notebook: its first costs
        assertTrue(out.contains("Cost after iteration 0: 0.771749\nCost after iteration 100: 0.672053\nCost after iteration 200: 0.648263\n"), out);
        assertTrue(out.contains("test accuracy: ") && out.contains("(--full trains the course's 2500 iterations, which give its 80 %)"), out);
        assertTrue(out.matches("(?s).*\\ny = [01], your L-layer model predicts a \"(cat|non-cat)\" picture\\..*"), out);
        Cli.checkPng(dir.resolve("cat_logistic_cost.png"), 640, 440, 3);
        Cli.checkPng(dir.resolve("cat_learning_rates.png"), 700, 460, 5);
        Cli.checkPng(dir.resolve("cat_deep_cost.png"), 640, 440, 3);
        Cli.checkPng(dir.resolve("cat_mislabelled.png"), 800, 34 + 2 * 182, 50); // a title band over two rows
        assertTrue(Files.size(dir.resolve("cat_deep.safetensors")) > 245973 * 8, "the L-layer model's float64 parameters");
    }
}
