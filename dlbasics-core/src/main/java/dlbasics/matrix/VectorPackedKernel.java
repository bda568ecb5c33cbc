package dlbasics.matrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products on a {@link PackedMatrix} B on the JDK's Vector API: 256-bit vectors ({@link VectorTiles#S}),
 * one strip of B = 2 vectors. Loaded by {@link Gemm} only when the module is present. Every C entry is a
 * chain {@code c = c + a*b} over the inner index in increasing order, one multiply and one add (no FMA),
 * as {@link ScalarPackedKernel} computes it.
 *
 * <p><b>{@code C = A · B}</b> ({@code W1·X}: 20x12288 · 12288x209): tiles of 4 rows of C x one strip
 * ({@link VectorTiles#tile4x2}) while p runs over a block of {@value #KC} rows of B, whose strip (128 KB)
 * stays in L2 while the row groups pass over it; A is repacked per product in groups of 4 rows
 * ({@code 4·p + r}), in pieces shared by the threads when it is large. A last row group of 3 rows runs a
 * 3x2 tile, one of 1 or 2 rows repeats its last row (the same chain, stored twice with the same value);
 * a last strip with at most 4 real columns runs a 4x1 tile. The last, zero-padded strip accumulates
 * into a per-thread n x 8 buffer copied into C's last columns at the end. The first block of p starts
 * the accumulators at zero and later blocks add to what C holds, so C need not be cleared first. With
 * fewer than 4 rows (logistic regression's {@code w·X}) one row runs over 4 strips at once (8
 * accumulators, enough independent chains to hide the add latency).
 *
 * <p>{@code C = A · Bᵀ} ({@code dZ1·Xᵀ}) is the same loop on the strips of Bᵀ that {@link PackedMatrix}
 * keeps beside B's. Why these tiles and block sizes, and every variant measured and rejected:
 * bench/NOTES.md, "matrix: products and kernels".
 */
final class VectorPackedKernel implements PackedKernel {
    private static final VectorSpecies<Double> S = VectorTiles.S;
    private static final int W = PackedMatrix.STRIP;
    /** A with at least this many entries is repacked in pieces shared by the threads. */
    private static final long PACK_SPLIT_MIN = 1L << 16;
    /** Rows of B per block of {@code C = A · B}. */
    private static final int KC = 2048;
    /** Where the first block's accumulators start: zeros, so C need not be cleared beforehand. */
    private static final double[] ZERO = VectorTiles.ZERO;
    /** Per-thread buffer for the last strip's n x 8 columns of C. */
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[][] {
        new double[0]});

    /** Public no-argument constructor, for the reflective load in {@link Gemm}. */
    public VectorPackedKernel() {
    }

    @Override
    public String description() {
        return "Vector API 256-bit (4 doubles)";
    }

    /**
     * With 4 rows or more: A in groups of 4 rows, {@code ap[g·4k + 4p + r] = A[4g + r][p]} (a last group
     * repeats its last row). A large A (W1: 20x12288) is packed in pieces of one block of {@value #KC}
     * values of p each, shared by the threads ahead of the chunks; a small one here.
     */
    @Override
    public int prepare(PackedJob job) {
        int n = job.n;
        if (n < 4) {
            return 0;
        }
        int k = job.k;
        job.packedA = job.buffer((n + 3) / 4 * 4 * k);
        if ((long) n * k < PACK_SPLIT_MIN || k <= KC) {
            pack(job, 0, k);
            return 0;
        }
        return (k + KC - 1) / KC;
    }

    /** The values of p of block {@code piece} ({@value #KC} of them), all groups. */
    @Override
    public void pack(PackedJob job, int piece) {
        pack(job, piece * KC, Math.min(job.k, (piece + 1) * KC));
    }

    /**
     * Columns p0..p1-1 of A into its repacked copy, written in order (4 entries per p: one pass over the
     * buffer, which is cold after a product has streamed X).
     */
    private static void pack(PackedJob job, int p0, int p1) {
        int n = job.n;
        int k = job.k;
        double[] ap = job.packedA;
        double[] a = job.a;
        for (int g = 0, groups = (n + 3) / 4; g < groups; g++) {
            int a0 = Math.min(4 * g, n - 1) * k;
            int a1 = Math.min(4 * g + 1, n - 1) * k;
            int a2 = Math.min(4 * g + 2, n - 1) * k;
            int a3 = Math.min(4 * g + 3, n - 1) * k;
            for (int p = p0, o = g * 4 * k + 4 * p0; p < p1; p++, o += 4) {
                ap[o] = a[a0 + p];
                ap[o + 1] = a[a1 + p];
                ap[o + 2] = a[a2 + p];
                ap[o + 3] = a[a3 + p];
            }
        }
    }

    // ------------------------------------------------------------------ C = A · B

    /**
     * With 4 rows or more a unit is one tile, a group of 4 rows of C x one strip, numbered strip by strip
     * ({@code s·groups + g}), so that threads can share few strips evenly (W1·X has 27 strips x 5 groups);
     * with fewer rows a unit is a strip.
     */
    @Override
    public int units(PackedJob job) {
        int strips = PackedMatrix.strips(job.m);
        return job.n >= 4 ? strips * ((job.n + 3) / 4) : strips;
    }

    /** Fewer than 4 rows run 4 strips at a time. */
    @Override
    public int unitAlignment(PackedJob job) {
        return job.n >= 4 ? 1 : 4;
    }

    @Override
    public void multiply(PackedJob job, int u0, int u1) {
        int n = job.n;
        int k = job.k;
        int m = job.m;
        int full = m / W;
        int groups = n >= 4 ? (n + 3) / 4 : 1;
        double[] edge = null;
        if ((u1 - 1) / groups >= full) {
            // the last, partial strip's sums go to a per-thread n x 8 buffer (its first block overwrites it)
            double[][] buffers = BUFFERS.get();
            if (buffers[0].length < n * W) {
                buffers[0] = new double[n * W];
            }
            edge = buffers[0];
        }
        if (n >= 4) {
            rowGroups(job, job.packedA, job.bp, job.c, edge, n, k, m, u0, u1);
        } else {
            singleRows(job.a, job.bp, job.c, edge, n, k, m, u0, u1);
        }
        if (edge != null) {
            // rows of the last strip that these units computed
            int i0 = n >= 4 ? 4 * Math.max(0, u0 - full * groups) : 0;
            int i1 = n >= 4 ? Math.min(n, 4 * (u1 - full * groups)) : n;
            int j0 = full * W;
            for (int i = i0; i < i1; i++) {
                System.arraycopy(edge, i * W, job.c, i * m + j0, m - j0);
            }
        }
    }

    /** Tiles t0..t1-1 of C (tile t: strip t / groups, rows 4·(t % groups) on), over blocks of KC rows of B. */
    private static void rowGroups(PackedJob job, double[] ap, double[] bp, double[] c, double[] edge, int n,
                                  int k, int m, int t0, int t1) {
        int groups = (n + 3) / 4;
        int full = m / W;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            job.ensurePiece(p0 / KC);
            for (int t = t0; t < t1; t++) {
                int s = t / groups;
                int g = t - s * groups;
                boolean last = s >= full;
                double[] cc = last ? edge : c;
                int ldc = last ? W : m;
                int jc = last ? 0 : s * W;
                int bo = (s * k + p0) * W;
                int r0 = 4 * g;
                int r1 = Math.min(r0 + 1, n - 1);
                int r2 = Math.min(r0 + 2, n - 1);
                int r3 = Math.min(r0 + 3, n - 1);
                // the first block starts from zeros, later ones from what C holds (chosen here, not in the tile)
                double[] ci = p0 == 0 ? ZERO : cc;
                int keep = p0 == 0 ? 0 : 1;
                if (last && m - full * W <= 4) {
                    // a last strip with at most 4 real columns (W1·X: 209 = 26·8 + 1) needs only its first
                    // vector: 4 accumulators, half the work of a 4x2 tile
                    tile4x1(ap, g * 4 * k + 4 * p0, bp, bo, cc, r0 * ldc, r1 * ldc, r2 * ldc, r3 * ldc, kc, ci, keep);
                } else if (n - r0 == 3) {
                    // a last group of 3 rows (n = 7: the two-layer net's W1·X and dZ1·Xᵀ) runs 6
                    // accumulators instead of repeating its last row
                    tile3x2(ap, g * 4 * k + 4 * p0, bp, bo, cc, r0 * ldc + jc, r1 * ldc + jc, r2 * ldc + jc, kc,
                            ci, keep);
                } else {
                    VectorTiles.tile4x2(ap, g * 4 * k + 4 * p0, bp, bo, cc, r0 * ldc + jc, r1 * ldc + jc, r2 * ldc + jc,
                            r3 * ldc + jc, kc, ci, keep);
                }
            }
        }
    }

    /**
     * {@link VectorTiles#tile4x2} on the first vector (4 columns) of the strip only, for a last strip with at most 4
     * real columns (the other 4 columns of cc stay as they are).
     */
    private static void tile4x1(double[] ap, int ao, double[] bp, int bo, double[] cc,
                                int c0, int c1, int c2, int c3, int kc, double[] ci, int keep) {
        DoubleVector s0 = DoubleVector.fromArray(S, ci, c0 * keep);
        DoubleVector s1 = DoubleVector.fromArray(S, ci, c1 * keep);
        DoubleVector s2 = DoubleVector.fromArray(S, ci, c2 * keep);
        DoubleVector s3 = DoubleVector.fromArray(S, ci, c3 * keep);
        for (int q = 0; q < kc; q++) {
            int aq = ao + q * 4;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo + q * W);
            s0 = s0.add(DoubleVector.broadcast(S, ap[aq]).mul(b0));
            s1 = s1.add(DoubleVector.broadcast(S, ap[aq + 1]).mul(b0));
            s2 = s2.add(DoubleVector.broadcast(S, ap[aq + 2]).mul(b0));
            s3 = s3.add(DoubleVector.broadcast(S, ap[aq + 3]).mul(b0));
        }
        s0.intoArray(cc, c0);
        s1.intoArray(cc, c1);
        s2.intoArray(cc, c2);
        s3.intoArray(cc, c3);
    }

    /**
     * {@link VectorTiles#tile4x2} for a last group of 3 rows (6 accumulators, still enough independent chains to
     * hide the add latency); A4's fourth entry, a repeat of the third row, is not read.
     */
    private static void tile3x2(double[] ap, int ao, double[] bp, int bo, double[] cc,
                                int c0, int c1, int c2, int kc, double[] ci, int keep) {
        DoubleVector s00 = DoubleVector.fromArray(S, ci, c0 * keep);
        DoubleVector s01 = DoubleVector.fromArray(S, ci, c0 * keep + 4);
        DoubleVector s10 = DoubleVector.fromArray(S, ci, c1 * keep);
        DoubleVector s11 = DoubleVector.fromArray(S, ci, c1 * keep + 4);
        DoubleVector s20 = DoubleVector.fromArray(S, ci, c2 * keep);
        DoubleVector s21 = DoubleVector.fromArray(S, ci, c2 * keep + 4);
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
        }
        s00.intoArray(cc, c0);
        s01.intoArray(cc, c0 + 4);
        s10.intoArray(cc, c1);
        s11.intoArray(cc, c1 + 4);
        s20.intoArray(cc, c2);
        s21.intoArray(cc, c2 + 4);
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
                double[] ca = sa >= full ? edge : c;
                double[] cb = sb >= full ? edge : c;
                double[] cc = sc >= full ? edge : c;
                double[] cd = sd >= full ? edge : c;
                // the first block starts from zeros, later ones from what C holds (chosen here, not in the tile)
                int keep = p0 == 0 ? 0 : 1;
                for (int i = 0; i < n; i++) {
                    tile1x4(a, i * k + p0, bp, (sa * k + p0) * W, (sb * k + p0) * W, (sc * k + p0) * W,
                            (sd * k + p0) * W,
                            ca, sa >= full ? i * W : i * m + sa * W,
                            cb, sb >= full ? i * W : i * m + sb * W,
                            cc, sc >= full ? i * W : i * m + sc * W,
                            cd, sd >= full ? i * W : i * m + sd * W, kc,
                            keep == 0 ? ZERO : ca, keep == 0 ? ZERO : cb, keep == 0 ? ZERO : cc, keep == 0 ? ZERO : cd,
                            keep);
                }
            }
        }
    }

    /**
     * One row of C over 4 strips: 8 accumulators, per p one broadcast of A and 8 vector loads of B. The
     * sums start from ia..id at {@code oa·keep, ...} ({@code ZERO} and 0 in the first block).
     */
    private static void tile1x4(double[] a, int ao, double[] bp, int b0, int b1, int b2, int b3,
                                double[] ca, int oa, double[] cb, int ob, double[] cc, int oc, double[] cd, int od,
                                int kc, double[] ia, double[] ib, double[] ic, double[] id, int keep) {
        DoubleVector s00 = DoubleVector.fromArray(S, ia, oa * keep);
        DoubleVector s01 = DoubleVector.fromArray(S, ia, oa * keep + 4);
        DoubleVector s10 = DoubleVector.fromArray(S, ib, ob * keep);
        DoubleVector s11 = DoubleVector.fromArray(S, ib, ob * keep + 4);
        DoubleVector s20 = DoubleVector.fromArray(S, ic, oc * keep);
        DoubleVector s21 = DoubleVector.fromArray(S, ic, oc * keep + 4);
        DoubleVector s30 = DoubleVector.fromArray(S, id, od * keep);
        DoubleVector s31 = DoubleVector.fromArray(S, id, od * keep + 4);
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
}
