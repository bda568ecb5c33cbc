package dlbasics.model;

import dlbasics.data.Moons;
import dlbasics.matrix.Matrix;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run stopped after k epochs and resumed from its {@link TrainingState} (which holds the update
 * rule's state: Adam's moments and t, momentum's velocities, and the generator that draws the dropout
 * masks) ends where the straight run ends, bit for bit, with mini-batches, L2, dropout and decay.
 */
class TrainerMiniBatchResumeTest {
    private static Trainer trainer(UpdateRule rule, TrainingListener... listeners) {
        Trainer.Builder b = Trainer.builder().learningRate(0.01).epochs(30).batchSize(64).initializer(Initializer.HE).seed(3)
                .costEvery(5).l2(0.05).keepProb(0.9).decay(LearningRateDecay.inverseTime(0.1)).updateRule(rule);
        for (TrainingListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gd", "momentum", "rmsprop", "adam"})
    void stoppedAndResumedEqualsStraight(String name) {
        UpdateRule rule = switch (name) {
            case "gd" -> new GradientDescent();
            case "momentum" -> new Momentum(0.9);
            case "rmsprop" -> new RmsProp();
            default -> new Adam();
        };
        var moons = Moons.make(300, 0.2, 3);
        Network straight = Network.of(2, 5, 2, 1);
        TrainingResult full = trainer(rule).fit(straight, moons.X(), moons.Y());

        Network stopped = Network.of(2, 5, 2, 1);
        TrainingResult first = trainer(rule, new TrainingListener() {
            @Override
            public void onUpdate(TrainingEvent e) {
                if (e.iteration() == 12) {
                    e.requestStop();
                }
            }
        }).fit(stopped, moons.X(), moons.Y());
        assertEquals(12, first.finalState().iteration());
        if (!name.equals("gd")) {
            assertTrue(!first.finalState().updateState().isEmpty(), "the rule's state is in the checkpoint");
        }
        if (name.equals("adam")) {
            assertEquals(12 * 5, first.finalState().updateState().get("t").get(0, 0), "t counts updates: 5 batches per epoch");
        }
        Network resumed = Network.fromParameters(stopped.hiddenActivation(), stopped.parameters());
        TrainingResult rest = trainer(rule).resume(resumed, moons.X(), moons.Y(), first.finalState());
        Map<String, Matrix> a = straight.parameters();
        resumed.parameters().forEach((k, v) -> assertArrayEquals(a.get(k).data(), v.data(), name + " " + k));
        assertArrayEquals(full.costs(), rest.costs(), "the recorded costs");
    }

    @Test
    void resumingAdamWithoutItsStateIsRejected() {
        var moons = Moons.make(100, 0.2, 3);
        Network net = Network.of(2, 5, 2, 1);
        TrainingResult r = trainer(new GradientDescent()).fit(net, moons.X(), moons.Y());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Adam()).resume(net, moons.X(), moons.Y(), new TrainingState(10, new double[2], r.finalState().rng())));
        assertTrue(e.getMessage().startsWith("UpdateRule.restore: the saved state holds []"), e.getMessage());
    }

    @Test
    void aBatchLargerThanTheDataIsRejected() {
        var moons = Moons.make(50, 0.2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Adam()).fit(Network.of(2, 5, 2, 1), moons.X(), moons.Y()));
        assertEquals("Trainer.fit: batchSize is 64 but X has only 50 examples (X is 2x50); use a batch size from 1 to 50, "
                + "or 0 for full batch", e.getMessage());
    }
}
