package dlbasics.io;

import dlbasics.data.Dataset;
import dlbasics.data.Moons;
import dlbasics.model.Adam;
import dlbasics.model.LearningRateDecay;
import dlbasics.model.Momentum;
import dlbasics.model.Network;
import dlbasics.model.RmsProp;
import dlbasics.model.TrainedModel;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;
import dlbasics.model.UpdateRule;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model file written with its training state continues bit for bit (the update rule's state, the
 * decay schedule, the generator), and checkpoints keep the early-stopping watch.
 */
class ModelFileStateTest {
    private static final Dataset TRAIN = Moons.make(200, 0.2, 3);

    @TempDir
    Path dir;

    private static Trainer.Builder settings(UpdateRule rule, int epochs) {
        return Trainer.builder().learningRate(0.01).epochs(epochs).batchSize(64).keepProb(0.9).l2(0.05)
                .decay(LearningRateDecay.inverseTime(0.1)).initializer(Initializer.HE).seed(3).costEvery(5).updateRule(rule);
    }

    /** 40 epochs straight equal 15, saved to a model file and read back, then 25 more, for each stateful rule and both formats. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"momentum safetensors", "rmsprop npz", "adam safetensors", "adam npz"})
    void aModelFileWithItsStateContinuesBitForBit(String how) {
        String[] p = how.split(" ");
        UpdateRule rule = switch (p[0]) {
            case "momentum" -> new Momentum(0.9);
            case "rmsprop" -> new RmsProp(0.999, 1e-8);
            default -> new Adam();
        };
        ModelFile.Format format = ModelFile.Format.parse(p[1]);
        Network straight = Network.of(Activation.RELU, 2, 5, 2, 1);
        TrainingResult s = settings(rule, 40).build().fit(straight, TRAIN);

        Network first = Network.of(Activation.RELU, 2, 5, 2, 1);
        TrainingResult f = settings(rule, 15).build().fit(first, TRAIN);
        Path file = dir.resolve("model" + format.extension());
        ModelFile.write(new TrainedModel(first, List.of("0", "1"), 1.0, f.settings(), f.costs()), null, f.finalState(), rule, file, format);

        TestModels.assertSameModel(new TrainedModel(first, List.of("0", "1"), 1.0, f.settings(), f.costs()), ModelFile.read(file));
        Checkpoint c = Checkpoint.readFile(file);
        assertEquals(rule.name(), c.updateRule().name());
        assertEquals(rule.hyperparameters(), c.updateRule().hyperparameters());
        assertEquals(f.finalState().updateState().keySet(), c.state().updateState().keySet(), "the rule's state by course name");
        assertEquals(LearningRateDecay.inverseTime(0.1), c.model().settings().decay(), "the decay schedule");
        Network resumed = c.model().network();
        TrainingResult r = settings(c.updateRule(), 40).build().resume(resumed, TRAIN, c.state());
        assertArrayEquals(s.costs(), r.costs(), 0.0, "costs");
        straight.parameters().forEach((k, v) -> assertArrayEquals(v.data(), resumed.parameters().get(k).data(), 0.0, k));
    }

    @Test
    void stateAndModelOfDifferentRunsAreRefused() {
        Network net = Network.of(2, 3, 1);
        TrainingResult a = settings(new Adam(), 10).build().fit(net, TRAIN);
        TrainingResult b = settings(new Adam(), 20).build().fit(net, TRAIN);
        TrainedModel model = new TrainedModel(net, List.of("0", "1"), 1.0, a.settings(), a.costs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.write(model, null, b.finalState(), new Adam(), dir.resolve("m.safetensors"), ModelFile.Format.SAFETENSORS));
        assertEquals("ModelFile.write: the model holds 2 costs but the training state 4; save the model and the state of the same run",
                e.getMessage());
    }

    /**
     * Early stopping on a validation set, checkpointed every 5 epochs and killed at epoch 30 (after the
     * best epoch, while waiting): resumed from disk, it stops where the straight run stops with the same
     * restored parameters.
     */
    @Test
    void aCheckpointKeepsTheEarlyStoppingWatch() {
        Dataset train = Moons.make(30, 0.3, 5);
        Dataset validation = Moons.make(200, 0.3, 6);
        java.util.function.Supplier<Trainer.Builder> b = () -> Trainer.builder().learningRate(0.005).epochs(3000)
                .initializer(Initializer.HE).seed(3).updateRule(new Adam()).costEvery(10).patience(25);
        Network straight = Network.of(Activation.RELU, 2, 40, 20, 1);
        TrainingResult s = b.get().build().fit(straight, train, validation);
        int best = s.finalState().earlyStopping().bestEpoch();
        assertTrue(s.stopped() && best > 10, "the straight run stops early: best epoch " + best);
        int killAt = (best + 10) / 5 * 5;

        Path folder = dir.resolve("run");
        TrainingListener kill = new TrainingListener() {
            @Override
            public void onEpoch(TrainingEvent e) {
                if (e.iteration() == killAt) {
                    e.requestStop();
                }
            }
        };
        b.get().listener(new CheckpointListener(folder, 5, List.of("0", "1"), 1.0)).listener(kill).build()
                .fit(Network.of(Activation.RELU, 2, 40, 20, 1), train, validation);
        Checkpoint c = Checkpoint.read(folder);
        assertEquals(killAt, c.state().iteration());
        assertEquals(best, c.state().earlyStopping().bestEpoch(), "the watch in the checkpoint");
        assertEquals(6, c.state().earlyStopping().bestParameters().size(), "W1, b1, W2, b2, W3, b3");

        Network resumed = c.model().network();
        TrainingResult r = b.get().build().resume(resumed, train, validation, c.state());
        assertTrue(r.stopped());
        assertEquals(s.iterations(), r.iterations(), "stopped at the same epoch");
        assertArrayEquals(s.costs(), r.costs(), 0.0);
        straight.parameters().forEach((k, v) -> assertArrayEquals(v.data(), resumed.parameters().get(k).data(), 0.0, "restored " + k));

        // the run's end is written too: resuming a run that stopped early says there is nothing left
        b.get().listener(new CheckpointListener(folder, 5, List.of("0", "1"), 1.0)).build()
                .fit(Network.of(Activation.RELU, 2, 40, 20, 1), train, validation);
        Checkpoint end = Checkpoint.read(folder);
        assertEquals(s.iterations(), end.state().iteration());
        straight.parameters().forEach((k, v) -> assertArrayEquals(v.data(), end.model().network().parameters().get(k).data(), 0.0,
                "the last checkpoint holds the restored " + k));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.get().build().resume(end.model().network(), train, validation, end.state()));
        assertTrue(e.getMessage().startsWith("Trainer.resume: the state's run stopped early at epoch " + s.iterations()), e.getMessage());
    }
}
