package dlbasics.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlbasics.random.NumpyRandom;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worker pool behind {@link Gemm}, the thread-count setting and the choice of kernel at run time. */
class GemmThreadsTest {

    @Test
    void everyChunkRunsExactlyOnceAndWorkersAreDaemonsNamedForGemm() {
        WorkerPool pool = new WorkerPool(3);
        int chunks = 50;
        AtomicInteger[] runs = new AtomicInteger[chunks];
        for (int i = 0; i < chunks; i++) {
            runs[i] = new AtomicInteger();
        }
        ConcurrentHashMap<Thread, Boolean> threads = new ConcurrentHashMap<>();
        for (int repeat = 0; repeat < 20; repeat++) {
            pool.run(chunk -> {
                runs[chunk].incrementAndGet();
                threads.put(Thread.currentThread(), Boolean.TRUE);
            }, chunks);
        }
        for (int i = 0; i < chunks; i++) {
            assertEquals(20, runs[i].get(), "chunk " + i);
        }
        for (Thread t : threads.keySet()) {
            if (t != Thread.currentThread()) {
                assertTrue(t.isDaemon(), t.getName() + " must be a daemon thread");
                assertTrue(t.getName().startsWith("dlbasics-gemm-"), t.getName());
            }
        }
    }

    @Test
    void idleWorkersParkInsteadOfSpinning() throws InterruptedException {
        WorkerPool pool = new WorkerPool(2);
        pool.run(chunk -> { }, 4);
        Thread.sleep(50);
        boolean sawWorker = false;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("dlbasics-gemm-")) {
                sawWorker = true;
                // a parked thread is WAITING; a spinning one would be RUNNABLE
                assertEquals(Thread.State.WAITING, t.getState(), t.getName() + " should be parked while idle");
            }
        }
        assertTrue(sawWorker, "no dlbasics-gemm worker thread found");
    }

    @Test
    void aFailingChunkIsReportedToTheCaller() {
        WorkerPool pool = new WorkerPool(2);
        RuntimeException e = assertThrows(RuntimeException.class, () -> pool.run(chunk -> {
            if (chunk == 7) {
                throw new IllegalStateException("chunk 7 broke");
            }
        }, 8));
        assertTrue(e.getMessage().contains("chunk 7 broke"), e.getMessage());
        // the pool still works afterwards
        AtomicInteger count = new AtomicInteger();
        pool.run(chunk -> count.incrementAndGet(), 8);
        assertEquals(8, count.get());
    }

    @Test
    void aPoolNeedsAtLeastOneThread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
        assertEquals("WorkerPool: threads is 0; use 1 or more", e.getMessage());
    }

    /** Several threads multiplying at once share one pool; a caller that finds it busy runs alone. Same bits. */
    @Test
    void concurrentCallersGetCorrectResults() throws InterruptedException {
        WorkerPool pool = new WorkerPool(2);
        NumpyRandom rng = new NumpyRandom(21);
        Matrix a = GemmKernelsTest.randn(rng, 20, 600);
        Matrix b = GemmKernelsTest.randn(rng, 600, 209);
        Matrix expected = GemmKernelsTest.naive(a, false, b, false);
        int callers = 4;
        CountDownLatch done = new CountDownLatch(callers);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < callers; t++) {
            new Thread(() -> {
                try {
                    for (int r = 0; r < 10; r++) {
                        Matrix c = Matrix.zeros(20, 209);
                        Gemm.multiply(a, false, b, false, c, Gemm.kernel(), pool);
                        if (!java.util.Arrays.equals(expected.data(), c.data())) {
                            failures.add("caller result differs from the naive loop");
                        }
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "callers did not finish");
        assertEquals(List.of(), failures);
    }

    @Test
    void threadsComeFromTheSystemPropertyWithATeachingError() {
        String old = System.getProperty("dlbasics.threads");
        try {
            System.setProperty("dlbasics.threads", "3");
            assertEquals(3, Gemm.threads());
            System.clearProperty("dlbasics.threads");
            assertEquals(Runtime.getRuntime().availableProcessors(), Gemm.threads());
            System.setProperty("dlbasics.threads", "two");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Gemm::threads);
            assertEquals("Gemm: the system property dlbasics.threads is \"two\"; use a whole number of at least 1, "
                    + "e.g. -Ddlbasics.threads=2, or leave it unset for all available processors", e.getMessage());
            System.setProperty("dlbasics.threads", "0");
            assertThrows(IllegalArgumentException.class, Gemm::threads);
        } finally {
            if (old == null) {
                System.clearProperty("dlbasics.threads");
            } else {
                System.setProperty("dlbasics.threads", old);
            }
        }
    }

    /** The products below the small-product threshold and above it give the naive loop's bits. */
    @Test
    void smallProductsTakeThePlainLoopWithTheSameBits() {
        NumpyRandom rng = new NumpyRandom(5);
        Matrix W = GemmKernelsTest.randn(rng, 4, 2);
        Matrix X = GemmKernelsTest.randn(rng, 2, 400);
        assertTrue(4L * 2 * 400 < Gemm.SMALL_MAX);
        Matrix Z = Matrix.zeros(4, 400);
        Gemm.multiply(W, false, X, false, Z);
        assertArrayEquals(GemmKernelsTest.naive(W, false, X, false).data(), Z.data(), 0.0);
        Matrix dZ = GemmKernelsTest.randn(rng, 4, 400);
        Matrix dW = Matrix.zeros(4, 2);
        Gemm.multiply(dZ, false, X, true, dW);
        assertArrayEquals(GemmKernelsTest.naive(dZ, false, X, true).data(), dW.data(), 0.0);
    }

    /**
     * Without {@code --add-modules jdk.incubator.vector}, Gemm still loads and uses the plain loop: run a
     * JVM with this test's class path but without the module and ask it.
     */
    @Test
    void withoutTheVectorModuleThePlainKernelIsChosen() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classPath = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(java, "-cp", classPath, "-Ddlbasics.threads=2", GemmImplementationMain.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("plain Java, 2 threads; product ok; packed ok", out);
    }
}
