package dlbasics.io;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvDataTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private String error(Path file, String label) {
        return assertThrows(IllegalArgumentException.class, () -> CsvData.read(file, label)).getMessage();
    }

    @Test
    void featuresBecomeRowsAndTheLastColumnIsTheLabel() throws IOException {
        Path f = write("d.csv", "x1,x2,y\n1,2,0\n3.5,-4e-1,1\n\n 5 , 6 ,1\n");
        Dataset d = CsvData.read(f);
        assertEquals(Matrix.of(2, 3, 1, 3.5, 5, 2, -0.4, 6), d.X(), "x1 is row 0, x2 row 1, one example per column");
        assertEquals(Matrix.row(0, 1, 1), d.Y());
    }

    @Test
    void labelColumnByName() throws IOException {
        Path f = write("d.csv", "\uFEFFcat,\"a, b\",z\n1,2,3\n0,4,5\n");
        Dataset d = CsvData.read(f, "cat");
        assertEquals(Matrix.of(2, 2, 2, 4, 3, 5), d.X());
        assertEquals(Matrix.row(1, 0), d.Y());
        assertEquals("a, b", CsvData.readTable(f).columns().get(1), "quoted header with a comma");
    }

    @Test
    void raggedRowNamesFileLineAndColumn() throws IOException {
        Path f = write("r.csv", "x1,x2,y\n1,2,0\n3,1\n");
        assertEquals("CSV " + f + " line 3, column 3: the row has 2 cells but the header names 3 columns [x1, x2, y]; "
                + "every row needs one value per column", error(f, null));
    }

    @Test
    void nonNumericCell() throws IOException {
        Path f = write("n.csv", "x1,x2,y\n1,2,0\n3,abc,1\n");
        assertEquals("CSV " + f + " line 3, column 2 (\"x2\"): \"abc\" is not a number; features and labels must be plain decimal "
                + "numbers (remove or impute missing values, encode categories as numbers)", error(f, null));
    }

    @Test
    void nanAndInfinityAndEmptyCells() throws IOException {
        Path nan = write("nan.csv", "x1,x2,y\n1,NaN,0\n");
        assertEquals("CSV " + nan + " line 2, column 2 (\"x2\"): \"NaN\" is not a finite number; features and labels must be plain "
                + "decimal numbers (remove or impute missing values, encode categories as numbers)", error(nan, null));
        Path inf = write("inf.csv", "x1,x2,y\n1,2,0\n-inf,2,0\n");
        assertEquals("CSV " + inf + " line 3, column 1 (\"x1\"): \"-inf\" is not a finite number; features and labels must be plain "
                + "decimal numbers (remove or impute missing values, encode categories as numbers)", error(inf, null));
        Path empty = write("e.csv", "x1,x2,y\n1,,0\n");
        assertEquals("CSV " + empty + " line 2, column 2 (\"x2\"): the cell is empty; features and labels must be plain "
                + "decimal numbers (remove or impute missing values, encode categories as numbers)", error(empty, null));
        Path hex = write("h.csv", "x1,y\n0x10,0\n");
        assertEquals("CSV " + hex + " line 2, column 1 (\"x1\"): \"0x10\" is not a number; features and labels must be plain "
                + "decimal numbers (remove or impute missing values, encode categories as numbers)", error(hex, null));
    }

    @Test
    void labelNotAClassIndex() throws IOException {
        Path f = write("l.csv", "x,label\n1,0\n2,1\n3,2.5\n");
        assertEquals("CSV " + f + " line 4, column 2 (\"label\"): label 2.5 is not a class index; labels are 0 and 1 for two classes "
                + "or 0..K-1 for K classes, or class names (map your classes to those, or choose the label column with --label)", error(f, null));
        Path negative = write("n.csv", "x,label\n1,-1\n");
        assertTrue(error(negative, null).contains("label -1 is not a class index"));
    }

    @Test
    void labelsAboveOneAreClassIndices() throws IOException {
        Path f = write("k.csv", "x,label\n1,0\n2,1\n3,2\n4,2\n");
        dlbasics.data.Dataset d = CsvData.read(f, null);
        assertEquals(List.of("0", "1", "2"), d.classNames());
        assertEquals(dlbasics.matrix.Matrix.row(0, 1, 2, 2), d.Y());
        assertEquals(List.of("0", "1"), CsvData.read(write("b.csv", "x,label\n1,0\n2,1\n"), null).classNames());
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        Path empty = write("empty.csv", "");
        assertEquals("CSV " + empty + " line 1: the file is empty; it needs a header row naming the columns, then one example per line",
                error(empty, null));
        Path header = write("header.csv", "x,y\n");
        assertEquals("CSV " + header + " line 2: there is a header but no example below it; add one row per example", error(header, null));
    }

    @Test
    void unknownLabelColumnListsTheColumns() throws IOException {
        Path f = write("u.csv", "x1,x2,y\n1,2,0\n");
        assertEquals("CSV " + f + ": there is no column \"target\"; the header names [x1, x2, y]", error(f, "target"));
    }

    @Test
    void headerProblems() throws IOException {
        Path dup = write("dup.csv", "x,x,y\n1,2,0\n");
        assertEquals("CSV " + dup + " line 1, column 2: \"x\" names two columns; column names must be unique", error(dup, null));
        Path one = write("one.csv", "y\n1\n");
        assertEquals("CSV " + one + ": the header names only [y]; a labelled file needs at least one feature column and a label column",
                error(one, null));
        Path quote = write("q.csv", "x,\"y\n1,0\n");
        assertEquals("CSV " + quote + " line 1, column 2: a quote opens but never closes; close it or remove it", error(quote, null));
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("missing.csv");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> CsvData.read(f));
        assertEquals(f + ": no such file", e.getMessage());
    }

    @Test
    void standardizationGivesMeanZeroAndUnitSpread() {
        Matrix X = Matrix.of(2, 4, 1, 2, 3, 4, 5, 5, 5, 5);
        Standardization s = Standardization.fit(X);
        Matrix Z = s.apply(X);
        assertEquals(0.0, Z.row(0).mean(), 1e-15);
        assertEquals(1.0, Z.row(0).square().mean(), 1e-15, "population variance 1");
        assertArrayEquals(new double[] {0, 0, 0, 0}, Z.row(1).data(), "a constant feature is centred, not divided by 0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.apply(Matrix.zeros(3, 1)));
        assertEquals("Standardization.apply: X is 3x1 but the standardisation was fitted on 2 features (X must be 2 x m)", e.getMessage());
    }

    @Test
    void foldingTheStandardisationIntoTheFirstLayerGivesTheSameOutputs() {
        Matrix X = Matrix.of(2, 5, 1, 2, 3, 4, 10, 50, 60, 55, 40, 70);
        Standardization s = Standardization.fit(X);
        dlbasics.model.Network net = dlbasics.model.Network.of(dlbasics.nn.Activation.TANH, 2, 3, 1)
                .initialize(dlbasics.nn.Initializer.SMALL_RANDOM, new dlbasics.random.NumpyRandom(3));
        net.W(1).setTo(net.W(1).times(100));
        Matrix expected = net.predictProbabilities(s.apply(X));
        Matrix folded = s.foldInto(net).predictProbabilities(X);
        assertTrue(expected.approxEquals(folded, 1e-12), expected + " vs " + folded);
    }

    @Test
    void aFirstRowOfNumbersIsAnExampleNotAHeader() throws IOException {
        Path f = dir.resolve("noheader.csv");
        Files.writeString(f, "1,2,0\n3,4,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvData.readTable(f));
        assertTrue(e.getMessage().startsWith("CSV " + f + " line 1: the first row [1, 2, 0] holds only numbers"), e.getMessage());
        CsvData.Table t = CsvData.readTable(f, ',', false);
        assertEquals(List.of("column1", "column2", "column3"), t.columns());
        assertEquals(2, t.rows().size(), "both rows are examples");
        assertEquals(List.of(1, 2), t.lines());
    }

    @Test
    void otherSeparatorsAreReadWhenNamedAndHintedWhenNot() throws IOException {
        Path f = dir.resolve("semi.csv");
        Files.writeString(f, "a;b;y\n1,5;2;0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvData.readTable(f));
        assertTrue(e.getMessage().endsWith("the file looks separated by semicolons, not by commas — pass --separator ';'"), e.getMessage());
        Files.writeString(f, "a;b;y\n1.5;2;0\n");
        CsvData.Table t = CsvData.readTable(f, ';', true);
        assertEquals(List.of("a", "b", "y"), t.columns());
        assertArrayEquals(new double[] {1.5, 2, 0}, t.rows().get(0));
    }

    @Test
    void featuresByNameFollowTheGivenOrder() throws IOException {
        Path f = dir.resolve("order.csv");
        Files.writeString(f, "b,y,a\n2,1,1\n4,0,3\n");
        CsvData.Table t = CsvData.readTable(f);
        dlbasics.data.Dataset d = t.dataset(t.labelIndex("y"), List.of("a", "b"));
        assertEquals(Matrix.of(2, 2, 1, 3, 2, 4), d.X());
        assertEquals(Matrix.row(1, 0), d.Y());
        assertEquals(List.of("b", "a"), t.namesWithout(1));
    }
}
