package dlbasics.nn;

import dlbasics.matrix.FastSigmoid;
import dlbasics.matrix.FastTanh;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;

/**
 * The course's activations, each forward beside its backward. Kernels write into caller-owned
 * outputs (which may be the input, for in-place use); shapes of Z, A, dA and dZ are all equal.
 */
public enum Activation {
    /** {@code σ(z) = 1 / (1 + e^-z)}; backward {@code dZ = dA · σ(Z) · (1 - σ(Z))}. */
    SIGMOID {
        @Override
        public double apply(double z) {
            return sigmoid(z);
        }

        @Override
        void forwardKernel(double[] z, double[] a, int n) {
            FastSigmoid.sigmoid(z, a, n);
        }

        @Override
        void backwardKernel(double[] dA, double[] z, double[] a, double[] dZ) {
            for (int i = 0; i < dZ.length; i++) {
                double s = sigmoid(z[i]);
                dZ[i] = dA[i] * s * (1 - s);
            }
        }
    },
    /** {@code relu(z) = max(0, z)}; backward {@code dZ = dA} where {@code Z > 0}, else 0. */
    RELU {
        @Override
        public double apply(double z) {
            return Math.max(0.0, z);
        }

        @Override
        void forwardKernel(double[] z, double[] a, int n) {
            for (int i = 0; i < n; i++) {
                a[i] = Math.max(0.0, z[i]);
            }
        }

        @Override
        void backwardKernel(double[] dA, double[] z, double[] a, double[] dZ) {
            for (int i = 0; i < dZ.length; i++) {
                dZ[i] = z[i] <= 0 ? 0.0 : dA[i];
            }
        }
    },
    /**
     * {@code tanh(z)}, our own kernel ({@code FastTanh}: within 3 ulps of {@link StrictMath#tanh}, odd,
     * faster than {@link Math#tanh}); backward {@code dZ = dA · (1 - A²)} with {@code A = tanh(Z)}.
     */
    TANH {
        @Override
        public double apply(double z) {
            return FastTanh.tanh(z);
        }

        @Override
        void forwardKernel(double[] z, double[] a, int n) {
            FastTanh.tanh(z, a, n);
        }

        @Override
        void backwardKernel(double[] dA, double[] z, double[] a, double[] dZ) {
            // in chunks, so the JIT optimises the loop after a few dozen flower iterations (see FastTanh.CHUNK)
            for (int from = 0; from < dZ.length; from += FastTanh.CHUNK) {
                tanhBackward(dA, a, dZ, from, Math.min(dZ.length, from + FastTanh.CHUNK));
            }
        }
    },
    /**
     * {@code softmax(z)_k = e^(z_k - max z) / Σ_j e^(z_j - max z)} down each column (one example's K
     * logits), the output of {@link SoftmaxCrossEntropy}; not element-wise, so only for an output layer.
     * Backward {@code dZ_k = A_k · (dA_k - Σ_j A_j dA_j)} per column (the Jacobian-vector product); it
     * reads A. {@link #apply} is the softmax of a single value, 1.
     */
    SOFTMAX {
        @Override
        public double apply(double z) {
            return 1.0;
        }

        @Override
        void forwardKernel(double[] z, double[] a, int n) {
            throw new IllegalStateException("softmax forward: needs the matrix shape; Activation.forward(Z, A) calls SoftmaxCrossEntropy.softmax");
        }

        @Override
        void backwardKernel(double[] dA, double[] z, double[] a, double[] dZ) {
            throw new IllegalStateException("softmaxBackward: needs the matrix shape; Activation.backward calls SoftmaxCrossEntropy.softmaxBackward");
        }
    };

    /**
     * {@code σ(z) = 1 / (1 + e^-z)}, the naive formula with our own exp ({@code FastSigmoid}: within 2 ulps
     * of the formula with {@link StrictMath#exp}, 4 for z &lt; -36, the same bits as {@link #forward} gives): it is finite for
     * every input (for very negative z, {@code e^-z} overflows to infinity and σ becomes 0; never NaN).
     */
    public static double sigmoid(double z) {
        return FastSigmoid.sigmoid(z);
    }

    /** {@code dZ = dA · (1 - A²)} over {@code [from, to)}: one index for all three arrays, so C2 vectorises it. */
    private static void tanhBackward(double[] dA, double[] a, double[] dZ, int from, int to) {
        for (int i = from; i < to; i++) {
            dZ[i] = dA[i] * (1 - a[i] * a[i]);
        }
    }

    /** Operation names for error messages, made once so that the kernels allocate nothing per call. */
    private final String forwardOp = courseName() + " forward";
    private final String backwardOp = courseName() + "Backward";

    /** The activation of one value. */
    public abstract double apply(double z);

    /** {@code a[i] = g(z[i])} for i &lt; n, one loop per activation (no call per element); a may be z. */
    abstract void forwardKernel(double[] z, double[] a, int n);

    abstract void backwardKernel(double[] dA, double[] z, double[] a, double[] dZ);

    /** The course's lower-case name: "sigmoid", "relu", "tanh", "softmax". */
    public String courseName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses "sigmoid", "relu", "tanh" or "softmax" (any case), with an error that lists the valid names. */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException(String.format(
                "Activation.parse: unknown activation \"%s\"; valid names are sigmoid, relu, tanh, softmax", name));
    }

    /** {@code A = g(Z)} element-wise; A may be Z. Z and A are {@code n x m}. */
    public void forward(Matrix Z, Matrix A) {
        Shapes.sameShape(forwardOp, Z, A);
        if (this == SOFTMAX) { // down columns, so it needs the shape; one method for all keeps the call sites monomorphic
            SoftmaxCrossEntropy.softmax(Z, A);
            return;
        }
        forwardKernel(Z.data(), A.data(), Z.size());
    }

    /** {@code g(Z)} as a new matrix. */
    public Matrix forward(Matrix Z) {
        Matrix A = Matrix.zeros(Z.rows(), Z.cols());
        forward(Z, A);
        return A;
    }

    /**
     * {@code dZ = dA · g'(Z)} element-wise (softmax: per column, see {@link #SOFTMAX}). Sigmoid and ReLU
     * read Z (the course's activation cache); tanh and softmax read {@code A = g(Z)}. dZ may be dA. All four are {@code n x m}.
     *
     * @param dA gradient of the cost with respect to A
     * @param Z  the pre-activation (may be null for tanh)
     * @param A  the activation output (may be null for sigmoid and ReLU)
     * @param dZ output: gradient of the cost with respect to Z
     */
    public void backward(Matrix dA, Matrix Z, Matrix A, Matrix dZ) {
        String op = backwardOp;
        boolean readsA = this == TANH || this == SOFTMAX;
        Matrix input = readsA ? A : Z;
        if (input == null) {
            throw new IllegalArgumentException(op + ": needs " + (readsA ? "A = " + courseName() + "(Z)" : "Z") + " from the forward cache, got null");
        }
        Shapes.sameShape(op, dA, input);
        Shapes.sameShape(op, dA, dZ);
        if (this == SOFTMAX) {
            SoftmaxCrossEntropy.softmaxBackward(dA, A, dZ);
            return;
        }
        backwardKernel(dA.data(), Z == null ? null : Z.data(), A == null ? null : A.data(), dZ.data());
    }
}
