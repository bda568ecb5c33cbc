package dlbasics.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GradientCheckingExample runs end to end and prints the notebook's two verdicts; the test stays silent. */
class GradientCheckingExampleTest {

    @Test
    void printsTheNotebooksVerdicts() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            GradientCheckingExample.run(out);
        }
        List<String> lines = List.of(captured.toString(StandardCharsets.UTF_8).split("\\R"));
        assertEquals(2, lines.size(), String.join("\n", lines));
        // numpy: 1.1890913024229996e-07 (ours 1.18904...E-7); the rounding of J over epsilon moves the digits after the third
        assertTrue(lines.get(0).matches("Your backward propagation works perfectly fine! difference = 1\\.18\\d*E-7"), lines.get(0));
        // numpy and the notebook: 0.2850931567761623
        assertTrue(lines.get(1).startsWith("There is a mistake in the backward propagation! difference = 0.2850931567"), lines.get(1));
    }
}
