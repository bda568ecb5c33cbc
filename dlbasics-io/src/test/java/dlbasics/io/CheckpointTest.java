package dlbasics.io;

import dlbasics.matrix.Matrix;
import dlbasics.model.FirstLayer;
import dlbasics.model.Momentum;
import dlbasics.model.Network;
import dlbasics.model.OutputGradient;
import dlbasics.model.TrainedModel;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;
import dlbasics.model.TrainingState;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {
    @TempDir
    Path dir;

    /** {@code np.random.seed(seed); X = np.random.randn(4, 60)}; label 1 where x0 + x1·x2 > 0. */
    private static Matrix[] data(long seed) {
        Matrix X = new NumpyRandom(seed).randn(4, 60);
        Matrix Y = Matrix.zeros(1, 60);
        for (int j = 0; j < 60; j++) {
            Y.set(0, j, X.get(0, j) + X.get(1, j) * X.get(2, j) > 0 ? 1 : 0);
        }
        return new Matrix[]{X, Y};
    }

    private static Trainer.Builder settings(long seed) {
        return Trainer.builder().learningRate(0.05).iterations(2500).initializer(Initializer.SCALED_BY_FAN_IN)
                .seed(seed).costEvery(100);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void straight2500EqualsCheckpointAt1000ThenResumeFromDiskFor1500BitForBit(long seed) {
        Matrix[] d = data(seed + 10);
        Network straight = Network.of(4, 5, 3, 1);
        TrainingResult s = settings(seed).build().fit(straight, d[0], d[1]);

        // the same run, checkpointed every 1000 updates and "killed" after the first checkpoint
        Path folder = dir.resolve("run-" + seed);
        TrainingListener crashAt1000 = new TrainingListener() {
            @Override
            public void onUpdate(TrainingEvent e) {
                if (e.iteration() == 1000) {
                    e.requestStop();
                }
            }
        };
        CheckpointListener checkpoints = new CheckpointListener(folder, 1000, List.of("no", "yes"), 1.0);
        TrainingResult first = settings(seed).listener(checkpoints).listener(crashAt1000).build()
                .fit(Network.of(4, 5, 3, 1), d[0], d[1]);
        assertTrue(first.stopped());
        assertEquals(1000, checkpoints.lastWrittenIteration());

        // a new process would start here: everything comes from the folder
        Checkpoint c = Checkpoint.read(folder);
        assertEquals(1000, c.state().iteration());
        assertEquals(10, c.state().costs().length, "costs at 0, 100, ..., 900");
        Network resumed = c.model().network();
        TrainingResult rest = new Trainer(c.model().settings()).resume(resumed, d[0], d[1], c.state());

        assertEquals(2500, rest.iterations());
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(straight.W(l).data(), resumed.W(l).data(), 0.0, "seed " + seed + ": W" + l);
            assertArrayEquals(straight.b(l).data(), resumed.b(l).data(), 0.0, "seed " + seed + ": b" + l);
        }
        assertArrayEquals(s.costs(), rest.costs(), 0.0, "seed " + seed + ": costs 0, 100, ..., 2400");
        assertArrayEquals(s.finalState().rng().key(), rest.finalState().rng().key(), "generator state");
    }

    /**
     * The Gram form of the first layer (FirstLayer.GRAM, what AUTO picks for wide inputs) with momentum and L2:
     * its carried W1·X, coefficients and W1(0) go through the checkpoint file ("gram:" entries of the update
     * state), and the run resumed from disk equals the straight one bit for bit.
     */
    @Test
    void aGramFormRunResumesFromDiskBitForBit() {
        Matrix X = new NumpyRandom(21).randn(600, 30);
        Matrix Y = new NumpyRandom(22).rand(1, 30).lessThan(0.5);
        Trainer.Builder builder = Trainer.builder().learningRate(0.01).iterations(500).initializer(Initializer.HE).seed(3)
                .costEvery(50).l2(0.2).updateRule(new Momentum()).firstLayer(FirstLayer.GRAM);
        Network straight = Network.of(600, 6, 1);
        TrainingResult s = builder.build().fit(straight, X, Y);

        Path folder = dir.resolve("gram");
        TrainingListener crashAt200 = new TrainingListener() {
            @Override
            public void onUpdate(TrainingEvent e) {
                if (e.iteration() == 200) {
                    e.requestStop();
                }
            }
        };
        CheckpointListener checkpoints = new CheckpointListener(folder, 200, List.of("no", "yes"), 1.0);
        builder.listener(checkpoints).listener(crashAt200).build().fit(Network.of(600, 6, 1), X, Y);
        Checkpoint c = Checkpoint.read(folder);
        assertTrue(c.state().updateState().containsKey("gram:P"), c.state().updateState().keySet().toString());
        Network resumed = c.model().network();
        TrainingResult rest = new Trainer(c.model().settings(), List.of(), OutputGradient.A_MINUS_Y, c.updateRule())
                .resume(resumed, X, Y, c.state());
        assertEquals(straight.parameters(), resumed.parameters(), "parameters after 500 updates");
        assertArrayEquals(s.costs(), rest.costs(), 0.0, "costs 0, 50, ..., 450");
    }

    @Test
    void writeThenReadKeepsModelAndStateBitForBit() {
        TrainedModel model = TestModels.small(4);
        NumpyRandom rng = new NumpyRandom(99);
        rng.nextGaussian(); // one normal drawn: the second of the pair is kept (has_gauss true)
        TrainingState state = new TrainingState(300, model.costs(), rng.state());
        Checkpoint.write(dir, model, state);

        Checkpoint c = Checkpoint.read(dir);
        TestModels.assertSameModel(model, c.model());
        assertEquals(300, c.state().iteration());
        assertArrayEquals(state.costs(), c.state().costs(), 0.0);
        assertArrayEquals(state.rng().key(), c.state().rng().key());
        assertEquals(state.rng().pos(), c.state().rng().pos());
        assertTrue(c.state().rng().hasGauss());
        assertEquals(state.rng().gauss(), c.state().rng().gauss(), 0.0);

        NumpyRandom restored = new NumpyRandom(0);
        restored.setState(c.state().rng());
        assertEquals(rng.nextGaussian(), restored.nextGaussian(), 0.0, "the kept normal");
        assertEquals(rng.nextDouble(), restored.nextDouble(), 0.0, "the stream continues");
    }

    @Test
    void aCheckpointIsAlsoAnOrdinaryModelFile() {
        TrainedModel model = TestModels.small(4);
        Checkpoint.write(dir, model, new TrainingState(300, model.costs(), new NumpyRandom(1).state()));
        TestModels.assertSameModel(model, ModelFile.read(dir.resolve(Checkpoint.FILE_NAME)));
    }

    @Test
    void listenerWritesEveryNUpdatesAndAtTheEnd() {
        Matrix[] d = data(3);
        Path folder = dir.resolve("every300");
        List<Integer> seen = new ArrayList<>();
        CheckpointListener checkpoints = new CheckpointListener(folder, 300, List.of("0", "1"), 1.0);
        TrainingListener spy = new TrainingListener() {
            @Override
            public void onUpdate(TrainingEvent e) {
                if (e.iteration() % 100 == 0 && Files.exists(folder.resolve(Checkpoint.FILE_NAME))) {
                    int at = Checkpoint.read(folder).state().iteration();
                    if (seen.isEmpty() || seen.get(seen.size() - 1) != at) {
                        seen.add(at);
                    }
                }
            }
        };
        settings(1).iterations(1000).listener(checkpoints).listener(spy).build().fit(Network.of(4, 3, 1), d[0], d[1]);
        assertEquals(List.of(300, 600, 900), seen);
        assertEquals(1000, Checkpoint.read(folder).state().iteration(), "the end of the run is saved too");
        assertEquals(1000, checkpoints.lastWrittenIteration());
    }

    @Test
    void onlyTheCheckpointFileIsLeftInTheFolder() throws IOException {
        Matrix[] d = data(3);
        settings(1).iterations(500).listener(new CheckpointListener(dir, 100, List.of("0", "1"), 1.0)).build()
                .fit(Network.of(4, 3, 1), d[0], d[1]);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve(Checkpoint.FILE_NAME)), files.toList());
        }
    }

    @Test
    void readingAFolderWithoutACheckpointSaysWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(dir));
        assertEquals("Checkpoint.read: no checkpoint in " + dir.toAbsolutePath() + " (expected checkpoint.safetensors); "
                + "train with a CheckpointListener (train --checkpoint-every N --out DIR) first", e.getMessage());
    }

    @Test
    void aPlainModelFileIsNotACheckpoint() {
        Path file = dir.resolve(Checkpoint.FILE_NAME);
        ModelFile.write(TestModels.small(1), file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(dir));
        assertEquals("ModelFile.read: " + file + ": no training_state in the metadata: the model was saved without its "
                + "training state (by an older dlbasics, or with its standardisation folded into the first layer), so it cannot "
                + "be resumed; train with --checkpoint-every N to keep a resumable checkpoint", e.getMessage());
    }

    @Test
    void aDamagedTrainingStateIsNamed() {
        Path file = dir.resolve(Checkpoint.FILE_NAME);
        StoredModel stored = ModelFile.toStored(TestModels.small(1));
        stored.metadata().put(Checkpoint.STATE_KEY, "{\"iteration\": 3, \"costs\": [], \"rng\": {\"key\": [1, 2]}}");
        ModelFile.writeStored(stored, file, ModelFile.Format.SAFETENSORS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(dir));
        assertEquals("ModelFile.read: " + file + ": training_state is damaged: expected a whole iteration, a list of "
                + "costs and 624 key words", e.getMessage());
    }

    @Test
    void everyMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CheckpointListener(dir, 0, List.of("0", "1"), 1.0));
        assertEquals("CheckpointListener: every is 0; write a checkpoint every 1 or more updates (e.g. 1000)", e.getMessage());
    }
}
