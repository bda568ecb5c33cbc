package dlbasics.io;

import java.util.Arrays;

/**
 * A float64 array as model files store it: a shape and its values in C order (row by row).
 * Package-private: the public API speaks {@link dlbasics.matrix.Matrix}.
 *
 * @param shape the dimensions, e.g. {@code [20, 12288]} for W1 or {@code [20, 1]} for b1
 * @param data  {@code product(shape)} values in C order
 */
record Tensor(int[] shape, double[] data) {
    Tensor {
        shape = shape.clone();
        long count = count(shape);
        if (count != data.length) {
            throw new IllegalStateException("Tensor: shape " + Arrays.toString(shape) + " holds " + count
                    + " values but " + data.length + " were given");
        }
    }

    /** The number of values a shape holds; -1 if it is negative or overflows a Java array. */
    static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                return -1;
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                return -1;
            }
        }
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The shape as numpy prints it: {@code (20, 1)}, {@code (4,)}, {@code ()}. */
    static String numpyShape(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
