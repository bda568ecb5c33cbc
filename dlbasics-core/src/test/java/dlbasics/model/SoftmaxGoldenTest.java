package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * K-class training against numpy: {@code softmax_golden.py} (beside {@code softmax_golden.csv}) trains
 * notebook 5's L-layer model with a softmax output and categorical cross-entropy, full-batch gradient
 * descent, on spirals with 3 and 4 arms and 5 blobs; the data, the costs every 100 iterations, every
 * final parameter and the training accuracy are in the fixture. The trainer, fed the same data as
 * class indices (1 x m), must give the costs (relative) and parameters to 1e-12 and the same accuracy.
 */
class SoftmaxGoldenTest {
    private static List<String[]> rows(String kase) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = SoftmaxGoldenTest.class.getResourceAsStream("softmax_golden.csv")) {
            assertNotNull(in, "softmax_golden.csv is missing; run softmax_golden.py beside it");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (f[1].equals(kase)) {
                    rows.add(f);
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"spirals:2-16-3:relu, 150, 1500, 0.5, 1", "spirals:2-12-8-4:relu, 120, 600, 0.3, 2",
            "blobs:2-10-5:relu, 100, 800, 0.1, 3"})
    void theTrainerReproducesNumpysSoftmaxRun(String kase, int m, int iterations, double learningRate, long seed)
            throws IOException {
        String[] parts = kase.split(":");
        int[] dims = Arrays.stream(parts[1].split("-")).mapToInt(Integer::parseInt).toArray();
        List<String[]> rows = rows(kase);
        Matrix X = Matrix.zeros(dims[0], m);
        Matrix Y = Matrix.zeros(1, m);
        for (String[] f : rows) {
            if (f[0].equals("x")) {
                X.set(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Double.parseDouble(f[4]));
            } else if (f[0].equals("y")) {
                Y.set(0, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
            }
        }
        Network net = Network.of(Activation.parse(parts[2]), dims);
        TrainingResult r = Trainer.builder().learningRate(learningRate).iterations(iterations).seed(seed).build().fit(net, X, Y);
        Map<String, Matrix> parameters = net.parameters();
        int costs = 0;
        int params = 0;
        for (String[] f : rows) {
            switch (f[0]) {
                case "cost" -> {
                    int i = Integer.parseInt(f[2]);
                    double expected = Double.parseDouble(f[3]);
                    assertEquals(expected, r.costs()[i / 100], 1e-12 * expected, kase + ": cost at iteration " + i);
                    costs++;
                }
                case "param" -> {
                    double expected = Double.parseDouble(f[5]);
                    assertEquals(expected, parameters.get(f[2]).get(Integer.parseInt(f[3]), Integer.parseInt(f[4])), 1e-12,
                            kase + ": " + f[2] + "[" + f[3] + "][" + f[4] + "]");
                    params++;
                }
                case "accuracy" -> assertEquals(Double.parseDouble(f[2]), net.accuracy(X, Y), 1e-15, kase + ": accuracy");
                default -> { }
            }
        }
        assertEquals(iterations / 100, costs, kase + ": cost lines in the fixture");
        assertEquals(net.parameterCount(), params, kase + ": parameter lines in the fixture");
    }
}
