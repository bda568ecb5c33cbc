package dlbasics.cli;

import dlbasics.io.Checkpoint;
import dlbasics.io.ModelFile;
import dlbasics.model.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --resume} from a model file, and with {@code --validation-split} / {@code --patience}, bit for bit. */
class ResumeTest {
    private static final String[] ADAM = {"--data", "moons", "--model", "deep", "--layers", "5,2", "--activation", "relu",
            "--optimizer", "adam", "--batch-size", "64", "--dropout", "0.9", "--lr-decay", "inverse:0.1", "--lr", "0.01",
            "--init", "he", "--print-every", "10"};
    // overfits the 30 training examples the split leaves: the validation cost turns up and the run stops early
    private static final String[] EARLY = {"--data", "moons", "--model", "deep", "--layers", "40,20", "--activation", "relu",
            "--optimizer", "adam", "--lr", "0.01", "--print-every", "5", "--validation-split", "0.85", "--patience", "20"};

    @TempDir
    Path dir;

    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    private static void assertSameRun(Path a, Path b, String what) {
        TrainedModel x = ModelFile.read(a);
        TrainedModel y = ModelFile.read(b);
        assertEquals(x.network().parameters(), y.network().parameters(), what);
        assertArrayEquals(x.costs(), y.costs(), what);
    }

    /** No checkpoint needed: the model file of a finished Adam run holds the moments, t, the generator and the schedule. */
    @Test
    void aModelFileContinuesAsAStraightRun() {
        Path straight = dir.resolve("straight");
        ok(Cli.train(ADAM, "--epochs", "60", "--out", straight.toString()));
        for (String format : new String[] {"safetensors", "npz"}) {
            Path first = dir.resolve("first-" + format);
            Path resumed = dir.resolve("resumed-" + format);
            ok(Cli.train(ADAM, "--epochs", "24", "--format", format, "--out", first.toString()));
            Path file = first.resolve("model." + format);
            Checkpoint saved = Checkpoint.readFile(file);
            assertEquals("adam", saved.updateRule().name());
            assertEquals(24 * 4.0, saved.state().updateState().get("t").get(0, 0), "t: 4 batches of 64 of 200 examples per epoch");
            Cli.Result r = ok("train", "--data", "moons", "--resume", file.toString(), "--epochs", "60", "--out", resumed.toString());
            assertTrue(r.out().contains("Resuming from " + file + " at epoch 24\n"), r.out());
            assertTrue(r.out().contains("Cost after epoch 30: "), r.out());
            assertSameRun(straight.resolve("model.safetensors"), resumed.resolve("model.safetensors"), format + ": 60 vs 24 + 36");
        }
        // a folder without a checkpoint: its model file
        Path again = dir.resolve("again");
        ok("train", "--data", "moons", "--resume", dir.resolve("first-safetensors").toString(), "--epochs", "60", "--out", again.toString());
        assertSameRun(straight.resolve("model.safetensors"), again.resolve("model.safetensors"), "from the folder");
    }

    private static int number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Integer.parseInt(m.group(1));
    }

    /** The same split from the same seed, and the early-stopping watch in the checkpoint: it stops where the straight run stops. */
    @Test
    void validationSplitAndPatienceResumeToTheSameStop() {
        Path straight = dir.resolve("straight");
        String json = ok(Cli.train(EARLY, "--epochs", "3000", "--json", "--out", straight.toString())).out();
        int best = number(json, "best_epoch");
        int stop = number(json, "iterations");
        assertTrue(json.contains("\"stopped_early\":true") && stop == best + 20 && best > 3, json);

        int at = best + 10; // after the best epoch, while the run waits for a better one
        Path first = dir.resolve("first");
        Cli.Result a = ok(Cli.train(EARLY, "--epochs", Integer.toString(at), "--checkpoint-every", "3", "--out", first.toString()));
        assertTrue(a.out().contains("(best epoch " + best + ")"), a.out());
        Path resumed = dir.resolve("resumed");
        Cli.Result r = ok("train", "--data", "moons", "--resume", first.toString(), "--epochs", "3000", "--validation-split", "0.85",
                "--patience", "20", "--out", resumed.toString());
        assertTrue(r.out().contains("Resuming from " + first.resolve(Checkpoint.FILE_NAME) + " at iteration " + at + "\n"), r.out());
        assertTrue(r.out().contains("(best epoch " + best + ", stopped early)"), r.out());
        assertTrue(r.out().contains("Final cost: ") && r.out().contains("(after iteration " + stop + ")"), r.out());
        assertSameRun(straight.resolve("model.safetensors"), resumed.resolve("model.safetensors"), "restored best of " + stop);

        Cli.Result again = Cli.run("train", "--data", "moons", "--resume", straight.toString(), "--epochs", "3000",
                "--validation-split", "0.85", "--patience", "20");
        assertEquals(1, again.exitCode(), again.toString());
        assertEquals(String.format("dlbasics train: --resume: the run stopped early at epoch %d, 20 epochs after its best epoch %d, "
                + "and its model holds that epoch's parameters; nothing is left to train (a larger --patience than 20 would "
                + "continue from them)", stop, best), again.err().strip(), again.toString());
    }

    @Test
    void aValidatedRunResumesOnlyWithItsSplit() {
        Path first = dir.resolve("first");
        ok(Cli.train(EARLY, "--epochs", "6", "--out", first.toString()));
        Cli.Result r = Cli.run("train", "--data", "moons", "--resume", first.toString(), "--epochs", "10");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("dlbasics train: --resume: the run was trained with a validation split (best epoch "), r.err());
        assertTrue(r.err().lines().findFirst().orElse("").endsWith("; give the same --validation-split and --patience"), r.err());

        Cli.Result p = Cli.run("train", "--data", "moons", "--resume", first.toString(), "--epochs", "10", "--validation-split", "0.85");
        assertEquals(2, p.exitCode(), p.toString());
        assertTrue(p.err().contains("give the same --patience"), p.err());

        Path plain = dir.resolve("plain");
        ok("train", "--data", "moons", "--epochs", "6", "--out", plain.toString());
        Cli.Result q = Cli.run("train", "--data", "moons", "--resume", plain.toString(), "--epochs", "10", "--validation-split", "0.2");
        assertEquals(2, q.exitCode(), q.toString());
        assertEquals("dlbasics train: --validation-split: the resumed run was trained without one; resume it without --validation-split",
                q.err().lines().findFirst().orElse(""), q.toString());
    }

    @Test
    void aStandardisedModelFileIsNotResumable() throws java.io.IOException {
        Path csv = dir.resolve("t.csv");
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i * 3).append(',').append(100 + (i * 7) % 13).append(',').append(i % 2).append('\n');
        }
        java.nio.file.Files.writeString(csv, sb.toString());
        Path first = dir.resolve("csv");
        ok("train", "--data", csv.toString(), "--label", "y", "--standardize", "--iterations", "20", "--out", first.toString());
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--label", "y", "--standardize", "--resume", first.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no training_state in the metadata: the model was saved without its training state"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }
}
