package dlbasics.matrix;

/**
 * The matrix product kernel: {@code C = op(A) · op(B)}, where {@code op(X)} is X or its transpose,
 * read in place (no transposed copy is made by the caller).
 *
 * <p>Shapes: {@code op(A)} is {@code n x k}, {@code op(B)} is {@code k x m}, C is {@code n x m} and is
 * overwritten. C must not share storage with A or B.
 *
 * <p>Summation order is fixed and documented, so that every path (blocked, packed, vectorised,
 * split across threads) gives the same bits: each {@code C[i][j]} starts at 0 and adds
 * {@code op(A)[i][p] * op(B)[p][j]} for p = 0, 1, ..., k-1 in that order, one product and one
 * rounding per step (no fused multiply-add). This equals the naive triple loop bit for bit, and the
 * result does not depend on the implementation or the number of threads.
 *
 * <p>Implementation, chosen once at class load:
 * <ul>
 *   <li>with the module {@code jdk.incubator.vector} present ({@code --add-modules jdk.incubator.vector}),
 *       a register- and cache-blocked kernel on the Vector API; otherwise, or with
 *       {@code -Ddlbasics.vector=false}, a plain-Java loop. Both keep the order above.</li>
 *   <li>products of at least {@value #PARALLEL_MIN} multiply-adds split the columns of C into chunks
 *       shared by the calling thread and a pool of parked daemon threads; the number of threads is
 *       {@code -Ddlbasics.threads=N}, by default the number of available processors. A chunk is
 *       computed whole by one thread, so no entry's additions are split or reordered.</li>
 * </ul>
 * {@link #implementation()} describes the choice.
 */
public final class Gemm {
    /** Products with at least this many multiply-adds (n·k·m) are split across threads. */
    static final long PARALLEL_MIN = 1L << 17;
    /** Chunks per thread, so a thread slowed down by another process leaves its share to the others. */
    private static final int CHUNKS_PER_THREAD = 4;

    private static final GemmKernel KERNEL = selectKernel();
    private static final ThreadLocal<GemmJob> JOBS = ThreadLocal.withInitial(GemmJob::new);
    private static volatile WorkerPool pool;

    private Gemm() {
    }

    /** The Vector API kernel when its module is present and not switched off, else the plain loop. */
    private static GemmKernel selectKernel() {
        if (!"false".equalsIgnoreCase(System.getProperty("dlbasics.vector", "true"))) {
            GemmKernel vector = vectorKernel();
            if (vector != null) {
                return vector;
            }
        }
        return ScalarGemmKernel.INSTANCE;
    }

    /**
     * The Vector API kernel, loaded reflectively (so this class loads without the module), or null when
     * {@code jdk.incubator.vector} is absent or its vectors hold fewer than 2 doubles.
     */
    static GemmKernel vectorKernel() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            Class<?> type = Class.forName("dlbasics.matrix.VectorGemmKernel");
            if (!(Boolean) type.getDeclaredMethod("usable").invoke(null)) {
                return null;
            }
            return (GemmKernel) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** The plain-Java kernel (always available). */
    static GemmKernel scalarKernel() {
        return ScalarGemmKernel.INSTANCE;
    }

    /** The kernel chosen at class load. */
    static GemmKernel kernel() {
        return KERNEL;
    }

    /** The shared pool, created on first use with {@link #threads()} threads. */
    static WorkerPool pool() {
        WorkerPool p = pool;
        if (p == null) {
            synchronized (Gemm.class) {
                p = pool;
                if (p == null) {
                    p = new WorkerPool(threads());
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * The number of threads large products use: the system property {@code dlbasics.threads}, or the
     * number of available processors.
     */
    public static int threads() {
        String value = System.getProperty("dlbasics.threads");
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int t = Integer.parseInt(value.trim());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(String.format(
                "Gemm: the system property dlbasics.threads is \"%s\"; use a whole number of at least 1, "
                        + "e.g. -Ddlbasics.threads=2, or leave it unset for all available processors", value));
    }

    /**
     * Which kernel and how many threads products use, e.g.
     * {@code "Vector API 256-bit (4 doubles), 2 threads"} or {@code "plain Java, 1 thread"}.
     */
    public static String implementation() {
        int t = threads();
        return KERNEL.description() + ", " + t + (t == 1 ? " thread" : " threads");
    }

    /** Checks that {@code op(A) · op(B)} is defined, with an error that names both shapes and a fix. */
    static void checkProduct(String operation, Matrix a, boolean transA, Matrix b, boolean transB) {
        Shapes.product(operation, a, transA, b, transB);
    }

    /**
     * {@code c = op(a) · op(b)}, overwriting c.
     *
     * @param a      {@code n x k}, or {@code k x n} when {@code transA}
     * @param transA read a transposed
     * @param b      {@code k x m}, or {@code m x k} when {@code transB}
     * @param transB read b transposed
     * @param c      the output, {@code n x m}; must not share storage with a or b
     */
    public static void multiply(Matrix a, boolean transA, Matrix b, boolean transB, Matrix c) {
        multiply(a, transA, b, transB, c, KERNEL, null);
    }

    /**
     * {@link #multiply(Matrix, boolean, Matrix, boolean, Matrix)} with a given kernel and pool (null:
     * the shared pool), for tests that compare kernels and thread counts.
     */
    static void multiply(Matrix a, boolean transA, Matrix b, boolean transB, Matrix c,
                         GemmKernel kernel, WorkerPool workers) {
        checkProduct("Gemm.multiply", a, transA, b, transB);
        int n = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int m = transB ? b.rows() : b.cols();
        Shapes.output("Gemm.multiply", c, n, m);
        if (c.data() == a.data() || c.data() == b.data()) {
            throw new IllegalArgumentException("Gemm.multiply: the output shares storage with an operand; "
                    + "pass a separate output matrix");
        }
        double[] cd = c.data();
        java.util.Arrays.fill(cd, 0.0);
        if (n == 0 || m == 0 || k == 0) {
            return;
        }
        GemmJob job = JOBS.get();
        job.set(kernel, a.data(), transA, b.data(), transB, cd, n, k, m);
        try {
            kernel.prepare(job);
            long work = (long) n * k * m;
            WorkerPool p = work < PARALLEL_MIN ? null : workers != null ? workers : pool();
            if (p == null || p.threads() == 1) {
                kernel.multiply(job, 0, m);
                return;
            }
            // chunks of whole tiles, about CHUNKS_PER_THREAD per thread
            int align = kernel.columnAlignment();
            int target = (m + p.threads() * CHUNKS_PER_THREAD - 1) / (p.threads() * CHUNKS_PER_THREAD);
            job.chunkColumns = Math.max(align, (target + align - 1) / align * align);
            p.run(job, (m + job.chunkColumns - 1) / job.chunkColumns);
        } finally {
            job.clear();
        }
    }
}
