package dlbasics.cli;

import dlbasics.io.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "Interrupted runs": a stopped training says what was lost and how to resume, and a resumed
 * run keeps checkpointing at its interval. The first test stops a real process (SIGTERM runs the same
 * shutdown hook as Ctrl-C's SIGINT).
 */
class InterruptedRunTest {
    @TempDir
    Path dir;

    @Test
    void aStoppedProcessSaysWhatWasLostAndHowToResume() throws Exception {
        Path out = dir.resolve("long");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--data", "moons", "--iterations", "100000000", "--print-every", "2000", "--checkpoint-every", "2000",
                "--out", out.toString()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null && !line.startsWith("Cost after iteration 4000:")) {
                // wait until two checkpoints are written (the one at 4000 is saved before its cost is recorded)
            }
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process ends");
        }
        String err = java.nio.file.Files.readString(dir.resolve("stderr.txt"));
        assertTrue(err.matches("dlbasics train: interrupted at iteration \\d+ of 100000000; the checkpoint in " + java.util.regex.Pattern.quote(out.toString())
                + " holds iteration \\d+, the \\d+ iterations since are lost; continue with the same data options and --resume "
                + java.util.regex.Pattern.quote(out.toString()) + "\\n"), err);
        Checkpoint saved = Checkpoint.read(out);
        assertTrue(saved.state().iteration() >= 4000 && saved.state().iteration() % 2000 == 0, "at the interval: " + saved.state().iteration());
        assertEquals(2000, saved.every(), "the interval is stored with the checkpoint");

        // resume in place without --checkpoint-every: the run keeps checkpointing every 2000 iterations
        int total = saved.state().iteration() + 5000;
        Cli.Result r = Cli.run("train", "--data", "moons", "--resume", out.toString(), "--out", out.toString(),
                "--iterations", Integer.toString(total), "--quiet");
        assertEquals(0, r.exitCode(), r.toString());
        Checkpoint after = Checkpoint.read(out);
        assertEquals(total, after.state().iteration(), "the last checkpoint is the end of the resumed run");
        assertEquals(2000, after.every());
    }

    @Test
    void withoutCheckpointsItSaysNothingWasSaved() {
        Interruption i = new Interruption(null, null, null, false);
        assertEquals(null, i.message(), "silent when no training runs");
        dlbasics.model.TrainingListener check = new dlbasics.model.TrainingListener() {
            @Override
            public void onUpdate(dlbasics.model.TrainingEvent e) {
                if (e.iteration() == 30) {
                    assertEquals("interrupted at iteration 30 of 50; nothing was saved and the 30 iterations are lost (a long run can be "
                            + "resumed when trained with --checkpoint-every N --out DIR)", i.message());
                }
            }
        };
        dlbasics.model.Trainer.builder().iterations(50).costEvery(10).listener(i).listener(check).build()
                .fit(dlbasics.model.Network.of(1, 1), PartsTest.X, PartsTest.Y);
        assertEquals(null, i.message(), "silent once training ended");
    }
}
