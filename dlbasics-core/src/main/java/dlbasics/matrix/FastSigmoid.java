package dlbasics.matrix;

/**
 * Our own sigmoid {@code σ(z) = 1 / (1 + e^-z)}, the naive formula with our own exp, built like
 * {@link FastTanh}: plain double arithmetic (no FMA) in short loops that C2 vectorises.
 *
 * <pre>
 * v = -z clamped to [-746, 710]   (beyond, e^v is 0 or overflows to +∞ all the same)
 * v = n·ln2 + r                   n = round(v / ln2), |r| &lt;= ln2/2 (Cody-Waite)
 * e^v = ((1 + expm1(r)) · 2^n1) · 2^n2,   n1 = floor(n/2), n2 = n - n1 (both powers normal; one rounding)
 * σ = 1 / (1 + e^v)
 * </pre>
 * with fdlibm's expm1 on |r| &lt;= ln2/2 ({@code FastTanh.expm1Rational}). Like the naive formula it is
 * finite for every input: for very negative z, e^-z overflows to +∞ and σ becomes 0; never NaN except
 * for NaN.
 *
 * <p>Within 2 ulps of {@code 1 / (1 + StrictMath.exp(-z))} for z &gt;= -36 and 4 ulps below
 * ({@code FastSigmoidTest}). The scalar {@link #sigmoid(double)} and the array form give the same bits.
 */
public final class FastSigmoid {
    private static final double V_MIN = -746.0;
    private static final double V_MAX = 710.0;

    private static final ThreadLocal<double[][]> SCRATCH = new ThreadLocal<>() {
        // an anonymous class rather than a lambda: no invokedynamic bootstrap on the first call
        @Override
        protected double[][] initialValue() {
            return new double[4][FastTanh.CHUNK];
        }
    };

    private FastSigmoid() {
    }

    /** σ(z) of one value; the same bits as the array form. */
    public static double sigmoid(double z) {
        double v = Math.min(Math.max(-z, V_MIN), V_MAX);
        double t = v * FastTanh.INV_LN2 + FastTanh.SHIFTER;
        double n = t - FastTanh.SHIFTER;
        double r = (v - n * FastTanh.LN2_HI) - n * FastTanh.LN2_LO;
        double q = FastTanh.expm1Rational(r, FastTanh.expm1Poly(r));
        return 1.0 / (1.0 + ((1.0 + q) * firstPower(t)) * secondPower(t));
    }

    /**
     * {@code a[i] = σ(z[i])} for i in {@code 0 .. n-1}; a may be z. Works in chunks of
     * {@value FastTanh#CHUNK} values copied into per-thread scratch arrays (allocated once per thread), for
     * the reasons given at {@link FastTanh#CHUNK}.
     */
    public static void sigmoid(double[] z, double[] a, int n) {
        double[][] scratch = SCRATCH.get();
        double[] X = scratch[0];
        double[] S = scratch[1];
        double[] R = scratch[2];
        double[] Q = scratch[3];
        for (int from = 0; from < n; from += FastTanh.CHUNK) {
            int len = Math.min(FastTanh.CHUNK, n - from);
            System.arraycopy(z, from, X, 0, len);
            reduce(X, S, R, len);
            FastTanh.poly(R, Q, len); // the same expm1 passes as tanh: the JIT compiles them once
            FastTanh.rational(R, Q, len);
            powers(S, R, len);
            combine(Q, S, R, X, len);
            System.arraycopy(X, 0, a, from, len);
        }
    }

    /** From S = the shifted n: S = 2^floor(n/2), R = 2^(n - floor(n/2)). */
    private static void powers(double[] S, double[] R, int n) {
        for (int i = 0; i < n; i++) {
            double t = S[i];
            S[i] = firstPower(t);
            R[i] = secondPower(t);
        }
    }

    /** σ = 1 / (1 + ((1 + q)·2^n1)·2^n2). */
    private static void combine(double[] Q, double[] S, double[] R, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = 1.0 / (1.0 + ((1.0 + Q[i]) * S[i]) * R[i]);
        }
    }

    /** S = v/ln2 + 1.5·2^52 (its low bits hold n), R = r, for v = -z clamped = n·ln2 + r. */
    private static void reduce(double[] z, double[] S, double[] R, int n) {
        for (int i = 0; i < n; i++) {
            double v = Math.min(Math.max(-z[i], V_MIN), V_MAX);
            double t = v * FastTanh.INV_LN2 + FastTanh.SHIFTER;
            double k = t - FastTanh.SHIFTER;
            S[i] = t;
            R[i] = (v - k * FastTanh.LN2_HI) - k * FastTanh.LN2_LO;
        }
    }

    /** {@code 2^floor(n/2)} for the n held in t's low bits. */
    private static double firstPower(double t) {
        long n = Double.doubleToRawLongBits(t) - FastTanh.SHIFTER_BITS;
        return Double.longBitsToDouble(((n >> 1) + 1023) << 52);
    }

    /** {@code 2^(n - floor(n/2))} for the n held in t's low bits. */
    private static double secondPower(double t) {
        long n = Double.doubleToRawLongBits(t) - FastTanh.SHIFTER_BITS;
        return Double.longBitsToDouble((n - (n >> 1) + 1023) << 52);
    }
}
