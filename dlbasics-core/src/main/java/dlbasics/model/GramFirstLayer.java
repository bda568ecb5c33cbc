package dlbasics.model;

import dlbasics.matrix.Gemm;
import dlbasics.matrix.Matrix;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact Gram form of the first layer ({@link FirstLayer#GRAM}) for full-batch training with gradient
 * descent or momentum (β; 0 for gradient descent), L2 strength λ and any learning-rate schedule. W[1] and
 * momentum's velocity V stay in the span of the start and the examples, so they are kept as coefficients
 * and their products with X are carried instead of recomputed:
 * <pre>
 * shapes: X n[0] x m, G = Xᵀ·X m x m (once), W0 = W[1] at the start n[1] x n[0]; a, va scalars;
 *         C, Cv, P, Q n[1] x m
 *   W[1] = a·W0 + C·Xᵀ      P = W[1]·X = a·W0·X + C·G       (the forward's Z[1] = P + b[1])
 *   V    = va·W0 + Cv·Xᵀ    Q = V·X
 * one update, with dZ[1] from the backward pass (dW[1] = (1/m)·dZ[1]·Xᵀ + (λ/m)·W[1], never formed):
 *   va = β·va + (1−β)·(λ/m)·a               a = a − α·va
 *   Cv = β·Cv + (1−β)·(dZ[1]/m + (λ/m)·C)    C = C − α·Cv
 *   Q  = β·Q  + (1−β)·(dZ[1]·G/m + (λ/m)·P)  P = P − α·Q          (n[1]·m² multiply-adds)
 * </pre>
 * which is momentum's {@code V = β·V + (1−β)·dW[1]}, {@code W[1] = W[1] − α·V} (gradient descent for β = 0)
 * multiplied by X. {@link #materialize()} writes W[1] (and momentum's "vdW1") into the network when
 * something reads them. The state a resumed run needs is {@link #state()}, under names starting "gram:".
 */
final class GramFirstLayer {
    /** The prefix of this form's entries in {@link TrainingState#updateState()}. */
    static final String PREFIX = "gram:";

    private final Network network;
    private final Matrix X;
    private final Matrix G;
    private final Matrix W0;
    private final Matrix a = Matrix.zeros(1, 1);
    private final Matrix va = Matrix.zeros(1, 1);
    private final Matrix C;
    private final Matrix Cv;
    private final Matrix P;
    private final Matrix Q;
    private final Matrix T;
    private final Matrix vdW1;
    private final double beta;
    private final double l2;
    private final Map<String, Matrix> state = new LinkedHashMap<>();
    /** X's fingerprint (a 64-bit hash of its bits, as two 32-bit halves): the state holds only for this X. */
    private final Matrix data;
    private boolean stale;

    /**
     * Starts the form from the network's current W[1] (a = 1, C = 0, no velocity) on X ({@code n[0] x m}):
     * computes G and P = W[1]·X.
     *
     * @param ruleState the update rule's live state, whose "vdW1" (momentum) {@link #materialize()} keeps current
     */
    GramFirstLayer(Network network, Matrix X, UpdateRule rule, double l2, Map<String, Matrix> ruleState) {
        this.network = network;
        this.X = X;
        this.l2 = l2;
        this.beta = rule instanceof Momentum momentum ? momentum.beta() : 0.0;
        int m = X.cols();
        int n1 = network.layerDims()[1];
        G = gram(X).fixed(); // read by every update: Gemm may keep a packed copy
        W0 = network.W(1).copy();
        a.set(0, 0, 1.0);
        C = Matrix.zeros(n1, m);
        Cv = Matrix.zeros(n1, m);
        P = Matrix.zeros(n1, m);
        Q = Matrix.zeros(n1, m);
        T = Matrix.zeros(n1, m);
        Gemm.multiply(W0, false, X, false, P);
        vdW1 = ruleState.get("vdW1");
        data = fingerprint(X);
        state.put(PREFIX + "X", data);
        state.put(PREFIX + "W0", W0);
        state.put(PREFIX + "a", a);
        state.put(PREFIX + "C", C);
        state.put(PREFIX + "P", P);
        if (beta != 0) {
            state.put(PREFIX + "va", va);
            state.put(PREFIX + "Cv", Cv);
            state.put(PREFIX + "Q", Q);
        }
    }

    /**
     * {@code G = Xᵀ·X} ({@code m x m}), Gemm's product: each entry is {@code Σ_p X[p][r]·X[p][c]} in the order of
     * p, so G is exactly symmetric. Computing only its upper blocks did not pay (bench/NOTES.md, "Gram form").
     */
    static Matrix gram(Matrix X) {
        Matrix G = Matrix.zeros(X.cols(), X.cols());
        Gemm.multiply(X, true, X, false, G);
        return G;
    }

    /** The carried {@code P = W[1]·X}, {@code n[1] x m}, live. */
    Matrix carried() {
        return P;
    }

    /** One update of W[1] with learning rate α from dZ[1] ({@code n[1] x m}), as in the class comment. */
    void step(Matrix dZ1, double learningRate) {
        Gemm.multiply(dZ1, false, G, false, T);
        double invM = 1.0 / dZ1.cols();
        double lambda = l2 * invM;
        double keep = 1 - beta;
        double[] dz = dZ1.data();
        double[] t = T.data();
        double[] c = C.data();
        double[] cv = Cv.data();
        double[] p = P.data();
        double[] q = Q.data();
        for (int i = 0; i < p.length; i++) {
            double gc = l2 == 0 ? dz[i] * invM : dz[i] * invM + lambda * c[i];
            double gp = l2 == 0 ? t[i] * invM : t[i] * invM + lambda * p[i];
            cv[i] = beta * cv[i] + keep * gc;
            q[i] = beta * q[i] + keep * gp;
            c[i] = c[i] - learningRate * cv[i];
            p[i] = p[i] - learningRate * q[i];
        }
        double[] av = a.data();
        double[] vv = va.data();
        vv[0] = beta * vv[0] + keep * (lambda * av[0]);
        av[0] = av[0] - learningRate * vv[0];
        stale = true;
    }

    /** Writes {@code W[1] = a·W0 + C·Xᵀ} (and momentum's {@code vdW1 = va·W0 + Cv·Xᵀ}) if an update moved them. */
    void materialize() {
        if (!stale) {
            return;
        }
        combine(a, C, network.W(1));
        if (vdW1 != null) {
            combine(va, Cv, vdW1);
        }
        stale = false;
    }

    private void combine(Matrix coefficient, Matrix ofX, Matrix out) {
        Gemm.multiply(ofX, false, X, true, out);
        double s = coefficient.get(0, 0);
        double[] o = out.data();
        double[] w = W0.data();
        for (int i = 0; i < o.length; i++) {
            o[i] = s * w[i] + o[i];
        }
    }

    /** The live state a resumed run needs, by name ("gram:W0", "gram:a", "gram:C", "gram:P", with momentum "gram:va", "gram:Cv", "gram:Q"). */
    Map<String, Matrix> state() {
        return state;
    }

    /** True when {@code saved} holds entries of this form. */
    static boolean holdsState(Map<String, Matrix> saved) {
        return saved.keySet().stream().anyMatch(k -> k.startsWith(PREFIX));
    }

    /** {@code saved} without this form's entries (the update rule's own state), or with only them. */
    static Map<String, Matrix> part(Map<String, Matrix> saved, boolean gram) {
        Map<String, Matrix> part = new LinkedHashMap<>();
        saved.forEach((k, v) -> {
            if (k.startsWith(PREFIX) == gram) {
                part.put(k, v);
            }
        });
        return part;
    }

    /** Continues from {@code saved}, this form's entries of an earlier run's state, with the same rule and network. */
    void restore(Map<String, Matrix> saved) {
        Matrix other = saved.get(PREFIX + "X");
        if (other == null || !other.equals(data)) {
            throw new IllegalArgumentException("Trainer.resume: the state's Gram form was built on other data than this X ("
                    + X.rows() + " x " + X.cols() + "): W1 = a·W1(0) + C·Xᵀ holds only for the X it was saved with; resume on "
                    + "the same X, or start the continuation in the direct form from a state saved with firstLayer DIRECT");
        }
        StatefulRun.restore("Trainer.resume (the Gram form of the first layer)", state, saved);
        stale = true;
    }

    /** A 64-bit hash of X's shape and bits, as two 32-bit halves in a 1 x 2 matrix (exact in doubles). */
    static Matrix fingerprint(Matrix X) {
        long h = 0xcbf29ce484222325L ^ ((long) X.rows() << 32 | X.cols());
        for (double v : X.data()) {
            h = (h ^ Double.doubleToLongBits(v)) * 0x100000001b3L;
        }
        Matrix f = Matrix.zeros(1, 2);
        f.set(0, 0, (double) (h >>> 32));
        f.set(0, 1, (double) (h & 0xffffffffL));
        return f;
    }
}
