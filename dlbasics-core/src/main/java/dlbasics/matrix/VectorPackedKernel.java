package dlbasics.matrix;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products on a {@link PackedMatrix} B on the JDK's Vector API, 256-bit vectors (4 doubles), one
 * strip of B = 2 vectors. Loaded reflectively by {@link Gemm} only when the module is present and the
 * machine has 256-bit vectors. Every C entry is a chain {@code c = c + a*b} over the inner index in
 * increasing order, one multiply and one add (no FMA), as {@link ScalarPackedKernel} computes it.
 *
 * <p><b>{@code C = A · B}</b> ({@code W1·X}: 20x12288 · 12288x209): tiles of 4 rows of C x one strip
 * (8 columns) held in 8 vector accumulators while p runs over a block of {@value #KC} rows of B. Per p:
 * 2 vector loads of B, 4 broadcasts of A (A repacked per product in groups of 4 rows, {@code 4·p + r}),
 * 8 multiplies and 8 adds. The block of B's strip (2048·8 doubles, 128 KB) stays in L2 while the
 * row groups pass over it. Measured on 20x12288 · 12288x209, 1 thread (load ~1, Zen 3): KC = 2048 3.7 ms,
 * all of k 3.8 ms, KC = 1024 4.2 ms, KC = 256 5.1 ms (the tile's start and end cost ~500 cycles: short
 * blocks pay it more often); with 6x2 or 4x3 tiles (12 accumulators) C2 spills and it took 6.9 and
 * 9.1 ms. A last row group of fewer than 4 rows repeats its last row (the same chain, stored twice
 * with the same value). The last, zero-padded strip (cols not a multiple of 8) accumulates into a
 * per-thread n x 8 buffer that is copied into C's last columns at the end. With fewer than 4 rows
 * (logistic regression's {@code w·X}) one row runs over 4 strips at once (8 accumulators; a single
 * strip's 2 chains would wait on the add latency).
 *
 * <p><b>{@code C = A · Bᵀ}</b> ({@code dZ1·Xᵀ}: 20x209 · (12288x209)ᵀ, all 209 terms of each entry in
 * one pass): tiles of 4 rows of C (one vector, from A repacked per product as
 * {@code [strip][row group][lane][4]}) x 8 rows p..p+7 of B (8 accumulators). Per column j: 1 vector
 * load of A, 8 broadcasts of B (the 8 rows of a strip are one block of 64 doubles), 8 multiplies and
 * 8 adds. Columns past B.cols are zero in both packed operands: each such step adds 0·0 = +0.0, which
 * changes no sum (a chain that starts at +0.0 never holds -0.0). Rows of C past n are zero in A's
 * packing and not stored. A last block of fewer than 8 rows of B takes the scalar loop. Measured
 * (1 thread, load 1-3, so ±15 %): 6.6 ms, where the old column tiles on X in place took 7-8 ms and
 * numpy 6.6 ms. Tried and slower: 5x2, 2x4 and 1x8 tiles as compact loops over j on a per-block copy of
 * 8 rows of B (7-11 ms); 4x2 tiles over vectors of B's rows on an 8x8-transposed copy (8 ms: the
 * scalar transposition costs as much as it saves); the same 1x8 tile on a contiguous copy of the 8 rows
 * (9 ms). With this layout the tile broadcasts B, and C2 keeps such tiles at about half of peak, where
 * the 4x2 tile of {@code A · B} (broadcasting A, loading B) reaches about 70 %.
 *
 * <p>With fewer than 4 rows of C ({@code A · Bᵀ} of logistic regression, 1 x 209 · (12288x209)ᵀ) the
 * strips are swept one at a time instead ({@link #stripSweeps}), 1.2 ms instead of 2.4 ms.
 */
final class VectorPackedKernel implements PackedKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int W = PackedMatrix.STRIP;
    /** Rows of B per block of {@code C = A · B}. */
    private static final int KC = 2048;
    /** Per-thread buffers: the last strip's n x 8 columns of C, and one 4 x 8 tile of {@code A · Bᵀ}. */
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[][] {
        new double[0], new double[32]});

    /** Public no-argument constructor, for the reflective load in {@link Gemm}. */
    public VectorPackedKernel() {
    }

    /** True when the machine runs 256-bit vectors natively (otherwise the plain loops are faster). */
    static boolean usable() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    @Override
    public String description() {
        return "Vector API 256-bit (4 doubles)";
    }

    /**
     * For {@code A · B} with 4 rows or more: A in groups of 4 rows, {@code ap[g·4k + 4p + r] = A[4g + r][p]}
     * (a last group repeats its last row). For {@code A · Bᵀ}: see {@link #packColumns}.
     */
    @Override
    public void prepare(PackedJob job) {
        if (job.transposed) {
            packColumns(job);
            return;
        }
        int n = job.n;
        if (n < 4) {
            return;
        }
        int k = job.b.rows();
        int groups = (n + 3) / 4;
        double[] ap = job.buffer(groups * 4 * k);
        double[] a = job.a;
        for (int g = 0; g < groups; g++) {
            int base = g * 4 * k;
            for (int r = 0; r < 4; r++) {
                int src = Math.min(4 * g + r, n - 1) * k;
                for (int p = 0; p < k; p++) {
                    ap[base + 4 * p + r] = a[src + p];
                }
            }
        }
        job.packedA = ap;
    }

    /**
     * For {@code A · Bᵀ} (A is n x cols): {@code at[(s·G + g)·32 + 4l + r] = A[4g + r][8s + l]} for the
     * strips s and the groups g of 4 rows (G groups), zero past n rows or cols columns.
     */
    private static void packColumns(PackedJob job) {
        int n = job.n;
        int cols = job.b.cols();
        int strips = PackedMatrix.strips(cols);
        int groups = (n + 3) / 4;
        double[] at = job.buffer(strips * groups * 32);
        double[] a = job.a;
        for (int s = 0; s < strips; s++) {
            for (int g = 0; g < groups; g++) {
                int base = (s * groups + g) * 32;
                for (int l = 0; l < W; l++) {
                    int j = s * W + l;
                    for (int r = 0; r < 4; r++) {
                        int i = 4 * g + r;
                        at[base + 4 * l + r] = i < n && j < cols ? a[i * cols + j] : 0.0;
                    }
                }
            }
        }
        job.packedA = at;
    }

    // ------------------------------------------------------------------ C = A · B

    @Override
    public void multiply(PackedJob job, int s0, int s1) {
        int n = job.n;
        int k = job.b.rows();
        int m = job.b.cols();
        int full = m / W;
        double[] edge = null;
        if (s1 > full) {
            double[][] buffers = BUFFERS.get();
            if (buffers[0].length < n * W) {
                buffers[0] = new double[n * W];
            }
            edge = buffers[0];
            Arrays.fill(edge, 0, n * W, 0.0);
        }
        if (n >= 4) {
            rowGroups(job.packedA, job.b.data(), job.c, edge, n, k, m, s0, s1);
        } else {
            singleRows(job.a, job.b.data(), job.c, edge, n, k, m, s0, s1);
        }
        if (edge != null) {
            int j0 = full * W;
            for (int i = 0; i < n; i++) {
                System.arraycopy(edge, i * W, job.c, i * m + j0, m - j0);
            }
        }
    }

    /** Strips s0..s1-1 of C, rows in groups of 4, over blocks of KC rows of B. */
    private static void rowGroups(double[] ap, double[] bp, double[] c, double[] edge, int n, int k, int m,
                                  int s0, int s1) {
        int groups = (n + 3) / 4;
        int full = m / W;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            for (int s = s0; s < s1; s++) {
                boolean last = s >= full;
                double[] cc = last ? edge : c;
                int ldc = last ? W : m;
                int jc = last ? 0 : s * W;
                int bo = (s * k + p0) * W;
                for (int g = 0; g < groups; g++) {
                    int r0 = 4 * g;
                    int r1 = Math.min(r0 + 1, n - 1);
                    int r2 = Math.min(r0 + 2, n - 1);
                    int r3 = Math.min(r0 + 3, n - 1);
                    tile4x2(ap, g * 4 * k + 4 * p0, bp, bo, cc, r0 * ldc + jc, r1 * ldc + jc, r2 * ldc + jc,
                            r3 * ldc + jc, kc);
                }
            }
        }
    }

    /**
     * cc[c0..], cc[c1..], cc[c2..], cc[c3..] (8 columns each) += Σ_{q < kc} A4[q][r] · Bs[q][0..7]; A4 from
     * {@code ap[ao]} (4 per step), the strip block from {@code bp[bo]} (8 per step).
     */
    private static void tile4x2(double[] ap, int ao, double[] bp, int bo, double[] cc,
                                int c0, int c1, int c2, int c3, int kc) {
        DoubleVector s00 = DoubleVector.fromArray(S, cc, c0);
        DoubleVector s01 = DoubleVector.fromArray(S, cc, c0 + 4);
        DoubleVector s10 = DoubleVector.fromArray(S, cc, c1);
        DoubleVector s11 = DoubleVector.fromArray(S, cc, c1 + 4);
        DoubleVector s20 = DoubleVector.fromArray(S, cc, c2);
        DoubleVector s21 = DoubleVector.fromArray(S, cc, c2 + 4);
        DoubleVector s30 = DoubleVector.fromArray(S, cc, c3);
        DoubleVector s31 = DoubleVector.fromArray(S, cc, c3 + 4);
        for (int q = 0; q < kc; q++) {
            int bq = bo + q * W;
            int aq = ao + q * 4;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bq + 4);
            DoubleVector x = DoubleVector.broadcast(S, ap[aq]);
            s00 = s00.add(x.mul(b0));
            s01 = s01.add(x.mul(b1));
            x = DoubleVector.broadcast(S, ap[aq + 1]);
            s10 = s10.add(x.mul(b0));
            s11 = s11.add(x.mul(b1));
            x = DoubleVector.broadcast(S, ap[aq + 2]);
            s20 = s20.add(x.mul(b0));
            s21 = s21.add(x.mul(b1));
            x = DoubleVector.broadcast(S, ap[aq + 3]);
            s30 = s30.add(x.mul(b0));
            s31 = s31.add(x.mul(b1));
        }
        s00.intoArray(cc, c0);
        s01.intoArray(cc, c0 + 4);
        s10.intoArray(cc, c1);
        s11.intoArray(cc, c1 + 4);
        s20.intoArray(cc, c2);
        s21.intoArray(cc, c2 + 4);
        s30.intoArray(cc, c3);
        s31.intoArray(cc, c3 + 4);
    }

    /**
     * Fewer than 4 rows of C (A read in place): each row over 4 strips at a time (a last quad of fewer
     * than 4 strips repeats its last strip: the same chains, stored twice with the same values).
     */
    private static void singleRows(double[] a, double[] bp, double[] c, double[] edge, int n, int k, int m,
                                   int s0, int s1) {
        int full = m / W;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            for (int s = s0; s < s1; s += 4) {
                int sa = s;
                int sb = Math.min(s + 1, s1 - 1);
                int sc = Math.min(s + 2, s1 - 1);
                int sd = Math.min(s + 3, s1 - 1);
                for (int i = 0; i < n; i++) {
                    tile1x4(a, i * k + p0, bp, (sa * k + p0) * W, (sb * k + p0) * W, (sc * k + p0) * W,
                            (sd * k + p0) * W,
                            sa >= full ? edge : c, sa >= full ? i * W : i * m + sa * W,
                            sb >= full ? edge : c, sb >= full ? i * W : i * m + sb * W,
                            sc >= full ? edge : c, sc >= full ? i * W : i * m + sc * W,
                            sd >= full ? edge : c, sd >= full ? i * W : i * m + sd * W, kc);
                }
            }
        }
    }

    /** One row of C over 4 strips: 8 accumulators, per p one broadcast of A and 8 vector loads of B. */
    private static void tile1x4(double[] a, int ao, double[] bp, int b0, int b1, int b2, int b3,
                                double[] ca, int oa, double[] cb, int ob, double[] cc, int oc, double[] cd, int od,
                                int kc) {
        DoubleVector s00 = DoubleVector.fromArray(S, ca, oa);
        DoubleVector s01 = DoubleVector.fromArray(S, ca, oa + 4);
        DoubleVector s10 = DoubleVector.fromArray(S, cb, ob);
        DoubleVector s11 = DoubleVector.fromArray(S, cb, ob + 4);
        DoubleVector s20 = DoubleVector.fromArray(S, cc, oc);
        DoubleVector s21 = DoubleVector.fromArray(S, cc, oc + 4);
        DoubleVector s30 = DoubleVector.fromArray(S, cd, od);
        DoubleVector s31 = DoubleVector.fromArray(S, cd, od + 4);
        for (int q = 0; q < kc; q++) {
            DoubleVector x = DoubleVector.broadcast(S, a[ao + q]);
            int o = q * W;
            s00 = s00.add(x.mul(DoubleVector.fromArray(S, bp, b0 + o)));
            s01 = s01.add(x.mul(DoubleVector.fromArray(S, bp, b0 + o + 4)));
            s10 = s10.add(x.mul(DoubleVector.fromArray(S, bp, b1 + o)));
            s11 = s11.add(x.mul(DoubleVector.fromArray(S, bp, b1 + o + 4)));
            s20 = s20.add(x.mul(DoubleVector.fromArray(S, bp, b2 + o)));
            s21 = s21.add(x.mul(DoubleVector.fromArray(S, bp, b2 + o + 4)));
            s30 = s30.add(x.mul(DoubleVector.fromArray(S, bp, b3 + o)));
            s31 = s31.add(x.mul(DoubleVector.fromArray(S, bp, b3 + o + 4)));
        }
        s30.intoArray(cd, od);
        s31.intoArray(cd, od + 4);
        s20.intoArray(cc, oc);
        s21.intoArray(cc, oc + 4);
        s10.intoArray(cb, ob);
        s11.intoArray(cb, ob + 4);
        s00.intoArray(ca, oa);
        s01.intoArray(ca, oa + 4);
    }

    // ------------------------------------------------------------------ C = A · Bᵀ

    @Override
    public void multiplyTransposed(PackedJob job, int p0, int p1) {
        double[] at = job.packedA;
        double[] bp = job.b.data();
        double[] c = job.c;
        int n = job.n;
        int rows = job.b.rows();
        int cols = job.b.cols();
        int strips = PackedMatrix.strips(cols);
        int groups = (n + 3) / 4;
        int k8 = rows * W;
        if (n < 4) {
            stripSweeps(at, bp, c, n, rows, strips, groups, p0, p1);
            return;
        }
        double[] t = BUFFERS.get()[1];
        int p = p0;
        for (; p + W <= p1; p += W) {
            for (int g = 0; g < groups; g++) {
                tile1x8(at, g * 32, groups * 32, strips, bp, p * W, k8, t);
                int rowsHere = Math.min(4, n - 4 * g);
                for (int r = 0; r < W; r++) {
                    for (int i = 0; i < rowsHere; i++) {
                        c[(4 * g + i) * rows + p + r] = t[4 * r + i];
                    }
                }
            }
        }
        // fewer than 8 rows of B left: C[i][p] = Σ_j A[i][j] · B[p][j], j increasing
        double[] a = job.a;
        for (; p < p1; p++) {
            for (int i = 0; i < n; i++) {
                double sum = 0.0;
                for (int j = 0; j < cols; j++) {
                    sum += a[i * cols + j] * bp[((j / W) * rows + p) * W + j % W];
                }
                c[i * rows + p] = sum;
            }
        }
    }

    /**
     * Fewer than 4 rows of C (logistic regression's {@code dZ·Xᵀ}, 1 x 209 · (12288x209)ᵀ): strip by strip,
     * {@code C[i][p] += A[i][8s] · B[p][8s] + ... + A[i][8s+7] · B[p][8s+7]}, added one term at a time for
     * each row p of the chunk in turn, so each entry still adds its terms in increasing order of j, B is
     * read as stored (one stream per strip instead of one per strip at once) and the partial sums of C
     * (one row of the chunk, in L1/L2) are loaded and stored once per strip. Measured 1 thread, load ~1:
     * 2.4 ms with the 8-row tiles (a vector of 4 rows of C for 1 row), 1.2 ms this way.
     */
    private static void stripSweeps(double[] at, double[] bp, double[] c, int n, int rows, int strips, int groups,
                                     int p0, int p1) {
        for (int i = 0; i < n; i++) {
            int g = i / 4;
            int r = i % 4;
            int co = i * rows;
            for (int s = 0; s < strips; s++) {
                int ao = (s * groups + g) * 32 + r;
                double a0 = at[ao];
                double a1 = at[ao + 4];
                double a2 = at[ao + 8];
                double a3 = at[ao + 12];
                double a4 = at[ao + 16];
                double a5 = at[ao + 20];
                double a6 = at[ao + 24];
                double a7 = at[ao + 28];
                int bo = (s * rows + p0) * W;
                for (int p = p0; p < p1; p++, bo += W) {
                    double sum = c[co + p];
                    sum += a0 * bp[bo];
                    sum += a1 * bp[bo + 1];
                    sum += a2 * bp[bo + 2];
                    sum += a3 * bp[bo + 3];
                    sum += a4 * bp[bo + 4];
                    sum += a5 * bp[bo + 5];
                    sum += a6 * bp[bo + 6];
                    sum += a7 * bp[bo + 7];
                    c[co + p] = sum;
                }
            }
        }
    }

    /**
     * t[4r + i] = Σ_j A[4g + i][j] · B[p + r][j] over all strips, j increasing: 8 accumulators (one per row
     * p + r of B, each a vector over 4 rows of A). Per column j: one vector load of A, 8 broadcasts of B
     * (the 8 rows' entries of one strip lie in one block of 64 doubles), 8 multiplies and 8 adds.
     *
     * @param ao  the offset of the row group in the first strip of the repacked A
     * @param a32 doubles from one strip's group to the next strip's
     * @param bo  {@code 8·p}, the offset of the 8 rows in the first strip of B
     * @param k8  doubles per strip of B ({@code 8·B.rows})
     */
    private static void tile1x8(double[] at, int ao, int a32, int strips, double[] bp, int bo, int k8, double[] t) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        DoubleVector s2 = DoubleVector.zero(S);
        DoubleVector s3 = DoubleVector.zero(S);
        DoubleVector s4 = DoubleVector.zero(S);
        DoubleVector s5 = DoubleVector.zero(S);
        DoubleVector s6 = DoubleVector.zero(S);
        DoubleVector s7 = DoubleVector.zero(S);
        int o = bo;
        for (int s = 0; s < strips; s++) {
            DoubleVector z;
            z = DoubleVector.fromArray(S, at, ao + 0);
            s0 = s0.add(z.mul(DoubleVector.broadcast(S, bp[o + 0])));
            s1 = s1.add(z.mul(DoubleVector.broadcast(S, bp[o + 8])));
            s2 = s2.add(z.mul(DoubleVector.broadcast(S, bp[o + 16])));
            s3 = s3.add(z.mul(DoubleVector.broadcast(S, bp[o + 24])));
            s4 = s4.add(z.mul(DoubleVector.broadcast(S, bp[o + 32])));
            s5 = s5.add(z.mul(DoubleVector.broadcast(S, bp[o + 40])));
            s6 = s6.add(z.mul(DoubleVector.broadcast(S, bp[o + 48])));
            s7 = s7.add(z.mul(DoubleVector.broadcast(S, bp[o + 56])));
            z = DoubleVector.fromArray(S, at, ao + 4);
            s0 = s0.add(z.mul(DoubleVector.broadcast(S, bp[o + 1])));
            s1 = s1.add(z.mul(DoubleVector.broadcast(S, bp[o + 9])));
            s2 = s2.add(z.mul(DoubleVector.broadcast(S, bp[o + 17])));
            s3 = s3.add(z.mul(DoubleVector.broadcast(S, bp[o + 25])));
            s4 = s4.add(z.mul(DoubleVector.broadcast(S, bp[o + 33])));
            s5 = s5.add(z.mul(DoubleVector.broadcast(S, bp[o + 41])));
            s6 = s6.add(z.mul(DoubleVector.broadcast(S, bp[o + 49])));
            s7 = s7.add(z.mul(DoubleVector.broadcast(S, bp[o + 57])));
            z = DoubleVector.fromArray(S, at, ao + 8);
            s0 = s0.add(z.mul(DoubleVector.broadcast(S, bp[o + 2])));
            s1 = s1.add(z.mul(DoubleVector.broadcast(S, bp[o + 10])));
            s2 = s2.add(z.mul(DoubleVector.broadcast(S, bp[o + 18])));
            s3 = s3.add(z.mul(DoubleVector.broadcast(S, bp[o + 26])));
            s4 = s4.add(z.mul(DoubleVector.broadcast(S, bp[o + 34])));
            s5 = s5.add(z.mul(DoubleVector.broadcast(S, bp[o + 42])));
            s6 = s6.add(z.mul(DoubleVector.broadcast(S, bp[o + 50])));
            s7 = s7.add(z.mul(DoubleVector.broadcast(S, bp[o + 58])));
            z = DoubleVector.fromArray(S, at, ao + 12);
            s0 = s0.add(z.mul(DoubleVector.broadcast(S, bp[o + 3])));
            s1 = s1.add(z.mul(DoubleVector.broadcast(S, bp[o + 11])));
            s2 = s2.add(z.mul(DoubleVector.broadcast(S, bp[o + 19])));
            s3 = s3.add(z.mul(DoubleVector.broadcast(S, bp[o + 27])));
            s4 = s4.add(z.mul(DoubleVector.broadcast(S, bp[o + 35])));
            s5 = s5.add(z.mul(DoubleVector.broadcast(S, bp[o + 43])));
            s6 = s6.add(z.mul(DoubleVector.broadcast(S, bp[o + 51])));
            s7 = s7.add(z.mul(DoubleVector.broadcast(S, bp[o + 59])));
            z = DoubleVector.fromArray(S, at, ao + 16);
            s0 = s0.add(z.mul(DoubleVector.broadcast(S, bp[o + 4])));
            s1 = s1.add(z.mul(DoubleVector.broadcast(S, bp[o + 12])));
            s2 = s2.add(z.mul(DoubleVector.broadcast(S, bp[o + 20])));
            s3 = s3.add(z.mul(DoubleVector.broadcast(S, bp[o + 28])));
            s4 = s4.add(z.mul(DoubleVector.broadcast(S, bp[o + 36])));
            s5 = s5.add(z.mul(DoubleVector.broadcast(S, bp[o + 44])));
            s6 = s6.add(z.mul(DoubleVector.broadcast(S, bp[o + 52])));
            s7 = s7.add(z.mul(DoubleVector.broadcast(S, bp[o + 60])));
            z = DoubleVector.fromArray(S, at, ao + 20);
            s0 = s0.add(z.mul(DoubleVector.broadcast(S, bp[o + 5])));
            s1 = s1.add(z.mul(DoubleVector.broadcast(S, bp[o + 13])));
            s2 = s2.add(z.mul(DoubleVector.broadcast(S, bp[o + 21])));
            s3 = s3.add(z.mul(DoubleVector.broadcast(S, bp[o + 29])));
            s4 = s4.add(z.mul(DoubleVector.broadcast(S, bp[o + 37])));
            s5 = s5.add(z.mul(DoubleVector.broadcast(S, bp[o + 45])));
            s6 = s6.add(z.mul(DoubleVector.broadcast(S, bp[o + 53])));
            s7 = s7.add(z.mul(DoubleVector.broadcast(S, bp[o + 61])));
            z = DoubleVector.fromArray(S, at, ao + 24);
            s0 = s0.add(z.mul(DoubleVector.broadcast(S, bp[o + 6])));
            s1 = s1.add(z.mul(DoubleVector.broadcast(S, bp[o + 14])));
            s2 = s2.add(z.mul(DoubleVector.broadcast(S, bp[o + 22])));
            s3 = s3.add(z.mul(DoubleVector.broadcast(S, bp[o + 30])));
            s4 = s4.add(z.mul(DoubleVector.broadcast(S, bp[o + 38])));
            s5 = s5.add(z.mul(DoubleVector.broadcast(S, bp[o + 46])));
            s6 = s6.add(z.mul(DoubleVector.broadcast(S, bp[o + 54])));
            s7 = s7.add(z.mul(DoubleVector.broadcast(S, bp[o + 62])));
            z = DoubleVector.fromArray(S, at, ao + 28);
            s0 = s0.add(z.mul(DoubleVector.broadcast(S, bp[o + 7])));
            s1 = s1.add(z.mul(DoubleVector.broadcast(S, bp[o + 15])));
            s2 = s2.add(z.mul(DoubleVector.broadcast(S, bp[o + 23])));
            s3 = s3.add(z.mul(DoubleVector.broadcast(S, bp[o + 31])));
            s4 = s4.add(z.mul(DoubleVector.broadcast(S, bp[o + 39])));
            s5 = s5.add(z.mul(DoubleVector.broadcast(S, bp[o + 47])));
            s6 = s6.add(z.mul(DoubleVector.broadcast(S, bp[o + 55])));
            s7 = s7.add(z.mul(DoubleVector.broadcast(S, bp[o + 63])));
            ao += a32;
            o += k8;
        }
        s0.intoArray(t, 0);
        s1.intoArray(t, 4);
        s2.intoArray(t, 8);
        s3.intoArray(t, 12);
        s4.intoArray(t, 16);
        s5.intoArray(t, 20);
        s6.intoArray(t, 24);
        s7.intoArray(t, 28);
    }
}
