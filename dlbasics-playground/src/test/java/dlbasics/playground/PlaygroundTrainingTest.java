package dlbasics.playground;

import dlbasics.data.Dataset;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page trains with the same code as {@code dlbasics train}: a session driven by steps, starts and
 * pauses records exactly the costs (bit for bit) and ends with exactly the parameters of one
 * {@code Trainer.fit} with the same settings and seed. (The CLI's own run is compared in dlbasics-cli's
 * PlaygroundCommandTest.)
 */
class PlaygroundTrainingTest {
    private final ExecutorService trainers = Executors.newFixedThreadPool(1);

    @AfterEach
    void stop() {
        trainers.shutdownNow();
    }

    private static RunSettings settings(String json) {
        return RunSettings.parse(Json.parse(json), Limits.DEFAULT);
    }

    /** Fits with the Trainer directly, as the CLI's Run.train does. */
    private static TrainingResult direct(RunSettings s, int iterations, Network network) {
        Dataset train = s.split()[0];
        return new Trainer(s.training(iterations)).fit(network, train);
    }

    private void assertSameAsOneFit(RunSettings s, Session session, int iterations) {
        Session.Copy c = session.copy();
        assertEquals(iterations, c.state().iteration());
        Network expected = s.network();
        TrainingResult r = direct(s, iterations, expected);
        assertArrayEquals(r.costs(), c.state().costs(), 0.0, "recorded costs, bit for bit");
        for (int l = 1; l <= expected.numLayers(); l++) {
            assertArrayEquals(expected.W(l).data(), c.network().W(l).data(), 0.0, "W" + l);
            assertArrayEquals(expected.b(l).data(), c.network().b(l).data(), 0.0, "b" + l);
        }
    }

    @Test
    void stepsGiveTheCostsOfOneFitOnTheFlower() {
        RunSettings s = settings("{}");
        Session session = new Session("t", s, Limits.DEFAULT, trainers);
        for (int count : new int[] {1, 99, 137, 263, 500}) {
            session.step(count);
        }
        assertSameAsOneFit(s, session, 1000);
        double[] costs = session.copy().state().costs();
        assertEquals(10, costs.length);
        // the course's planar notebook: cost 0.693 at iteration 0 (weights randn · 0.01), falling fast with 4 tanh units
        assertEquals(0.6931, costs[0], 5e-4);
        assertTrue(costs[9] < 0.35, "cost after 900 updates: " + costs[9]);
    }

    @Test
    void startAndPauseGiveTheCostsOfOneFitOnADeepNetwork() throws InterruptedException {
        RunSettings s = settings("{\"data\":\"spirals\",\"size\":300,\"hidden\":[10,6],\"activation\":\"relu\",\"learningRate\":0.3,\"seed\":5}");
        assertEquals(dlbasics.nn.Initializer.SCALED_BY_FAN_IN, s.initializer(), "two hidden layers: the CLI's deep model");
        Session session = new Session("t", s, Limits.DEFAULT, trainers);
        session.start(2000);
        Thread.sleep(150);
        Map<String, Object> paused = session.pause();
        int at = (Integer) paused.get("iteration");
        assertTrue(at > 0 && at < 1000, "paused at " + at);
        session.step(1000 - at);
        assertSameAsOneFit(s, session, 1000);
    }

    @Test
    void logisticRegressionStartsFromZeros() {
        RunSettings s = settings("{\"data\":\"blobs\",\"hidden\":[],\"learningRate\":0.5}");
        assertEquals(dlbasics.nn.Initializer.ZEROS, s.initializer());
        assertEquals(5, s.dataSeed(), "the blobs' course seed, as dlbasics train uses");
        Session session = new Session("t", s, Limits.DEFAULT, trainers);
        session.step(300);
        assertSameAsOneFit(s, session, 300);
        assertEquals(Math.log(2), session.copy().state().costs()[0], 1e-14, "zero weights: J = log 2 at iteration 0");
    }

    @Test
    void theSplitHoldsOutTheLastShareOfNumpysPermutation() {
        RunSettings s = settings("{\"data\":\"moons\",\"testShare\":0.25,\"dataSeed\":3}");
        Dataset[] split = s.split();
        assertEquals(150, split[0].size());
        assertEquals(50, split[1].size());
        int[] order = new dlbasics.random.NumpyRandom(3).permutation(200);
        Dataset all = dlbasics.data.Moons.make(200, 0.2, 3);
        assertArrayEquals(all.X().column(order[199]).data(), split[1].X().column(49).data(), 0.0);
        assertArrayEquals(all.X().column(order[0]).data(), split[0].X().column(0).data(), 0.0);
    }
}
