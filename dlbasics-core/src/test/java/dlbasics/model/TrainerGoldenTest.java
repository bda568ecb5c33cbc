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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer against the course's own L-layer code in numpy: {@code trainer_golden.py} (beside its
 * fixture {@code trainer_golden.csv} in the test resources) runs notebook 5's {@code L_layer_model}
 * (initialize_parameters_deep, L_model_forward, compute_cost, L_model_backward with the course's dAL,
 * update_parameters) on seeded data, for narrow networks, layers wider than 8 and a cat-like wide
 * input that Gemm packs. The costs it records every 100 iterations and the final parameters (sampled
 * for the 20 x 3000 W1) must agree to 1e-12 (relative, for costs) — numpy's BLAS sums in another order
 * and the course divides by AL, so the last bits differ.
 */
class TrainerGoldenTest {
    private static final int SAMPLE_ABOVE = 1000;
    private static final int SAMPLE_EVERY = 97;

    private static List<String[]> fixture() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = TrainerGoldenTest.class.getResourceAsStream("trainer_golden.csv")) {
            assertNotNull(in, "trainer_golden.csv is missing; run trainer_golden.py beside it");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}, seed {1}, {2} hidden layers")
    @CsvSource({"5-8-4-1, 1, relu, 2500, 0.05, 60", "5-8-4-1, 2, relu, 2500, 0.05, 60",
            "5-8-4-1, 1, tanh, 2500, 0.05, 60", "5-8-4-1, 2, tanh, 2500, 0.05, 60",
            "2-4-1, 2, tanh, 2500, 0.5, 60",
            "2-12-1, 1, relu, 2500, 0.05, 60", "2-12-1, 1, tanh, 2500, 0.05, 60",
            "5-20-7-1, 1, relu, 2500, 0.05, 60", "5-20-7-1, 1, tanh, 2500, 0.05, 60",
            "3000-20-7-5-1, 1, relu, 300, 0.0075, 16"})
    void theTrainerReproducesTheCoursesNumpyRun(String shape, long seed, String hidden, int iterations,
                                                double learningRate, int examples) throws IOException {
        int[] dims = Arrays.stream(shape.split("-")).mapToInt(Integer::parseInt).toArray();
        GeneratedData data = GeneratedData.of(seed, dims[0], examples);
        Network net = Network.of(Activation.parse(hidden), dims);
        TrainingResult r = Trainer.builder().learningRate(learningRate).iterations(iterations).seed(seed).build()
                .fit(net, data.X, data.Y);
        double[] costs = r.costs();
        Map<String, Matrix> parameters = net.parameters();
        int costLines = 0;
        int paramLines = 0;
        String run = shape + ", seed " + seed + ", " + hidden;
        for (String[] row : fixture()) {
            if (!row[1].equals(shape) || Long.parseLong(row[2]) != seed || !row[3].equals(hidden)) {
                continue;
            }
            if (row[0].equals("cost")) {
                int iteration = Integer.parseInt(row[4]);
                double expected = Double.parseDouble(row[5]);
                assertEquals(expected, costs[iteration / 100], 1e-12 * expected, run + ": cost at iteration " + iteration);
                costLines++;
            } else {
                Matrix p = parameters.get(row[4]);
                double expected = Double.parseDouble(row[7]);
                assertEquals(expected, p.get(Integer.parseInt(row[5]), Integer.parseInt(row[6])), 1e-12,
                        run + ": " + row[4] + "[" + row[5] + "][" + row[6] + "]");
                paramLines++;
            }
        }
        assertEquals((iterations + 99) / 100, costLines, run + ": the fixture holds the costs at 0, 100, ...");
        assertEquals(costs.length, costLines);
        long expectedParams = 0;
        for (Matrix p : parameters.values()) {
            expectedParams += p.size() > SAMPLE_ABOVE ? (p.size() + SAMPLE_EVERY - 1) / SAMPLE_EVERY : p.size();
        }
        assertEquals(expectedParams, paramLines, run + ": the fixture holds every parameter (sampled above 1000 entries)");
        assertTrue(costs[costs.length - 1] < costs[0] / 2, run + ": the golden run learns");
    }
}
