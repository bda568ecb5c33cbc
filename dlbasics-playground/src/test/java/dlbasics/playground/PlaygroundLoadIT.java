package dlbasics.playground;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 20 pages at once on 127.0.0.1: each opens a session and its event stream, trains at the top speed and
 * is paused, stepped and restarted now and then, for {@code playground.load.seconds} (5 s in the test
 * suite; 30 s for the measured run: {@code -Dplayground.load.seconds=30}). Checks that every page gets
 * its updates and that nothing is left after the pages close: no session, no training, no playground
 * thread, the heap back near where it started. The numbers go to {@code target/playground-load.txt}.
 */
class PlaygroundLoadIT {
    private static final int CLIENTS = 20;

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static int playgroundThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("playground-")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void twentyPagesTrainAtOnceAndLeaveNothingBehind() throws Exception {
        int seconds = Integer.getInteger("playground.load.seconds", 5);
        assertTrue(seconds >= 1 && seconds <= 120, "playground.load.seconds is " + seconds + "; use 1 to 120");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        int threadsBefore = playgroundThreads();

        PlaygroundServer server = PlaygroundServer.start(PlaygroundConfig.loopback().withLimits(Limits.DEFAULT.withMaxPages(CLIENTS)));
        Http http = new Http(server);
        ExecutorService pages = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong updates = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicInteger refused = new AtomicInteger();
        long[] perPage = new long[CLIENTS];
        int[] lastIteration = new int[CLIENTS];
        long peakHeap = 0;
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        String[] sets = {"flower", "moons", "circles", "spirals", "xor"};
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(pages.submit(() -> {
                String settings = "{\"data\":\"" + sets[client % sets.length] + "\",\"hidden\":" + (client % 2 == 0 ? "[4]" : "[8,4]")
                        + ",\"activation\":\"" + (client % 2 == 0 ? "tanh" : "relu") + "\",\"learningRate\":" + (client % 2 == 0 ? "1.2" : "0.3") + "}";
                Http.Response created = http.post("/api/session", settings);
                if (created.status() != 201) {
                    throw new AssertionError("page " + client + ": " + created);
                }
                String id = created.json().get("session").asText();
                String q = "?session=" + id;
                try (Http.Events events = new Http.Events(server.port(), server.token(), id)) {
                    events.next("data");
                    http.post("/api/start" + q, "{\"speed\":2000}");
                    int round = 0;
                    long nextAction = System.nanoTime() + 1_000_000_000L + client * 50_000_000L;
                    while (System.nanoTime() < deadline) {
                        JsonNode u = events.next("update");
                        perPage[client]++;
                        updates.incrementAndGet();
                        bytes.addAndGet(u.toString().length());
                        lastIteration[client] = u.get("iteration").asInt();
                        if (System.nanoTime() > nextAction) {
                            // now and then what a user does: pause, step, export, start again
                            nextAction += 1_000_000_000L;
                            round++;
                            http.post("/api/pause" + q, "");
                            http.post("/api/step" + q, "{\"count\":10}");
                            if (round % 3 == 0) {
                                http.get("/api/export" + q);
                            }
                            Http.Response again = http.post("/api/start" + q, "{\"speed\":2000}");
                            if (again.status() != 200) {
                                refused.incrementAndGet();
                            }
                        }
                    }
                }
                return null;
            }));
        }
        while (System.nanoTime() < deadline) {
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            Thread.sleep(200);
        }
        int openAtPeak = server.sessionCount();
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // the pages have closed their streams: everything they started must end within a second or two
        long closed = System.nanoTime();
        while ((server.sessionCount() > 0 || server.trainingCount() > 0) && System.nanoTime() - closed < 3_000_000_000L) {
            Thread.sleep(20);
        }
        double cleanup = (System.nanoTime() - closed) / 1e9;
        int sessionsLeft = server.sessionCount();
        int trainingsLeft = server.trainingCount();
        server.close();
        pages.shutdown();
        pages.awaitTermination(5, TimeUnit.SECONDS);
        long heapAfter = usedHeapAfterGc(memory);
        int threadsAfter = playgroundThreads();

        long minUpdates = Long.MAX_VALUE;
        long iterations = 0;
        for (int c = 0; c < CLIENTS; c++) {
            minUpdates = Math.min(minUpdates, perPage[c]);
            iterations += lastIteration[c];
        }
        String report = String.format(Locale.ROOT,
                "playground load: %d pages for %.1f s on 127.0.0.1 (%d cores, load %.2f)%n"
                        + "  updates received: %d (%.1f per page per second; slowest page %.1f/s)%n"
                        + "  update frames: %.1f KB on average; %.1f MB/s over all pages%n"
                        + "  training: %d updates in all, %.0f per second over all pages%n"
                        + "  open sessions at the end: %d; restarts refused: %d%n"
                        + "  heap used: %.1f MB before, %.1f MB peak, %.1f MB after closing (after GC)%n"
                        + "  after the pages closed: %d sessions and %d trainings left after %.2f s; playground threads %d before, %d after%n",
                CLIENTS, elapsed, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                updates.get(), updates.get() / elapsed / CLIENTS, minUpdates / elapsed,
                bytes.get() / 1024.0 / Math.max(1, updates.get()), bytes.get() / 1e6 / elapsed,
                iterations, iterations / elapsed, openAtPeak, refused.get(),
                heapBefore / 1e6, peakHeap / 1e6, heapAfter / 1e6,
                sessionsLeft, trainingsLeft, cleanup, threadsBefore, threadsAfter);
        Path out = Path.of("target", "playground-load.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);

        assertEquals(CLIENTS, openAtPeak, report);
        assertEquals(0, refused.get(), report);
        assertTrue(minUpdates / elapsed >= 1.0, "every page gets at least one update a second\n" + report);
        assertEquals(0, sessionsLeft, report);
        assertEquals(0, trainingsLeft, report);
        assertTrue(cleanup < 1.5, report);
        assertEquals(threadsBefore, threadsAfter, "no playground thread outlives the server\n" + report);
        assertTrue(heapAfter < heapBefore + 32_000_000L, "the heap is back near where it started\n" + report);
    }
}
