package dlbasics.matrix;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One product in flight, cut into chunks for {@link WorkerPool}: first the pieces of A's repacking, if
 * the kernel packs A in pieces (chunks 0..pieces-1), then chunks of {@link #chunkSize} units of work
 * (columns of C, strips or tiles: the kernel's choice). Each unit is computed whole by the thread that runs
 * it, so no C entry's additions are split or reordered. The pool hands chunks out in increasing order, so
 * every piece has been taken before the first chunk of units starts; a chunk that needs a piece another
 * thread is still filling (in practice only when the OS has descheduled that thread) fills it again itself
 * instead of waiting ({@link #ensurePiece}).
 *
 * <p>Each calling thread owns one job of each kind and reuses it and its buffer, so a product allocates
 * nothing once the buffer has grown to the largest size seen. A is row-major; C is row-major {@code n x m}.
 */
abstract class ProductJob implements WorkerPool.Job {
    double[] a;
    double[] c;
    int n;
    int k;
    int m;
    /** The number of units of work. */
    int units;
    /** Units per chunk. */
    int chunkSize;
    /** Pieces of A's repacking, chunks 0..pieces-1. */
    int pieces;
    /** done.get(i) == 1 once piece i is filled. */
    private AtomicIntegerArray done = new AtomicIntegerArray(0);
    private double[] buffer = new double[0];

    /** Sets the operands and the shape; no pieces until {@link #setPieces}. */
    final void setShape(double[] a, double[] c, int n, int k, int m) {
        this.a = a;
        this.c = c;
        this.n = n;
        this.k = k;
        this.m = m;
        this.pieces = 0;
    }

    /** Chunks 0..pieces-1 fill A's repacked copy; the chunks of units follow. */
    final void setPieces(int pieces) {
        if (done.length() < pieces) {
            done = new AtomicIntegerArray(pieces);
        }
        for (int i = 0; i < pieces; i++) {
            done.set(i, 0);
        }
        this.pieces = pieces;
    }

    /**
     * Makes sure piece i of A's repacking is filled (nothing to do when A was not packed in pieces). A piece
     * that another thread is still filling is filled here too rather than waited for: both threads write the
     * same values to the same places, so whichever write a reader sees, it reads the right value; the pool
     * does not return before both have finished.
     */
    final void ensurePiece(int i) {
        if (i < pieces && done.get(i) == 0) {
            pack(i);
            done.set(i, 1);
        }
    }

    /** A reusable buffer of at least {@code size} doubles (contents unspecified). */
    final double[] buffer(int size) {
        if (buffer.length < size) {
            buffer = new double[size];
        }
        return buffer;
    }

    /** Fills piece {@code piece} of A's repacking (only kernels that return pieces from prepare). */
    abstract void pack(int piece);

    /** Computes units u0..u1-1. */
    abstract void multiply(int u0, int u1);

    /** Drops the references to the operands, so the job does not keep large matrices alive. */
    void clear() {
        a = null;
        c = null;
    }

    @Override
    public final void runChunk(int chunk) {
        if (chunk < pieces) {
            pack(chunk);
            done.set(chunk, 1);
            return;
        }
        int from = (chunk - pieces) * chunkSize;
        multiply(from, Math.min(units, from + chunkSize));
    }
}
