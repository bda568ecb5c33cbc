package dlbasics.io;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a labelled table from a CSV file: a header row naming the columns, then one example per line,
 * numeric features and a label column (by default the last column). Features become the rows of X and
 * examples its columns, as the course lays data out: a file with m rows and n_x feature columns gives
 * X {@code n_x x m} and Y {@code 1 x m}.
 *
 * <p>Labels are numbers (0/1 for two classes, 0..K-1 for K) or names ({@code setosa}, {@code M}/{@code B}).
 * Names are mapped to 0..K-1 in sorted order (Java's String order, as Python's {@code sorted}: "B" = 0,
 * "M" = 1), and the names become the data set's class names; a column holding any name is a text column
 * and all its cells are names ("1" included). Two names keep the course's single sigmoid output.
 *
 * <p>Cells are separated by commas and trimmed; a cell may be quoted ("a, b" with "" for a quote).
 * Blank lines are skipped. Everything else that is wrong — an empty file, a row with too few or too
 * many cells, a feature cell that is not a plain decimal number, NaN or infinity, a numeric label other
 * than a class index, a label name the model does not know, an unknown label column — is an
 * {@link IllegalArgumentException} naming the file, the line and the column (both counted from 1, as an
 * editor shows them).
 */
public final class CsvData {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The most classes a label column may name (indices 0..999): more is likelier a numeric target than classes. */
    static final int MAX_CLASSES = 1000;

    private CsvData() {
    }

    /**
     * The parsed file: the header's names, the numeric rows (one {@code double[]} per example; NaN in
     * a text column), the line each row came from (1-based, for messages) and the text columns: column
     * index to every row's cell as written, for the columns that hold a name (a label like "setosa").
     */
    public record Table(Path file, List<String> columns, List<double[]> rows, List<Integer> lines,
                        Map<Integer, List<String>> text) {
        /** Copies the lists. */
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            lines = List.copyOf(lines);
            text = Map.copyOf(text);
        }

        /** A table of numbers only (no text columns). */
        public Table(Path file, List<String> columns, List<double[]> rows, List<Integer> lines) {
            this(file, columns, rows, lines, Map.of());
        }

        /** The index of column {@code name}, or an error listing the columns there are. */
        public int indexOf(String name) {
            int k = columns.indexOf(name);
            if (k < 0) {
                throw new IllegalArgumentException(String.format(
                        "CSV %s: there is no column \"%s\"; the header names %s", file, name, columns));
            }
            return k;
        }

        /** The index of the label column: {@code label}, or the last column when it is null. */
        public int labelIndex(String label) {
            if (columns.size() < 2) {
                throw new IllegalArgumentException(String.format(
                        "CSV %s: the header names only %s; a labelled file needs at least one feature column and a label column", file, columns));
            }
            return label == null ? columns.size() - 1 : indexOf(label);
        }

        /**
         * The examples with column {@code label} as Y ({@code 1 x m}: 0/1, class indices 0..K-1 named
         * "0".."K-1" when a label above 1 occurs, or names mapped in sorted order) and the columns named
         * {@code features}, in that order, as X ({@code n_x x m}); null features: every other column
         * in file order.
         */
        public Dataset dataset(int label, List<String> features) {
            return dataset(label, features, null);
        }

        /**
         * As {@link #dataset(int, List)}, with the classes a model knows ({@code classNames}, null: the
         * file's own): names are mapped to their index in {@code classNames}, so a file holding some of
         * the classes scores against the model's numbering; a name the model lacks is an error.
         */
        public Dataset dataset(int label, List<String> features, List<String> classNames) {
            List<Integer> keep = new ArrayList<>();
            if (features == null) {
                for (int k = 0; k < columns.size(); k++) {
                    if (k != label) {
                        keep.add(k);
                    }
                }
            } else {
                for (String f : features) {
                    keep.add(indexOf(f));
                }
            }
            Labels y = labels(label, classNames);
            Matrix X = select(keep);
            return new Dataset(X, y.Y(), y.classNames());
        }

        /**
         * Column {@code label} as class indices: Y is {@code 1 x m}; the class names are
         * {@code classNames} when given, else the file's (sorted names, or "0".."K-1" for numbers).
         *
         * @throws IllegalArgumentException naming the file, line and column of the first label that is not
         *                                  a class index or not one of {@code classNames}
         */
        public Labels labels(int label, List<String> classNames) {
            List<String> cells = text.get(label);
            return cells == null ? numericLabels(label, classNames) : namedLabels(label, cells, classNames);
        }

        private Labels numericLabels(int label, List<String> known) {
            Matrix Y = Matrix.zeros(1, rows.size());
            int classes = 2;
            int limit = known == null ? MAX_CLASSES : Math.max(2, known.size());
            for (int j = 0; j < rows.size(); j++) {
                double v = rows.get(j)[label];
                if (v != Math.rint(v) || v < 0 || v >= limit) {
                    throw new IllegalArgumentException(String.format(
                            "CSV %s line %d, column %d (\"%s\"): label %s is not a class index; %s",
                            file, lines.get(j), label + 1, columns.get(label), format(v), known == null
                                    ? "labels are 0 and 1 for two classes or 0..K-1 for K classes, or class names "
                                    + "(map your classes to those, or choose the label column with --label)"
                                    : "the model knows " + limit + " classes " + known + ", numbered 0.." + (limit - 1)));
                }
                classes = Math.max(classes, (int) v + 1);
                Y.set(0, j, v);
            }
            if (known != null) {
                return new Labels(Y, known);
            }
            List<String> names = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                names.add(Integer.toString(k));
            }
            return new Labels(Y, names);
        }

        private Labels namedLabels(int label, List<String> cells, List<String> known) {
            List<String> names = known;
            if (names == null) {
                names = new ArrayList<>(new TreeSet<>(cells));
                if (names.size() < 2) {
                    throw new IllegalArgumentException(String.format(
                            "CSV %s column %d (\"%s\"): every label is \"%s\", so there is one class; a classifier needs examples "
                                    + "of at least two classes (add them, or choose the label column with --label)",
                            file, label + 1, columns.get(label), names.get(0)));
                }
                if (names.size() > MAX_CLASSES) {
                    throw new IllegalArgumentException(String.format(
                            "CSV %s column %d (\"%s\"): %d different labels, more than %d classes; is this column a "
                                    + "value rather than a class? (choose the label column with --label)",
                            file, label + 1, columns.get(label), names.size(), MAX_CLASSES));
                }
            }
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < names.size(); k++) {
                index.putIfAbsent(names.get(k), k);
            }
            Matrix Y = Matrix.zeros(1, rows.size());
            for (int j = 0; j < cells.size(); j++) {
                Integer k = index.get(cells.get(j));
                if (k == null) {
                    throw new IllegalArgumentException(String.format(
                            "CSV %s line %d, column %d (\"%s\"): label \"%s\" is not one of the model's classes %s; "
                                    + "use the model on data of the classes it was trained on (names are case-sensitive)",
                            file, lines.get(j), label + 1, columns.get(label), cells.get(j), names));
                }
                Y.set(0, j, k);
            }
            return new Labels(Y, names);
        }

        /** The names of every column but {@code skip}, in file order. */
        public List<String> namesWithout(int skip) {
            List<String> names = new ArrayList<>(columns);
            if (skip >= 0) {
                names.remove(skip);
            }
            return names;
        }

        /** The columns named {@code names}, in that order, as the rows of X ({@code names.size() x m}). */
        public Matrix features(List<String> names) {
            List<Integer> keep = new ArrayList<>();
            for (String n : names) {
                keep.add(indexOf(n));
            }
            return select(keep);
        }

        private Matrix select(List<Integer> keep) {
            for (int k : keep) {
                List<String> cells = text.get(k);
                if (cells != null) {
                    int j = 0;
                    while (NUMBER.matcher(cells.get(j)).matches()) {
                        j++;
                    }
                    throw new IllegalArgumentException(String.format(
                            "CSV %s line %d, column %d (\"%s\"): \"%s\" is not a number; features and labels must be plain decimal "
                                    + "numbers (remove or impute missing values, encode categories as numbers)",
                            file, lines.get(j), k + 1, columns.get(k), cells.get(j)));
                }
            }
            Matrix X = Matrix.zeros(keep.size(), rows.size());
            for (int j = 0; j < rows.size(); j++) {
                for (int i = 0; i < keep.size(); i++) {
                    X.set(i, j, rows.get(j)[keep.get(i)]);
                }
            }
            return X;
        }

        /** The examples as columns, every column but those in {@code skip}: X is {@code n_x x m}. */
        public Matrix features(int... skip) {
            List<Integer> keep = new ArrayList<>();
            outer:
            for (int k = 0; k < columns.size(); k++) {
                for (int s : skip) {
                    if (s == k) {
                        continue outer;
                    }
                }
                keep.add(k);
            }
            return select(keep);
        }
    }

    /**
     * A label column as class indices.
     *
     * @param Y          {@code 1 x m} class indices 0..K-1
     * @param classNames K names, index k naming class k
     */
    public record Labels(Matrix Y, List<String> classNames) {
        /** Copies the names. */
        public Labels {
            classNames = List.copyOf(classNames);
        }
    }

    /** A labelled data set with the last column as the label: X is {@code n_x x m}, Y is {@code 1 x m}. */
    public static Dataset read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * A labelled data set with column {@code label} (null: the last column) as Y ({@code 1 x m}: 0/1,
     * 0..K-1, or names mapped to 0..K-1 in sorted order) and every other column a feature row of X
     * ({@code n_x x m}).
     */
    public static Dataset read(Path file, String label) throws IOException {
        Table t = readTable(file);
        return t.dataset(t.labelIndex(label), null);
    }

    /** Every cell of every row of a comma-separated file with a header row, parsed and checked. */
    public static Table readTable(Path file) throws IOException {
        return readTable(file, ',', true);
    }

    /**
     * Every cell of every row, parsed and checked (finite decimal numbers, as many cells as columns).
     * A first row of numbers only is refused when {@code header} is true: it is an example, and taking
     * it as the header would lose it silently. Without a header the columns are named column1, column2, ...
     *
     * @param separator the cell separator: ',' (CSV), ';' or '\t'
     * @param hasHeader whether the first non-blank line names the columns
     */
    public static Table readTable(Path file, char separator, boolean hasHeader) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("CSV " + file + " is a directory; give a CSV file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new IllegalArgumentException(String.format(
                    "CSV %s line 1: the file is empty; it needs a header row naming the columns, then one example per line", file));
        }
        List<String> firstRow = split(file, first + 1, stripBom(lines.get(first)), separator);
        checkSeparator(file, first + 1, lines.get(first), firstRow, separator);
        List<String> header;
        if (hasHeader) {
            header = firstRow;
            if (header.stream().allMatch(c -> NUMBER.matcher(c).matches())) {
                throw new IllegalArgumentException(String.format(
                        "CSV %s line %d: the first row %s holds only numbers, so it is an example, not a header naming the columns; "
                                + "add a header row (e.g. x1,x2,y) or pass --no-header (columns are then named column1, column2, ...)",
                        file, first + 1, firstRow));
            }
        } else {
            header = new ArrayList<>();
            for (int k = 1; k <= firstRow.size(); k++) {
                header.add("column" + k);
            }
            first--; // the first row is an example
        }
        for (int k = 0; k < header.size(); k++) {
            if (header.get(k).isEmpty()) {
                throw new IllegalArgumentException(String.format(
                        "CSV %s line %d, column %d: the header has an empty name; name every column", file, first + 1, k + 1));
            }
            if (header.indexOf(header.get(k)) != k) {
                throw new IllegalArgumentException(String.format(
                        "CSV %s line %d, column %d: \"%s\" names two columns; column names must be unique", file, first + 1, k + 1, header.get(k)));
            }
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        java.util.BitSet textColumns = new java.util.BitSet();
        for (int n = first + 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            int line = n + 1;
            List<String> cells = split(file, line, n == first + 1 && !hasHeader ? stripBom(lines.get(n)) : lines.get(n), separator);
            if (cells.size() != header.size()) {
                int column = Math.min(cells.size(), header.size()) + 1;
                throw new IllegalArgumentException(String.format(
                        "CSV %s line %d, column %d: the row has %d cells but the header names %d columns %s; every row needs one value per column",
                        file, line, column, cells.size(), header.size(), header));
            }
            double[] row = new double[cells.size()];
            for (int k = 0; k < cells.size(); k++) {
                row[k] = parse(file, line, k, header.get(k), cells.get(k));
                if (Double.isNaN(row[k])) {
                    textColumns.set(k);
                }
            }
            rows.add(row);
            lineNumbers.add(line);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    "CSV %s line %d: there is a header but no example below it; add one row per example", file, first + 2));
        }
        Map<Integer, List<String>> text = new LinkedHashMap<>();
        if (!textColumns.isEmpty()) {
            // a column holding a name keeps every cell as written; read again only the files that have one
            textColumns.stream().forEach(k -> text.put(k, new ArrayList<>(rows.size())));
            for (int line : lineNumbers) {
                List<String> cells = split(file, line, stripBom(lines.get(line - 1)), separator);
                text.forEach((k, column) -> column.add(cells.get(k)));
            }
        }
        return new Table(file, header, rows, lineNumbers, text);
    }

    /** One column where the line holds ';', tabs or commas: the file is likely separated by those, say so. */
    private static void checkSeparator(Path file, int line, String text, List<String> cells, char separator) {
        if (cells.size() != 1) {
            return;
        }
        for (char other : new char[] {';', '\t', ','}) {
            if (other != separator && text.indexOf(other) >= 0) {
                throw new IllegalArgumentException(String.format(
                        "CSV %s line %d: the row is one column of text holding %s; the file looks separated by %s, not by %s — "
                                + "pass --separator %s", file, line, describe(other), describe(other), describe(separator),
                        other == '\t' ? "tab" : "'" + other + "'"));
            }
        }
    }

    private static String describe(char separator) {
        return separator == '\t' ? "tabs" : separator == ';' ? "semicolons" : separator == ',' ? "commas" : "'" + separator + "'";
    }

    /**
     * The cell's number, or NaN for a name (text that is not a number, NaN or infinity: a label like
     * "setosa"; used as a feature it is refused later, by {@link Table#features}). Empty, NaN and
     * infinite cells are refused here.
     */
    private static double parse(Path file, int line, int k, String name, String cell) {
        String what;
        if (cell.isEmpty()) {
            what = "the cell is empty";
        } else if (cell.equalsIgnoreCase("nan") || cell.matches("(?i)[+-]?(inf|infinity)")) {
            what = "\"" + cell + "\" is not a finite number";
        } else if (!NUMBER.matcher(cell).matches()) {
            return Double.NaN;
        } else {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
            what = "\"" + cell + "\" is too large for a double";
        }
        throw new IllegalArgumentException(String.format(
                "CSV %s line %d, column %d (\"%s\"): %s; features and labels must be plain decimal numbers "
                        + "(remove or impute missing values, encode categories as numbers)", file, line, k + 1, name, what));
    }

    /** Splits one line at {@code separator} outside double quotes; trims unquoted cells. */
    static List<String> split(Path file, int line, String text, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(String.format(
                    "CSV %s line %d, column %d: a quote opens but never closes; close it or remove it", file, line, cells.size() + 1));
        }
        cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
        return cells;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
