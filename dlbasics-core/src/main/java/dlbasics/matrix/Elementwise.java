package dlbasics.matrix;

/**
 * An elementwise loop over indices {@code [0, n)} cut into ranges that {@link Gemm}'s threads share, for
 * update rules and activations whose every entry is computed on its own (such as Adam's step over the
 * parameters): which thread computes an entry never changes it, so 1 and N threads give the same bits.
 * A call allocates nothing; keep the {@link Range} in a field rather than writing a capturing lambda per call.
 */
public final class Elementwise {
    /** Loops over fewer indices than this run on the calling thread (waking a worker costs more). */
    static final int PARALLEL_MIN = 1 << 15;
    /** Indices per range: about 4 ranges per thread on the first layer of a 784-256 network. */
    static final int RANGE = 1 << 14;
    private static final ThreadLocal<Job> JOBS = ThreadLocal.withInitial(Job::new);

    private Elementwise() {
    }

    /** The body of a loop: computes entries {@code from} to {@code to - 1}, writing nothing outside them. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** Runs {@code body} over {@code [0, n)}, in ranges on several threads when n is large. */
    public static void forEach(int n, Range body) {
        if (n < 0 || body == null) {
            throw new IllegalArgumentException("Elementwise.forEach: n is " + n + " and body is " + body
                    + "; give n >= 0 indices and a body");
        }
        if (n < PARALLEL_MIN) {
            body.run(0, n);
            return;
        }
        Job job = JOBS.get();
        job.body = body;
        job.n = n;
        try {
            Gemm.pool().run(job, (n + RANGE - 1) / RANGE);
        } finally {
            job.body = null;
        }
    }

    private static final class Job implements WorkerPool.Job {
        Range body;
        int n;

        @Override
        public void runChunk(int chunk) {
            int from = chunk * RANGE;
            body.run(from, Math.min(n, from + RANGE));
        }
    }
}
