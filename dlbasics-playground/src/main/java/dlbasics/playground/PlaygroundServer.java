package dlbasics.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dlbasics.io.ModelFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The playground's web server (JDK {@code com.sun.net.httpserver}): one page, its script and style
 * from the jar, and a JSON API that trains with the real {@link dlbasics.model.Trainer}.
 *
 * <p>Safe by default, as Jupyter is: every request's Host header must name this server (against DNS
 * rebinding); a state-changing request with an Origin header must come from this server's page; the
 * page and the API need the per-launch token ({@code ?token=} or the {@code X-Dlbasics-Token} header);
 * work is bounded by {@link Limits}; the server never reads or writes a path that comes from a request.
 * Every refusal is {@code {"error": "..."}} with a 4xx status; no stack trace is ever sent.
 *
 * <pre>
 * GET  /?token=T                   the page            GET  /app.js, /style.css   its script and style
 * GET  /api/limits                 limits, data sets   POST /api/session          a page's session (body: settings)
 * GET  /api/events?session=S       Server-Sent Events: "data" after each reset, "update" up to 5 times a second
 * POST /api/reset?session=S        new settings        POST /api/start?session=S  {"speed": n}
 * POST /api/pause?session=S                            POST /api/step?session=S   {"count": n}
 * POST /api/speed?session=S        {"speed": n}        POST /api/save?session=S   a safetensors file in the save folder
 * GET  /api/export?session=S       the run as JSON     POST /api/close?session=S  ends the session
 * </pre>
 */
public final class PlaygroundServer implements AutoCloseable {
    /** Largest request body read, in bytes (settings are a few hundred). */
    static final int MAX_BODY = 16 * 1024;
    /** A session whose page has not opened its event stream by then is dropped. */
    static final long UNCLAIMED_MILLIS = 15_000;
    /** How often an idle event stream is written to, so that a closed page is noticed within a second. */
    static final long PING_MILLIS = 250;
    static final String TOKEN_HEADER = "X-Dlbasics-Token";

    private static final Map<String, String[]> STATIC = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"},
            "/style.css", new String[] {"style.css", "text/css; charset=utf-8"});

    private final PlaygroundConfig config;
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final ExecutorService trainers;
    private final ScheduledExecutorService reaper;
    private final String token;
    private final Set<String> hosts;
    private final Set<String> origins;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, byte[]> assets = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger saved = new AtomicInteger();
    private volatile boolean stopping;

    private PlaygroundServer(PlaygroundConfig config) throws IOException {
        this.config = config;
        for (String[] a : STATIC.values()) {
            assets.put(a[0], resource(a[0]));
        }
        byte[] t = new byte[16];
        random.nextBytes(t);
        this.token = HexFormat.of().formatHex(t);
        InetAddress bind = InetAddress.getByName(config.host());
        this.server = HttpServer.create(new InetSocketAddress(bind, config.port()), 64);
        int port = server.getAddress().getPort();
        Set<String> h = new java.util.HashSet<>(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port));
        String named = config.host().contains(":") && !config.host().startsWith("[") ? "[" + config.host() + "]" : config.host();
        h.add(named.toLowerCase(Locale.ROOT) + ":" + port);
        if (bind.isAnyLocalAddress()) {
            // --host 0.0.0.0: other machines name this one by one of its addresses or its host name
            for (String name : localNames()) {
                h.add(name.toLowerCase(Locale.ROOT) + ":" + port);
            }
        }
        this.hosts = Set.copyOf(h);
        Set<String> o = new java.util.HashSet<>();
        for (String host : hosts) {
            o.add("http://" + host);
        }
        this.origins = Set.copyOf(o);
        int pages = config.limits().maxPages();
        // one thread per open event stream (at most one per page) and a few for the short requests
        this.httpThreads = Executors.newFixedThreadPool(pages + 8, daemon("playground-http"));
        this.trainers = Executors.newFixedThreadPool(pages, daemon("playground-train"));
        this.reaper = Executors.newSingleThreadScheduledExecutor(daemon("playground-reaper"));
        server.setExecutor(httpThreads);
        server.createContext("/", this::handle);
    }

    /** Starts a server as {@code config} says; {@link #url()} is the address to open. */
    public static PlaygroundServer start(PlaygroundConfig config) throws IOException {
        PlaygroundServer s = new PlaygroundServer(config);
        s.server.start();
        s.reaper.scheduleWithFixedDelay(s::dropUnclaimed, 1, 1, TimeUnit.SECONDS);
        return s;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The per-launch token the API requires. */
    public String token() {
        return token;
    }

    /** The page's address with the token, e.g. {@code http://127.0.0.1:8123/?token=...}. */
    public String url() {
        String host = config.loopbackOnly() || server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1"
                : config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port() + "/?token=" + token;
    }

    /** The open pages (sessions). */
    public int sessionCount() {
        return sessions.size();
    }

    /** The pages whose network is training right now. */
    public int trainingCount() {
        int n = 0;
        for (Session s : sessions.values()) {
            if (s.training()) {
                n++;
            }
        }
        return n;
    }

    /** Stops the server: closes every session (their trainings stop), then the threads. */
    @Override
    public void close() {
        stopping = true;
        for (Session s : sessions.values()) {
            s.close();
        }
        sessions.clear();
        server.stop(0);
        reaper.shutdownNow();
        trainers.shutdownNow();
        httpThreads.shutdownNow();
        try {
            trainers.awaitTermination(2, TimeUnit.SECONDS);
            httpThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- dispatch ----

    private void handle(HttpExchange ex) {
        try (ex) {
            try {
                route(ex);
            } catch (ApiException e) {
                sendJson(ex, e.status(), Json.error(e.getMessage()));
            } catch (IllegalArgumentException e) {
                sendJson(ex, 400, Json.error(e.getMessage()));
            } catch (RuntimeException e) {
                // our bug: a short message for the page, never the stack trace
                sendJson(ex, 500, Json.error("internal error (" + e.getClass().getSimpleName() + "); please report it"));
            }
        } catch (IOException e) {
            // the page went away mid-response: nothing to tell it
        }
    }

    private void route(HttpExchange ex) throws IOException {
        checkHost(ex);
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        Map<String, String> query = query(ex);
        String[] asset = STATIC.get(path);
        if (asset != null) {
            requireMethod(ex, "GET");
            if (path.equals("/") && !tokenMatches(query.get("token"))) {
                sendPage(ex, 403, "<!doctype html><meta charset=utf-8><title>dlbasics playground</title>"
                        + "<p>This page needs the address with <code>?token=...</code> that <code>dlbasics playground</code> printed.</p>");
                return;
            }
            send(ex, 200, asset[1], assets.get(asset[0]));
            return;
        }
        if (!path.startsWith("/api/")) {
            throw ApiException.notFound("request: no page at " + path + "; open the address dlbasics playground printed");
        }
        String given = ex.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (!tokenMatches(given != null ? given : query.get("token"))) {
            throw ApiException.forbidden("request: missing or wrong token; open the address with ?token=... that dlbasics playground printed");
        }
        if (method.equals("POST")) {
            checkOrigin(ex);
        }
        String op = path.substring("/api/".length());
        switch (op) {
            case "limits" -> {
                requireMethod(ex, "GET");
                sendJson(ex, 200, Json.write(limitsMap()));
            }
            case "session" -> {
                requireMethod(ex, "POST");
                sendJson(ex, 201, Json.write(newSession(body(ex))));
            }
            case "events" -> {
                requireMethod(ex, "GET");
                events(ex, session(query));
            }
            case "reset" -> {
                requireMethod(ex, "POST");
                Session s = session(query);
                s.reset(RunSettings.parse(body(ex), config.limits()));
                sendJson(ex, 200, Json.write(s.summary()));
            }
            case "start" -> {
                requireMethod(ex, "POST");
                Session s = session(query);
                JsonNode b = body(ex);
                sendJson(ex, 200, Json.write(s.start(b.has("speed") ? intField(b, "speed") : null)));
            }
            case "pause" -> {
                requireMethod(ex, "POST");
                Session s = session(query);
                body(ex);
                sendJson(ex, 200, Json.write(s.pause()));
            }
            case "step" -> {
                requireMethod(ex, "POST");
                Session s = session(query);
                JsonNode b = body(ex);
                sendJson(ex, 200, Json.write(s.step(b.has("count") ? intField(b, "count") : 1)));
            }
            case "speed" -> {
                requireMethod(ex, "POST");
                Session s = session(query);
                JsonNode b = body(ex);
                if (!b.has("speed")) {
                    throw ApiException.badRequest("speed: the body needs {\"speed\": n}, updates per second");
                }
                s.setSpeed(intField(b, "speed"));
                sendJson(ex, 200, Json.write(s.summary()));
            }
            case "save" -> {
                requireMethod(ex, "POST");
                Session s = session(query);
                body(ex);
                sendJson(ex, 200, Json.write(save(s)));
            }
            case "export" -> {
                requireMethod(ex, "GET");
                Session s = session(query);
                ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"playground-run.json\"");
                sendJson(ex, 200, Json.write(s.export()));
            }
            case "close" -> {
                requireMethod(ex, "POST");
                Session s = session(query);
                remove(s);
                sendJson(ex, 200, Json.write(Map.of("closed", s.id)));
            }
            default -> throw ApiException.notFound("request: no API operation '" + op + "'; see PlaygroundServer's javadoc for the list");
        }
    }

    // ---- the checks ----

    private void checkHost(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw ApiException.forbidden("request: Host '" + host + "' is not this server (DNS rebinding guard); open "
                    + "http://127.0.0.1:" + port() + "/ as printed");
        }
    }

    private void checkOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            throw ApiException.forbidden("request: Origin '" + origin + "' is not this server's page; "
                    + "only the playground's own page may change its state");
        }
    }

    private boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireMethod(HttpExchange ex, String method) {
        if (!ex.getRequestMethod().equals(method)) {
            ex.getResponseHeaders().set("Allow", method);
            throw new ApiException(405, "request: " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath()
                    + " is not supported; use " + method);
        }
    }

    private static int intField(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw ApiException.badRequest("request: " + field + " must be a whole number, got " + n);
        }
        return n.asInt();
    }

    // ---- sessions ----

    private Map<String, Object> newSession(JsonNode settingsJson) {
        if (stopping) {
            throw new ApiException(503, "session: the server is stopping");
        }
        RunSettings settings = RunSettings.parse(settingsJson, config.limits());
        byte[] b = new byte[12];
        random.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        synchronized (sessions) {
            if (sessions.size() >= config.limits().maxPages()) {
                throw new ApiException(429, "session: " + sessions.size() + " pages are open, the server's limit; "
                        + "close a playground tab (or start dlbasics playground with a higher --max-pages)");
            }
            sessions.put(id, new Session(id, settings, config.limits(), trainers));
        }
        Session s = sessions.get(id);
        return s == null ? Map.of("session", id) : s.summary();
    }

    private Session session(Map<String, String> query) {
        String id = query.get("session");
        if (id == null) {
            throw ApiException.badRequest("request: no ?session= given; create one with POST /api/session");
        }
        Session s = sessions.get(id);
        if (s == null || s.closed()) {
            throw ApiException.notFound("request: no open session '" + id + "' (closed or never made); reload the page");
        }
        return s;
    }

    private void remove(Session s) {
        s.close();
        sessions.remove(s.id, s);
    }

    private void dropUnclaimed() {
        for (Session s : sessions.values()) {
            if (!s.attached() && s.ageNanos() > UNCLAIMED_MILLIS * 1_000_000) {
                remove(s);
            }
        }
    }

    /** The event stream of one page; when the page goes away (a write fails) its session ends. */
    private void events(HttpExchange ex, Session s) throws IOException {
        s.attach();
        try {
            Headers h = ex.getResponseHeaders();
            h.set("Content-Type", "text/event-stream; charset=utf-8");
            h.set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(("retry: 100000\n: session " + s.id + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            long[] seen = {-1, -1};
            while (!s.closed() && !stopping) {
                List<String[]> frames = s.await(seen, PING_MILLIS);
                StringBuilder sb = new StringBuilder();
                for (String[] f : frames) {
                    sb.append("event: ").append(f[0]).append("\ndata: ").append(f[1]).append("\n\n");
                }
                if (sb.length() == 0) {
                    sb.append(": ping\n\n");
                }
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page closed: end its session below
        } finally {
            remove(s);
        }
    }

    // ---- saving ----

    private Map<String, Object> save(Session s) {
        Path dir = config.saveDir();
        if (dir == null) {
            throw ApiException.conflict("save: saving is off; start dlbasics playground with --save-dir DIR to save models there");
        }
        Session.Copy c = s.copy();
        String base = "playground-" + c.settings().data().id + "-" + c.state().iteration();
        Path file;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ApiException(507, "save: cannot create the save folder " + dir.toAbsolutePath() + " (" + e.getMessage() + ")");
        }
        synchronized (saved) {
            int n = saved.incrementAndGet();
            file = dir.resolve(base + "-" + n + ".safetensors");
            while (Files.exists(file)) {
                file = dir.resolve(base + "-" + saved.incrementAndGet() + ".safetensors");
            }
            try {
                ModelFile.write(Session.model(c), file);
            } catch (UncheckedIOException e) {
                throw new ApiException(507, "save: cannot write " + file.toAbsolutePath() + " (" + e.getCause().getMessage() + ")");
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.getFileName().toString());
        m.put("folder", dir.toAbsolutePath().toString());
        m.put("iteration", c.state().iteration());
        m.put("use", "dlbasics evaluate " + file.toAbsolutePath() + " " + String.join(" ", c.settings().dataOptions()));
        return m;
    }

    // ---- responses ----

    private Map<String, Object> limitsMap() {
        Limits l = config.limits();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxPages", l.maxPages());
        m.put("maxHiddenLayers", l.maxHiddenLayers());
        m.put("maxUnits", l.maxUnits());
        m.put("maxExamples", l.maxExamples());
        m.put("maxIterationsPerSecond", l.maxIterationsPerSecond());
        m.put("maxIterations", l.maxIterations());
        m.put("maxStep", Session.MAX_STEP);
        m.put("saving", config.saveDir() != null);
        java.util.List<Map<String, Object>> sets = new java.util.ArrayList<>();
        for (DataSets d : DataSets.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", d.id);
            e.put("size", d.defaultSize);
            e.put("sizeFixed", d.sizeFixed());
            e.put("parameter", d.parameter);
            e.put("noise", d.defaultNoise);
            e.put("minNoise", d.minNoise);
            e.put("maxNoise", d.maxNoise);
            e.put("dataSeed", d.defaultSeed());
            sets.add(e);
        }
        m.put("dataSets", sets);
        m.put("defaults", RunSettings.defaults().toMap());
        return m;
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        byte[] b = in.readNBytes(MAX_BODY + 1);
        if (b.length > MAX_BODY) {
            throw new ApiException(413, "request: the body is over " + MAX_BODY + " bytes; settings take a few hundred");
        }
        return Json.parse(new String(b, StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("request: the query string is not valid URL encoding");
            }
        }
        return q;
    }

    private static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        send(ex, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendPage(HttpExchange ex, int status, String html) throws IOException {
        send(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
                + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PlaygroundServer.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("PlaygroundServer: web/" + name + " is missing from the jar; the build left it out");
            }
            return in.readAllBytes();
        }
    }

    /** This machine's addresses (IPv6 in brackets) and host name, as a Host header may give them. */
    private static Set<String> localNames() {
        Set<String> names = new java.util.HashSet<>();
        try {
            names.add(InetAddress.getLocalHost().getHostName());
            for (java.net.NetworkInterface ni : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : java.util.Collections.list(ni.getInetAddresses())) {
                    String text = a.getHostAddress().replaceAll("%.*$", "");
                    names.add(a instanceof java.net.Inet6Address ? "[" + text + "]" : text);
                }
            }
        } catch (IOException e) {
            // no names beyond the loopback ones: remote pages are refused, the safe side
        }
        return names;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
