package dlbasics.playground;

import dlbasics.data.Dataset;
import dlbasics.model.Network;
import dlbasics.model.TrainedModel;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingDivergedException;
import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;
import dlbasics.model.TrainingState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * One open page: its data, its network and at most one training at a time, run by the real
 * {@link Trainer} on a thread of the server's training pool.
 *
 * <p>Start runs {@code Trainer.resume} up to the run limit; Pause asks the trainer to stop after the
 * current update (a listener's {@code requestStop}); Step resumes for a few updates. Resuming from the
 * trainer's {@link TrainingState} continues bit for bit, so a run paused any number of times records the
 * same costs as one {@code fit}, i.e. as {@code dlbasics train} (PlaygroundTrainingTest).
 *
 * <p>The page sees the run through frames: a "data" frame (the points, after each reset) and
 * "update" frames (boundary, hidden units, costs, accuracies), published by the training thread at most
 * {@link #FRAMES_PER_SECOND} times a second. Only the newest frame of each kind is kept, so a slow page
 * skips frames and the server's memory stays bounded.
 */
final class Session {
    static final int FRAMES_PER_SECOND = 5;
    /** The boundary grid is n x n points; each hidden unit's picture is UNIT_GRID x UNIT_GRID. */
    static final int GRID = 50;
    static final int UNIT_GRID = 20;
    /** Cost points kept for the export; when full, every other one is dropped. */
    static final int HISTORY = 1000;
    /** Updates one Step button press may ask for. */
    static final int MAX_STEP = 1000;

    enum Status { READY, RUNNING, DONE, DIVERGED }

    final String id;
    private final Limits limits;
    private final ExecutorService trainers;
    private final long createdNanos = System.nanoTime();

    // guarded by this
    private RunSettings settings;
    private Dataset train;
    private Dataset test;
    private double[] extent;
    private Network network;
    private TrainingState state;
    private Status status = Status.READY;
    private String message;
    private Future<?> running;
    private boolean attached;
    private long version;
    private String dataFrame;
    private long dataVersion = -1;
    private String updateFrame;
    private long updateVersion = -1;
    private final List<double[]> history = new ArrayList<>();

    private volatile boolean closed;
    private volatile boolean stopRequested;
    private volatile int speed;
    private volatile CompletableFuture<Copy> copyRequest;

    /** The parameters and training state at one moment (for saving and exporting). */
    record Copy(Network network, TrainingState state, RunSettings settings, List<String> classNames,
                Dataset train, Dataset test) {
    }

    Session(String id, RunSettings settings, Limits limits, ExecutorService trainers) {
        this.id = id;
        this.limits = limits;
        this.trainers = trainers;
        this.speed = Math.min(200, limits.maxIterationsPerSecond());
        reset(settings);
    }

    // ---- commands (called by the HTTP handlers) ----

    /** Stops any training, then builds the data and a freshly initialised network (fit with 0 updates). */
    void reset(RunSettings newSettings) {
        stopAndWait();
        synchronized (this) {
            checkOpen();
            Dataset[] split = newSettings.split();
            Network net = newSettings.network();
            TrainingResult r = Trainer.builder().settings(newSettings.training(0)).build().fit(net, split[0]);
            settings = newSettings;
            train = split[0];
            test = split[1];
            network = net;
            state = r.finalState();
            status = Status.READY;
            message = null;
            history.clear();
            extent = extent(split[0], split[1]);
            dataFrame = Json.write(dataFrameMap());
            dataVersion = ++version;
            publish(new Picture(network), 0);
        }
    }

    /** Starts training up to the run limit at {@code speed} updates per second (null: keep the current speed). */
    synchronized Map<String, Object> start(Integer newSpeed) {
        checkOpen();
        if (newSpeed != null) {
            setSpeed(newSpeed);
        }
        if (running != null) {
            throw ApiException.conflict("start: this page's network is already training; pause it first");
        }
        checkCanTrain("start");
        running = launch(limits.maxIterations(), -1);
        status = Status.RUNNING;
        return summary();
    }

    /** Asks the training to stop after the current update; returns once it has stopped (at most ~1 s). */
    Map<String, Object> pause() {
        stopAndWait();
        synchronized (this) {
            checkOpen();
            return summary();
        }
    }

    /** Runs {@code count} updates at the server's top speed and returns when they are done. */
    Map<String, Object> step(int count) {
        if (count < 1 || count > MAX_STEP) {
            throw ApiException.badRequest("step: count is " + count + "; step 1 to " + MAX_STEP + " updates at a time");
        }
        Future<?> f;
        synchronized (this) {
            checkOpen();
            if (running != null) {
                throw ApiException.conflict("step: this page's network is training; pause it before stepping");
            }
            checkCanTrain("step");
            f = running = launch(Math.min(limits.maxIterations(), state.iteration() + count), limits.maxIterationsPerSecond());
            status = Status.RUNNING;
        }
        await(f, 30_000);
        synchronized (this) {
            return summary();
        }
    }

    /** Changes the speed of the running (or next) training. */
    void setSpeed(int newSpeed) {
        if (newSpeed < 1 || newSpeed > limits.maxIterationsPerSecond()) {
            throw ApiException.badRequest("speed: " + newSpeed + " updates per second asked for; choose 1 to "
                    + limits.maxIterationsPerSecond() + " (the server's limit)");
        }
        speed = newSpeed;
    }

    private void checkCanTrain(String op) {
        if (status == Status.DIVERGED) {
            throw ApiException.conflict(op + ": the last run diverged (" + message + "); change the settings or press Reset");
        }
        if (state.iteration() >= limits.maxIterations()) {
            throw ApiException.conflict(op + ": the run reached the server's limit of " + limits.maxIterations()
                    + " updates; press Reset to train again");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw ApiException.notFound("session: this page's session has closed; reload the page");
        }
    }

    /** A consistent copy of the network and its state, taken between two updates when training. */
    Copy copy() {
        CompletableFuture<Copy> request;
        synchronized (this) {
            checkOpen();
            if (running == null) {
                return copyNow();
            }
            request = new CompletableFuture<>();
            copyRequest = request;
        }
        try {
            return request.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "copy: interrupted; try again");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(503, "copy: the training did not answer in time; pause it and try again");
        }
    }

    private synchronized Copy copyNow() {
        return new Copy(network.copy(), state, settings, train.classNames(), train, test);
    }

    /** The model as a file stores it: the network, class names, input scale 1, the settings up to now and the recorded costs. */
    static TrainedModel model(Copy c) {
        return new TrainedModel(c.network(), c.classNames(), 1.0, c.settings().training(c.state().iteration()), c.state().costs());
    }

    /** Ends the session: stops its training (the trainer sees the flag within one update or pacing pause). */
    void close() {
        closed = true;
        stopRequested = true;
        synchronized (this) {
            notifyAll();
        }
    }

    boolean closed() {
        return closed;
    }

    synchronized boolean training() {
        return running != null;
    }

    /** Marks the session as watched by an event stream; a second stream for the same page is refused. */
    synchronized void attach() {
        checkOpen();
        if (attached) {
            throw ApiException.conflict("events: this page already has an event stream; one stream per page");
        }
        attached = true;
    }

    synchronized boolean attached() {
        return attached;
    }

    long ageNanos() {
        return System.nanoTime() - createdNanos;
    }

    // ---- the event stream ----

    /** The frames a stream has not sent yet: waits up to {@code timeoutMillis} for one; empty on timeout or close. */
    synchronized List<String[]> await(long[] seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!closed && dataVersion == seen[0] && updateVersion == seen[1]) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        List<String[]> out = new ArrayList<>(2);
        if (dataVersion != seen[0]) {
            seen[0] = dataVersion;
            out.add(new String[] {"data", dataFrame});
        }
        if (updateVersion != seen[1]) {
            seen[1] = updateVersion;
            out.add(new String[] {"update", updateFrame});
        }
        return out;
    }

    // ---- training ----

    /** Submits a training to {@code target} updates, at {@code fixedPace} updates per second or, when -1, at {@link #speed}. */
    private Future<?> launch(int target, int fixedPace) {
        stopRequested = false;
        RunSettings s = settings;
        Network net = network;
        TrainingState from = state;
        Dataset data = train;
        return trainers.submit(() -> train(s, net, from, data, target, fixedPace));
    }

    /** The training task: resumes the trainer to {@code target} updates; {@code fixedPace} -1 follows {@link #speed}. */
    private void train(RunSettings s, Network net, TrainingState from, Dataset data, int target, int fixedPace) {
        Listener listener = new Listener(fixedPace);
        TrainingState end = from;
        Status after = Status.READY;
        String failure = null;
        try {
            TrainingResult r = Trainer.builder().settings(s.training(target)).listener(listener).build()
                    .resume(net, data.X(), data.Y(), from);
            end = r.finalState();
            if (end.iteration() >= limits.maxIterations()) {
                after = Status.DONE;
            }
        } catch (TrainingDivergedException e) {
            after = Status.DIVERGED;
            failure = e.getMessage();
        } catch (RuntimeException e) {
            after = Status.DIVERGED;
            failure = "training failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } finally {
            synchronized (this) {
                if (network == net) {
                    state = end;
                    status = after;
                    message = failure;
                    if (after != Status.DIVERGED) {
                        publish(new Picture(net), end.iteration());
                    } else {
                        publishStatusOnly();
                    }
                }
                running = null;
                CompletableFuture<Copy> request = copyRequest;
                if (request != null && network == net) {
                    copyRequest = null;
                    request.complete(copyNow());
                }
                notifyAll();
            }
        }
    }

    /** Sees every update: honours pause and close, answers copy requests, publishes frames, keeps the pace. */
    private final class Listener implements TrainingListener {
        private final int fixedPace;
        private long nextFrame = System.nanoTime() + 1_000_000_000L / FRAMES_PER_SECOND;
        private int paceSpeed = -1;
        private long paceStartNanos;
        private int paceStartIteration;

        Listener(int fixedPace) {
            this.fixedPace = fixedPace;
        }

        @Override
        public void onUpdate(TrainingEvent e) {
            if (stopRequested || closed) {
                e.requestStop();
                return;
            }
            CompletableFuture<Copy> request = copyRequest;
            if (request != null) {
                copyRequest = null;
                synchronized (Session.this) {
                    request.complete(new Copy(e.network().copy(), e.state(), settings, train.classNames(), train, test));
                }
            }
            long now = System.nanoTime();
            if (now >= nextFrame) {
                nextFrame = now + 1_000_000_000L / FRAMES_PER_SECOND;
                Picture p = new Picture(e.network());
                synchronized (Session.this) {
                    publish(p, e.iteration());
                }
            }
            pace(e);
        }

        /** Sleeps (in slices, watching the stop flag) so that updates keep to the chosen speed. */
        private void pace(TrainingEvent e) {
            int s = fixedPace > 0 ? fixedPace : speed;
            long now = System.nanoTime();
            if (s != paceSpeed) {
                paceSpeed = s;
                paceStartNanos = now;
                paceStartIteration = e.iteration();
            }
            long due = paceStartNanos + (long) ((e.iteration() - paceStartIteration) * 1e9 / s);
            if (due < now - 100_000_000L) {
                // behind (a busy machine): start counting again rather than burst to catch up
                paceStartNanos = now;
                paceStartIteration = e.iteration();
                return;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && !stopRequested && !closed) {
                LockSupport.parkNanos(Math.min(wait, 20_000_000L));
            }
        }
    }

    /** Asks a running training to stop and waits until it has. */
    private void stopAndWait() {
        Future<?> f;
        synchronized (this) {
            f = running;
            if (f == null) {
                return;
            }
            stopRequested = true;
        }
        await(f, 5_000);
    }

    private static void await(Future<?> f, long millis) {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "session: interrupted while waiting for the training; try again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Session: the training task failed outside the trainer: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(503, "session: the training did not stop in time; try again");
        }
    }

    // ---- frames ----

    /** Publishes an update frame drawn from {@code p} at {@code iteration} updates (holding the lock). */
    private void publish(Picture p, int iteration) {
        double[] tr = p.score(train);
        double[] te = test == null ? null : p.score(test);
        addHistory(new double[] {iteration, tr[0], te == null ? Double.NaN : te[0]});
        Map<String, Object> m = statusMap(iteration);
        m.put("trainCost", finite(tr[0]));
        m.put("testCost", te == null ? null : finite(te[0]));
        m.put("trainAccuracy", tr[1]);
        m.put("testAccuracy", te == null ? null : te[1]);
        m.put("boundary", p.boundary(extent, GRID));
        m.put("units", p.hiddenUnits(extent, UNIT_GRID));
        updateFrame = Json.write(m);
        updateVersion = ++version;
        notifyAll();
    }

    /** After a divergence: the status and message, no picture (the parameters are not finite). */
    private void publishStatusOnly() {
        updateFrame = Json.write(statusMap(state.iteration()));
        updateVersion = ++version;
        notifyAll();
    }

    private Map<String, Object> statusMap(int iteration) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", iteration);
        m.put("status", (status == Status.RUNNING && stopRequested ? Status.READY : status).name().toLowerCase(java.util.Locale.ROOT));
        m.put("message", message);
        m.put("speed", speed);
        m.put("command", settings.commandLine(iteration));
        m.put("cliData", settings.cliData());
        return m;
    }

    private void addHistory(double[] point) {
        if (history.size() >= HISTORY) {
            for (int i = history.size() - 1; i > 0; i -= 2) {
                history.remove(i);
            }
        }
        history.add(point);
    }

    private Map<String, Object> dataFrameMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", id);
        m.put("settings", settings.toMap());
        m.put("layerDims", network.layerDims());
        m.put("extent", extent);
        m.put("grid", GRID);
        m.put("unitGrid", UNIT_GRID);
        m.put("train", points(train));
        m.put("test", test == null ? List.of() : points(test));
        m.put("classNames", train.classNames());
        return m;
    }

    private static double[][] points(Dataset d) {
        double[][] p = new double[d.size()][];
        for (int j = 0; j < d.size(); j++) {
            p[j] = new double[] {round(d.X().get(0, j)), round(d.X().get(1, j)), d.Y().get(0, j)};
        }
        return p;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The plane the pictures cover: the points' bounds widened by 1 on each side, as the course's plot_decision_boundary. */
    private static double[] extent(Dataset train, Dataset test) {
        double[] e = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Dataset d : test == null ? List.of(train) : List.of(train, test)) {
            for (int j = 0; j < d.size(); j++) {
                e[0] = Math.min(e[0], d.X().get(0, j));
                e[1] = Math.max(e[1], d.X().get(0, j));
                e[2] = Math.min(e[2], d.X().get(1, j));
                e[3] = Math.max(e[3], d.X().get(1, j));
            }
        }
        return new double[] {e[0] - 1, e[1] + 1, e[2] - 1, e[3] + 1};
    }

    // ---- what the API returns ----

    /** The state in a response: iteration, status, speed, message. */
    synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", id);
        m.put("iteration", state.iteration());
        m.put("status", (running != null ? Status.RUNNING : status).name().toLowerCase(java.util.Locale.ROOT));
        m.put("speed", speed);
        m.put("message", message);
        return m;
    }

    /** The export: settings, command line, the trainer's recorded costs, the cost history, accuracies. */
    Map<String, Object> export() {
        Copy c = copy();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "dlbasics-playground-run/1");
        m.put("settings", c.settings().toMap());
        m.put("command", c.settings().commandLine(c.state().iteration()));
        m.put("command_matches_data", c.settings().cliData());
        m.put("layer_sizes", c.network().layerDims());
        m.put("initializer", c.settings().initializer().name());
        m.put("parameters", c.network().parameterCount());
        m.put("iterations", c.state().iteration());
        m.put("cost_every", RunSettings.COST_EVERY);
        m.put("costs", c.state().costs());
        m.put("train_accuracy", c.network().accuracy(c.train().X(), c.train().Y()));
        m.put("test_accuracy", c.test() == null ? null : c.network().accuracy(c.test().X(), c.test().Y()));
        List<Map<String, Object>> h = new ArrayList<>();
        synchronized (this) {
            m.put("status", (running != null ? Status.RUNNING : status).name().toLowerCase(java.util.Locale.ROOT));
            m.put("message", message);
            for (double[] p : history) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("iteration", (int) p[0]);
                point.put("train_cost", finite(p[1]));
                point.put("test_cost", finite(p[2]));
                h.add(point);
            }
        }
        m.put("history", h);
        return m;
    }
}
