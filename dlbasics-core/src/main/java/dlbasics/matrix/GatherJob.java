package dlbasics.matrix;

/**
 * One {@link MatrixOps#selectColumns(Matrix, int[], int, Matrix)} in flight, cut into chunks of rows for
 * {@link WorkerPool}. Each calling thread owns one job and reuses it, so a gather allocates nothing.
 */
final class GatherJob implements WorkerPool.Job {
    /** Rows per chunk: 4 chunks per thread on a mini-batch of Fashion-MNIST (784 rows). */
    static final int ROWS_PER_CHUNK = 98;
    private double[] from;
    private int fromCols;
    private int[] columns;
    private int offset;
    private double[] to;
    private int toCols;
    private int rows;

    void set(double[] from, int fromCols, int[] columns, int offset, double[] to, int toCols, int rows) {
        this.from = from;
        this.fromCols = fromCols;
        this.columns = columns;
        this.offset = offset;
        this.to = to;
        this.toCols = toCols;
        this.rows = rows;
    }

    int chunks() {
        return (rows + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
    }

    /** Rows [chunk·ROWS_PER_CHUNK, ...) of the output; each source read is a cache miss, so rows go in fours. */
    @Override
    public void runChunk(int chunk) {
        int r0 = chunk * ROWS_PER_CHUNK;
        int r1 = Math.min(rows, r0 + ROWS_PER_CHUNK);
        int c = toCols;
        int m = fromCols;
        int r = r0;
        for (; r + 4 <= r1; r += 4) {
            int src = r * m;
            int dst = r * c;
            for (int j = 0; j < c; j++) {
                int s = src + columns[offset + j];
                to[dst + j] = from[s];
                to[dst + c + j] = from[s + m];
                to[dst + 2 * c + j] = from[s + 2 * m];
                to[dst + 3 * c + j] = from[s + 3 * m];
            }
        }
        for (; r < r1; r++) {
            int src = r * m;
            int dst = r * c;
            for (int j = 0; j < c; j++) {
                to[dst + j] = from[src + columns[offset + j]];
            }
        }
    }

    void clear() {
        from = null;
        to = null;
        columns = null;
    }
}
