package dlbasics.cli;

import dlbasics.io.Checkpoint;
import dlbasics.io.ModelFile;
import dlbasics.model.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --checkpoint-every N --out DIR} and {@code train --resume DIR}, end to end. */
class CheckpointResumeTest {
    @TempDir
    Path dir;

    @Test
    void straightRunEqualsCheckpointThenResumeBitForBit() throws IOException {
        Path straight = dir.resolve("straight");
        Path first = dir.resolve("first");
        Path resumed = dir.resolve("resumed");
        Cli.Result a = Cli.run("train", "--data", "moons", "--model", "deep", "--layers", "6,3",
                "--iterations", "2500", "--print-every", "100", "--out", straight.toString());
        assertEquals(0, a.exitCode(), a.toString());

        Cli.Result b = Cli.run("train", "--data", "moons", "--model", "deep", "--layers", "6,3",
                "--iterations", "1000", "--print-every", "100", "--checkpoint-every", "400", "--out", first.toString());
        assertEquals(0, b.exitCode(), b.toString());
        Checkpoint saved = Checkpoint.read(first);
        assertEquals(1000, saved.state().iteration(), "the last checkpoint is written when the run ends");

        Cli.Result c = Cli.run("train", "--data", "moons", "--resume", first.toString(), "--iterations", "2500",
                "--out", resumed.toString());
        assertEquals(0, c.exitCode(), c.toString());
        assertTrue(c.out().contains("Resuming from " + first.resolve(Checkpoint.FILE_NAME) + " at iteration 1000\n"), c.out());
        assertTrue(c.out().contains("Cost after iteration 1000: "), c.out());
        assertTrue(!c.out().contains("Cost after iteration 900: "), "a resumed run reports only what it trains: " + c.out());

        TrainedModel x = ModelFile.read(straight.resolve("model.safetensors"));
        TrainedModel y = ModelFile.read(resumed.resolve("model.safetensors"));
        assertEquals(x.network().parameters(), y.network().parameters(), "2500 straight vs 1000 + resume + 1500");
        assertArrayEquals(x.costs(), y.costs(), "the cost history continues where it stopped");
    }

    /** Adam on mini-batches with L2, dropout and decay: the checkpoint holds the moments, t and the masks' generator. */
    @Test
    void adamOnMiniBatchesResumesBitForBit() throws IOException {
        String[] options = {"--data", "moons", "--model", "deep", "--layers", "5,2", "--activation", "relu", "--optimizer", "adam",
                "--batch-size", "64", "--l2", "0.05", "--dropout", "0.9", "--lr-decay", "inverse:0.1", "--lr", "0.01",
                "--init", "he", "--print-every", "10"};
        Path straight = dir.resolve("straight");
        Path first = dir.resolve("first");
        Path resumed = dir.resolve("resumed");
        Cli.Result a = Cli.run(Cli.train(options, "--epochs", "60", "--out", straight.toString()));
        assertEquals(0, a.exitCode(), a.toString());
        Cli.Result b = Cli.run(Cli.train(options, "--epochs", "24", "--checkpoint-every", "8", "--out", first.toString()));
        assertEquals(0, b.exitCode(), b.toString());
        Checkpoint saved = Checkpoint.read(first);
        assertEquals("adam", saved.updateRule().name());
        assertEquals(24 * 4.0, saved.state().updateState().get("t").get(0, 0), "t: 4 batches of 200 examples per epoch");
        assertEquals(64, saved.model().settings().batchSize());
        Cli.Result c = Cli.run("train", "--data", "moons", "--resume", first.toString(), "--epochs", "60", "--out", resumed.toString());
        assertEquals(0, c.exitCode(), c.toString());
        TrainedModel x = ModelFile.read(straight.resolve("model.safetensors"));
        TrainedModel y = ModelFile.read(resumed.resolve("model.safetensors"));
        assertEquals(x.network().parameters(), y.network().parameters(), "60 straight vs 24 + resume + 36");
        assertArrayEquals(x.costs(), y.costs());
        assertEquals(x.settings(), y.settings(), "the model file keeps batch size, L2, keep probability and decay");
    }

    @Test
    void checkpointEveryNeedsOut() {
        Cli.Result r = Cli.run("train", "--data", "moons", "--checkpoint-every", "100");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--checkpoint-every needs --out DIR"), r.err());
    }

    @Test
    void resumeFromAFolderWithoutCheckpointSaysSo() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli.Result r = Cli.run("train", "--data", "moons", "--resume", empty.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(Checkpoint.FILE_NAME), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void resumeOnDataOfAnotherShapeIsRefused() throws IOException {
        Path first = dir.resolve("cp");
        Cli.Result b = Cli.run("train", "--data", "moons", "--iterations", "200", "--checkpoint-every", "100", "--out", first.toString());
        assertEquals(0, b.exitCode(), b.toString());
        Path csv = dir.resolve("three.csv");
        StringBuilder sb = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i).append(',').append(i % 4).append(',').append(i % 3).append(',').append(i % 2).append('\n');
        }
        Files.writeString(csv, sb.toString());
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--resume", first.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("takes 2 inputs but the data has 3 features"), r.err());
    }
}
