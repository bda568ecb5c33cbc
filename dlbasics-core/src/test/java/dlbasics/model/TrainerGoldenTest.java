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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer against the course's own L-layer code in numpy: {@code trainer_golden.py} (beside its
 * fixture {@code trainer_golden.csv} in the test resources) runs notebook 5's {@code L_layer_model}
 * (initialize_parameters_deep, L_model_forward, compute_cost, L_model_backward with the course's dAL,
 * update_parameters) on seeded 5 x 60 data for 2500 iterations at learning rate 0.05, network
 * [5, 8, 4, 1], with ReLU and with tanh hidden layers. The costs it records every 100 iterations and
 * the final parameters must agree to 1e-12 (relative, for costs; they agree to 1e-13 today) — numpy's BLAS sums in another order
 * and the course divides by AL, so the last bits differ.
 */
class TrainerGoldenTest {
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

    @ParameterizedTest(name = "seed {0}, {1} hidden layers")
    @CsvSource({"1, relu", "2, relu", "1, tanh", "2, tanh"})
    void theTrainerReproducesTheCoursesNumpyRun(long seed, String hidden) throws IOException {
        GeneratedData data = GeneratedData.of(seed, 5, 60);
        Network net = Network.of(Activation.parse(hidden), 5, 8, 4, 1);
        TrainingResult r = Trainer.builder().learningRate(0.05).iterations(2500).seed(seed).build()
                .fit(net, data.X, data.Y);
        double[] costs = r.costs();
        Map<String, Matrix> parameters = net.parameters();
        int costLines = 0;
        int paramLines = 0;
        String run = "seed " + seed + ", " + hidden;
        for (String[] row : fixture()) {
            if (Long.parseLong(row[1]) != seed || !row[2].equals(hidden)) {
                continue;
            }
            if (row[0].equals("cost")) {
                int iteration = Integer.parseInt(row[3]);
                double expected = Double.parseDouble(row[4]);
                assertEquals(expected, costs[iteration / 100], 1e-12 * expected, run + ": cost at iteration " + iteration);
                costLines++;
            } else {
                Matrix p = parameters.get(row[3]);
                double expected = Double.parseDouble(row[6]);
                assertEquals(expected, p.get(Integer.parseInt(row[4]), Integer.parseInt(row[5])), 1e-12,
                        run + ": " + row[3] + "[" + row[4] + "][" + row[5] + "]");
                paramLines++;
            }
        }
        assertEquals(25, costLines, run + ": the fixture holds the costs at 0, 100, ..., 2400");
        assertEquals(costs.length, costLines);
        assertEquals(net.parameterCount(), paramLines, run + ": the fixture holds every parameter");
        assertTrue(costs[24] < costs[0] / 2, run + ": the golden run learns");
    }
}
