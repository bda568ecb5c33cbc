package dlbasics.cli;

import dlbasics.data.Dataset;
import dlbasics.data.Moons;
import dlbasics.model.Adam;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link Progress} writes, piped and on a (fake) terminal of a given width, from real training events. */
class ProgressTest {
    private static final Dataset MOONS = Moons.make(200, 0.2, 3);

    private static String train(boolean terminal, int width, int batchSize, int epochs, int costEvery, boolean validate) {
        StringWriter sw = new StringWriter();
        Trainer trainer = Trainer.builder().learningRate(0.01).epochs(epochs).batchSize(batchSize).costEvery(costEvery).seed(3)
                .updateRule(new Adam()).listener(new Progress(new PrintWriter(sw, true), terminal, "", width)).build();
        if (validate) {
            trainer.fit(Network.of(2, 4, 1), Moons.make(150, 0.2, 3), Moons.make(50, 0.2, 4));
        } else {
            trainer.fit(Network.of(2, 4, 1), MOONS);
        }
        return sw.toString();
    }

    @Test
    void pipedMiniBatchRunsSayEpoch() {
        String s = train(false, 80, 64, 6, 2, false);
        assertEquals(List.of("Cost after epoch 0: ", "Cost after epoch 2: ", "Cost after epoch 4: "),
                s.lines().map(l -> l.substring(0, l.indexOf(':') + 2)).toList(), s);
        assertTrue(s.lines().allMatch(l -> l.matches("Cost after epoch \\d+: \\d\\.\\d{6}")), s);
        assertFalse(s.contains("\r"), "no bar when piped");
    }

    @Test
    void pipedFullBatchRunsKeepTheCoursesWords() {
        String s = train(false, 80, 0, 5, 2, false);
        assertEquals(3, s.lines().count(), s);
        assertTrue(s.lines().allMatch(l -> l.matches("Cost after iteration [024]: \\d\\.\\d{6}")), s);
    }

    @Test
    void pipedValidatedRunsWriteOneLinePerRecordedEpoch() {
        String s = train(false, 80, 50, 6, 3, true);
        List<String> lines = s.lines().toList();
        assertEquals(2, lines.size(), s);
        assertTrue(lines.get(0).matches("Epoch 3: cost \\d\\.\\d{6}, accuracy [\\d.]+ %, validation cost \\d\\.\\d{6}, "
                + "validation accuracy [\\d.]+ %"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Epoch 6: "), s);
    }

    @Test
    void theTerminalBarFitsTheWidthAndShowsTheEpochsMetrics() {
        for (int width : new int[] {120, 70, 40}) {
            String s = train(true, width, 50, 6, 3, true);
            assertTrue(s.contains("\r[" + "#".repeat(Math.min(30, width)).substring(0, 1)), s);
            String[] pieces = s.split("\r");
            int bars = 0;
            for (int i = 1; i < pieces.length; i++) { // a bar, or the blanks clearing it, follows a carriage return
                String drawn = pieces[i].split("\n", -1)[0];
                if (!drawn.startsWith("[") && !drawn.isBlank()) {
                    continue; // a log line written after the bar was cleared
                }
                bars++;
                assertTrue(drawn.length() <= width - 1, "width " + width + ": " + drawn.length() + " columns: \"" + drawn + "\"");
            }
            assertTrue(bars >= 2, "a bar and its clearing: " + s);
            assertTrue(s.endsWith("\r"), "cleared at the end");
            if (width == 120) {
                assertTrue(s.matches("(?s).*\\r\\[#{30}] epoch 6/6  cost \\d\\.\\d{6}  accuracy [ \\d]{3}\\.\\d\\d %  validation [ \\d]{3}\\.\\d\\d %  "
                        + " *\\d+\\.\\d s left.*"), s);
            }
        }
    }

    @Test
    void barRendering() {
        assertEquals("[###############...............] epoch  5/10  cost 0.500000  accuracy  88.00 %  validation  87.50 %    2.0 s left",
                Progress.bar("epoch", 5, 10, 0.5, 0.88, 0.875, 2_000_000_000L, 120));
        assertEquals("[###############...............] iteration  5/10  cost 0.500000    2.0 s left",
                Progress.bar("iteration", 5, 10, 0.5, Double.NaN, Double.NaN, 2_000_000_000L, 80));
        assertEquals("[..............................] iteration  0/10        ? left",
                Progress.bar("iteration", 0, 10, Double.NaN, Double.NaN, Double.NaN, -1, 80));
        assertEquals(Progress.bar("epoch", 5, 5000, 0.5, 0.88, 0.875, 1, 120).length(),
                Progress.bar("epoch", 4999, 5000, 0.5, 1, 0.875, 2_000_000_000_000L, 120).length(), "the same length all along");
        assertEquals("33m 20s", Progress.remaining(2_000_000_000_000L));
        assertEquals("2h 05m", Progress.remaining(7_500_000_000_000L));
        assertEquals("59.9 s", Progress.remaining(59_900_000_000L));
        // narrow terminals: the validation, then the accuracy, then the cost go; then the bar shortens
        assertEquals("[########.........] epoch  5/10  cost 0.500000    2.0 s left",
                Progress.bar("epoch", 5, 10, 0.5, 0.88, 0.875, 2_000_000_000L, 60));
        assertEquals("[######......] epoch  5/10    2.0 s left", Progress.bar("epoch", 5, 10, 0.5, 0.88, 0.875, 2_000_000_000L, 40));
        assertEquals("[#..] epoch 5/8    2.0 s left", Progress.bar("epoch", 5, 8, 0.5, 0.88, 0.875, 2_000_000_000L, 29));
        assertEquals("epoch  5/10    2.0", Progress.bar("epoch", 5, 10, 0.5, 0.88, 0.875, 2_000_000_000L, 18));
    }
}
