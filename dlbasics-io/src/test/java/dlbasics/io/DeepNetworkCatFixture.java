package dlbasics.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The numpy reference of a cat-image run, {@code DeepNetworkCatTwoLayer.txt} or {@code DeepNetworkCatLLayer.txt},
 * written by {@code DeepNetworkCatReference.py} (beside them in test resources) with the course's own
 * functions: the cost at iterations 0, 100, ..., and the train and test accuracy as {@code predict} computes them.
 */
record DeepNetworkCatFixture(List<Double> costs, double trainAccuracy, double testAccuracy) {

    static DeepNetworkCatFixture load(String name) {
        List<Double> costs = new ArrayList<>();
        double train = Double.NaN;
        double test = Double.NaN;
        try (InputStream in = DeepNetworkCatFixture.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is missing; run DeepNetworkCatReference.py");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.trim().split(" +");
                if (f[0].equals("cost")) {
                    if (Integer.parseInt(f[1]) != 100 * costs.size()) {
                        fail(name + ": costs must be at iterations 0, 100, 200, ...; found " + line);
                    }
                    costs.add(Double.parseDouble(f[2]));
                } else if (f[0].equals("train_accuracy")) {
                    train = Double.parseDouble(f[1]);
                } else if (f[0].equals("test_accuracy")) {
                    test = Double.parseDouble(f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DeepNetworkCatFixture(costs, train, test);
    }

    /** The course's cat images from the shared datasets folder. */
    static CatImages catImages() {
        return CatImages.readFolder(SharedData.datasets());
    }

    /** Fails unless {@code actual} is within {@code relTol} of {@code expected}, naming the iteration. */
    static void assertCost(double expected, double actual, double relTol, int iteration, String source) {
        if (!(Math.abs(actual - expected) <= relTol * Math.abs(expected))) {
            fail(String.format("cost at iteration %d is %s but %s gives %s (relative difference %.2g, allowed %.0g)",
                    iteration, actual, source, expected, Math.abs(actual - expected) / Math.abs(expected), relTol));
        }
    }
}
