package dlbasics.model;

import dlbasics.matrix.Matrix;

/**
 * The gradients of a network's parameters, addressed as the course names them: {@code dW[l]}
 * ({@code n[l] x n[l-1]}) and {@code db[l]} ({@code n[l] x 1}) for l = 1..L, or "dW1", "db1", .... The
 * matrices are buffers that each backward pass overwrites (allocated once per run).
 */
public final class Gradients {
    private final Matrix[] dW;
    private final Matrix[] db;

    /** Zero gradients shaped like {@code network}'s parameters. */
    public Gradients(Network network) {
        int L = network.numLayers();
        int[] n = network.layerDims();
        dW = new Matrix[L + 1];
        db = new Matrix[L + 1];
        for (int l = 1; l <= L; l++) {
            dW[l] = Matrix.zeros(n[l], n[l - 1]);
            db[l] = Matrix.zeros(n[l], 1);
        }
    }

    /** L, the number of layers. */
    public int numLayers() {
        return dW.length - 1;
    }

    /** The live gradient of W[l] (1-based), {@code n[l] x n[l-1]}. */
    public Matrix dW(int l) {
        return dW[check(l)];
    }

    /** The live gradient of b[l] (1-based), {@code n[l] x 1}. */
    public Matrix db(int l) {
        return db[check(l)];
    }

    /** The live gradient by course name: "dW1", "db1", ..., "dWL", "dbL". */
    public Matrix get(String name) {
        if (name.length() > 2 && name.charAt(0) == 'd' && (name.charAt(1) == 'W' || name.charAt(1) == 'b')) {
            try {
                int l = Integer.parseInt(name.substring(2));
                if (l >= 1 && l <= numLayers()) {
                    return name.charAt(1) == 'W' ? dW[l] : db[l];
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException(String.format(
                "Gradients.get: no gradient named \"%s\"; the names are dW1, db1, ..., dW%d, db%d", name, numLayers(), numLayers()));
    }

    private int check(int l) {
        if (l < 1 || l > numLayers()) {
            throw new IndexOutOfBoundsException(String.format(
                    "Gradients: layer %d does not exist; layers are numbered 1 to %d as in the course", l, numLayers()));
        }
        return l;
    }
}
