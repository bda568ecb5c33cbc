package dlbasics.matrix;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One product {@code C = A · B} on strips of B ({@link PackedMatrix}) in flight, cut into chunks for
 * {@link WorkerPool}: first the pieces of A's repacking, if the kernel packs A in pieces, then chunks of
 * the kernel's units of work ({@link PackedKernel#units}). The pool hands chunks out in increasing order,
 * so every piece has been taken before the first chunk of units starts; a chunk that reaches the block
 * of A of a piece another thread is still filling (in practice only when the OS has descheduled that
 * thread) fills it again itself instead of waiting. Each calling thread owns one job and reuses it (and
 * its buffer for the repacked A), so a product allocates nothing once the buffer has grown to the largest
 * size seen.
 *
 * <p>A is row-major {@code n x k}; B is {@code k x m} in strips
 * ({@code bp[s·k·8 + p·8 + l] = B[p][8s + l]}); C is row-major {@code n x m}.
 */
final class PackedJob implements WorkerPool.Job {
    PackedKernel kernel;
    double[] a;
    double[] bp;
    double[] c;
    int n;
    int k;
    int m;
    /** Units per chunk. */
    int chunkSize;
    /** The number of units. */
    int end;
    /** Pieces of A's repacking, chunks 0..pieces-1 ({@link PackedKernel#pack}). */
    int pieces;
    /** done.get(i) == 1 once piece i is filled. */
    private AtomicIntegerArray done = new AtomicIntegerArray(0);
    /** A repacked by the kernel's prepare step, or null. */
    double[] packedA;
    private double[] buffer = new double[0];

    void set(PackedKernel kernel, double[] a, double[] bp, double[] c, int n, int k, int m) {
        this.kernel = kernel;
        this.a = a;
        this.bp = bp;
        this.c = c;
        this.n = n;
        this.k = k;
        this.m = m;
        this.packedA = null;
        this.pieces = 0;
        this.end = kernel.units(this);
        this.chunkSize = end;
    }

    /** Chunks 0..pieces-1 fill A's repacked copy; the chunks of units follow. */
    void setPieces(int pieces) {
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
     * that another thread is still filling (e.g. descheduled by the OS in the middle of it) is filled here
     * too rather than waited for: both threads write the same values to the same places, so whichever
     * write a reader sees, it reads the right value; the pool does not return before both have finished.
     */
    void ensurePiece(int i) {
        if (i < pieces && done.get(i) == 0) {
            kernel.pack(this, i);
            done.set(i, 1);
        }
    }

    /** A reusable buffer of at least {@code size} doubles (contents unspecified). */
    double[] buffer(int size) {
        if (buffer.length < size) {
            buffer = new double[size];
        }
        return buffer;
    }

    /** Drops the references to the operands, so the job does not keep large matrices alive. */
    void clear() {
        kernel = null;
        a = null;
        bp = null;
        c = null;
        packedA = null;
    }

    @Override
    public void runChunk(int chunk) {
        if (chunk < pieces) {
            kernel.pack(this, chunk);
            done.set(chunk, 1);
            return;
        }
        int from = (chunk - pieces) * chunkSize;
        kernel.multiply(this, from, Math.min(end, from + chunkSize));
    }
}
