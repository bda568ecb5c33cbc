package dlbasics.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sweep --sweep optimizer=gd,momentum,adam}: the optimization notebook's comparison, one panel per rule. */
class SweepOptimizerTest {
    @TempDir
    Path dir;

    @Test
    void onePanelPerRule() throws IOException {
        Path out = dir.resolve("sweep");
        Cli.Result r = Cli.run("sweep", "--data", "moons", "--model", "deep", "--layers", "5,2", "--activation", "relu",
                "--init", "he", "--batch-size", "64", "--epochs", "300", "--lr", "0.0007", "--sweep", "optimizer=gd,momentum,adam",
                "--json", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("\"optimizer\":\"gd\""), r.out());
        assertTrue(r.out().contains("\"optimizer\":\"momentum\""), r.out());
        assertTrue(r.out().contains("\"optimizer\":\"adam\""), r.out());
        assertTrue(java.nio.file.Files.isRegularFile(out.resolve("sweep.png")), "the grid picture");
    }

    @Test
    void unknownRuleOrOptionIsOneLine() {
        Cli.Result r = Cli.run("sweep", "--data", "moons", "--sweep", "optimizer=gd,sgd");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("dlbasics sweep: --sweep optimizer holds \"sgd\"; valid: gd, momentum, rmsprop, adam", r.err().lines().findFirst().orElse(""));
        r = Cli.run("sweep", "--data", "moons", "--sweep", "l2=0,0.7");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("dlbasics sweep: --sweep takes optimizer=NAME,NAME,..."), r.err());
    }
}
