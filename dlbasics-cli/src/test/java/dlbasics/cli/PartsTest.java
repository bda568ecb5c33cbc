package dlbasics.cli;

import dlbasics.matrix.Matrix;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.nn.Activation;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces behind the commands: progress, scores, JSON, number formats. */
class PartsTest {
    static final Matrix X = Matrix.of(1, 4, -2, -1, 1, 2);
    static final Matrix Y = Matrix.row(0, 0, 1, 1);

    @Test
    void plainProgressIsTheCoursesWording() {
        StringWriter sw = new StringWriter();
        Trainer.builder().learningRate(0.5).iterations(250).costEvery(100).seed(1)
                .listener(new Progress(new PrintWriter(sw, true), false, ""))
                .build().fit(Network.of(1, 1), X, Y);
        String[] lines = sw.toString().split("\n");
        assertEquals(3, lines.length, sw.toString());
        assertTrue(lines[0].matches("Cost after iteration 0: 0\\.\\d{6}"), lines[0]);
        assertTrue(lines[2].startsWith("Cost after iteration 200: "), lines[2]);
        assertTrue(!sw.toString().contains("\r"), "no bar when not on a terminal");
    }

    @Test
    void terminalProgressDrawsAndClearsABar() {
        StringWriter sw = new StringWriter();
        Trainer.builder().learningRate(0.5).iterations(50).costEvery(100)
                .listener(new Progress(new PrintWriter(sw, true), true, ""))
                .build().fit(Network.of(1, 1), X, Y);
        String s = sw.toString();
        assertTrue(s.startsWith("Cost after iteration 0: "), s);
        assertTrue(s.contains("\r[" + "#".repeat(30) + "] iteration 50/50  cost "), "the last bar is full: " + s);
        assertTrue(s.endsWith("\r"), "cleared at the end");
    }

    @Test
    void scoresFromAConfusionMatrix() {
        Scores s = Scores.of(Matrix.row(1, 1, 0, 0, 1), Matrix.row(1, 0, 0, 1, 1));
        assertEquals(new Scores(1, 1, 1, 2), s);
        assertEquals(0.6, s.accuracy(), 1e-15);
        assertEquals(2 / 3.0, s.precision(), 1e-15);
        assertEquals(2 / 3.0, s.recall(), 1e-15);
        assertEquals(2 / 3.0, s.f1(), 1e-15);
        assertTrue(Double.isNaN(Scores.of(Matrix.row(0, 0), Matrix.row(0, 0)).precision()), "nothing predicted 1");
    }

    @Test
    void jsonEscapesAndDropsNonFiniteNumbers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"q\"\n\\");
        m.put("d", new double[] {0.1, Double.NaN});
        m.put("i", new int[] {1, 2});
        m.put("l", List.of(true, 3L));
        m.put("n", null);
        assertEquals("{\"s\":\"a \\\"q\\\"\\n\\\\\",\"d\":[0.1,null],\"i\":[1,2],\"l\":[true,3],\"n\":null}", Json.write(m));
    }

    @Test
    void numbersPrintAsTheCoursePrintsThem() {
        assertEquals("0.672053", Format.cost(0.6720534400021794));
        assertEquals("90.75 %", Format.percent(0.9075));
        assertEquals("98.5646 %", Format.percent(206 / 209.0));
        assertEquals("70 %", Format.percent(0.7));
        assertEquals("0.0075", Format.rate(0.0075));
    }

    @Test
    void planDefaultsAreTheCourses() {
        ModelOptions o = new ModelOptions();
        Plan flower = Plan.of(o, DataSource.Kind.PLANAR);
        assertEquals("shallow [2, 4, 1] tanh, learning rate 1.2, 10000 iterations, seed 2", flower.describe(2));
        Plan cat = Plan.of(o, DataSource.Kind.IMAGES);
        assertEquals("deep [12288, 20, 7, 5, 1] relu, learning rate 0.0075, 2500 iterations, seed 1", cat.describe(12288));
        o.model = ModelKind.SHALLOW;
        assertEquals("shallow [12288, 7, 1] relu, learning rate 0.0075, 2500 iterations, seed 1",
                Plan.of(o, DataSource.Kind.IMAGES).describe(12288), "the two-layer cat model");
        o.model = ModelKind.LOGISTIC;
        assertEquals("logistic [12288, 1], learning rate 0.005, 2000 iterations", Plan.of(o, DataSource.Kind.IMAGES).describe(12288));
        assertEquals(Activation.TANH, flower.activation());
    }
}
