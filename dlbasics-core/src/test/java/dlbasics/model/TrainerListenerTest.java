package dlbasics.model;

import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener protocol: which events arrive, in which order, with which values; and requestStop (on
 * every shape of {@link NetworkShapes} where the network matters).
 */
class TrainerListenerTest {
    private static final GeneratedData DATA = GeneratedData.of(4, 3, 30);

    /** Records every call as a line such as "cost 100 0.6931..." or "update 101". */
    private static final class Recorder implements TrainingListener {
        final List<String> calls = new ArrayList<>();
        final List<Double> costs = new ArrayList<>();
        TrainingResult end;

        @Override
        public void onStart(TrainingEvent e) {
            calls.add("start " + e.iteration() + " of " + e.totalIterations() + " cost " + e.cost());
        }

        @Override
        public void onCost(TrainingEvent e) {
            calls.add("cost " + e.iteration());
            costs.add(e.cost());
        }

        @Override
        public void onUpdate(TrainingEvent e) {
            calls.add("update " + e.iteration() + " cost " + e.cost());
        }

        @Override
        public void onEnd(TrainingResult r) {
            calls.add("end " + r.iterations());
            end = r;
        }
    }

    private static Trainer.Builder small() {
        return Trainer.builder().learningRate(0.1).iterations(7).costEvery(3).seed(2).initializer(Initializer.HE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dlbasics.model.NetworkShapes#all")
    void eventsArriveInTheCourseOrderCostBeforeItsUpdate(NetworkShapes shape) {
        Recorder rec = new Recorder();
        GeneratedData data = shape.data(4);
        TrainingResult r = small().listener(rec).build().fit(shape.network(), data.X, data.Y);
        assertEquals(List.of(
                "start 0 of 7 cost NaN",
                "cost 0", "update 1 cost NaN", "update 2 cost NaN", "update 3 cost NaN",
                "cost 3", "update 4 cost NaN", "update 5 cost NaN", "update 6 cost NaN",
                "cost 6", "update 7 cost NaN",
                "end 7"), rec.calls);
        double[] heard = rec.costs.stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(r.costs(), heard, 0.0, "onCost must deliver exactly the recorded costs");
        assertEquals(3, r.costs().length);
        assertEquals(r.costs()[2], r.finalCost());
        assertEquals(7, r.iterations());
        assertFalse(r.stopped());
        assertTrue(r.elapsedNanos() > 0);
        assertEquals(r, rec.end);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dlbasics.model.NetworkShapes#all")
    void costsAreOnlyRecordedNotComputedDifferentlyWhenCostEveryChanges(NetworkShapes shape) {
        GeneratedData data = shape.data(4);
        TrainingResult every1 = small().costEvery(1).build().fit(shape.network(), data.X, data.Y);
        TrainingResult every3 = small().build().fit(shape.network(), data.X, data.Y);
        double[] c1 = every1.costs();
        assertEquals(7, c1.length);
        assertArrayEquals(new double[]{c1[0], c1[3], c1[6]}, every3.costs(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dlbasics.model.NetworkShapes#all")
    void requestStopEndsTrainingAfterTheCurrentIteration(NetworkShapes shape) {
        GeneratedData data = shape.data(4);
        Recorder rec = new Recorder();
        TrainingListener stopAt4 = new TrainingListener() {
            @Override
            public void onUpdate(TrainingEvent e) {
                if (e.iteration() == 4) {
                    e.requestStop();
                }
            }
        };
        Network stoppedNet = shape.network();
        TrainingResult r = small().listener(stopAt4).listener(rec).build().fit(stoppedNet, data.X, data.Y);
        assertTrue(r.stopped());
        assertEquals(4, r.iterations());
        assertEquals(4, r.finalState().iteration());
        assertEquals(List.of("start 0 of 7 cost NaN", "cost 0", "update 1 cost NaN", "update 2 cost NaN",
                "update 3 cost NaN", "cost 3", "update 4 cost NaN", "end 4"), rec.calls);

        Network fourIterations = shape.network();
        small().iterations(4).build().fit(fourIterations, data.X, data.Y);
        assertEquals(fourIterations.parameters(), stoppedNet.parameters(), "a stopped run holds the parameters after its last update");
    }

    @Test
    void requestStopDuringOnCostStillFinishesThatIterationsUpdate() {
        TrainingListener stopAtCost3 = new TrainingListener() {
            @Override
            public void onCost(TrainingEvent e) {
                if (e.iteration() == 3) {
                    e.requestStop();
                }
            }
        };
        TrainingResult r = small().listener(stopAtCost3).build().fit(Network.of(3, 4, 1), DATA.X, DATA.Y);
        assertTrue(r.stopped());
        assertEquals(4, r.iterations());
    }

    @Test
    void requestStopInOnStartDoesNoUpdate() {
        TrainingListener stopAtOnce = new TrainingListener() {
            @Override
            public void onStart(TrainingEvent e) {
                e.requestStop();
            }
        };
        TrainingResult r = small().listener(stopAtOnce).build().fit(Network.of(3, 4, 1), DATA.X, DATA.Y);
        assertTrue(r.stopped());
        assertEquals(0, r.iterations());
        assertEquals(0, r.costs().length);
        assertTrue(Double.isNaN(r.finalCost()));
    }

    @Test
    void aStopRequestedInTheLastIterationIsNotAnEarlyStop() {
        TrainingListener stopLast = new TrainingListener() {
            @Override
            public void onUpdate(TrainingEvent e) {
                if (e.iteration() == 7) {
                    e.requestStop();
                }
            }
        };
        TrainingResult r = small().listener(stopLast).build().fit(Network.of(3, 4, 1), DATA.X, DATA.Y);
        assertFalse(r.stopped());
        assertEquals(7, r.iterations());
    }

    @Test
    void theEventShowsTheLiveNetworkSettingsAndASnapshotState() {
        List<TrainingState> states = new ArrayList<>();
        List<Double> w11 = new ArrayList<>();
        Network net = Network.of(Activation.TANH, 3, 4, 1);
        Trainer trainer = small().listener(new TrainingListener() {
            @Override
            public void onUpdate(TrainingEvent e) {
                states.add(e.state());
                w11.add(e.network().W(1).get(0, 0));
                assertEquals(0.1, e.settings().learningRate());
                assertTrue(e.network() == net, "the event shows the network being trained");
            }
        }).build();
        TrainingResult r = trainer.fit(net, DATA.X, DATA.Y);
        assertEquals(7, states.size());
        assertEquals(5, states.get(4).iteration());
        assertArrayEquals(new double[]{r.costs()[0], r.costs()[1]}, states.get(4).costs(), 0.0,
                "after update 5 the costs of iterations 0 and 3 are recorded");
        assertEquals(net.W(1).get(0, 0), w11.get(6), 0.0);
        assertNotEquals(w11.get(0), w11.get(6), "parameters change during training");
    }
}
