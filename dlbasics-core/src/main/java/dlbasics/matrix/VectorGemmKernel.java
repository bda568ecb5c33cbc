package dlbasics.matrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product loop on the JDK's Vector API ({@code jdk.incubator.vector}): register-blocked tiles of C
 * kept in vector registers while p runs, on 256-bit vectors ({@link VectorTiles#S}) whatever the machine
 * prefers. Loaded reflectively by {@link Gemm} only when the module is present.
 *
 * <p>The loop is chosen by which operand is contiguous and by the number of rows n of C:
 * <ul>
 *   <li><b>row tiles</b> ({@code op(B)} = B, row-major, n ≥ 4, e.g. {@code W·A} and {@code Wᵀ·dZ}):
 *       4 rows of C times 2 vectors of columns. op(A) is packed once per product in groups of 4 rows;
 *       for each block of {@value #KC} rows of B, 4 strips of 2 vectors of B's columns at a time are
 *       copied into a contiguous panel that stays in L1 while every row group passes over it. Per p:
 *       2 vector loads of B, 4 broadcasts of op(A), 8 multiplies and 8 adds.</li>
 *   <li><b>axpys</b> ({@code op(B)} = B, n &lt; 4, e.g. logistic regression's {@code w·X}): for each
 *       p in turn, {@code C[i][:] += op(A)[i][p] · B[p][:]}, streaming B's rows as stored.</li>
 *   <li><b>dot products</b> ({@code op(B)} = Bᵀ, n = 1): 8 rows of B at a time, 8 scalar chains.</li>
 *   <li><b>column tiles</b> ({@code op(B)} = Bᵀ, e.g. {@code dZ·Xᵀ} with X read in place): 2 vectors of
 *       rows of C times 4 columns. op(A) is packed {@code k x n} (rows padded to whole vectors with
 *       zeros); per p: 2 vector loads of op(A), 4 broadcasts from 4 rows of B, 8 multiplies and 8 adds.</li>
 * </ul>
 * Every C entry is a chain {@code c = c + a*b} over increasing p, one multiply and one add (no FMA),
 * exactly like {@link ScalarGemmKernel}; partial sums are stored to C between blocks of p and loaded
 * back (exact). Edges that do not fill a tile repeat a row or column of the tile (computing the same
 * chain twice and storing the same value twice) or take narrower loops with the same order.
 * Buffers are per thread and reused: a product allocates nothing once they have grown.
 */
final class VectorGemmKernel implements GemmKernel {
    private static final VectorSpecies<Double> S = VectorTiles.S;
    private static final int L = VectorTiles.L;
    /** Per-thread buffer for one column tile of C (4 columns of 2L rows): C's columns are strided. */
    private static final ThreadLocal<double[]> TILE = ThreadLocal.withInitial(() -> new double[8 * L]);
    /** Rows of B (p values) per block of the row-tile loop: a block of B stays in L2 across row tiles. */
    private static final int KC = 256;
    /** Strips of B packed together (4 strips of 2 vectors: 32 columns, whole cache lines of B's rows). */
    private static final int PANEL_STRIPS = 4;
    /** Per-thread buffer for the strips of B of the row tiles. */
    private static final ThreadLocal<Buffer> PANEL = ThreadLocal.withInitial(Buffer::new);

    /** A growable array owned by one thread. */
    private static final class Buffer {
        private double[] data = new double[0];

        double[] buffer(int size) {
            if (data.length < size) {
                data = new double[size];
            }
            return data;
        }
    }

    /** Public no-argument constructor, for the reflective load in {@link Gemm}. */
    public VectorGemmKernel() {
    }

    @Override
    public int columnAlignment() {
        return 2 * L;
    }

    /**
     * Not for fewer than 4 rows of C with B read as stored (logistic regression's {@code w·X}): the axpys
     * are bound by streaming B, and column chunks would make each thread stream all of B's rows in
     * pieces of a few cache lines (measured slower on 2 threads than on 1; bench/NOTES.md).
     */
    @Override
    public boolean worthSplitting(GemmJob job) {
        return job.transB || job.n >= 4;
    }

    /**
     * Row tiles beat column tiles on a copied Bᵀ when C has 16 rows or more (10 rows: slower): on the
     * Fashion-MNIST step {@code dZ1·Xbᵀ} (256x64 · 64x784) 2.1x, {@code dZ2·A1ᵀ} 1.4x (bench/NOTES.md).
     */
    @Override
    public boolean prefersTransposedCopy(int n, int k, int m) {
        return n >= 16 && (long) k * m <= Gemm.TRANSPOSE_MAX;
    }

    @Override
    public String description() {
        return "Vector API " + S.vectorBitSize() + "-bit (" + L + " doubles)";
    }

    /**
     * For {@code op(B) = Bᵀ}, stores op(A) as {@code k x nPad} (column i of op(A) contiguous over p
     * steps, n rounded up to whole vectors with zeros) so that column tiles load whole vectors.
     */
    @Override
    public void prepare(GemmJob job) {
        if (job.transB && job.n == 1) {
            return;
        }
        if (!job.transB) {
            if (job.n >= 4) {
                packRowGroups(job);
            }
            return;
        }
        int n = job.n;
        int k = job.k;
        int nPad = (n + L - 1) / L * L;
        if (job.transA && nPad == n) {
            job.packed = job.a;
            job.packedStride = n;
            return;
        }
        double[] ap = job.buffer(k * nPad);
        double[] a = job.a;
        for (int p = 0; p < k; p++) {
            int o = p * nPad;
            for (int i = 0; i < n; i++) {
                ap[o + i] = job.transA ? a[p * n + i] : a[i * k + p];
            }
            for (int i = n; i < nPad; i++) {
                ap[o + i] = 0.0;
            }
        }
        job.packed = ap;
        job.packedStride = nPad;
    }

    @Override
    public void multiply(GemmJob job, int j0, int j1) {
        if (!job.transB && job.n < 4) {
            int k = job.k;
            int n = job.n;
            axpyRows(job.a, job.transA ? 1 : k, job.transA ? n : 1, job.b, job.c, n, k, job.m, j0, j1);
        } else if (!job.transB) {
            rowTiles(job.packed, job.b, job.c, job.n, job.k, job.m, j0, j1);
        } else if (job.n == 1) {
            dotRows(job.a, job.b, job.c, job.k, j0, j1);
        } else {
            columnTiles(job.packed, job.packedStride, job.b, job.c, job.n, job.k, job.m, j0, j1);
        }
    }

    // ------------------------------------------------------------------ op(B) = B: row tiles

    /**
     * For {@code op(B) = B}: op(A) in groups of 4 rows, {@code ap[g*4k + p*4 + r] = op(A)[4g + r][p]},
     * so a tile reads its 4 entries per p side by side; a last group of fewer than 4 rows repeats its
     * last row (the repeated row computes the same chain and stores the same value twice).
     */
    private static void packRowGroups(GemmJob job) {
        int n = job.n;
        int k = job.k;
        int groups = (n + 3) / 4;
        double[] ap = job.buffer(groups * 4 * k);
        double[] a = job.a;
        int aRow = job.transA ? 1 : k;
        int aCol = job.transA ? n : 1;
        for (int g = 0; g < groups; g++) {
            int base = g * 4 * k;
            for (int r = 0; r < 4; r++) {
                int row = Math.min(4 * g + r, n - 1);
                int src = row * aRow;
                for (int p = 0; p < k; p++) {
                    ap[base + p * 4 + r] = a[src + p * aCol];
                }
            }
        }
        job.packed = ap;
        job.packedStride = 4;
    }

    /**
     * C[:, j0:j1] += op(A) · B[:, j0:j1] with op(A) packed by {@link #packRowGroups} and B row-major
     * {@code k x m}. For each block of KC rows of B, the whole-tile columns are copied into strips of
     * 2L columns ({@code [p][2L]}, contiguous), each read by every row group from L1; the last fewer
     * than 2L columns are read in place.
     */
    private static void rowTiles(double[] ap, double[] b, double[] c, int n, int k, int m, int j0, int j1) {
        int nr = 2 * L;
        int strips = (j1 - j0) / nr;
        int full = j0 + strips * nr;
        int groups = (n + 3) / 4;
        double[] bp = strips == 0 ? null : PANEL.get().buffer(Math.min(KC, k) * PANEL_STRIPS * nr);
        for (int p0 = 0; p0 < k; p0 += KC) {
            int p1 = Math.min(k, p0 + KC);
            int kc = p1 - p0;
            // a panel of up to PANEL_STRIPS strips (a few whole cache lines of each row of B) is packed,
            // then every row group passes over it while it is in L1/L2
            for (int s0 = 0; s0 < strips; s0 += PANEL_STRIPS) {
                int sn = Math.min(PANEL_STRIPS, strips - s0);
                for (int p = p0; p < p1; p++) {
                    int src = p * m + j0 + s0 * nr;
                    int dst = (p - p0) * nr;
                    for (int st = 0; st < sn; st++) {
                        DoubleVector.fromArray(S, b, src).intoArray(bp, dst);
                        DoubleVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
                        src += nr;
                        dst += kc * nr;
                    }
                }
                for (int g = 0; g < groups; g++) {
                    int r0 = 4 * g;
                    int ao = g * 4 * k + p0 * 4;
                    for (int st = 0; st < sn; st++) {
                        int j = j0 + (s0 + st) * nr;
                        VectorTiles.tile4x2(ap, ao, bp, st * kc * nr, c, r0 * m + j, Math.min(r0 + 1, n - 1) * m + j,
                                Math.min(r0 + 2, n - 1) * m + j, Math.min(r0 + 3, n - 1) * m + j, kc, c, 1);
                    }
                }
            }
            for (int g = 0; g < groups; g++) {
                int r0 = 4 * g;
                int r1 = Math.min(r0 + 1, n - 1);
                int r2 = Math.min(r0 + 2, n - 1);
                int r3 = Math.min(r0 + 3, n - 1);
                int ao = g * 4 * k + p0 * 4;
                int j = full;
                for (; j + L <= j1; j += L) {
                    tile4x1(ap, ao, b, p0 * m + j, c, m, r0, r1, r2, r3, j, kc);
                }
                for (; j < j1; j++) {
                    scalar4(ap, ao, b, p0 * m + j, c, m, r0, r1, r2, r3, j, kc);
                }
            }
        }
    }

    /** C[rows][j:j+L] += Σ_{q < kc} A4[q][r] · B[p0+q][j..], B read in place from {@code b[bo]} (stride m). */
    private static void tile4x1(double[] ap, int ao, double[] b, int bo, double[] c, int m,
                                int r0, int r1, int r2, int r3, int j, int kc) {
        int c0 = r0 * m + j;
        int c1 = r1 * m + j;
        int c2 = r2 * m + j;
        int c3 = r3 * m + j;
        DoubleVector s0 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s1 = DoubleVector.fromArray(S, c, c1);
        DoubleVector s2 = DoubleVector.fromArray(S, c, c2);
        DoubleVector s3 = DoubleVector.fromArray(S, c, c3);
        for (int q = 0; q < kc; q++) {
            DoubleVector y = DoubleVector.fromArray(S, b, bo);
            int aq = ao + q * 4;
            s0 = s0.add(DoubleVector.broadcast(S, ap[aq]).mul(y));
            s1 = s1.add(DoubleVector.broadcast(S, ap[aq + 1]).mul(y));
            s2 = s2.add(DoubleVector.broadcast(S, ap[aq + 2]).mul(y));
            s3 = s3.add(DoubleVector.broadcast(S, ap[aq + 3]).mul(y));
            bo += m;
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c1);
        s2.intoArray(c, c2);
        s3.intoArray(c, c3);
    }

    /** C[rows][j] += Σ_{q < kc} A4[q][r] · B[p0+q][j], four scalar chains side by side. */
    private static void scalar4(double[] ap, int ao, double[] b, int bo, double[] c, int m,
                                int r0, int r1, int r2, int r3, int j, int kc) {
        double s0 = c[r0 * m + j];
        double s1 = c[r1 * m + j];
        double s2 = c[r2 * m + j];
        double s3 = c[r3 * m + j];
        for (int q = 0; q < kc; q++) {
            double y = b[bo];
            int aq = ao + q * 4;
            s0 += ap[aq] * y;
            s1 += ap[aq + 1] * y;
            s2 += ap[aq + 2] * y;
            s3 += ap[aq + 3] * y;
            bo += m;
        }
        c[r0 * m + j] = s0;
        c[r1 * m + j] = s1;
        c[r2 * m + j] = s2;
        c[r3 * m + j] = s3;
    }

    // ------------------------------------------------------------------ op(B) = B, fewer than 4 rows

    /**
     * C[i][j0:j1] += op(A)[i][p] · B[p][j0:j1] for p = 0, 1, ..., k-1 in turn (an axpy per p, each
     * entry of C still adding its products in order of p): B is streamed row by row, as stored, and the
     * row of C stays in L1. For fewer than 4 rows of C, e.g. logistic regression's {@code w·X} and
     * {@code dZ·Xᵀ} with Xᵀ stored (reading a block of columns down B instead touches partial cache
     * lines, and for long rows the same cache sets at every row; bench/NOTES.md).
     */
    private static void axpyRows(double[] a, int aRow, int aCol, double[] b, double[] c,
                                 int n, int k, int m, int j0, int j1) {
        int vectorEnd = j0 + (j1 - j0) / (4 * L) * (4 * L);
        for (int i = 0; i < n; i++) {
            int co = i * m;
            for (int p = 0; p < k; p++) {
                double alpha = a[i * aRow + p * aCol];
                DoubleVector x = DoubleVector.broadcast(S, alpha);
                int bo = p * m;
                int j = j0;
                for (; j < vectorEnd; j += 4 * L) {
                    DoubleVector.fromArray(S, c, co + j).add(x.mul(DoubleVector.fromArray(S, b, bo + j)))
                            .intoArray(c, co + j);
                    DoubleVector.fromArray(S, c, co + j + L).add(x.mul(DoubleVector.fromArray(S, b, bo + j + L)))
                            .intoArray(c, co + j + L);
                    DoubleVector.fromArray(S, c, co + j + 2 * L).add(x.mul(DoubleVector.fromArray(S, b, bo + j + 2 * L)))
                            .intoArray(c, co + j + 2 * L);
                    DoubleVector.fromArray(S, c, co + j + 3 * L).add(x.mul(DoubleVector.fromArray(S, b, bo + j + 3 * L)))
                            .intoArray(c, co + j + 3 * L);
                }
                for (; j < j1; j++) {
                    c[co + j] += alpha * b[bo + j];
                }
            }
        }
    }

    // ------------------------------------------------------------------ op(B) = Bᵀ, one row

    /**
     * C[0][j0:j1] += a · B[j]ᵀ for a single row of C (logistic regression's {@code dZ·Xᵀ}): each entry
     * is a dot product of a with a row of B, both contiguous; 8 rows of B at a time give 8 independent
     * scalar chains (a vector over p would reorder the additions).
     */
    private static void dotRows(double[] a, double[] b, double[] c, int k, int j0, int j1) {
        int j = j0;
        for (; j + 8 <= j1; j += 8) {
            double s0 = c[j];
            double s1 = c[j + 1];
            double s2 = c[j + 2];
            double s3 = c[j + 3];
            double s4 = c[j + 4];
            double s5 = c[j + 5];
            double s6 = c[j + 6];
            double s7 = c[j + 7];
            int b0 = j * k;
            for (int p = 0; p < k; p++) {
                double x = a[p];
                s0 += x * b[b0 + p];
                s1 += x * b[b0 + k + p];
                s2 += x * b[b0 + 2 * k + p];
                s3 += x * b[b0 + 3 * k + p];
                s4 += x * b[b0 + 4 * k + p];
                s5 += x * b[b0 + 5 * k + p];
                s6 += x * b[b0 + 6 * k + p];
                s7 += x * b[b0 + 7 * k + p];
            }
            c[j] = s0;
            c[j + 1] = s1;
            c[j + 2] = s2;
            c[j + 3] = s3;
            c[j + 4] = s4;
            c[j + 5] = s5;
            c[j + 6] = s6;
            c[j + 7] = s7;
        }
        // the last fewer than 8 columns 4 at a time, a short group repeating its last column (the same
        // chain, the same value stored twice), so that their chains overlap too
        for (; j < j1; j += 4) {
            int q1 = Math.min(j + 1, j1 - 1);
            int q2 = Math.min(j + 2, j1 - 1);
            int q3 = Math.min(j + 3, j1 - 1);
            double s0 = c[j];
            double s1 = c[q1];
            double s2 = c[q2];
            double s3 = c[q3];
            for (int p = 0; p < k; p++) {
                double x = a[p];
                s0 += x * b[j * k + p];
                s1 += x * b[q1 * k + p];
                s2 += x * b[q2 * k + p];
                s3 += x * b[q3 * k + p];
            }
            c[j] = s0;
            c[q1] = s1;
            c[q2] = s2;
            c[q3] = s3;
        }
    }

    // ------------------------------------------------------------------ op(B) = Bᵀ: column tiles

    /**
     * C[:, j0:j1] += op(A) · Bᵀ[:, j0:j1] with op(A) packed as ap[p*lda + i] (zero rows past n) and
     * b stored m x k (b[j*k + p]); all of k in one pass (k is here the number of examples or units).
     * Columns go 4 at a time; a last group of fewer than 4 repeats its last column.
     */
    private static void columnTiles(double[] ap, int lda, double[] b, double[] c, int n, int k, int m,
                                    int j0, int j1) {
        double[] t = TILE.get();
        for (int j = j0; j < j1; j += 4) {
            int q1 = Math.min(j + 1, j1 - 1);
            int q2 = Math.min(j + 2, j1 - 1);
            int q3 = Math.min(j + 3, j1 - 1);
            for (int i = 0; i < n; i += 2 * L) {
                int rows = Math.min(2 * L, n - i);
                gather(c, m, i, rows, j, q1, q2, q3, t);
                if (rows > L) {
                    tile2x4(ap, lda, b, t, k, i, j, q1, q2, q3);
                } else {
                    tile1x4(ap, lda, b, t, k, i, j, q1, q2, q3);
                }
                scatter(t, rows, c, m, i, j, q1, q2, q3);
            }
        }
    }

    /**
     * t += Σ_p op(A)[i..i+2L][p] · B[q][p] for the columns q0..q3, 8 accumulators; t holds the tile
     * column by column (2L slots each), loaded by {@link #gather}.
     */
    private static void tile2x4(double[] ap, int lda, double[] b, double[] t, int k,
                                int i, int q0, int q1, int q2, int q3) {
        DoubleVector s00 = DoubleVector.fromArray(S, t, 0);
        DoubleVector s10 = DoubleVector.fromArray(S, t, L);
        DoubleVector s01 = DoubleVector.fromArray(S, t, 2 * L);
        DoubleVector s11 = DoubleVector.fromArray(S, t, 3 * L);
        DoubleVector s02 = DoubleVector.fromArray(S, t, 4 * L);
        DoubleVector s12 = DoubleVector.fromArray(S, t, 5 * L);
        DoubleVector s03 = DoubleVector.fromArray(S, t, 6 * L);
        DoubleVector s13 = DoubleVector.fromArray(S, t, 7 * L);
        int ao = i;
        int b0 = q0 * k;
        int b1 = q1 * k;
        int b2 = q2 * k;
        int b3 = q3 * k;
        for (int p = 0; p < k; p++) {
            DoubleVector x0 = DoubleVector.fromArray(S, ap, ao);
            DoubleVector x1 = DoubleVector.fromArray(S, ap, ao + L);
            DoubleVector y = DoubleVector.broadcast(S, b[b0 + p]);
            s00 = s00.add(x0.mul(y));
            s10 = s10.add(x1.mul(y));
            y = DoubleVector.broadcast(S, b[b1 + p]);
            s01 = s01.add(x0.mul(y));
            s11 = s11.add(x1.mul(y));
            y = DoubleVector.broadcast(S, b[b2 + p]);
            s02 = s02.add(x0.mul(y));
            s12 = s12.add(x1.mul(y));
            y = DoubleVector.broadcast(S, b[b3 + p]);
            s03 = s03.add(x0.mul(y));
            s13 = s13.add(x1.mul(y));
            ao += lda;
        }
        s00.intoArray(t, 0);
        s10.intoArray(t, L);
        s01.intoArray(t, 2 * L);
        s11.intoArray(t, 3 * L);
        s02.intoArray(t, 4 * L);
        s12.intoArray(t, 5 * L);
        s03.intoArray(t, 6 * L);
        s13.intoArray(t, 7 * L);
    }

    /** As {@link #tile2x4} for a last group of at most L rows: 4 accumulators. */
    private static void tile1x4(double[] ap, int lda, double[] b, double[] t, int k,
                                int i, int q0, int q1, int q2, int q3) {
        DoubleVector s0 = DoubleVector.fromArray(S, t, 0);
        DoubleVector s1 = DoubleVector.fromArray(S, t, 2 * L);
        DoubleVector s2 = DoubleVector.fromArray(S, t, 4 * L);
        DoubleVector s3 = DoubleVector.fromArray(S, t, 6 * L);
        int ao = i;
        int b0 = q0 * k;
        int b1 = q1 * k;
        int b2 = q2 * k;
        int b3 = q3 * k;
        for (int p = 0; p < k; p++) {
            DoubleVector x = DoubleVector.fromArray(S, ap, ao);
            s0 = s0.add(x.mul(DoubleVector.broadcast(S, b[b0 + p])));
            s1 = s1.add(x.mul(DoubleVector.broadcast(S, b[b1 + p])));
            s2 = s2.add(x.mul(DoubleVector.broadcast(S, b[b2 + p])));
            s3 = s3.add(x.mul(DoubleVector.broadcast(S, b[b3 + p])));
            ao += lda;
        }
        s0.intoArray(t, 0);
        s1.intoArray(t, 2 * L);
        s2.intoArray(t, 4 * L);
        s3.intoArray(t, 6 * L);
    }

    /**
     * Copies C[i..i+rows][q] for the columns q0..q3 into t, column by column with 2L slots each and
     * zeros past {@code rows}, so that each half of a tile column loads as one vector.
     */
    private static void gather(double[] c, int m, int i, int rows, int q0, int q1, int q2, int q3, double[] t) {
        for (int r = 0; r < 2 * L; r++) {
            boolean in = r < rows;
            int o = (i + r) * m;
            t[r] = in ? c[o + q0] : 0.0;
            t[2 * L + r] = in ? c[o + q1] : 0.0;
            t[4 * L + r] = in ? c[o + q2] : 0.0;
            t[6 * L + r] = in ? c[o + q3] : 0.0;
        }
    }

    /** Writes rows 0..rows-1 of the tile t back to C[i..][q0..q3] (a repeated column gets the same value). */
    private static void scatter(double[] t, int rows, double[] c, int m, int i, int q0, int q1, int q2, int q3) {
        for (int r = 0; r < rows; r++) {
            int o = (i + r) * m;
            c[o + q0] = t[r];
            c[o + q1] = t[2 * L + r];
            c[o + q2] = t[4 * L + r];
            c[o + q3] = t[6 * L + r];
        }
    }
}
