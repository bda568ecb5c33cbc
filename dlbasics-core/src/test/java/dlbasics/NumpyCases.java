package dlbasics;

import dlbasics.matrix.Matrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the matrices that the checked-in numpy scripts write beside their fixtures, in one format:
 * <pre>
 * case NAME ROWS COLS
 * HEX HEX ...          the values in C order, each the 16 hex digits of its IEEE-754 bits
 * lines N              optional: how numpy prints the matrix, on the N lines that follow
 * ...
 * </pre>
 */
public final class NumpyCases {
    /** One case: its name, the exact values and, where the fixture has it, numpy's printout ("" if none). */
    public record Case(String name, Matrix value, String printed) {
    }

    private NumpyCases() {
    }

    /** The cases of {@code resource} (a class-path path), by name in file order; fails naming the script to run if it is missing. */
    public static Map<String, Case> read(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = NumpyCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing; run the numpy script beside it (same name, .py)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Case> cases = new LinkedHashMap<>();
        int at = 0;
        while (at < lines.size()) {
            String[] h = lines.get(at++).split(" ");
            if (h.length != 4 || !h[0].equals("case")) {
                throw new IllegalStateException(resource + " line " + at + ": expected 'case NAME ROWS COLS', got " + String.join(" ", h));
            }
            int rows = Integer.parseInt(h[2]);
            int cols = Integer.parseInt(h[3]);
            String hex = lines.get(at++);
            double[] v = new double[rows * cols];
            String[] words = v.length == 0 ? new String[0] : hex.split(" ");
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.longBitsToDouble(Long.parseUnsignedLong(words[i], 16));
            }
            StringBuilder printed = new StringBuilder();
            if (at < lines.size() && lines.get(at).startsWith("lines ")) {
                int n = Integer.parseInt(lines.get(at++).split(" ")[1]);
                for (int i = 0; i < n; i++) {
                    printed.append(i > 0 ? "\n" : "").append(lines.get(at++));
                }
            }
            cases.put(h[1], new Case(h[1], Matrix.wrap(rows, cols, v), printed.toString()));
        }
        return cases;
    }
}
