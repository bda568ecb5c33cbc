package dlbasics.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads {@code numpy_losses.txt} (written by {@code numpy_losses.py} beside it): name to values. */
final class NnFixtures {
    private static Map<String, double[]> values;

    private NnFixtures() {
    }

    static synchronized double[] get(String name) {
        if (values == null) {
            values = new HashMap<>();
            try (InputStream in = NnFixtures.class.getResourceAsStream("/dlbasics/nn/numpy_losses.txt")) {
                assertTrue(in != null, "numpy_losses.txt missing; run numpy_losses.py beside it");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split(" ");
                    double[] v = new double[f.length - 1];
                    for (int i = 1; i < f.length; i++) {
                        v[i - 1] = Double.longBitsToDouble(Long.parseUnsignedLong(f[i], 16));
                    }
                    values.put(f[0], v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        double[] v = values.get(name);
        assertTrue(v != null, "no fixture " + name);
        return v.clone();
    }
}
