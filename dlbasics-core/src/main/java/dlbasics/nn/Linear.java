package dlbasics.nn;

import dlbasics.matrix.Gemm;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;
import dlbasics.matrix.Shapes;

/**
 * The linear part of a dense layer, forward beside backward, writing into caller-owned outputs. Every
 * caller (the course's step functions, the trainer, prediction) does its dense-layer maths here.
 *
 * <pre>
 * shapes (course convention, examples in columns, m examples):
 *   W       n[l] x n[l-1]        b   n[l] x 1
 *   APrev   n[l-1] x m           Z   n[l] x m      dZ  n[l] x m
 *
 * forward:  Z      = W · APrev + b                 n[l] x m      (b added to every column)
 * backward: dW     = (1/m) · dZ · APrevᵀ            n[l] x n[l-1]
 *           db     = (1/m) · Σ_columns dZ           n[l] x 1
 *           dAPrev = Wᵀ · dZ                        n[l-1] x m    (skipped when dAPrev is null: the input layer needs none)
 * </pre>
 * The transposed operands are read in place by {@link Gemm}, which also decides how a product runs
 * (an APrev that is a {@link Matrix#fixed()} view may be read from a packed copy, with the same bits).
 */
public final class Linear {
    private Linear() {
    }

    /** {@code Z = W · APrev + b}; Z is {@code n[l] x m} and must not share storage with W or APrev. */
    public static void forward(Matrix W, Matrix APrev, Matrix b, Matrix Z) {
        checkForward("linearForward", W, APrev, b);
        Gemm.multiply(W, false, APrev, false, Z);
        MatrixOps.plusColumn(Z, b, Z);
    }

    /** dW, db and (when dAPrev is not null) dAPrev from dZ, as in the class comment; outputs are overwritten. */
    public static void backward(Matrix dZ, Matrix APrev, Matrix W, Matrix dW, Matrix db, Matrix dAPrev) {
        if (dZ.rows() != W.rows() || dZ.cols() != APrev.cols() || W.cols() != APrev.rows()) {
            throw new IllegalArgumentException(String.format(
                    "linearBackward: dZ is %s, A_prev is %s and W is %s; dZ must be n[l] x m = %dx%d (W.rows x A_prev.cols) "
                            + "and W.cols must equal A_prev.rows; pass the cache from this layer's forward pass",
                    Shapes.shape(dZ), Shapes.shape(APrev), Shapes.shape(W), W.rows(), APrev.cols()));
        }
        double invM = 1.0 / dZ.cols();
        Gemm.multiply(dZ, false, APrev, true, dW);
        MatrixOps.scale(invM, dW, dW);
        biasGradient(dZ, db);
        if (dAPrev != null) {
            Gemm.multiply(W, true, dZ, false, dAPrev);
        }
    }

    /** {@code db = (1/m) · Σ_columns dZ}, {@code n[l] x 1}, overwritten: the bias part of {@link #backward}. */
    public static void biasGradient(Matrix dZ, Matrix db) {
        MatrixOps.rowSums(dZ, db);
        MatrixOps.scale(1.0 / dZ.cols(), db, db);
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
        if (b.rows() != W.rows() || b.cols() != 1) {
            throw new IllegalArgumentException(String.format(
                    "%s: b is %s but W is %s; b must be %dx1, one bias per unit of the layer",
                    op, Shapes.shape(b), Shapes.shape(W), W.rows()));
        }
    }
}
