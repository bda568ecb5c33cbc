package dlbasics.io;

import dlbasics.matrix.Matrix;
import dlbasics.model.Adam;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17's replay: four Adam steps of a [784, 32, 10] ReLU/softmax network on the first 256
 * Fashion-MNIST training images, through {@link Trainer} (mini-batches of 64, He init with seed 3), match
 * {@code fashionmnist/softmax_adam_reference.py}'s numpy run (its {@code softmax-adam-reference.npz})
 * to 1e-12: the parameters after the steps, the epoch's cost (the mean of the four batch costs) and the
 * cost over all 256 images afterwards. The script's batches are columns 0-63, 64-127, ... in order; the
 * Trainer shuffles each epoch with {@code NumpyRandom(shuffleSeed).permutation(m)}, so the test hands it
 * X with column j moved to that permutation's position j: its shuffle puts them back in order.
 * Skipped with a message when dataset-fashion-mnist is not installed (.ci/run installs it).
 */
class FashionMnistAdamReplayTest {
    private static final int M = 256;
    private static final long SHUFFLE_SEED = 11;

    @Test
    void fourAdamStepsMatchTheNumpyReference() throws IOException {
        assumeTrue(FashionMnist.isInstalled(), "Fashion-MNIST is not in " + FashionMnist.DEFAULT_FOLDER
                + "; skipped (sudo apt-get install " + FashionMnist.PACKAGE + ")");
        Map<String, double[]> ref = npz(Path.of("src/test/resources/dlbasics/io/fashionmnist/softmax-adam-reference.npz"));
        LabelledImages train = FashionMnist.load(M, 1).train();
        Matrix X = train.X();
        Matrix Y = train.Y();
        // the same slice as the script's: its labels and the sum of its raw pixels
        assertArrayEquals(ref.get("labels"), Y.data());
        double pixels = 0;
        for (double v : X.data()) {
            pixels += Math.rint(v * 255);
        }
        assertEquals(ref.get("pixel_sum")[0], pixels);

        // column j of X goes where the epoch-0 shuffle takes it from, so batch t is columns 64(t-1)..64t-1
        int[] order = new NumpyRandom(SHUFFLE_SEED).permutation(M);
        Matrix shuffledX = Matrix.zeros(X.rows(), M);
        Matrix shuffledY = Matrix.zeros(1, M);
        for (int j = 0; j < M; j++) {
            for (int r = 0; r < X.rows(); r++) {
                shuffledX.set(r, order[j], X.get(r, j));
            }
            shuffledY.set(0, order[j], Y.get(0, j));
        }
        Network net = Network.of(784, 32, 10);
        TrainingResult result = Trainer.builder().learningRate(1e-3).epochs(1).batchSize(64).shuffleSeed(SHUFFLE_SEED)
                .initializer(Initializer.HE).seed(3).costEvery(1).updateRule(new Adam()).build()
                .fit(net, shuffledX, shuffledY);

        double meanCost = 0;
        for (double c : ref.get("costs")) {
            meanCost += c / ref.get("costs").length;
        }
        assertEquals(meanCost, result.costs()[0], 1e-12, "the epoch's cost: the mean of the four batch costs before each step");
        for (String name : new String[] {"W1", "b1", "W2", "b2"}) {
            Matrix p = name.startsWith("W") ? net.W(name.charAt(1) - '0') : net.b(name.charAt(1) - '0');
            assertTrue(maxAbsDifference(ref.get(name + "_init"), p.data()) > 1e-4, name + " moved in four steps");
            double d = maxAbsDifference(ref.get(name), p.data());
            assertTrue(d <= 1e-12, name + " after 4 Adam steps differs from numpy's by " + d
                    + " (order sensitivity of the reference: " + ref.get("order_sensitivity")[0] + ")");
        }
        double finalCost = net.loss().cost(net.predictProbabilities(X), net.targets(Y));
        assertEquals(ref.get("final_cost")[0], finalCost, 1e-12, "the cost over all 256 images after the steps");
    }

    private static double maxAbsDifference(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "sizes");
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }

    /** The arrays of an npz whose entries are all little-endian float64 ('<f8'), flattened in C order. */
    private static Map<String, double[]> npz(Path file) throws IOException {
        Map<String, double[]> arrays = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                    int major = bytes[6];
                    int headerLength = major == 1 ? b.getShort(8) & 0xFFFF : b.getInt(8);
                    int start = (major == 1 ? 10 : 12) + headerLength;
                    String header = new String(bytes, major == 1 ? 10 : 12, headerLength, StandardCharsets.US_ASCII);
                    assertTrue(header.contains("'<f8'") && header.contains("'fortran_order': False"), entry.getName() + ": " + header);
                    double[] values = new double[(bytes.length - start) / 8];
                    b.position(start);
                    b.asDoubleBuffer().get(values);
                    arrays.put(entry.getName().replace(".npy", ""), values);
                }
            }
        }
        return arrays;
    }
}
