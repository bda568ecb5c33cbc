package dlbasics.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every script under {@code notebooks/} the way {@code ./dlbasics shell script.jsh} does (a new
 * JVM running {@link NotebookRunner}, here on the test class path) and compares what it prints with
 * the course's printed results in {@code ../shared/course/REFERENCE.md} and the notebooks' expected
 * outputs the golden tests of dlbasics-core check.
 *
 * <p>Times: every notebook runs the course's iteration counts except the deep
 * application sets {@code -Ddlbasics.notebook.iterations=500} (the full 2 x 2500 iterations take
 * minutes; the costs up to 400 are compared, the accuracies after 2500 are DeepNetworkModels' golden
 * tests' job).
 */
class NotebooksIT {
    private static final Path NOTEBOOKS = Path.of(System.getProperty("basedir", ".")).resolve("../notebooks").normalize();

    @TempDir
    Path out;

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** {@code ./dlbasics shell script args...}: a JVM on the test class path running NotebookRunner. */
    private Run shell(List<String> jvmOptions, String script, String... args) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-Ddlbasics.notebook.out=" + out.resolve("pictures")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, NotebookRunner.class.getName(), script));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.resolve("stdout.txt").toFile())
                .redirectError(out.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), script + " finished");
        String stderr = Files.readString(out.resolve("stderr.txt"), StandardCharsets.UTF_8)
                .replace("WARNING: Using incubator modules: jdk.incubator.vector\n", "");
        return new Run(p.exitValue(), Files.readString(out.resolve("stdout.txt"), StandardCharsets.UTF_8), stderr);
    }

    private Run notebook(String name, String... args) throws IOException, InterruptedException {
        return shell(List.of(), NOTEBOOKS.resolve(name).toString(), args);
    }

    private static Path datasets() {
        return Cli.datasets();
    }

    private static void assumeCats() {
        Assumptions.assumeTrue(Files.isRegularFile(datasets().resolve("train_catvnoncat.h5")),
                "the course's cat files are not in " + datasets());
    }

    /** The number printed after {@code label} on its own line, e.g. "Cost after iteration 100: ". */
    private static double number(Run run, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + "([-0-9.eE]+)").matcher(run.out());
        assertTrue(m.find(), "no line starting \"" + label + "\" in\n" + run);
        return Double.parseDouble(m.group(1));
    }

    private static void assertLine(Run run, String line) {
        assertTrue(("\n" + run.out()).contains("\n" + line + "\n"), "no line \"" + line + "\" in\n" + run);
    }

    @Test
    void numpyBasicsPrintsTheNotebooksArrays() throws Exception {
        Run run = notebook("numpy-basics.jsh");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        // the notebook's printed arrays, as numpy_basics.py wrote them for NumpyBasicsTest
        Path fixture = Path.of(System.getProperty("basedir", "."))
                .resolve("../dlbasics-core/src/test/resources/dlbasics/basics/numpy_basics.txt");
        List<String> lines = Files.readAllLines(fixture);
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("case ")) {
                continue;
            }
            String name = lines.get(i).split(" ")[1];
            String hex = lines.get(i + 1).split(" ")[0];
            int n = Integer.parseInt(lines.get(i + 2).split(" ")[1]);
            String printed = String.join("\n", lines.subList(i + 3, i + 3 + n));
            double first = Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
            switch (name) {
                case "basic_sigmoid_3" -> assertLine(run, "basic_sigmoid(3) = " + first);
                case "L1" -> assertLine(run, "L1 = " + first);
                case "L2" -> assertLine(run, "L2 = " + first);
                case "image" -> {
                    continue; // the input, not an output
                }
                default -> assertTrue(run.out().contains(" = " + printed + "\n"), name + ": no\n" + printed + "\nin\n" + run);
            }
            checked++;
        }
        assertEquals(8, checked, "cases of numpy_basics.txt compared");
    }

    @Test
    void logisticRegressionPrintsTheCoursesCostsAndAccuracies() throws Exception {
        assumeCats();
        Run run = notebook("logistic-regression.jsh", datasets().toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        assertLine(run, "train_set_x_flatten shape: (12288, 209)");
        assertLine(run, "sanity check after reshaping: [17 31 56 22 33]");
        // the notebook's propagate / optimize / predict outputs (LogisticRegressionStepsTest checks the same)
        assertLine(run, "db = 0.00145557813678");
        assertLine(run, "cost = 5.80154531939");
        assertLine(run, "b = 1.92535983008");
        assertLine(run, "db = 0.219194504541");
        assertLine(run, "predictions = [[1. 1. 0.]]");
        // REFERENCE.md: 2000 iterations, learning rate 0.005
        String[] costs = {"0.693147", "0.584508", "0.466949", "0.376007", "0.331463", "0.303273", "0.279880", "0.260042",
                "0.242941", "0.228004", "0.214820"};
        for (int i = 0; i < costs.length; i++) {
            assertLine(run, "Cost after iteration " + 100 * i + ": " + costs[i]);
        }
        assertLine(run, "Cost after iteration 1900: 0.140872");
        assertTrue(run.out().contains("train accuracy: 99.04306220095694 %\ntest accuracy: 70.0 %\n"), run.toString());
        // REFERENCE.md: learning rates 0.01, 0.001, 0.0001 -> 99.52 / 68, 88.99 / 64, 68.42 / 36
        String rates = run.out().substring(run.out().indexOf("learning rate is: 0.01"));
        Matcher m = Pattern.compile("train accuracy: ([0-9.]+) %\ntest accuracy: ([0-9.]+) %").matcher(rates);
        double[][] expected = {{99.52, 68}, {88.99, 64}, {68.42, 36}};
        for (double[] e : expected) {
            assertTrue(m.find(), rates);
            assertEquals(e[0], Double.parseDouble(m.group(1)), 0.01);
            assertEquals(e[1], Double.parseDouble(m.group(2)), 1e-9);
        }
        assertLine(run, "y = 1, your algorithm predicts a \"cat\" picture.");
        assertTrue(Files.size(out.resolve("pictures/logistic-regression-costs.png")) > 1000, "learning curve written");
    }

    @Test
    void planarDataPrintsTheCoursesCostsAndTheHiddenSizeSweep() throws Exception {
        Run run = notebook("planar-data.jsh");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        assertLine(run, "The shape of X is: (2, 400)");
        assertLine(run, "Accuracy of logistic regression: 47 % (percentage of correctly labelled datapoints)");
        assertLine(run, "W2 = [[-0.01057952 -0.00909008  0.00551454  0.02292208]]");
        // REFERENCE.md: n_h = 4, learning rate 1.2; the costs up to 7000 are stable across builds
        String[] costs = {"0.693048", "0.288083", "0.254385", "0.233864", "0.226792", "0.222644", "0.219731", "0.217504"};
        for (int i = 0; i < costs.length; i++) {
            assertLine(run, "Cost after iteration " + 1000 * i + ": " + costs[i]);
        }
        assertLine(run, "Accuracy: 90.75%");
        // REFERENCE.md's sweep: sizes up to 5 exact, 20 and 50 within 0.5 %
        double[][] sweep = {{1, 67.5}, {2, 67.25}, {3, 90.75}, {4, 90.5}, {5, 91.25}, {20, 90.5}, {50, 90.25}};
        for (double[] s : sweep) {
            double got = number(run, "Accuracy for " + (int) s[0] + " hidden units: ");
            assertEquals(s[1], got, s[0] > 5 ? 0.5 : 0, "hidden size " + (int) s[0]);
        }
        assertTrue(Files.size(out.resolve("pictures/planar-hidden-4.png")) > 1000, "decision boundary written");
    }

    @Test
    void deepNetworkStepByStepPrintsTheNotebooksExpectedOutputs() throws Exception {
        Run run = notebook("deep-network-step-by-step.jsh");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        // the notebook's expected outputs, as DeepNetworkStepsTest checks them
        String o = run.out();
        for (String expected : new String[] {
                "W1 = [[ 0.01624345 -0.00611756 -0.00528172]\n [-0.01072969  0.00865408 -0.02301539]]\n",
                "W2 = [[ 0.01744812 -0.00761207]]\n",
                "W1 = [[ 0.01788628  0.0043651   0.00096497 -0.01863493 -0.00277388]\n"
                        + " [-0.00354759 -0.00082741 -0.00627001 -0.00043818 -0.00477218]\n"
                        + " [-0.01313865  0.00884622  0.00881318  0.01709573  0.00050034]\n"
                        + " [-0.00404677 -0.0054536  -0.01546477  0.00982367 -0.01101068]]\n",
                "Z = [[ 3.26295337 -1.23429987]]\n",
                "With sigmoid: A = [[0.96890023 0.11013289]]\n",
                "With ReLU: A = [[3.43896131 0.        ]]\n",
                "AL = [[0.03921668 0.70498921 0.19734387 0.04728177]]\nLength of caches list = 3\n",
                "cost = 0.2797765635793422\n",
                "db = [[-0.14713786]\n [-0.11313155]\n [-0.13209101]]\n",
                "sigmoid:\n", "dW = [[ 0.10266786  0.09778551 -0.01968084]]\ndb = [[-0.05729622]]\n",
                "db1 = [[-0.22007063]\n [ 0.        ]\n [-0.02835349]]\n",
                "dA1 = [[ 0.12913162 -0.44014127]\n [-0.14175655  0.48317296]\n [ 0.01663708 -0.05670698]]\n"}) {
            assertTrue(o.contains(expected), "no\n" + expected + "in\n" + o);
        }
    }

    @Test
    void deepNetworkApplicationPrintsTheCoursesFirstCosts() throws Exception {
        assumeCats();
        Run run = shell(List.of("-Ddlbasics.notebook.iterations=500"),
                NOTEBOOKS.resolve("deep-network-application.jsh").toString(), datasets().toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        assertLine(run, "train_x's shape: (12288, 209)");
        // REFERENCE.md, two-layer (12288, 7, 1): full digits; the last one or two differ with summation order
        String twoLayer = run.out().substring(0, run.out().indexOf("Cost after iteration 400:"));
        double[] twoLayerCosts = {0.6930497356599888, 0.6464320953428849, 0.6325140647912677};
        for (int i = 0; i < twoLayerCosts.length; i++) {
            Matcher m = Pattern.compile("Cost after iteration " + 100 * i + ": ([0-9.]+)\n").matcher(twoLayer);
            assertTrue(m.find(), twoLayer);
            assertEquals(twoLayerCosts[i], Double.parseDouble(m.group(1)), 1e-14, "two-layer cost at " + 100 * i);
        }
        // REFERENCE.md, L-layer [12288, 20, 7, 5, 1], printed with 6 decimals
        String deep = run.out().substring(run.out().indexOf("Cost after iteration 0: 0.771749"));
        String[] deepCosts = {"0.771749", "0.672053", "0.648263", "0.611507", "0.567047"};
        for (int i = 0; i < deepCosts.length; i++) {
            assertTrue(deep.contains("Cost after iteration " + 100 * i + ": " + deepCosts[i] + "\n"), deep);
        }
        assertTrue(Files.size(out.resolve("pictures/deep-network-mislabelled.png")) > 1000, "mislabelled grid written");
    }

    @Test
    void initializationPrintsTheSecondCoursesThreeResults() throws Exception {
        Run run = notebook("initialization.jsh");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        // REFERENCE-2.md (InitializationStepsTest checks the same against InitializationReference.py):
        // zeros 0.6931, 50 % / 50 %; random inf, 83 % / 86 %; He 0.8831, 99.33 % / 96 %
        String[] runs = run.out().split("Cost after iteration 0: ");
        assertEquals(4, runs.length, run.toString());
        String[][] expected = {{"0.6931", "0.5", "0.5"}, {"Infinity", "0.83", "0.86"}, {"0.8831", "0.9933333333333333", "0.96"}};
        for (int i = 0; i < 3; i++) {
            String r = runs[i + 1];
            if (expected[i][0].equals("Infinity")) {
                assertTrue(r.startsWith("Infinity\n"), r);
            } else {
                assertEquals(Double.parseDouble(expected[i][0]), Double.parseDouble(r.substring(0, r.indexOf('\n'))), 5e-5, r);
            }
            assertTrue(r.contains("On the train set:\nAccuracy: " + expected[i][1] + "\nOn the test set:\nAccuracy: "
                    + expected[i][2] + "\n"), r);
        }
        assertTrue(Files.size(out.resolve("pictures/initialization-he.png")) > 1000, "decision boundary written");
    }

    @Test
    void gradientCheckingPrintsTheNotebooksDifferences() throws Exception {
        Run run = notebook("gradient-checking.jsh");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        // the notebook prints "The gradient is correct!" and difference = 2.919335883291695e-10
        assertTrue(run.out().startsWith("The gradient is correct!\ndifference = 2.919335883291695E-10\n"), run.toString());
        assertLine(run, "theta: (47, 1)");
        // as GradientCheckingStepsTest: numpy's 1.1890913024229996e-07 to a few % (rounding of J / epsilon),
        // and the planted bugs' 0.2850931567761623 to 1e-9
        assertEquals(1.1890913024229996e-07, number(run, "Your backward propagation works perfectly fine! difference = "), 0.05e-7);
        assertEquals(0.2850931567761623, number(run, "There is a mistake in the backward propagation! difference = "), 1e-9);
    }

    @Test
    void optimizationPrintsTheAccuraciesOfTheSixRuns() throws Exception {
        Run run = notebook("optimization.jsh");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        assertLine(run, "mini-batch X: (2, 44), Y: (1, 44)");
        // REFERENCE-2.md and OptimizationModelTest: 71.67 % (gd, momentum), 94.33 % (Adam); with the
        // scheduled decay numpy gives 94.33 %, 95.33 %, 94 %
        assertLine(run, "gd: Accuracy: " + 215 / 300.0);
        assertLine(run, "momentum: Accuracy: " + 215 / 300.0);
        assertLine(run, "adam: Accuracy: " + 283 / 300.0);
        assertLine(run, "gd with learning-rate decay: Accuracy: " + 283 / 300.0);
        assertLine(run, "momentum with learning-rate decay: Accuracy: " + 286 / 300.0);
        assertLine(run, "adam with learning-rate decay: Accuracy: 0.94");
        assertTrue(Files.size(out.resolve("pictures/optimization-adam.png")) > 1000, "decision boundary written");
    }

    @Test
    void regularizationPrintsTheAccuraciesOfTheThreeRuns() throws Exception {
        Run run = notebook("regularization.jsh");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        // RegularizationModelIT's numpy values on moons (REFERENCE-2.md: the notebook's data set is not ours):
        // plain 299/300 and 93 %, L2 292/300 and 95.5 %, dropout 290/300 and 92 %
        double[][] expected = {{299 / 300.0, 0.93}, {292 / 300.0, 0.955}, {290 / 300.0, 0.92}};
        String[] titles = {"without regularization:", "with L2, lambd = 0.7:", "with dropout, keep_prob = 0.86:"};
        for (int i = 0; i < 3; i++) {
            String part = run.out().substring(run.out().indexOf(titles[i] + "\n"));
            assertTrue(part.contains("On the train set:\nAccuracy: " + expected[i][0] + "\nOn the test set:\nAccuracy: "
                    + expected[i][1] + "\n"), titles[i] + "\n" + part);
        }
        assertTrue(Files.size(out.resolve("pictures/regularization-l2.png")) > 1000, "decision boundary written");
    }

    @Test
    void withoutTheCatFilesTheCatNotebooksSayWhatToGiveAndSkip() throws Exception {
        Path empty = Files.createDirectories(out.resolve("no-datasets"));
        for (String name : new String[] {"logistic-regression.jsh", "deep-network-application.jsh"}) {
            Run run = notebook(name, empty.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals("", run.err());
            assertTrue(run.out().startsWith("Skipping the cells that need the cat pictures: train_catvnoncat.h5 and "
                    + "test_catvnoncat.h5 are not in " + empty.toAbsolutePath().normalize() + ".\n"
                    + "Give the folder that holds them: ./dlbasics shell notebooks/" + name + " /path/to/datasets"), run.toString());
            assertFalse(run.out().contains("Cost after"), run.toString());
        }
        // the cells without data still run
        Run logistic = notebook("logistic-regression.jsh", empty.toString());
        assertLine(logistic, "predictions = [[1. 1. 0.]]");
    }

    @Test
    void aCellThatDoesNotCompileStopsTheScriptWithJshellsMessage() throws Exception {
        Path script = out.resolve("broken.jsh");
        Files.writeString(script, """
                // a notebook with a typo in its third cell
                var r = new NumpyRandom(1);
                print(r.randn(1, 2))

                var A = r.randn(3, 2)
                print(B.transpose())
                print("not reached")
                """);
        Run run = shell(List.of(), script.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("[[ 1.62434536 -0.61175641]]\n", run.out());
        assertEquals(String.join("\n",
                "|  Error:",
                "|  cannot find symbol",
                "|    symbol:   variable B",
                "|    location: class ",
                "|  print(B.transpose())",
                "|        ^",
                "dlbasics shell: stopped at the cell on line 6 of " + script + ": print(B.transpose())", ""), run.err());
    }

    @Test
    void aCellThatThrowsStopsTheScriptWithTheExceptionAndItsTeachingMessage() throws Exception {
        Path script = out.resolve("throws.jsh");
        Files.writeString(script, """
                var W = Matrix.zeros(20, 12288);
                var A = Matrix.zeros(209, 12288);
                var Z = DeepNetworkSteps.linearForward(A, W, Matrix.zeros(20, 1));
                print("not reached")
                """);
        Run run = shell(List.of(), script.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("|  Exception java.lang.IllegalArgumentException: linearForward: "), run.toString());
        assertTrue(run.err().endsWith("dlbasics shell: stopped at the cell on line 3 of " + script
                + ": var Z = DeepNetworkSteps.linearForward(A, W, Matrix.zeros(20, 1));\n"), run.toString());
        assertFalse(run.err().contains("\tat "), "jshell's frames, not a Java stack trace:\n" + run.err());
    }

    @Test
    void aMissingScriptIsAUsageError() throws Exception {
        Run run = shell(List.of(), out.resolve("nope.jsh").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("dlbasics shell: no script "), run.err());
        assertTrue(run.err().contains("notebooks/planar-data.jsh"), run.err());
    }

    @Test
    void theStartupGivesTheFirstLineOfTheIssueAndSavesAPlot() throws Exception {
        Path script = out.resolve("first.jsh");
        Files.writeString(script, """
                var r = new NumpyRandom(1); var A = r.randn(3, 2);
                print(A)
                printf("%.2f", 1.0 / 3)
                print(save(CostCurve.render(new double[] {0.7, 0.5, 0.4}, 100, 0.1, 320, 240), "curve.png"))
                print(ARGS.length + " " + ARGS[0])
                """);
        Run run = shell(List.of(), script.toString(), "one argument");
        assertEquals(0, run.exitCode(), run.toString());
        Path png = out.resolve("pictures/curve.png").toAbsolutePath().normalize();
        assertEquals(String.format(Locale.ROOT, "%s%n%s%n%s%n%s%n", "[[ 1.62434536 -0.61175641]\n [-0.52817175 -1.07296862]\n"
                + " [ 0.86540763 -2.3015387 ]]", "0.33", png, "1 one argument"), run.out());
        assertTrue(Files.size(png) > 500);
    }
}
