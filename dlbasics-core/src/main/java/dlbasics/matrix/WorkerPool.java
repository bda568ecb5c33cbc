package dlbasics.matrix;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small pool of daemon threads that share the chunks of one job with the calling thread.
 *
 * <p>Idle workers park ({@link LockSupport#park}); nobody spins. A job is split into numbered chunks
 * that the caller and the workers take in turn from a shared counter, so a worker that the operating
 * system has descheduled (another process busy on its core) simply takes fewer chunks. Which thread
 * computes a chunk never changes its result. A call allocates nothing.
 *
 * <p>One job runs at a time; a call that finds the pool busy (another thread is using it) runs all
 * chunks itself.
 */
final class WorkerPool {
    /** A job cut into chunks 0..chunks-1 that may run in any order and on any thread. */
    interface Job {
        void runChunk(int chunk);
    }

    private final Worker[] workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicInteger busyWorkers = new AtomicInteger();
    private volatile Job job;
    private volatile int chunks;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** A pool for {@code threads} threads in all: the caller and {@code threads - 1} daemon workers. */
    WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("WorkerPool: threads is " + threads + "; use 1 or more");
        }
        workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(this, "dlbasics-gemm-" + (w + 1));
            workers[w].start();
        }
    }

    /** The number of threads a job may use, counting the caller. */
    int threads() {
        return workers.length + 1;
    }

    /** Runs chunks 0..chunks-1 of job on the caller and the workers, and returns when all are done. */
    void run(Job job, int chunks) {
        if (workers.length == 0 || chunks <= 1 || !lock.tryLock()) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                job.runChunk(chunk);
            }
            return;
        }
        try {
            int helpers = Math.min(workers.length, chunks - 1);
            this.job = job;
            this.chunks = chunks;
            this.caller = Thread.currentThread();
            this.failure = null;
            nextChunk.set(0);
            busyWorkers.set(helpers);
            for (int w = 0; w < helpers; w++) {
                workers[w].wake();
            }
            RuntimeException own = null;
            try {
                takeChunks();
            } catch (RuntimeException e) {
                own = e;
            } finally {
                // even when our own chunk failed, wait: the workers still write into the output
                while (busyWorkers.get() != 0) {
                    LockSupport.park(this);
                }
            }
            if (own != null) {
                throw own;
            }
            if (failure != null) {
                throw new IllegalStateException("WorkerPool: a worker failed: " + failure, failure);
            }
        } finally {
            this.job = null;
            this.caller = null;
            lock.unlock();
        }
    }

    /** Takes and runs chunks until none are left. */
    private void takeChunks() {
        Job current = job;
        int total = chunks;
        int chunk;
        while ((chunk = nextChunk.getAndIncrement()) < total) {
            current.runChunk(chunk);
        }
    }

    /** Called by a worker when it has taken its last chunk. */
    private void workerDone(Throwable t) {
        if (t != null) {
            failure = t;
        }
        Thread waiting = caller;
        if (busyWorkers.decrementAndGet() == 0) {
            LockSupport.unpark(waiting);
        }
    }

    /** A daemon thread that parks until it is woken for a job. */
    private static final class Worker extends Thread {
        private final WorkerPool pool;
        private volatile boolean pending;

        Worker(WorkerPool pool, String name) {
            super(name);
            this.pool = pool;
            setDaemon(true);
        }

        void wake() {
            pending = true;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                while (!pending) {
                    LockSupport.park(pool);
                }
                pending = false;
                Throwable failed = null;
                try {
                    pool.takeChunks();
                } catch (RuntimeException | Error e) {
                    failed = e;
                }
                pool.workerDone(failed);
            }
        }
    }
}
