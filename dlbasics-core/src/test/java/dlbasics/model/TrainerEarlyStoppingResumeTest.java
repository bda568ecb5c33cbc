package dlbasics.model;

import dlbasics.data.Dataset;
import dlbasics.data.Moons;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run with a validation set and patience, saved mid-run and resumed, stops where the straight run stops, bit for bit. */
class TrainerEarlyStoppingResumeTest {
    // a tiny training set and a large rate overfit fast: the validation cost turns up (as TrainerEarlyStoppingTest)
    private static final Dataset TRAIN = Moons.make(30, 0.3, 5);
    private static final Dataset VALIDATION = Moons.make(200, 0.3, 6);

    /** Takes the state and the parameters after epoch {@code at} (in onEpoch: once the epoch is validated). */
    private static final class Snapshot implements TrainingListener {
        final int at;
        TrainingState state;
        Map<String, dlbasics.matrix.Matrix> parameters;

        Snapshot(int at) {
            this.at = at;
        }

        @Override
        public void onEpoch(TrainingEvent e) {
            if (e.iteration() == at) {
                state = e.state();
                parameters = e.network().parameters();
            }
        }
    }

    private static Trainer.Builder settings(int batchSize, double keepProb) {
        return Trainer.builder().learningRate(0.005).epochs(3000).initializer(Initializer.HE).seed(3).updateRule(new Adam())
                .batchSize(batchSize).keepProb(keepProb).costEvery(10).patience(25);
    }

    private static void resumesToTheSameStop(int batchSize, double keepProb) {
        TrainingResult straight0 = settings(batchSize, keepProb).build().fit(Network.of(2, 40, 20, 1), TRAIN, VALIDATION);
        int stop = straight0.iterations();
        int bestEpoch = straight0.finalState().earlyStopping().bestEpoch();
        assertTrue(straight0.stopped() && stop == bestEpoch + 25, "the straight run stops 25 epochs after its best: " + stop);
        assertTrue(bestEpoch > 3, "best epoch " + bestEpoch);
        for (int at : new int[] {bestEpoch - 3, bestEpoch + 10}) { // before the best epoch, and while waiting after it
            Snapshot snap = new Snapshot(at);
            Network straightNet = Network.of(2, 40, 20, 1);
            TrainingResult straight = settings(batchSize, keepProb).listener(snap).build().fit(straightNet, TRAIN, VALIDATION);
            assertEquals(at, snap.state.iteration());
            assertEquals(at > bestEpoch ? bestEpoch : at, snap.state.earlyStopping().bestEpoch(), "the watch at epoch " + at);

            Network resumedNet = Network.fromParameters(straightNet.hiddenActivation(), snap.parameters);
            TrainingResult resumed = settings(batchSize, keepProb).build().resume(resumedNet, TRAIN, VALIDATION, snap.state);
            assertTrue(resumed.stopped(), "the resumed run stops early too");
            assertEquals(straight.iterations(), resumed.iterations(), "stopped at the same epoch, resumed at " + at);
            assertArrayEquals(straight.costs(), resumed.costs(), "costs");
            assertEquals(straight.finalState().earlyStopping().bestEpoch(), resumed.finalState().earlyStopping().bestEpoch());
            straightNet.parameters().forEach((k, v) -> assertArrayEquals(v.data(), resumedNet.parameters().get(k).data(),
                    "restored " + k + " after resuming at " + at));
        }
    }

    @Test
    void fullBatchResumeStopsWhereTheStraightRunStops() {
        resumesToTheSameStop(0, 1.0);
    }

    @Test
    void miniBatchesWithDropoutResumeStopsWhereTheStraightRunStops() {
        resumesToTheSameStop(10, 0.9);
    }

    @Test
    void theWatchIsInTheStateOnlyWithAValidationSet() {
        TrainingResult plain = settings(0, 1.0).epochs(5).build().fit(Network.of(2, 4, 1), TRAIN);
        assertEquals(TrainingState.EarlyStopping.NONE, plain.finalState().earlyStopping());
        TrainingResult watched = settings(0, 1.0).epochs(5).patience(0).build().fit(Network.of(2, 4, 1), TRAIN, VALIDATION);
        TrainingState.EarlyStopping w = watched.finalState().earlyStopping();
        assertTrue(w.started() && w.bestParameters().isEmpty(), "no patience: best epoch and cost, no parameters kept: " + w);
    }

    @Test
    void mismatchedResumesAreRefused() {
        TrainingResult plain = settings(0, 1.0).epochs(5).build().fit(Network.of(2, 4, 1), TRAIN);
        Network net = Network.of(2, 4, 1);
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> settings(0, 1.0).epochs(9).build().resume(net, TRAIN, VALIDATION, plain.finalState()));
        assertTrue(a.getMessage().startsWith("Trainer.resume: the state at iteration 5 comes from a run without a validation set;"),
                a.getMessage());
        TrainingResult noPatience = settings(0, 1.0).epochs(5).patience(0).build().fit(net, TRAIN, VALIDATION);
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> settings(0, 1.0).epochs(9).build().resume(net, TRAIN, VALIDATION, noPatience.finalState()));
        assertTrue(b.getMessage().startsWith("Trainer.resume: patience is 25 but the state holds no best parameters"), b.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> settings(0, 1.0).epochs(9).patience(0).build().resume(net, TRAIN, noPatience.finalState()));
        assertTrue(c.getMessage().startsWith("Trainer.resume: the state comes from a run with a validation set (best epoch "),
                c.getMessage());
    }
}
