package dlbasics.matrix;

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
 * row groups pass over it. Measured on 20x12288 · 12288x209, 1 thread (load ~1, an earlier host): KC =
 * 2048 3.7 ms, all of k 3.8 ms, KC = 1024 4.2 ms, KC = 256 5.1 ms (why: see the third round
 * below); with 6x2 or 4x3 tiles (12 accumulators) C2 spills and it took 6.9 and
 * 9.1 ms. A last row group of 3 rows runs a 3x2 tile; one of 1 or 2 rows repeats its last row (the
 * same chain, stored twice with the same value: 2 or 4 chains alone would wait on the add latency).
 * The last, zero-padded strip (cols not a multiple of 8) accumulates into a per-thread n x 8 buffer that
 * is copied into C's last columns at the end. The first block of p starts the accumulators at zero and
 * later blocks add to what C holds, so every entry of C is written and C need not be cleared first.
 * With fewer than 4 rows (logistic regression's {@code w·X}) one row runs over 4 strips at once (8
 * accumulators; a single strip's 2 chains would wait on the add latency).
 *
 * <p>{@code C = A · Bᵀ} ({@code dZ1·Xᵀ}: 20x209 · (12288x209)ᵀ) is the same loop on the strips of Bᵀ
 * that {@link PackedMatrix} keeps beside B's: 6.6 ms became about 4.5 (1 thread). Tiles that broadcast
 * B's entries instead (vectors over 4 rows of A x 8 rows of B, on B's strips) ran at about half of peak
 * whatever the shape: 1x8 6.6 ms; 5x2, 2x4, 1x8 as compact loops on a per-block copy of 8 rows 7-11 ms;
 * 4x2 on an 8x8-transposed copy 8 ms (the scalar transposition cost as much as it saved).
 *
 * <p><b>Measured in the third round</b> (Zen 4-class EPYC under KVM, 2.44 GHz by the FMA peak, JDK 17;
 * a scratch harness timing each variant against the previous kernel in the same JVM, alternating,
 * W1·X then dZ1·Xᵀ as in training; 1 thread in CPU time, 2 threads the best tenth of wall times, load
 * 1-2 from other work on the machine):
 * <ul>
 *   <li>Where the time goes: the tile's loop as C2 compiles it is 33 instructions per p (6 loads, 16
 *       multiplies and adds, 11 integer instructions recomputing both indices from p: C2 does not unroll
 *       it), about 6.6 cycles per p, 58 % of one core (W1·X and dZ1·Xᵀ 4.3-4.6 ms each). It is not the
 *       memory: dZ1·Xᵀ, whose strip of Bᵀ (13 KB) and A (33 KB) sit in L1/L2, runs exactly as fast as
 *       W1·X, whose blocks sit in L2, and reading all of X's strips (21 MB) takes 0.45-0.65 ms. So a
 *       {@value #KC} that keeps B in L1 cannot help. KC = 256 again cost W1·X 5.5-5.9 ms against 4.5-4.8
 *       (512: 4.9-5.1), while dZ1·Xᵀ runs its tiles over k = 209 at full speed: the loss is not the
 *       tile's start and end (the earlier guess) but B's blocks, which with KC = 256 are separate 16 KB
 *       pieces 786 KB apart (the prefetchers start again every 16 KB; dZ1·Xᵀ reads its strips back to
 *       back).</li>
 *   <li>Rejected, each slower than this loop (4.3-4.7 ms): unrolled by 2 in p by hand (C2 loads all 8
 *       broadcasts first and spills accumulators) 6.0-6.2 ms, by 4 7.5-15 ms, C2 unrolling it
 *       ({@code -XX:LoopUnrollLimit=200}) 5.7-6.0; 5x2 tiles (10 accumulators, 20 rows = 4 groups of 5:
 *       C2 spills two accumulators and keeps a range check in the loop) 6.9-7.1; loops meant to cut the
 *       integer work: two induction variables 4.5-4.8 (the index spilled to the stack), A interleaved
 *       two groups per 8 doubles so one index serves A and B 5.2-5.5, p derived from B's index 4.9-5.2,
 *       A's index as the loop variable no change; A stored pre-broadcast (4 copies of each value, vector
 *       loads instead of broadcasts) 5.8-7.0; A read in place without repacking (4 row streams)
 *       5.4-5.7.</li>
 *   <li>n = 7 (the two-layer net): the 3x2 tile costs as much as a 4x2 (W1·X with 7 rows 2.2-2.3 ms,
 *       the same as with 8; dZ1·Xᵀ likewise): its loop's fixed cost per p dominates, not the FP work.</li>
 *   <li>Kept, on 2 threads: a timeline of one call (per-chunk timestamps) showed the calling thread
 *       repacking W1 alone for 0.5 ms before the worker started (the 2 MB buffer is cold after
 *       dZ1·Xᵀ has streamed X's 21 MB; 4 passes of stride 4 over it), dZ1·Xᵀ's 2 MB output cleared alone
 *       for ~70 µs, and W1·X's 27 strips cut 7+7+7+6. Now A is repacked in one ordered pass (0.2 ms),
 *       in pieces of one block shared by the threads ahead of the chunks; the first block starts its
 *       accumulators at zero, so C is not cleared; chunks are ranges of tiles. Best tenth, before →
 *       after: W1·X 2.49 → 2.20 ms, dZ1·Xᵀ 2.29 → 2.20, with 7 rows 1.15 → 1.06 and 1.14 → 1.11 (61 %
 *       of the 2-thread peak for the 20-row products). With the machine busy (load 3.5) both ran at
 *       1-thread speed, the new one no slower.</li>
 *   <li>Kept: a last strip with at most 4 real columns (W1·X's 209th column) runs a 4x1 tile: W1·X 1
 *       thread best tenth 4.58 → 4.45 ms, with 7 rows 2.24 → 2.14 (load 2.8).</li>
 *   <li>Rejected too: B's block and the 5 groups' A interleaved in one per-strip buffer (28 doubles per
 *       p) so that one index serves every load: C2 kept range checks in the loop, 10-14 ms.</li>
 * </ul>
 *
 * <p><b>Measured in the fourth round</b> (same machine, a per-call harness timing W1·X then dZ1·Xᵀ
 * alternately 1500 times, as training calls them, and JMH's TrainingStepBenchmark; both rejected):
 * <ul>
 *   <li>One copy of X instead of two. Alternating, the products with 7 rows took 1.5 ms each on 2
 *       threads against 1.0 ms for the same product repeated (logistic regression's 1-row ones 0.6-0.7
 *       against 0.3): 42 MB of strips per step do not stay in the 32 MB L3, 21 MB might. So dZ1·Xᵀ with
 *       at most 8 rows was computed from X's own strips: units of 8 rows of X, vectors over the (padded)
 *       rows of A, 8 broadcasts of X per p; the same bits (GemmPackedTest passed). W1·X then took 1.38
 *       instead of 1.53 ms and the 1-row w·X 0.31 instead of 0.6, but dZ1·Xᵀ 1.57-1.75 ms (over all of
 *       X's 27 strips at once 2.8 ms: 27 streams; a loop nested over strips 17 ms: C2 boxes vectors
 *       carried around an outer loop) and the 1-row dZ·Xᵀ 1.06 ms (3 of 4 lanes idle). JMH per step,
 *       2 threads: two-layer 2.9-3.3 ms against 2.7-3.4, logistic 1.25-1.32 against 1.17-1.37: no gain
 *       that this machine's noise lets one see. (The effect of the L3 also varies: it is shared with
 *       other guests; in a later run the two-copy pair took 2.2-2.9 ms per product on 1 thread, not 3.0.)</li>
 *   <li>Compiling these kernels on a background thread before training (products on the plain kernel,
 *       the same bits, until done): C2 compiles one method at a time, 50-100 ms per Vector API tile
 *       (-XX:+PrintCompilation), so warming every tile took 0.8-0.9 s of one core, while the plain
 *       kernel standing in waited behind them for C2 (logistic regression, 200 iterations: plain kernel
 *       alone 0.38-0.40 s, with the warm-up 0.49-0.79, without it 0.65-1.17). Through the command,
 *       L-layer 30 iterations: median 0.81 s against 0.86, process 1.73 against 1.47 s (the warm-up
 *       competes with reading the data): within the noise.</li>
 *   <li>One row of A over 2 strips at a time (4 accumulators, 2 streams of B) instead of 4: logistic
 *       regression's dZ·Xᵀ on 2 threads 0.31-0.38 ms against 0.29-0.37 (numpy 0.20-0.27 in the full
 *       runs), w·X 0.28-0.32 against 0.23-0.30: no gain.</li>
 * </ul>
 */
final class VectorPackedKernel implements PackedKernel {
    private static final VectorSpecies<Double> S = VectorTiles.S;
    private static final int W = PackedMatrix.STRIP;
    /** A with at least this many entries is repacked in pieces shared by the threads. */
    private static final long PACK_SPLIT_MIN = 1L << 16;
    /** Rows of B per block of {@code C = A · B}. */
    private static final int KC = 2048;
    /** Where the first block's accumulators start: zeros, so C need not be cleared beforehand. */
    private static final double[] ZERO = new double[W];
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
     * Columns p0..p1-1 of A into its repacked copy, written in order (4 entries per p): W1 (20x12288) took
     * 0.5 ms written in 4 passes of stride 4 (one per row) when the 2 MB buffer had left the caches since
     * the last product, 0.2 ms this way.
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
                if (last && m - full * W <= 4) {
                    // a last strip with at most 4 real columns (W1·X: 209 = 26·8 + 1) needs only its first
                    // vector: 4 accumulators, half the work of a 4x2 tile
                    tile4x1(ap, g * 4 * k + 4 * p0, bp, bo, cc, r0 * ldc, r1 * ldc, r2 * ldc, r3 * ldc, kc, p0 == 0);
                } else if (n - r0 == 3) {
                    // a last group of 3 rows (n = 7: the two-layer net's W1·X and dZ1·Xᵀ) runs 6
                    // accumulators instead of repeating its last row
                    tile3x2(ap, g * 4 * k + 4 * p0, bp, bo, cc, r0 * ldc + jc, r1 * ldc + jc, r2 * ldc + jc, kc,
                            p0 == 0);
                } else {
                    VectorTiles.tile4x2(ap, g * 4 * k + 4 * p0, bp, bo, cc, r0 * ldc + jc, r1 * ldc + jc, r2 * ldc + jc,
                            r3 * ldc + jc, kc, p0 == 0);
                }
            }
        }
    }

    /**
     * {@link VectorTiles#tile4x2} on the first vector (4 columns) of the strip only, for a last strip with at most 4
     * real columns (the other 4 columns of cc stay as they are).
     */
    private static void tile4x1(double[] ap, int ao, double[] bp, int bo, double[] cc,
                                int c0, int c1, int c2, int c3, int kc, boolean first) {
        double[] ci = first ? ZERO : cc;
        DoubleVector s0 = DoubleVector.fromArray(S, ci, first ? 0 : c0);
        DoubleVector s1 = DoubleVector.fromArray(S, ci, first ? 0 : c1);
        DoubleVector s2 = DoubleVector.fromArray(S, ci, first ? 0 : c2);
        DoubleVector s3 = DoubleVector.fromArray(S, ci, first ? 0 : c3);
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
                                int c0, int c1, int c2, int kc, boolean first) {
        double[] ci = first ? ZERO : cc;
        DoubleVector s00 = DoubleVector.fromArray(S, ci, first ? 0 : c0);
        DoubleVector s01 = DoubleVector.fromArray(S, ci, first ? 4 : c0 + 4);
        DoubleVector s10 = DoubleVector.fromArray(S, ci, first ? 0 : c1);
        DoubleVector s11 = DoubleVector.fromArray(S, ci, first ? 4 : c1 + 4);
        DoubleVector s20 = DoubleVector.fromArray(S, ci, first ? 0 : c2);
        DoubleVector s21 = DoubleVector.fromArray(S, ci, first ? 4 : c2 + 4);
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
                for (int i = 0; i < n; i++) {
                    tile1x4(a, i * k + p0, bp, (sa * k + p0) * W, (sb * k + p0) * W, (sc * k + p0) * W,
                            (sd * k + p0) * W,
                            sa >= full ? edge : c, sa >= full ? i * W : i * m + sa * W,
                            sb >= full ? edge : c, sb >= full ? i * W : i * m + sb * W,
                            sc >= full ? edge : c, sc >= full ? i * W : i * m + sc * W,
                            sd >= full ? edge : c, sd >= full ? i * W : i * m + sd * W, kc, p0 == 0);
                }
            }
        }
    }

    /** One row of C over 4 strips: 8 accumulators, per p one broadcast of A and 8 vector loads of B. */
    private static void tile1x4(double[] a, int ao, double[] bp, int b0, int b1, int b2, int b3,
                                double[] ca, int oa, double[] cb, int ob, double[] cc, int oc, double[] cd, int od,
                                int kc, boolean first) {
        DoubleVector s00 = DoubleVector.fromArray(S, first ? ZERO : ca, first ? 0 : oa);
        DoubleVector s01 = DoubleVector.fromArray(S, first ? ZERO : ca, first ? 4 : oa + 4);
        DoubleVector s10 = DoubleVector.fromArray(S, first ? ZERO : cb, first ? 0 : ob);
        DoubleVector s11 = DoubleVector.fromArray(S, first ? ZERO : cb, first ? 4 : ob + 4);
        DoubleVector s20 = DoubleVector.fromArray(S, first ? ZERO : cc, first ? 0 : oc);
        DoubleVector s21 = DoubleVector.fromArray(S, first ? ZERO : cc, first ? 4 : oc + 4);
        DoubleVector s30 = DoubleVector.fromArray(S, first ? ZERO : cd, first ? 0 : od);
        DoubleVector s31 = DoubleVector.fromArray(S, first ? ZERO : cd, first ? 4 : od + 4);
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
