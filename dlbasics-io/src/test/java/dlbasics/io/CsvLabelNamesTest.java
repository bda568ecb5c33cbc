package dlbasics.io;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Label columns of names (iris's species, the breast-cancer set's M/B): mapped to 0..K-1 in sorted order. */
class CsvLabelNamesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void namesAreSortedIntoClassIndices() throws IOException {
        Path f = write("iris.csv", "sepal,petal,species\n5.1,1.4,setosa\n6.3,6.0,virginica\n5.9,4.2,versicolor\n5.0,1.5,setosa\n");
        Dataset d = CsvData.read(f);
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames(), "sorted as Python's sorted()");
        assertEquals(Matrix.row(0, 2, 1, 0), d.Y());
        assertEquals(Matrix.of(2, 4, 5.1, 6.3, 5.9, 5.0, 1.4, 6.0, 4.2, 1.5), d.X());
    }

    @Test
    void twoNamesStayABinaryProblem() throws IOException {
        // quoted and padded cells are names as written after trimming; "B" sorts before "M"
        Path f = write("cancer.csv", "diagnosis,radius,texture\nM,17.99,10.38\n B ,13.54,14.36\n\"M\",20.57,17.77\n");
        Dataset d = CsvData.read(f, "diagnosis");
        assertEquals(List.of("B", "M"), d.classNames());
        assertEquals(Matrix.row(1, 0, 1), d.Y());
        assertEquals(Matrix.of(2, 3, 17.99, 13.54, 20.57, 10.38, 14.36, 17.77), d.X());
    }

    @Test
    void theModelsClassesNumberAFileThatHoldsSomeOfThem() throws IOException {
        Path f = write("some.csv", "x,species\n1,virginica\n2,virginica\n");
        CsvData.Table t = CsvData.readTable(f);
        Dataset d = t.dataset(1, null, List.of("setosa", "versicolor", "virginica"));
        assertEquals(Matrix.row(2, 2), d.Y());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
    }

    @Test
    void aNameTheModelDoesNotKnowNamesLineAndColumn() throws IOException {
        Path f = write("new.csv", "x,species\n1,setosa\n2,Setosa\n");
        CsvData.Table t = CsvData.readTable(f);
        String message = assertThrows(IllegalArgumentException.class,
                () -> t.labels(1, List.of("setosa", "versicolor"))).getMessage();
        assertEquals("CSV " + f + " line 3, column 2 (\"species\"): label \"Setosa\" is not one of the model's classes "
                + "[setosa, versicolor]; use the model on data of the classes it was trained on (names are case-sensitive)", message);
        String index = assertThrows(IllegalArgumentException.class,
                () -> CsvData.readTable(write("n.csv", "x,y\n1,0\n2,3\n")).labels(1, List.of("a", "b", "c"))).getMessage();
        assertEquals("CSV " + dir.resolve("n.csv") + " line 3, column 2 (\"y\"): label 3 is not a class index; "
                + "the model knows 3 classes [a, b, c], numbered 0..2", index);
    }

    @Test
    void oneNameIsOneClass() throws IOException {
        Path f = write("one.csv", "x,kind\n1,cat\n2,cat\n");
        String message = assertThrows(IllegalArgumentException.class, () -> CsvData.read(f)).getMessage();
        assertEquals("CSV " + f + " column 2 (\"kind\"): every label is \"cat\", so there is one class; a classifier needs "
                + "examples of at least two classes (add them, or choose the label column with --label)", message);
    }

    @Test
    void aTextFeatureIsStillRefusedWithItsLine() throws IOException {
        Path f = write("f.csv", "colour,size,y\n1,2,0\n2,red,1\n");
        String message = assertThrows(IllegalArgumentException.class, () -> CsvData.read(f)).getMessage();
        assertEquals("CSV " + f + " line 3, column 2 (\"size\"): \"red\" is not a number; features and labels must be plain "
                + "decimal numbers (remove or impute missing values, encode categories as numbers)", message);
        // the same column is a fine label when named
        Dataset d = CsvData.read(f, "size");
        assertEquals(List.of("2", "red"), d.classNames(), "a text column's numbers are names too");
        assertEquals(Matrix.row(0, 1), d.Y());
    }
}
