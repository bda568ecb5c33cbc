package dlbasics.cli;

import dlbasics.io.ModelColumns;
import dlbasics.io.ModelFile;
import dlbasics.model.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, "Columns" and "No header row": models remember their columns; CSVs are matched by name, never by position. */
class ColumnsTest {
    @TempDir
    Path dir;

    /** 60 examples: y = 1 when a > b; column c is noise; the label sits in the middle. */
    private Path labelInTheMiddle() throws IOException {
        StringBuilder sb = new StringBuilder("a,y,b,c\n");
        for (int i = 0; i < 60; i++) {
            int a = (i * 7) % 13;
            int b = (i * 5) % 11;
            sb.append(a).append(',').append(a > b ? 1 : 0).append(',').append(b).append(',').append(i % 3).append('\n');
        }
        return Files.writeString(dir.resolve("middle.csv"), sb.toString());
    }

    private Path train(Path csv, String... extra) {
        Path out = dir.resolve("model-" + csv.getFileName());
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", csv.toString(), "--label", "y", "--standardize",
                "--model", "logistic", "--iterations", "300", "--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        return out;
    }

    @Test
    void theModelFileRecordsFeaturesLabelAndStandardisation() throws IOException {
        Path out = train(labelInTheMiddle());
        ModelColumns c = ModelFile.readColumns(out.resolve("model.safetensors")).orElseThrow();
        assertEquals(List.of("a", "b", "c"), c.features());
        assertEquals("y", c.label());
        assertEquals(3, c.mean().length);
        assertTrue(c.scale()[0] > 0);
    }

    @Test
    void predictWithoutLabelMatchesByNameAndLeavesTheLabelOut() throws IOException {
        Path csv = labelInTheMiddle();
        Path out = train(csv);
        // the same examples without the label, columns in another order
        StringBuilder sb = new StringBuilder("c,b,a\n");
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            sb.append(v[3]).append(',').append(v[2]).append(',').append(v[0]).append('\n');
        }
        Path shuffled = Files.writeString(dir.resolve("shuffled.csv"), sb.toString());
        Cli.Result withLabel = Cli.run("predict", out.toString(), csv.toString());
        Cli.Result reordered = Cli.run("predict", out.toString(), shuffled.toString());
        assertEquals(0, withLabel.exitCode(), withLabel.toString());
        assertEquals(0, reordered.exitCode(), reordered.toString());
        assertEquals("", withLabel.err(), "the model's own label column is expected, not extra");
        assertEquals(withLabel.out(), reordered.out(), "the same predictions whatever the column order");
        Cli.Result eval = Cli.run("evaluate", out.toString(), "--data", csv.toString());
        assertEquals(0, eval.exitCode(), eval.toString());
        assertTrue(eval.out().contains("60 examples"), eval.out());
    }

    @Test
    void missingColumnsAreAnErrorAndExtraOnesAWarning() throws IOException {
        Path out = train(labelInTheMiddle());
        Path lacking = Files.writeString(dir.resolve("lacking.csv"), "a,c,y\n1,2,0\n");
        Cli.Result r = Cli.run("predict", out.toString(), lacking.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("dlbasics predict: CSV " + lacking + " lacks the column [b] that the model was trained on; the model takes [a, b, c] "
                + "(label \"y\"), the header names [a, c, y]", r.err().lines().findFirst().orElseThrow().replaceAll(" \\(rename.*", ""));
        Path extra = Files.writeString(dir.resolve("extra.csv"), "id,a,b,c\n7,1,2,0\n");
        r = Cli.run("predict", out.toString(), extra.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("dlbasics predict: warning: " + extra + ": left out the column [id], which the model was not trained on"),
                r.err());
        Cli.Result e = Cli.run("evaluate", out.toString(), "--data", lacking.toString());
        assertEquals(1, e.exitCode(), e.toString());
        assertTrue(e.err().contains("lacks the column [b]"), e.err());
    }

    @Test
    void aModelWithoutColumnNamesNeverDropsAColumnByGuess() throws IOException {
        Path out = train(labelInTheMiddle());
        // an older model file: the same network, no column keys
        TrainedModel model = ModelFile.read(out.resolve("model.safetensors"));
        Path old = dir.resolve("old.safetensors");
        ModelFile.write(model, old);
        assertFalse(ModelFile.readColumns(old).isPresent());
        Path four = Files.writeString(dir.resolve("four.csv"), "a,y,b,c\n1,0,2,0\n");
        Cli.Result r = Cli.run("predict", old.toString(), four.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("does not record its column names") && r.err().contains("--label"), r.err());
        r = Cli.run("predict", old.toString(), four.toString(), "--label", "y");
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void aFirstRowOfNumbersIsNotTakenAsTheHeader() throws IOException {
        Path csv = Files.writeString(dir.resolve("noheader.csv"), "1,2,0\n3,1,1\n2,2,0\n5,1,1\n");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--iterations", "5");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("dlbasics train: CSV " + csv + " line 1: the first row [1, 2, 0] holds only numbers"), r.err());
        assertTrue(r.err().contains("--no-header"), r.err());
        r = Cli.run("train", "--data", csv.toString(), "--no-header", "--iterations", "5", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("\"train_examples\":4,"), "no example lost: " + r.out());
    }

    @Test
    void semicolonsAndTabsGetAHintOrTheSeparatorOption() throws IOException {
        Path csv = Files.writeString(dir.resolve("semi.csv"), "a;b;y\n1;2;0\n3;1;1\n");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--iterations", "5");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("the file looks separated by semicolons, not by commas — pass --separator ';'"), r.err());
        assertEquals(0, Cli.run("train", "--data", csv.toString(), "--separator", ";", "--iterations", "5", "--quiet").exitCode());
        Path tsv = Files.writeString(dir.resolve("tabs.csv"), "a\tb\ty\n1\t2\t0\n3\t1\t1\n");
        r = Cli.run("train", "--data", tsv.toString(), "--iterations", "5");
        assertTrue(r.err().contains("pass --separator tab"), r.err());
        assertEquals(0, Cli.run("train", "--data", tsv.toString(), "--separator", "tab", "--iterations", "5", "--quiet").exitCode());
    }

    @Test
    void textLabelsAreClassNamesAndTextFeaturesGetAHint() throws IOException {
        Path csv = Files.writeString(dir.resolve("words.csv"), "a,b,kind\n1,2,cat\n3,1,dog\n");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--iterations", "5");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Data: words.csv (2 examples, 2 features, classes [cat, dog] by sorted name)\n"
                + "Model: shallow [2, 4, 1] tanh"), r.out());
        Cli.Result feature = Cli.run("train", "--data", csv.toString(), "--label", "a", "--iterations", "5");
        assertEquals(1, feature.exitCode(), feature.toString());
        assertTrue(feature.err().contains("line 2, column 3 (\"kind\"): \"cat\" is not a number; features and labels must be plain "
                + "decimal numbers (remove or impute missing values, encode categories as numbers)"), feature.err());
    }
}
