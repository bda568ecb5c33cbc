package dlbasics.model;

import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run stopped and resumed equals the uninterrupted run bit for bit, on every shape of {@link NetworkShapes}. */
class TrainerResumeTest {
    private static final GeneratedData DATA = GeneratedData.of(7, 4, 50);

    private static Trainer.Builder course(int iterations) {
        return Trainer.builder().learningRate(0.05).iterations(iterations).seed(1)
                .initializer(Initializer.SCALED_BY_FAN_IN).costEvery(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dlbasics.model.NetworkShapes#all")
    void everyShapeResumesBitIdentically(NetworkShapes shape) {
        GeneratedData data = shape.data(3);
        int total = shape.large() ? 250 : 2500;
        int first = shape.large() ? 120 : 1000;
        Network straight = shape.network();
        TrainingResult s = course(total).build().fit(straight, data.X, data.Y);
        Network split = shape.network();
        TrainingResult head = course(first).build().fit(split, data.X, data.Y);
        TrainingResult rest = course(total).build().resume(split, data.X, data.Y, head.finalState());
        assertEquals(straight.parameters(), split.parameters(), shape + ": parameters after " + total + " iterations");
        assertArrayEquals(s.costs(), rest.costs(), 0.0, shape + ": the cost history");
        assertEquals(total, rest.iterations());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void straightAndStoppedThenResumedGiveBitIdenticalParametersAndCosts(long seed) {
        Network straight = Network.of(4, 5, 3, 1);
        TrainingResult s = course(2500).seed(seed).build().fit(straight, DATA.X, DATA.Y);

        Network split = Network.of(4, 5, 3, 1);
        TrainingResult first = course(1000).seed(seed).build().fit(split, DATA.X, DATA.Y);
        assertEquals(10, first.costs().length);
        TrainingResult rest = course(2500).seed(seed).build().resume(split, DATA.X, DATA.Y, first.finalState());

        assertEquals(straight.parameters(), split.parameters(), "seed " + seed + ": parameters after 2500 iterations");
        assertArrayEquals(s.costs(), rest.costs(), 0.0, "seed " + seed + ": the cost history 0, 100, ..., 2400");
        assertEquals(25, rest.costs().length);
        assertEquals(2500, rest.iterations());
        assertEquals(s.finalState().iteration(), rest.finalState().iteration());
        assertArrayEquals(s.finalState().costs(), rest.finalState().costs(), 0.0);
        assertArrayEquals(s.finalState().rng().key(), rest.finalState().rng().key());
    }

    @Test
    void aCheckpointTakenByAListenerResumesBitIdentically() {
        Network[] checkpoint = new Network[1];
        TrainingState[] state = new TrainingState[1];
        TrainingListener saveAt1234 = new TrainingListener() {
            @Override
            public void onUpdate(TrainingEvent e) {
                if (e.iteration() == 1234) {
                    checkpoint[0] = e.network().copy();
                    state[0] = e.state();
                }
            }
        };
        Network straight = Network.of(Activation.TANH, 4, 6, 1);
        TrainingResult s = course(2000).listener(saveAt1234).build().fit(straight, DATA.X, DATA.Y);
        assertEquals(13, state[0].costs().length, "costs at 0, 100, ..., 1200");

        TrainingResult rest = course(2000).build().resume(checkpoint[0], new dlbasics.data.Dataset(DATA.X, DATA.Y), state[0]);
        assertEquals(straight.parameters(), checkpoint[0].parameters());
        assertArrayEquals(s.costs(), rest.costs(), 0.0);
    }

    @Test
    void resumingAtTheEndDoesNothing() {
        Network net = Network.of(4, 3, 1);
        TrainingResult r = course(300).build().fit(net, DATA.X, DATA.Y);
        Network before = net.copy();
        TrainingResult again = course(300).build().resume(net, DATA.X, DATA.Y, r.finalState());
        assertEquals(before.parameters(), net.parameters());
        assertEquals(300, again.iterations());
        assertArrayEquals(r.costs(), again.costs(), 0.0);
    }

    @Test
    void aStateBeyondTheSettingsIsRejected() {
        Network net = Network.of(4, 3, 1);
        TrainingResult r = course(300).build().fit(net, DATA.X, DATA.Y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> course(200).build().resume(net, DATA.X, DATA.Y, r.finalState()));
        assertEquals("Trainer.resume: the state is at iteration 300 but the settings stop at 200; iterations counts "
                + "updates from the very start, so set iterations to 300 or more", e.getMessage());
    }

    @Test
    void aStateFromAnotherCostEveryIsRejected() {
        Network net = Network.of(4, 3, 1);
        TrainingResult r = course(300).build().fit(net, DATA.X, DATA.Y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> course(600).costEvery(10).build().resume(net, DATA.X, DATA.Y, r.finalState()));
        assertEquals("Trainer.resume: the state holds 3 costs at iteration 300, but costEvery=10 records 30 by then; "
                + "resume with the costEvery of the run that made the state", e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> course(600).build().resume(net, DATA.X, DATA.Y, null));
        assertTrue(none.getMessage().startsWith("Trainer.resume: state is null"), none.getMessage());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void fitIsDeterministic(long seed) {
        Network a = Network.of(4, 5, 1);
        Network b = Network.of(4, 5, 1);
        TrainingResult ra = course(200).seed(seed).build().fit(a, DATA.X, DATA.Y);
        TrainingResult rb = course(200).seed(seed).build().fit(b, DATA.X, DATA.Y);
        assertEquals(a.parameters(), b.parameters(), "seed " + seed);
        assertTrue(Arrays.equals(ra.costs(), rb.costs()), "seed " + seed);
    }
}
