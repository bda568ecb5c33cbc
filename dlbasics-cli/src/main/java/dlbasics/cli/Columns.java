package dlbasics.cli;

import dlbasics.io.CsvData;
import dlbasics.io.ModelColumns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches a CSV's columns to the columns a model was trained on, by name: a missing feature is an
 * error naming it and the header; a column the model does not use is left out with a warning; never
 * by position (a model trained with the label in the middle must not score the label as a feature).
 */
final class Columns {
    private Columns() {
    }

    /** The model's feature names when the table holds them all (in the model's input order), else an error. */
    static List<String> match(ModelColumns wanted, CsvData.Table table, Path file, String label) {
        List<String> missing = new ArrayList<>();
        for (String f : wanted.features()) {
            if (!table.columns().contains(f)) {
                missing.add(f);
            }
        }
        if (wanted.features().contains(label)) {
            throw new IllegalArgumentException(String.format("CSV %s: the label column \"%s\" is one of the model's features %s; "
                    + "name the label column with --label", file, label, wanted.features()));
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    "CSV %s lacks the column%s %s that the model was trained on; the model takes %s%s, the header names %s "
                            + "(rename the columns to match, or use --no-header files only with models trained on such files)",
                    file, missing.size() == 1 ? "" : "s", missing, wanted.features(),
                    wanted.label() == null ? "" : " (label \"" + wanted.label() + "\")", table.columns()));
        }
        return wanted.features();
    }

    /** A warning naming the columns that are neither a feature of the model nor {@code label} (null: none). */
    static List<String> extra(ModelColumns wanted, CsvData.Table table, String label) {
        List<String> extra = new ArrayList<>();
        for (String c : table.columns()) {
            if (!wanted.features().contains(c) && !c.equals(label)) {
                extra.add(c);
            }
        }
        if (extra.isEmpty()) {
            return List.of();
        }
        return List.of(String.format("%s: left out the column%s %s, which the model was not trained on (it takes %s)",
                table.file(), extra.size() == 1 ? "" : "s", extra, wanted.features()));
    }
}
