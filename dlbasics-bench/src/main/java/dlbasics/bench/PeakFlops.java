package dlbasics.bench;

import java.util.concurrent.CountDownLatch;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's double-precision peak, measured: each thread runs independent vector chains that keep
 * the floating-point pipes busy and nothing else (no memory traffic).
 * <ul>
 *   <li>{@link #fma}: 12 chains of {@code acc = acc * x + y} fused multiply-adds (2 flops each) — the
 *       usual definition of peak;</li>
 *   <li>{@link #mulAdd}: 6 chains of multiplies beside 6 chains of adds, the instruction mix the Gemm
 *       kernel uses (it does not fuse, to keep the course's rounding).</li>
 * </ul>
 */
final class PeakFlops {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private PeakFlops() {
    }

    /**
     * GFLOP/s of {@code threads} threads each running the chains for {@code iterations}: element 0 by
     * wall-clock time, element 1 by the threads' own CPU time (what the cores deliver when they run,
     * less sensitive to other processes on a shared machine).
     */
    static double[] measure(int threads, long iterations, boolean fused) throws InterruptedException {
        double[] sink = new double[threads];
        long[] cpu = new long[threads];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long c0 = mx.getCurrentThreadCpuTime();
                sink[id] = fused ? fma(iterations) : mulAdd(iterations);
                cpu[id] = mx.getCurrentThreadCpuTime() - c0;
            });
            ts[t].start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : ts) {
            t.join();
        }
        long ns = System.nanoTime() - t0;
        // fma: 12 fused multiply-adds of L lanes = 24 L flops; mulAdd: 12 single operations = 12 L flops
        double flopsPerIteration = (fused ? 24.0 : 12.0) * S.length();
        if (Double.isNaN(sink[0])) {
            throw new IllegalStateException("peak benchmark produced NaN");
        }
        double cpuRate = 0;
        for (int t = 0; t < threads; t++) {
            cpuRate += iterations * flopsPerIteration / cpu[t];
        }
        return new double[] {threads * iterations * flopsPerIteration / ns, cpuRate};
    }

    /** 12 independent FMA chains; returns a value depending on all of them. */
    static double fma(long iterations) {
        DoubleVector x = DoubleVector.broadcast(S, 0.999999);
        DoubleVector y = DoubleVector.broadcast(S, 1e-9);
        DoubleVector a0 = DoubleVector.broadcast(S, 1.0);
        DoubleVector a1 = a0.add(1e-3);
        DoubleVector a2 = a0.add(2e-3);
        DoubleVector a3 = a0.add(3e-3);
        DoubleVector a4 = a0.add(4e-3);
        DoubleVector a5 = a0.add(5e-3);
        DoubleVector a6 = a0.add(6e-3);
        DoubleVector a7 = a0.add(7e-3);
        DoubleVector a8 = a0.add(8e-3);
        DoubleVector a9 = a0.add(9e-3);
        DoubleVector a10 = a0.add(10e-3);
        DoubleVector a11 = a0.add(11e-3);
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** 6 multiply chains and 6 add chains: 12 operations of 1 flop per lane each iteration. */
    static double mulAdd(long iterations) {
        DoubleVector x = DoubleVector.broadcast(S, 0.999999);
        DoubleVector y = DoubleVector.broadcast(S, 1e-9);
        DoubleVector m0 = DoubleVector.broadcast(S, 1.0);
        DoubleVector m1 = m0.add(1e-3);
        DoubleVector m2 = m0.add(2e-3);
        DoubleVector m3 = m0.add(3e-3);
        DoubleVector m4 = m0.add(4e-3);
        DoubleVector m5 = m0.add(5e-3);
        DoubleVector s0 = DoubleVector.broadcast(S, 0.0);
        DoubleVector s1 = s0.add(1e-3);
        DoubleVector s2 = s0.add(2e-3);
        DoubleVector s3 = s0.add(3e-3);
        DoubleVector s4 = s0.add(4e-3);
        DoubleVector s5 = s0.add(5e-3);
        for (long i = 0; i < iterations; i++) {
            m0 = m0.mul(x);
            s0 = s0.add(y);
            m1 = m1.mul(x);
            s1 = s1.add(y);
            m2 = m2.mul(x);
            s2 = s2.add(y);
            m3 = m3.mul(x);
            s3 = s3.add(y);
            m4 = m4.mul(x);
            s4 = s4.add(y);
            m5 = m5.mul(x);
            s5 = s5.add(y);
        }
        return m0.add(m1).add(m2).add(m3).add(m4).add(m5).add(s0).add(s1).add(s2).add(s3).add(s4).add(s5)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
