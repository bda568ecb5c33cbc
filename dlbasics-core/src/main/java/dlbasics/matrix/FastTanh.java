package dlbasics.matrix;

/**
 * Our own {@code tanh}, in plain double arithmetic (separate multiplies and adds, no FMA), written so
 * that C2's auto-vectoriser turns the array form into SIMD code without the Vector API: every pass
 * below is a short loop of lane-wise operations (+ - * /, abs, min), except one that moves bits. Why
 * not {@link Math#tanh} or the Vector API: bench/NOTES.md, "nn and model". It lives in {@code matrix}
 * because both {@link Matrix#tanh()} and {@code nn.Activation.TANH} run it (the same bits either way).
 *
 * <p>Method, for {@code a = |x|} clamped to 22 (where tanh is 1 to double precision), {@code y = 2a}:
 * <pre>
 * y = n·ln2 - r        n = round(y / ln2), |r| &lt;= ln2/2 (ln2 split in two, Cody-Waite)
 * q = expm1(r)         fdlibm's rational approximation of expm1 on |r| &lt;= ln2/2
 * e^-y = 2^-n (1 + q)  2^-n made from n's bits
 * n &lt;= 2 (a &lt; 0.87): tanh a = -expm1(-y) / (2 + expm1(-y)),  expm1(-y) = 2^-n q + (2^-n - 1)
 * n &gt;= 3:            tanh a = 1 - 2w / (1 + w),              w = e^-y
 * tanh x = sign(x) · tanh a
 * </pre>
 * (fdlibm splits at a = 1; both forms are computed and one is kept by weights ±1 and ±0 made from n's
 * bits and x's sign bit, so the loops have no branches.)
 *
 * <p>Within 3 ulps of {@link StrictMath#tanh} ({@code FastTanhTest}); odd: {@code tanh(-x) = -tanh(x)}
 * exactly, {@code tanh(±0) = ±0}, {@code tanh(±∞) = ±1}, NaN gives NaN. The scalar {@link #tanh(double)}
 * and the array form give the same bits (same operations, same order).
 */
public final class FastTanh {
    static final double INV_LN2 = 1.44269504088896338700e+00;
    /** ln2 = LN2_HI + LN2_LO; LN2_HI has 21 trailing zero bits, so n·LN2_HI is exact for |n| &lt; 2^21. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2^52: adding it rounds a value below 2^51 to an integer, held in the low bits. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** fdlibm's expm1 coefficients (s_expm1.c), for |r| &lt;= 0.5 ln2. */
    private static final double Q1 = -3.33333333333331316428e-02;
    private static final double Q2 = 1.58730158725481460165e-03;
    private static final double Q3 = -7.93650757867487942473e-05;
    private static final double Q4 = 4.00821782732936239552e-06;
    private static final double Q5 = -2.01099218183624371326e-07;
    /** Beyond 22, tanh rounds to 1; clamping keeps n &lt;= 64 and 2^-n normal. */
    private static final double CLAMP = 22.0;
    private static final long SIGN_BIT = 0x8000000000000000L;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    /**
     * Values per chunk. The loops index the chunk's scratch copies from 0 (C2 does not vectorise a loop
     * over two arrays at different offsets: they might overlap), and run several times per activation:
     * the JIT hands a method to its optimising compiler after about 600 calls however long its loop, so
     * one call per layer would leave a small network's first ~1000 iterations in slower code.
     */
    public static final int CHUNK = 256;

    private static final ThreadLocal<double[][]> SCRATCH = new ThreadLocal<>() {
        // an anonymous class rather than a lambda: no invokedynamic bootstrap on the first call
        @Override
        protected double[][] initialValue() {
            return new double[5][CHUNK];
        }
    };

    private FastTanh() {
    }

    /** tanh of one value; the same bits as the array form. */
    public static double tanh(double x) {
        // pass 1: y = 2·min(|x|, 22) = n·ln2 - r
        double ax = Math.min(Math.abs(x), CLAMP);
        double y = ax + ax;
        double t = y * INV_LN2 + SHIFTER;
        double n = t - SHIFTER;
        double r = (n * LN2_HI - y) + n * LN2_LO;
        // pass 2 and 3: q = expm1(r)
        double q = expm1Rational(r, expm1Poly(r));
        // pass 4: s = 2^-n, and the weights of the two forms with x's sign
        long k = Double.doubleToRawLongBits(t) - SHIFTER_BITS;
        double s = powerOfTwoMinus(k);
        double sign = signOf(x);
        double large = largeForm(k);
        double wSmall = (1.0 - large) * sign;
        double wLarge = large * sign;
        // pass 5: both forms of tanh a
        double nem = (1.0 - s) - s * q;
        double w = s + s * q;
        double small = nem / (2.0 - nem);
        double big = 1.0 - (w + w) / (1.0 + w);
        // pass 6: keep one, with x's sign
        return wSmall * small + wLarge * big;
    }

    /**
     * {@code a[i] = tanh(z[i])} for i in {@code 0 .. n-1}; a may be z. Works in chunks of {@value #CHUNK}
     * values copied into per-thread scratch arrays (allocated once per thread).
     */
    public static void tanh(double[] z, double[] a, int n) {
        double[][] scratch = SCRATCH.get();
        double[] X = scratch[0];
        double[] S = scratch[1];
        double[] R = scratch[2];
        double[] Q = scratch[3];
        double[] W = scratch[4];
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            System.arraycopy(z, from, X, 0, len);
            // Each loop is kept short: C2 vectorises a loop only when its body is small enough to unroll.
            // (No Math.floor, min or max past the first loop: C1, which runs the first few hundred
            // iterations of a small network, calls them instead of inlining them.)
            reduce(X, S, R, len);
            poly(R, Q, len);
            rational(R, Q, len);
            powers(X, S, R, W, len);
            bothForms(S, Q, len);
            select(R, S, W, Q, X, len);
            System.arraycopy(X, 0, a, from, len);
        }
    }

    /** S = the shifted n (its low bits hold n), R = r, for y = 2·min(|z|, 22) = n·ln2 - r. */
    private static void reduce(double[] z, double[] S, double[] R, int n) {
        for (int i = 0; i < n; i++) {
            double ax = Math.min(Math.abs(z[i]), CLAMP);
            double y = ax + ax;
            double t = y * INV_LN2 + SHIFTER;
            double k = t - SHIFTER;
            S[i] = t;
            R[i] = (k * LN2_HI - y) + k * LN2_LO;
        }
    }

    /** Q = fdlibm's R1 of each r in R (the first half of expm1; also used by {@link FastSigmoid}). */
    static void poly(double[] R, double[] Q, int n) {
        for (int i = 0; i < n; i++) {
            Q[i] = expm1Poly(R[i]);
        }
    }

    /** Q = expm1(r) from r in R and R1 in Q (also used by {@link FastSigmoid}). */
    static void rational(double[] R, double[] Q, int n) {
        for (int i = 0; i < n; i++) {
            Q[i] = expm1Rational(R[i], Q[i]);
        }
    }

    /** From S = the shifted n: S = 2^-n, R = the small form's weight, W = the large form's, each signed as z. */
    private static void powers(double[] z, double[] S, double[] R, double[] W, int n) {
        for (int i = 0; i < n; i++) {
            long k = Double.doubleToRawLongBits(S[i]) - SHIFTER_BITS;
            double sign = signOf(z[i]);
            double large = largeForm(k);
            S[i] = powerOfTwoMinus(k);
            R[i] = (1.0 - large) * sign;
            W[i] = large * sign;
        }
    }

    /** S = tanh a by the small-a form, Q = by the large-a form, from S = 2^-n and Q = expm1(r). */
    private static void bothForms(double[] S, double[] Q, int n) {
        for (int i = 0; i < n; i++) {
            double s = S[i];
            double q = Q[i];
            double nem = (1.0 - s) - s * q;
            double w = s + s * q;
            S[i] = nem / (2.0 - nem);
            Q[i] = 1.0 - (w + w) / (1.0 + w);
        }
    }

    /** a = wSmall·small + wLarge·large: one weight is ±1, the other ±0, so the sum is exact. */
    private static void select(double[] R, double[] S, double[] W, double[] Q, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = R[i] * S[i] + W[i] * Q[i];
        }
    }

    /** fdlibm's {@code R1 = 1 + hxs·(Q1 + hxs·(Q2 + ...))} with {@code hxs = r·r/2}. */
    static double expm1Poly(double r) {
        double hxs = r * (0.5 * r);
        return 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    }

    /** fdlibm's {@code expm1(r) = r - (r·e - hxs)}, {@code e = hxs·((R1 - t) / (6 - r·t))}, {@code t = 3 - R1·r/2}. */
    static double expm1Rational(double r, double r1) {
        double hfx = 0.5 * r;
        double hxs = r * hfx;
        double u = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - u) / (6.0 - r * u));
        return r - (r * e - hxs);
    }

    /** {@code 2^-n} for 0 &lt;= n &lt;= 64. */
    private static double powerOfTwoMinus(long n) {
        return Double.longBitsToDouble((1023 - n) << 52);
    }

    /** 1 when n &gt;= 3 (|x| &gt; 0.87: the large form, as fdlibm from 1), else 0. */
    private static double largeForm(long n) {
        return (double) ((2 - n) >>> 63);
    }

    /** ±1 with x's sign bit (also for ±0 and NaN). */
    private static double signOf(double x) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & SIGN_BIT) | ONE_BITS);
    }
}
