package dlbasics.matrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product loop on the JDK's Vector API ({@code jdk.incubator.vector}): register-blocked tiles of C
 * kept in vector registers while p runs, and blocking over k so the rows of B in use stay in cache.
 * Loaded reflectively by {@link Gemm} only when the module is present.
 *
 * <p>Two tile shapes, chosen by which operand is contiguous:
 * <ul>
 *   <li><b>row tiles</b> ({@code op(B)} = B, row-major, e.g. {@code W·A} and {@code Wᵀ·dZ}): 4 rows of C
 *       times 2 vectors of columns; per p, two vectors of {@code B[p][j..]} are read in place and
 *       multiplied by 4 broadcast entries of op(A).</li>
 *   <li><b>column tiles</b> ({@code op(B)} = Bᵀ, e.g. {@code dZ·Xᵀ}): 2 vectors of rows of C times
 *       4 columns; per p, two vectors of {@code op(A)[i..][p]} (A must then be stored {@code k x n},
 *       i.e. {@code transA}; {@link Gemm} packs it) times 4 broadcast entries of B, whose rows are
 *       read in place.</li>
 * </ul>
 * Every C entry is a chain {@code c = c + a*b} over increasing p, one multiply and one add (no FMA),
 * exactly like {@link ScalarGemmKernel}; edges that do not fill a tile take the scalar loop.
 */
final class VectorGemmKernel implements GemmKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of B (p values) per block of the row-tile loop: a block of B stays in L2 across row tiles. */
    private static final int KC = 256;

    /** Public no-argument constructor, for the reflective load in {@link Gemm}. */
    public VectorGemmKernel() {
    }

    /** True when vectors hold at least 2 doubles (otherwise the scalar loop is as good). */
    static boolean usable() {
        return L >= 2;
    }

    @Override
    public int columnAlignment() {
        return 2 * L;
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
        if (!job.transB) {
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
        if (!job.transB) {
            int k = job.k;
            int n = job.n;
            rowTiles(job.a, job.transA ? 1 : k, job.transA ? n : 1, job.b, job.c, n, k, job.m, j0, j1);
        } else {
            columnTiles(job.packed, job.packedStride, job.b, job.c, job.n, job.k, job.m, j0, j1);
        }
    }

    // ------------------------------------------------------------------ op(B) = B: row tiles

    /**
     * C[:, j0:j1] += op(A) · B[:, j0:j1] with op(A)[i][p] = a[i*aRow + p*aCol] and B row-major k x m.
     * Rows go 4 at a time; a last group of fewer than 4 repeats its last row (the repeated tile row
     * computes the same chain and stores the same value twice).
     */
    private static void rowTiles(double[] a, int aRow, int aCol, double[] b, double[] c,
                                 int n, int k, int m, int j0, int j1) {
        for (int p0 = 0; p0 < k; p0 += KC) {
            int p1 = Math.min(k, p0 + KC);
            for (int i = 0; i < n; i += 4) {
                int r1 = Math.min(i + 1, n - 1);
                int r2 = Math.min(i + 2, n - 1);
                int r3 = Math.min(i + 3, n - 1);
                int j = j0;
                for (; j + 2 * L <= j1; j += 2 * L) {
                    tile4x2(a, aRow, aCol, b, c, m, i, r1, r2, r3, j, p0, p1);
                }
                for (; j + L <= j1; j += L) {
                    tile4x1(a, aRow, aCol, b, c, m, i, r1, r2, r3, j, p0, p1);
                }
                for (; j < j1; j++) {
                    scalar4(a, aRow, aCol, b, c, m, i, r1, r2, r3, j, p0, p1);
                }
            }
        }
    }

    /** C[rows][j:j+2L] += Σ_{p0 ≤ p < p1} op(A)[rows][p] · B[p][j..], rows r0..r3, 8 accumulators. */
    private static void tile4x2(double[] a, int aRow, int aCol, double[] b, double[] c, int m,
                                int r0, int r1, int r2, int r3, int j, int p0, int p1) {
        int c0 = r0 * m + j;
        int c1 = r1 * m + j;
        int c2 = r2 * m + j;
        int c3 = r3 * m + j;
        DoubleVector s00 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s01 = DoubleVector.fromArray(S, c, c0 + L);
        DoubleVector s10 = DoubleVector.fromArray(S, c, c1);
        DoubleVector s11 = DoubleVector.fromArray(S, c, c1 + L);
        DoubleVector s20 = DoubleVector.fromArray(S, c, c2);
        DoubleVector s21 = DoubleVector.fromArray(S, c, c2 + L);
        DoubleVector s30 = DoubleVector.fromArray(S, c, c3);
        DoubleVector s31 = DoubleVector.fromArray(S, c, c3 + L);
        int a0 = r0 * aRow + p0 * aCol;
        int a1 = r1 * aRow + p0 * aCol;
        int a2 = r2 * aRow + p0 * aCol;
        int a3 = r3 * aRow + p0 * aCol;
        int bo = p0 * m + j;
        for (int p = p0; p < p1; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0]);
            s00 = s00.add(x.mul(b0));
            s01 = s01.add(x.mul(b1));
            x = DoubleVector.broadcast(S, a[a1]);
            s10 = s10.add(x.mul(b0));
            s11 = s11.add(x.mul(b1));
            x = DoubleVector.broadcast(S, a[a2]);
            s20 = s20.add(x.mul(b0));
            s21 = s21.add(x.mul(b1));
            x = DoubleVector.broadcast(S, a[a3]);
            s30 = s30.add(x.mul(b0));
            s31 = s31.add(x.mul(b1));
            a0 += aCol;
            a1 += aCol;
            a2 += aCol;
            a3 += aCol;
            bo += m;
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
    }

    /** C[rows][j:j+L] += Σ_{p0 ≤ p < p1} op(A)[rows][p] · B[p][j..], for a last vector of columns. */
    private static void tile4x1(double[] a, int aRow, int aCol, double[] b, double[] c, int m,
                                int r0, int r1, int r2, int r3, int j, int p0, int p1) {
        int c0 = r0 * m + j;
        int c1 = r1 * m + j;
        int c2 = r2 * m + j;
        int c3 = r3 * m + j;
        DoubleVector s0 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s1 = DoubleVector.fromArray(S, c, c1);
        DoubleVector s2 = DoubleVector.fromArray(S, c, c2);
        DoubleVector s3 = DoubleVector.fromArray(S, c, c3);
        int a0 = r0 * aRow + p0 * aCol;
        int a1 = r1 * aRow + p0 * aCol;
        int a2 = r2 * aRow + p0 * aCol;
        int a3 = r3 * aRow + p0 * aCol;
        int bo = p0 * m + j;
        for (int p = p0; p < p1; p++) {
            DoubleVector y = DoubleVector.fromArray(S, b, bo);
            s0 = s0.add(DoubleVector.broadcast(S, a[a0]).mul(y));
            s1 = s1.add(DoubleVector.broadcast(S, a[a1]).mul(y));
            s2 = s2.add(DoubleVector.broadcast(S, a[a2]).mul(y));
            s3 = s3.add(DoubleVector.broadcast(S, a[a3]).mul(y));
            a0 += aCol;
            a1 += aCol;
            a2 += aCol;
            a3 += aCol;
            bo += m;
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c1);
        s2.intoArray(c, c2);
        s3.intoArray(c, c3);
    }

    /** C[rows][j] += Σ_{p0 ≤ p < p1} op(A)[rows][p] · B[p][j], four scalar chains side by side. */
    private static void scalar4(double[] a, int aRow, int aCol, double[] b, double[] c, int m,
                                int r0, int r1, int r2, int r3, int j, int p0, int p1) {
        double s0 = c[r0 * m + j];
        double s1 = c[r1 * m + j];
        double s2 = c[r2 * m + j];
        double s3 = c[r3 * m + j];
        int a0 = r0 * aRow + p0 * aCol;
        int a1 = r1 * aRow + p0 * aCol;
        int a2 = r2 * aRow + p0 * aCol;
        int a3 = r3 * aRow + p0 * aCol;
        int bo = p0 * m + j;
        for (int p = p0; p < p1; p++) {
            double y = b[bo];
            s0 += a[a0] * y;
            s1 += a[a1] * y;
            s2 += a[a2] * y;
            s3 += a[a3] * y;
            a0 += aCol;
            a1 += aCol;
            a2 += aCol;
            a3 += aCol;
            bo += m;
        }
        c[r0 * m + j] = s0;
        c[r1 * m + j] = s1;
        c[r2 * m + j] = s2;
        c[r3 * m + j] = s3;
    }

    // ------------------------------------------------------------------ op(B) = Bᵀ: column tiles

    /**
     * C[:, j0:j1] += op(A) · Bᵀ[:, j0:j1] with op(A) packed as ap[p*lda + i] (zero rows past n) and
     * b stored m x k (b[j*k + p]); all of k in one pass (k is here the number of examples or units).
     * Columns go 4 at a time; a last group of fewer than 4 repeats its last column.
     */
    private static void columnTiles(double[] ap, int lda, double[] b, double[] c, int n, int k, int m,
                                    int j0, int j1) {
        for (int j = j0; j < j1; j += 4) {
            int q1 = Math.min(j + 1, j1 - 1);
            int q2 = Math.min(j + 2, j1 - 1);
            int q3 = Math.min(j + 3, j1 - 1);
            for (int i = 0; i < n; i += 2 * L) {
                if (n - i > L) {
                    tile2x4(ap, lda, b, c, n, k, m, i, j, q1, q2, q3);
                } else {
                    tile1x4(ap, lda, b, c, n, k, m, i, j, q1, q2, q3);
                }
            }
        }
    }

    /** C[i:i+2L][cols] = Σ_p op(A)[i..][p] · B[col][p] for columns q0..q3, 8 accumulators. */
    private static void tile2x4(double[] ap, int lda, double[] b, double[] c, int n, int k, int m,
                                int i, int q0, int q1, int q2, int q3) {
        int valid = Math.min(2 * L, n - i);
        DoubleVector s00 = columnOf(c, m, i, q0, valid);
        DoubleVector s01 = columnOf(c, m, i, q1, valid);
        DoubleVector s02 = columnOf(c, m, i, q2, valid);
        DoubleVector s03 = columnOf(c, m, i, q3, valid);
        DoubleVector s10 = columnOf(c, m, i + L, q0, valid - L);
        DoubleVector s11 = columnOf(c, m, i + L, q1, valid - L);
        DoubleVector s12 = columnOf(c, m, i + L, q2, valid - L);
        DoubleVector s13 = columnOf(c, m, i + L, q3, valid - L);
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
        storeColumn(s00, c, m, i, q0, valid);
        storeColumn(s01, c, m, i, q1, valid);
        storeColumn(s02, c, m, i, q2, valid);
        storeColumn(s03, c, m, i, q3, valid);
        storeColumn(s10, c, m, i + L, q0, valid - L);
        storeColumn(s11, c, m, i + L, q1, valid - L);
        storeColumn(s12, c, m, i + L, q2, valid - L);
        storeColumn(s13, c, m, i + L, q3, valid - L);
    }

    /** C[i:i+L][cols] = Σ_p op(A)[i..][p] · B[col][p] for columns q0..q3, for a last vector of rows. */
    private static void tile1x4(double[] ap, int lda, double[] b, double[] c, int n, int k, int m,
                                int i, int q0, int q1, int q2, int q3) {
        int valid = Math.min(L, n - i);
        DoubleVector s0 = columnOf(c, m, i, q0, valid);
        DoubleVector s1 = columnOf(c, m, i, q1, valid);
        DoubleVector s2 = columnOf(c, m, i, q2, valid);
        DoubleVector s3 = columnOf(c, m, i, q3, valid);
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
        storeColumn(s0, c, m, i, q0, valid);
        storeColumn(s1, c, m, i, q1, valid);
        storeColumn(s2, c, m, i, q2, valid);
        storeColumn(s3, c, m, i, q3, valid);
    }

    /** The vector C[i..i+L][j] (stride m), lanes from {@code valid} on set to 0. */
    private static DoubleVector columnOf(double[] c, int m, int i, int j, int valid) {
        DoubleVector v = DoubleVector.zero(S);
        for (int r = 0; r < L; r++) {
            if (r < valid) {
                v = v.withLane(r, c[(i + r) * m + j]);
            }
        }
        return v;
    }

    /** Writes the first {@code valid} lanes of v to C[i..][j]. */
    private static void storeColumn(DoubleVector v, double[] c, int m, int i, int j, int valid) {
        for (int r = 0; r < L; r++) {
            if (r < valid) {
                c[(i + r) * m + j] = v.lane(r);
            }
        }
    }
}
