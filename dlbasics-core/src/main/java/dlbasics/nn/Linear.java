package dlbasics.nn;

import dlbasics.matrix.Gemm;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;
import dlbasics.matrix.PackedMatrix;
import dlbasics.matrix.Shapes;

/**
 * The linear part of a dense layer, forward beside backward, writing into caller-owned outputs.
 *
 * <p>Shapes (course convention, examples in columns): {@code W} is {@code n[l] x n[l-1]},
 * {@code b} is {@code n[l] x 1}, {@code APrev} is {@code n[l-1] x m}, {@code Z} and {@code dZ} are
 * {@code n[l] x m}.
 */
public final class Linear {
    private Linear() {
    }

    /** Checks that W, b and APrev fit together, with an error that names the shapes and a fix. */
    public static void checkForward(String op, Matrix W, Matrix APrev, Matrix b) {
        if (W.cols() != APrev.rows()) {
            String hint = W.cols() == APrev.cols()
                    ? "examples go in columns — did you mean A.transpose()?"
                    : "A must have one row per input of the layer (n[l-1] rows) and one column per example";
            throw new IllegalArgumentException(String.format(
                    "%s: W is %s but A is %s (W.cols must equal A.rows); %s",
                    op, Shapes.shape(W), Shapes.shape(APrev), hint));
        }
        checkBias(op, W, b);
    }

    /** Checks that b is {@code n[l] x 1} for W ({@code n[l] x n[l-1]}). */
    private static void checkBias(String op, Matrix W, Matrix b) {
        if (b.rows() != W.rows() || b.cols() != 1) {
            throw new IllegalArgumentException(String.format(
                    "%s: b is %s but W is %s; b must be %dx1, one bias per unit of the layer",
                    op, Shapes.shape(b), Shapes.shape(W), W.rows()));
        }
    }

    /**
     * {@code Z = W · APrev + b}, b added to every column.
     *
     * @param Z output, {@code n[l] x m}
     */
    public static void forward(Matrix W, Matrix APrev, Matrix b, Matrix Z) {
        checkForward("linearForward", W, APrev, b);
        Gemm.multiply(W, false, APrev, false, Z);
        MatrixOps.plusColumn(Z, b, Z);
    }

    /**
     * {@code Z = W · APrev + b} with the layer's input packed once beforehand (a training loop packs its
     * X once per fit; {@link PackedMatrix} says why): the same bits as
     * {@link #forward(Matrix, Matrix, Matrix, Matrix)} on the matrix APrev was packed from.
     *
     * @param W     {@code n[l] x n[l-1]}
     * @param APrev {@code n[l-1] x m}, packed
     * @param b     {@code n[l] x 1}
     * @param Z     output, {@code n[l] x m}
     */
    public static void forward(Matrix W, PackedMatrix APrev, Matrix b, Matrix Z) {
        if (W.cols() != APrev.rows()) {
            throw new IllegalArgumentException(String.format(
                    "linearForward: W is %s but A is %s (W.cols must equal A.rows); A must have one row per input "
                            + "of the layer (n[l-1] rows) and one column per example", Shapes.shape(W), APrev));
        }
        checkBias("linearForward", W, b);
        Gemm.multiply(W, APrev, Z);
        MatrixOps.plusColumn(Z, b, Z);
    }

    /**
     * The gradients of the linear part, from {@code dZ}:
     * <pre>
     * dW     = (1/m) · dZ · APrevᵀ        n[l] x n[l-1]
     * db     = (1/m) · Σ_columns dZ       n[l] x 1
     * dAPrev = Wᵀ · dZ                    n[l-1] x m   (skipped when dAPrev is null: the input layer needs none)
     * </pre>
     */
    public static void backward(Matrix dZ, Matrix APrev, Matrix W, Matrix dW, Matrix db, Matrix dAPrev) {
        String op = "linearBackward";
        if (dZ.rows() != W.rows() || dZ.cols() != APrev.cols() || W.cols() != APrev.rows()) {
            throw new IllegalArgumentException(String.format(
                    "%s: dZ is %s, A_prev is %s and W is %s; dZ must be n[l] x m = %dx%d (W.rows x A_prev.cols) "
                            + "and W.cols must equal A_prev.rows; pass the cache from this layer's forward pass",
                    op, Shapes.shape(dZ), Shapes.shape(APrev), Shapes.shape(W), W.rows(), APrev.cols()));
        }
        Gemm.multiply(dZ, false, APrev, true, dW);
        finishBackward(dZ, W, dW, db, dAPrev);
    }

    /**
     * The same gradients as {@link #backward}, bit for bit, from the layer's input cached
     * transposed: {@code APrevT} is {@code m x n[l-1]} (= APrevᵀ), so {@code dW = (1/m) · dZ · APrevT}
     * reads it row by row. A training loop that keeps {@code Xᵀ} (transposed once per fit) and a
     * transposed copy of each hidden activation uses this form; {@link Gemm}'s fixed summation order
     * makes both forms give the same bits.
     *
     * @param dZ     {@code n[l] x m}
     * @param APrevT {@code m x n[l-1]}
     * @param W      {@code n[l] x n[l-1]}
     * @param dW     output, {@code n[l] x n[l-1]}
     * @param db     output, {@code n[l] x 1}
     * @param dAPrev output, {@code n[l-1] x m}, or null to skip it (the input layer needs none)
     */
    public static void backwardTransposedInput(Matrix dZ, Matrix APrevT, Matrix W, Matrix dW, Matrix db, Matrix dAPrev) {
        if (dZ.rows() != W.rows() || dZ.cols() != APrevT.rows() || W.cols() != APrevT.cols()) {
            throw new IllegalArgumentException(String.format(
                    "linearBackward: dZ is %s, A_prev transposed is %s and W is %s; dZ must be n[l] x m = %dx%d "
                            + "(W.rows x A_prevT.rows) and W.cols must equal A_prevT.cols; pass A_prev transposed (m x n[l-1])",
                    Shapes.shape(dZ), Shapes.shape(APrevT), Shapes.shape(W), W.rows(), APrevT.rows()));
        }
        Gemm.multiply(dZ, false, APrevT, false, dW);
        finishBackward(dZ, W, dW, db, dAPrev);
    }

    /**
     * The same gradients as {@link #backward}, bit for bit, from the layer's input packed once beforehand
     * ({@link PackedMatrix}): {@code dW = (1/m) · dZ · APrevᵀ} reads the packed copy, so a training loop
     * packs X once per fit for both of the first layer's products.
     *
     * @param dZ     {@code n[l] x m}
     * @param APrev  {@code n[l-1] x m}, packed
     * @param W      {@code n[l] x n[l-1]}
     * @param dW     output, {@code n[l] x n[l-1]}
     * @param db     output, {@code n[l] x 1}
     * @param dAPrev output, {@code n[l-1] x m}, or null to skip it (the input layer needs none)
     */
    public static void backward(Matrix dZ, PackedMatrix APrev, Matrix W, Matrix dW, Matrix db, Matrix dAPrev) {
        if (dZ.rows() != W.rows() || dZ.cols() != APrev.cols() || W.cols() != APrev.rows()) {
            throw new IllegalArgumentException(String.format(
                    "linearBackward: dZ is %s, A_prev is %s and W is %s; dZ must be n[l] x m = %dx%d "
                            + "(W.rows x A_prev.cols) and W.cols must equal A_prev.rows; pass the cache from this "
                            + "layer's forward pass",
                    Shapes.shape(dZ), APrev, Shapes.shape(W), W.rows(), APrev.cols()));
        }
        Gemm.multiplyTransposed(dZ, APrev, dW);
        finishBackward(dZ, W, dW, db, dAPrev);
    }

    /** After {@code dW = dZ · APrevᵀ}: dW /= m, db = (1/m) Σ_columns dZ, dAPrev = Wᵀ · dZ (when wanted). */
    private static void finishBackward(Matrix dZ, Matrix W, Matrix dW, Matrix db, Matrix dAPrev) {
        double invM = 1.0 / dZ.cols();
        MatrixOps.scale(invM, dW, dW);
        MatrixOps.rowSums(dZ, db);
        MatrixOps.scale(invM, db, db);
        if (dAPrev != null) {
            Gemm.multiply(W, true, dZ, false, dAPrev);
        }
    }
}
