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
 * <p>Implementation, chosen once, when a product first needs it:
 * <ul>
 *   <li>with the module {@code jdk.incubator.vector} present ({@code --add-modules jdk.incubator.vector}),
 *       a register- and cache-blocked kernel on the Vector API; otherwise, or with
 *       {@code -Ddlbasics.vector=false}, a plain-Java loop. Both keep the order above. Products of fewer
 *       than {@value #SMALL_MAX} multiply-adds always take the plain loop (the JIT compiles it sooner).</li>
 *   <li>products of at least {@value #PARALLEL_MIN} multiply-adds split the columns of C into chunks
 *       shared by the calling thread and a pool of parked daemon threads; the number of threads is
 *       {@code -Ddlbasics.threads=N}, by default the number of available processors, read when the
 *       pool is first needed. A chunk is computed whole by one thread, so no entry's additions are
 *       split or reordered. Idle workers park; they never spin.</li>
 * </ul>
 * {@link #implementation()} describes the choice. A product {@code op(A) · Bᵀ} whose B is at most
 * {@value #TRANSPOSE_MAX} entries may run on a row-major copy of Bᵀ made per call (a mini-batch's
 * {@code dZ1 · Xbᵀ}): the vector kernel's row tiles then read it as stored, in the same order.
 *
 * <p>An operand read by many products, such as a training set X, is packed once ({@link PackedMatrix}):
 * pass {@link Matrix#fixed()} and Gemm keeps the packed copy with the view, or call
 * {@link #multiply(Matrix, PackedMatrix, Matrix)} ({@code A · B}) and
 * {@link #multiplyTransposed(Matrix, PackedMatrix, Matrix)} ({@code A · Bᵀ}): same order, same bits, about
 * twice as fast on the course's first layer (the kernels read B's strips in order; bench/NOTES.md).
 *
 * <p>Whatever the sequence of shapes in one JVM, each product runs at its own speed and allocates
 * nothing once its thread's buffers have grown: every Vector API kernel uses one species and passes no
 * vector across a call ({@code VectorTiles}); the guard is {@code CrossShapeAllocationTest}.
 */
public final class Gemm {
    /** Products with at least this many multiply-adds (n·k·m) are split across threads. */
    static final long PARALLEL_MIN = 1L << 17;
    /**
     * Products with fewer multiply-adds than this take the plain-Java loop even when the Vector API
     * kernel is chosen: the same bits, and the JIT compiles it long before it compiles the Vector API
     * code, which runs very slowly until then (the flower network's 10000 tiny iterations are mostly
     * warm-up otherwise).
     */
    static final long SMALL_MAX = 1L << 13;
    /**
     * Products on a {@link Matrix#fixed()} B with at least this many multiply-adds read B's packed copy;
     * smaller ones (the flower's 4 x 2 · 2 x 400) read B in place on the plain kernel, compiled sooner.
     */
    static final long PACK_MIN = 1L << 16;
    /**
     * Chunks per thread, so a thread slowed down by another process leaves part of its share to the
     * others; more chunks balance better but each re-reads op(A) and cuts B's rows into shorter pieces.
     */
    private static final int CHUNKS_PER_THREAD = 2;
    /** Chunks per thread for products on a packed B whose A has at most {@value #SMALL_A} entries. */
    private static final int FINE_CHUNKS_PER_THREAD = 8;
    /** The largest A (entries) that every chunk may re-read cheaply: 512 KB, half of a 1 MB L2. */
    private static final long SMALL_A = 1L << 16;

    /**
     * The kernels, chosen when a product first needs one (a holder class): a run whose products are all
     * small, such as the flower network's, never loads the Vector API (about 10 ms of class loading).
     */
    private static final class Kernels {
        static final GemmKernel KERNEL = select("dlbasics.matrix.VectorGemmKernel", GemmKernel.class,
                ScalarGemmKernel.INSTANCE);
        static final PackedKernel PACKED_KERNEL = select("dlbasics.matrix.VectorPackedKernel", PackedKernel.class,
                ScalarPackedKernel.INSTANCE);
    }
    /**
     * The largest op(B) (entries) copied row-major for a kernel that {@link GemmKernel#prefersTransposedCopy
     * prefers it}: 4 MB per calling thread, a mini-batch's input, never a whole training set.
     */
    static final long TRANSPOSE_MAX = 1L << 19;
    private static final ThreadLocal<double[][]> TRANSPOSED = ThreadLocal.withInitial(() -> new double[][] {new double[0]});
    private static final ThreadLocal<GemmJob> JOBS = ThreadLocal.withInitial(GemmJob::new);
    private static final ThreadLocal<PackedJob> PACKED_JOBS = ThreadLocal.withInitial(PackedJob::new);
    private static volatile WorkerPool pool;

    private Gemm() {
    }

    /** The Vector API kernel when it loads and {@code -Ddlbasics.vector} is not {@code false}, else plain. */
    private static <T> T select(String vectorClass, Class<T> type, T plain) {
        if ("false".equalsIgnoreCase(System.getProperty("dlbasics.vector", "true"))) {
            return plain;
        }
        T vector = loadVector(vectorClass, type);
        return vector != null ? vector : plain;
    }

    /**
     * The one loader of the Vector API kernels: the class is loaded reflectively (so this class loads
     * without the module), or null when {@code jdk.incubator.vector} is absent or the machine has no
     * 256-bit vectors ({@code VectorTiles.usable}).
     */
    static <T> T loadVector(String className, Class<T> type) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            Class<?> tiles = Class.forName("dlbasics.matrix.VectorTiles");
            java.lang.reflect.Method usable = tiles.getDeclaredMethod("usable");
            if (!(Boolean) usable.invoke(null)) {
                return null;
            }
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** The Vector API kernel, or null when it cannot run here. */
    static GemmKernel vectorKernel() {
        return loadVector("dlbasics.matrix.VectorGemmKernel", GemmKernel.class);
    }

    /** The Vector API kernel for packed operands, or null when it cannot run here. */
    static PackedKernel vectorPackedKernel() {
        return loadVector("dlbasics.matrix.VectorPackedKernel", PackedKernel.class);
    }

    /** The plain-Java kernel for packed operands (always available). */
    static PackedKernel scalarPackedKernel() {
        return ScalarPackedKernel.INSTANCE;
    }

    /** The packed-operand kernel, chosen on first use. */
    static PackedKernel packedKernel() {
        return Kernels.PACKED_KERNEL;
    }

    /** The plain-Java kernel (always available). */
    static GemmKernel scalarKernel() {
        return ScalarGemmKernel.INSTANCE;
    }

    /** The kernel, chosen on first use. */
    static GemmKernel kernel() {
        return Kernels.KERNEL;
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
        return Kernels.KERNEL.description() + ", " + t + (t == 1 ? " thread" : " threads");
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
        long work = (long) a.rows() * a.cols() * (transB ? b.rows() : b.cols());
        if (b.isFixed() && !transA && work >= PACK_MIN) {
            // B is read by many products (a training set): its packed copy, built once, serves A·B and A·Bᵀ
            checkProduct("Gemm.multiply", a, false, b, transB);
            PackedMatrix packed = layoutOf(b);
            if (transB) {
                multiplyTransposed(a, packed, c);
            } else {
                multiply(a, packed, c);
            }
            return;
        }
        int k = transA ? a.rows() : a.cols();
        int m = transB ? b.rows() : b.cols();
        multiply(a, transA, b, transB, c, plainFits(work, k, m, transB) ? ScalarGemmKernel.INSTANCE : Kernels.KERNEL,
                null);
    }

    /**
     * Whether the plain kernel runs this product even when the Vector API one is chosen: fewer than
     * {@value #SMALL_MAX} multiply-adds, or a product below {@value #PARALLEL_MIN} that the plain kernel
     * computes entry by entry or in one pass over C (C at most {@value ScalarGemmKernel#NARROW} wide, or at
     * most {@value ScalarGemmKernel#SHORT} terms per entry with B as stored: the flower's {@code W1·X},
     * {@code dZ1·Xᵀ} and {@code W2ᵀ·dZ2}, 1.3-2.4x faster plain; bench/NOTES.md). Same bits either way.
     */
    static boolean plainFits(long work, int k, int m, boolean transB) {
        return work < SMALL_MAX || work < PARALLEL_MIN
                && (m <= ScalarGemmKernel.NARROW || k <= ScalarGemmKernel.SHORT && !transB);
    }

    /** The packed copy of a fixed view, built on first use and kept with the view. */
    private static PackedMatrix layoutOf(Matrix b) {
        synchronized (b) {
            if (b.layout == null) {
                b.layout = PackedMatrix.of(b);
            }
            return b.layout;
        }
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
        if (transB && kernel.prefersTransposedCopy(n, k, m)) {
            // op(B) = Bᵀ copied row-major (k x m) once, read by every chunk; the order of the sums is unchanged
            job.set(kernel, a.data(), transA, transposed(b.data(), m, k), false, cd, n, k, m);
        } else {
            job.set(kernel, a.data(), transA, b.data(), transB, cd, n, k, m);
        }
        try {
            kernel.prepare(job);
            run(job, workers, kernel.worthSplitting(job), CHUNKS_PER_THREAD, kernel.columnAlignment());
        } finally {
            job.clear();
        }
    }

    /** {@code b} ({@code rows x cols}, row-major) transposed into this thread's buffer, {@code cols x rows}. */
    private static double[] transposed(double[] b, int rows, int cols) {
        double[][] holder = TRANSPOSED.get();
        if (holder[0].length < rows * cols) {
            holder[0] = new double[rows * cols];
        }
        double[] t = holder[0];
        // blocks of 8 rows: each source row is read in order, 8 destination rows are written in step
        for (int i0 = 0; i0 < rows; i0 += 8) {
            int i1 = Math.min(rows, i0 + 8);
            for (int j = 0; j < cols; j++) {
                int dst = j * rows;
                for (int i = i0; i < i1; i++) {
                    t[dst + i] = b[i * cols + j];
                }
            }
        }
        return t;
    }

    /**
     * {@code c = a · b} with b packed once beforehand (e.g. a layer's input X, packed once per fit), in
     * {@link Gemm}'s order: the same bits as {@code multiply(a, false, B, false, c)} on the matrix b was
     * packed from.
     *
     * @param a {@code n x k}
     * @param b {@code k x m}, packed
     * @param c the output, {@code n x m}; must not share storage with a
     */
    static void multiply(Matrix a, PackedMatrix b, Matrix c) {
        multiply(a, b, c, Kernels.PACKED_KERNEL, null);
    }

    /**
     * {@code c = a · bᵀ} with b packed once beforehand (e.g. {@code dW1 = dZ1 · Xᵀ}, the unscaled
     * gradient of the first layer), in {@link Gemm}'s order: the same bits as
     * {@code multiply(a, false, B, true, c)} on the matrix b was packed from.
     *
     * @param a {@code n x m}
     * @param b {@code k x m}, packed
     * @param c the output, {@code n x k}; must not share storage with a
     */
    static void multiplyTransposed(Matrix a, PackedMatrix b, Matrix c) {
        multiplyTransposed(a, b, c, Kernels.PACKED_KERNEL, null);
    }

    /** {@link #multiply(Matrix, PackedMatrix, Matrix)} with a given kernel and pool (null: the shared pool). */
    static void multiply(Matrix a, PackedMatrix b, Matrix c, PackedKernel kernel, WorkerPool workers) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException(String.format(
                    "Gemm.multiply: A is %s but B is %s (A.cols must equal B.rows); %s", Shapes.shape(a), b,
                    a.cols() == b.cols() ? "did you mean Gemm.multiplyTransposed, that is A · Bᵀ?"
                            : "no transpose helps: the inner dimensions must agree, (n x k) · (k x m)"));
        }
        runPacked("Gemm.multiply", a, b.strips(), b.rows(), b.cols(), c, kernel, workers);
    }

    /** {@link #multiplyTransposed(Matrix, PackedMatrix, Matrix)} with a given kernel and pool (null: the shared pool). */
    static void multiplyTransposed(Matrix a, PackedMatrix b, Matrix c, PackedKernel kernel, WorkerPool workers) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException(String.format(
                    "Gemm.multiplyTransposed: A is %s but B is %s (A.cols must equal B.cols); %s", Shapes.shape(a), b,
                    a.cols() == b.rows() ? "did you mean Gemm.multiply, that is A · B?"
                            : "no transpose helps: A · Bᵀ needs A n x m and B k x m"));
        }
        // A · Bᵀ is A times the packed strips of Bᵀ (m x k)
        runPacked("Gemm.multiplyTransposed", a, b.transposedStrips(), b.cols(), b.rows(), c, kernel, workers);
    }

    /**
     * Checks the output and runs {@code C = A · B} with B ({@code k x m}) in strips, overwriting C: on the
     * calling thread, or for at least {@value #PARALLEL_MIN} multiply-adds in chunks of the kernel's units
     * (strips, or tiles of 4 rows x one strip), about {@value #CHUNKS_PER_THREAD} per thread
     * ({@value #FINE_CHUNKS_PER_THREAD} when A is small), after the pieces of A's repacking if the kernel
     * packs A in pieces. Each C entry is computed whole by one thread.
     */
    private static void runPacked(String operation, Matrix a, double[] bp, int k, int m, Matrix c,
                                  PackedKernel kernel, WorkerPool workers) {
        int n = a.rows();
        Shapes.output(operation, c, n, m);
        if (c.data() == a.data()) {
            throw new IllegalArgumentException(operation + ": the output shares storage with A; "
                    + "pass a separate output matrix");
        }
        double[] cd = c.data();
        if (n == 0 || k == 0 || m == 0) {
            java.util.Arrays.fill(cd, 0.0);
            return;
        }
        // the kernels write every entry of C (not +=), so C is not cleared first (the calling thread would
        // clear it alone before the workers start)
        PackedJob job = PACKED_JOBS.get();
        job.set(kernel, a.data(), bp, cd, n, k, m);
        try {
            job.setPieces(kernel.prepare(job));
            // each chunk reads all of A: with a small A (dZ1 for dZ1·Xᵀ, w for w·X) chunks are cheap, and
            // smaller ones leave less waiting when the OS deschedules a thread holding one
            int perThread = (long) n * k <= SMALL_A ? FINE_CHUNKS_PER_THREAD : CHUNKS_PER_THREAD;
            run(job, workers, true, perThread, kernel.unitAlignment(job));
        } finally {
            job.clear();
        }
    }

    /**
     * The one job scaffolding: runs a prepared job on the calling thread, or for at least
     * {@value #PARALLEL_MIN} multiply-adds (and {@code split}) in chunks of whole multiples of
     * {@code align} units, about {@code perThread} chunks per thread, after the pieces of A's repacking.
     */
    private static void run(ProductJob job, WorkerPool workers, boolean split, int perThread, int align) {
        long work = (long) job.n * job.k * job.m;
        WorkerPool p = !split || work < PARALLEL_MIN ? null : workers != null ? workers : pool();
        if (p == null || p.threads() == 1) {
            job.chunkSize = Math.max(1, job.units);
            for (int chunk = 0; chunk <= job.pieces; chunk++) {
                job.runChunk(chunk);
            }
            return;
        }
        int target = (job.units + p.threads() * perThread - 1) / (p.threads() * perThread);
        job.chunkSize = Math.max(align, (target + align - 1) / align * align);
        p.run(job, job.pieces + (job.units + job.chunkSize - 1) / job.chunkSize);
    }
}
