package dlbasics.cli;

import java.util.Locale;

/**
 * The memory a training run needs, estimated before it starts so that a run too large for the Java
 * heap is refused with the estimate and a hint instead of failing with OutOfMemoryError (or an
 * integer overflow) halfway.
 * <pre>
 * parameters    Σ n[l]·(n[l-1] + 1)          W[l] and b[l]
 * gradients     the same again                dW[l], db[l]
 * activations   4 · Σ n[l] · m                Z[l], A[l] and the backward's dA, dZ per layer
 * inputs        3 · n0 · m                    X and its packed copy (2 x X)
 * labels        m, plus K · m for K outputs   Y (1 x m) and, for a softmax output, its one-hot copy (K x m)
 * </pre>
 * all in float64 (8 bytes). {@code dims} ends in the output layer: 1 (sigmoid) or K (softmax).
 */
final class Memory {
    private Memory() {
    }

    /** Refuses dims that no Java array holds or that need more than the heap may grow to. */
    static void check(int[] dims, int examples) {
        long max = Runtime.getRuntime().maxMemory();
        for (int l = 1; l < dims.length; l++) {
            if ((long) dims[l] * dims[l - 1] > Integer.MAX_VALUE - 8 || (long) dims[l] * examples > Integer.MAX_VALUE - 8) {
                long big = Math.max((long) dims[l] * dims[l - 1], (long) dims[l] * examples);
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "layer %d of %s needs a matrix of %,d numbers, more than one Java array holds (2,147,483,647); "
                                + "choose smaller layers (e.g. --layers 20,7,5)", l, java.util.Arrays.toString(dims), big));
            }
        }
        double bytes = bytes(dims, examples);
        if (bytes > 0.9 * max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "training %s on %d examples needs about %s (parameters and gradients %s, activations %s, inputs and labels %s) but Java may "
                            + "use only %s; choose smaller layers, or give Java more memory: DLBASICS_JAVA_OPTS=-Xmx%dg ./dlbasics ...",
                    java.util.Arrays.toString(dims), examples, size(bytes), size(2 * parameters(dims) * 8.0),
                    size(activations(dims, examples) * 8.0), size((3.0 * dims[0] * examples + labels(dims, examples)) * 8), size(max),
                    (long) Math.ceil(bytes * 1.5 / (1L << 30))));
        }
    }

    /** The estimate in bytes. */
    static double bytes(int[] dims, int examples) {
        return 8.0 * (2 * parameters(dims) + activations(dims, examples) + 3.0 * dims[0] * examples + labels(dims, examples));
    }

    /** Y, and the one-hot targets a softmax output of K units trains on. */
    private static double labels(int[] dims, int examples) {
        int outputs = dims[dims.length - 1];
        return (double) examples * (outputs > 1 ? 1 + outputs : 1);
    }

    private static double parameters(int[] dims) {
        double p = 0;
        for (int l = 1; l < dims.length; l++) {
            p += (double) dims[l] * (dims[l - 1] + 1);
        }
        return p;
    }

    private static double activations(int[] dims, int examples) {
        double a = 0;
        for (int l = 1; l < dims.length; l++) {
            a += 4.0 * dims[l] * examples;
        }
        return a;
    }

    /** "3.2 GB", "640 MB". */
    static String size(double bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GB", bytes / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", Math.ceil(bytes / (1L << 20)));
    }

    /** What to say when the heap ran out anyway. */
    static String outOfMemory() {
        return "ran out of memory (Java may use " + size(Runtime.getRuntime().maxMemory()) + "); choose smaller layers or "
                + "fewer examples, or give Java more memory: DLBASICS_JAVA_OPTS=-Xmx4g ./dlbasics ...";
    }
}
