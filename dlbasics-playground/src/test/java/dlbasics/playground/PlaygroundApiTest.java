package dlbasics.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dlbasics.io.ModelFile;
import dlbasics.model.TrainedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API: the guards (Host, Origin, token), the limits, and start / pause / step / save / export. */
class PlaygroundApiTest {
    private static final Limits LIMITS = Limits.DEFAULT.withMaxPages(2);
    private PlaygroundServer server;
    private Http http;
    /** Every response seen, to check that none was a 5xx. */
    private final List<Http.Response> seen = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = PlaygroundServer.start(PlaygroundConfig.loopback().withLimits(LIMITS));
        http = new Http(server);
    }

    @AfterEach
    void stop() {
        server.close();
        for (Http.Response r : seen) {
            assertTrue(r.status() < 500, () -> "a 5xx answer: " + r);
            assertFalse(r.body().contains("\tat "), () -> "a stack trace in: " + r.body());
        }
    }

    private Http.Response get(String path) throws IOException {
        Http.Response r = http.get(path);
        seen.add(r);
        return r;
    }

    private Http.Response post(String path, String body) throws IOException {
        Http.Response r = http.post(path, body);
        seen.add(r);
        return r;
    }

    private Http.Response send(String method, String path, String body, Map<String, String> headers) throws IOException {
        Http.Response r = http.send(method, path, body, headers);
        seen.add(r);
        return r;
    }

    private String session(String settings) throws IOException {
        Http.Response r = post("/api/session", settings);
        assertEquals(201, r.status(), r.body());
        return r.json().get("session").asText();
    }

    private void assertError(int status, String fragment, Http.Response r) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.headers().get("content-type").startsWith("application/json"), r.headers().toString());
        assertTrue(r.error().contains(fragment), () -> "expected '" + fragment + "' in: " + r.error());
    }

    @Test
    void servesThePageOnlyWithTheToken() throws IOException {
        Http.Response page = get("/?token=" + server.token());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<canvas id=\"boundary\""));
        assertTrue(page.headers().get("content-security-policy").contains("default-src 'self'"));
        assertEquals(403, get("/").status());
        assertEquals(403, get("/?token=0123").status());
        Http.Response js = get("/app.js");
        assertEquals(200, js.status());
        assertTrue(js.headers().get("content-type").startsWith("text/javascript"));
        assertEquals(200, get("/style.css").status());
        assertError(404, "no page at /../pom.xml", get("/../pom.xml"));
        assertError(404, "no page", get("/web/app.js"));
    }

    @Test
    void refusesAnotherHost() throws IOException {
        Map<String, String> h = http.headers();
        h.put("Host", "evil.example:" + server.port());
        assertError(403, "DNS rebinding", send("GET", "/api/limits", null, h));
        h.put("Host", "evil.example");
        assertError(403, "is not this server", send("GET", "/?token=" + server.token(), null, h));
        h.put("Host", null);
        assertEquals(403, send("GET", "/api/limits", null, h).status());
        h.put("Host", "localhost:" + server.port());
        assertEquals(200, send("GET", "/api/limits", null, h).status());
    }

    @Test
    void refusesAMissingOrWrongToken() throws IOException {
        Map<String, String> h = http.headers();
        h.remove(PlaygroundServer.TOKEN_HEADER);
        assertError(403, "token", send("GET", "/api/limits", null, h));
        assertError(403, "token", send("POST", "/api/session", "{}", h));
        h.put(PlaygroundServer.TOKEN_HEADER, server.token().substring(1) + "0");
        assertError(403, "token", send("GET", "/api/limits", null, h));
        assertEquals(200, get("/api/limits").status());
        h.remove(PlaygroundServer.TOKEN_HEADER);
        assertEquals(200, send("GET", "/api/limits?token=" + server.token(), null, h).status());
        assertEquals(0, server.sessionCount());
    }

    @Test
    void refusesStateChangesFromAnotherOrigin() throws IOException {
        Map<String, String> h = http.headers();
        h.put("Origin", "http://evil.example");
        assertError(403, "Origin", send("POST", "/api/session", "{}", h));
        h.put("Origin", "null");
        assertError(403, "Origin", send("POST", "/api/session", "{}", h));
        h.put("Origin", "http://127.0.0.1:" + (server.port() == 1 ? 2 : server.port() - 1));
        assertError(403, "Origin", send("POST", "/api/session", "{}", h));
        assertEquals(0, server.sessionCount());
        h.put("Origin", "http://localhost:" + server.port());
        assertEquals(201, send("POST", "/api/session", "{}", h).status());
    }

    @Test
    void refusesBadSettingsNamingTheField() throws IOException {
        assertError(400, "unknown data set 'cat'", post("/api/session", "{\"data\":\"cat\"}"));
        assertError(400, "at most 6", post("/api/session", "{\"hidden\":[2,2,2,2,2,2,2]}"));
        assertError(400, "1 to 16 units", post("/api/session", "{\"hidden\":[4,17]}"));
        assertError(400, "1 to 16 units", post("/api/session", "{\"hidden\":[0]}"));
        assertError(400, "learningRate is -1.0", post("/api/session", "{\"learningRate\":-1}"));
        assertError(400, "size is 100000", post("/api/session", "{\"data\":\"moons\",\"size\":100000}"));
        assertError(400, "flower always has 400", post("/api/session", "{\"size\":50}"));
        assertError(400, "noise is 5.0", post("/api/session", "{\"data\":\"moons\",\"noise\":5}"));
        assertError(400, "unknown activation 'sigmoid'", post("/api/session", "{\"activation\":\"sigmoid\"}"));
        assertError(400, "unknown field 'path'", post("/api/session", "{\"path\":\"/etc/passwd\"}"));
        assertError(400, "seed is -3", post("/api/session", "{\"seed\":-3}"));
        assertError(400, "not valid JSON", post("/api/session", "{\"data\":"));
        assertError(413, "over 16384 bytes", post("/api/session", "{\"data\":\"" + "x".repeat(20_000) + "\"}"));
        assertEquals(0, server.sessionCount());
    }

    @Test
    void refusesMorePagesThanTheLimit() throws IOException {
        session("{}");
        session("{\"data\":\"moons\"}");
        assertError(429, "2 pages are open", post("/api/session", "{}"));
        assertEquals(2, server.sessionCount());
    }

    @Test
    void stepsStartsAndPauses() throws IOException, InterruptedException {
        String id = session("{}");
        String q = "?session=" + id;
        JsonNode stepped = post("/api/step" + q, "{\"count\":5}").json();
        assertEquals(5, stepped.get("iteration").asInt());
        assertEquals("ready", stepped.get("status").asText());
        assertError(400, "step 1 to 1000", post("/api/step" + q, "{\"count\":0}"));
        assertError(400, "step 1 to 1000", post("/api/step" + q, "{\"count\":5000}"));
        assertError(400, "choose 1 to 2000", post("/api/start" + q, "{\"speed\":1000000}"));

        Http.Response started = post("/api/start" + q, "{\"speed\":500}");
        assertEquals(200, started.status(), started.body());
        assertEquals("running", started.json().get("status").asText());
        assertEquals(1, server.trainingCount());
        assertError(409, "already training", post("/api/start" + q, "{}"));
        assertError(409, "pause it before stepping", post("/api/step" + q, "{}"));
        Thread.sleep(300);
        JsonNode paused = post("/api/pause" + q, "").json();
        assertEquals("ready", paused.get("status").asText());
        int at = paused.get("iteration").asInt();
        assertTrue(at > 5 && at < 5 + 500, "500 updates/s for ~0.3 s from 5, got " + at);
        assertEquals(0, server.trainingCount());
        Thread.sleep(100);
        assertEquals(at, post("/api/pause" + q, "").json().get("iteration").asInt(), "paused means no more updates");

        JsonNode reset = post("/api/reset" + q, "{\"hidden\":[3,2],\"activation\":\"relu\"}").json();
        assertEquals(0, reset.get("iteration").asInt());
        assertError(400, "1 to 16 units", post("/api/reset" + q, "{\"hidden\":[99]}"));
        assertError(405, "use POST", get("/api/start" + q));
        assertError(404, "no open session 'nope'", post("/api/start?session=nope", "{}"));
        assertError(400, "no ?session=", post("/api/start", "{}"));
        assertError(404, "no API operation 'shutdown'", post("/api/shutdown" + q, "{}"));
        assertEquals(200, post("/api/close" + q, "").status());
        assertEquals(0, server.sessionCount());
    }

    @Test
    void aDivergedRunSaysWhyAndWaitsForAReset() throws IOException {
        String id = session("{\"data\":\"blobs\",\"noise\":3,\"hidden\":[16,16,16,16,16,16],\"activation\":\"relu\",\"learningRate\":10}");
        String q = "?session=" + id;
        JsonNode stepped = post("/api/step" + q, "{\"count\":200}").json();
        assertEquals("diverged", stepped.get("status").asText(), stepped.toString());
        assertTrue(stepped.get("message").asText().contains("try a smaller learning rate"), stepped.toString());
        assertError(409, "the last run diverged", post("/api/start" + q, "{}"));
        assertError(409, "the last run diverged", post("/api/step" + q, "{}"));
        JsonNode reset = post("/api/reset" + q, "{\"data\":\"blobs\",\"hidden\":[4],\"learningRate\":0.5}").json();
        assertEquals("ready", reset.get("status").asText());
        assertEquals(10, post("/api/step" + q, "{\"count\":10}").json().get("iteration").asInt());
    }

    @Test
    void exportsTheRunWithTheTrainersCostsAndTheCommandLine() throws IOException {
        String id = session("{\"data\":\"moons\",\"hidden\":[5],\"testShare\":0.3,\"dataSeed\":7}");
        post("/api/step?session=" + id, "{\"count\":1000}");
        post("/api/step?session=" + id, "{\"count\":250}");
        JsonNode run = get("/api/export?session=" + id).json();
        assertEquals(1250, run.get("iterations").asInt());
        assertEquals(13, run.get("costs").size(), "costs at iterations 0, 100, ..., 1200");
        assertTrue(run.get("costs").get(12).asDouble() < run.get("costs").get(0).asDouble() - 0.2, run.get("costs").toString());
        assertEquals("dlbasics train --data moons --data-seed 7 --test-split 0.3 --model shallow --hidden 5 --activation tanh "
                + "--lr 1.2 --iterations 1250 --seed 2 --print-every 100", run.get("command").asText());
        assertTrue(run.get("command_matches_data").asBoolean());
        assertEquals("[2,5,1]", run.get("layer_sizes").toString());
        assertTrue(run.get("test_accuracy").asDouble() > 0.75, run.toString());
        assertTrue(run.get("history").size() >= 2, run.get("history").toString());
    }

    @Test
    void savesOnlyIntoTheSaveFolder(@TempDir Path dir) throws IOException {
        String id = session("{}");
        assertError(409, "--save-dir", post("/api/save?session=" + id, ""));
        server.close();
        Path folder = dir.resolve("models");
        server = PlaygroundServer.start(PlaygroundConfig.loopback().withLimits(LIMITS).withSaveDir(folder));
        http = new Http(server);
        id = session("{}");
        post("/api/step?session=" + id, "{\"count\":120}");
        JsonNode saved = post("/api/save?session=" + id, "").json();
        Path file = folder.resolve(saved.get("file").asText());
        assertTrue(Files.isRegularFile(file), file.toString());
        assertTrue(saved.get("use").asText().startsWith("dlbasics evaluate " + file.toAbsolutePath() + " --data flower"));
        TrainedModel model = ModelFile.read(file);
        assertEquals(120, model.settings().iterations());
        assertEquals(2, model.costs().length);
        assertEquals(List.of("red", "blue"), model.classNames());
        JsonNode again = post("/api/save?session=" + id, "").json();
        assertNotEquals(saved.get("file").asText(), again.get("file").asText(), "a second save never overwrites the first");
        try (var files = Files.list(folder)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void streamsFramesAndAClosedPageStopsItsTrainingWithinASecond() throws IOException, InterruptedException {
        String id = session("{}");
        try (Http.Events events = new Http.Events(server.port(), server.token(), id)) {
            assertEquals(200, events.status);
            JsonNode data = events.next("data");
            assertEquals(320, data.get("train").size(), "400 flower points, 20 % held out");
            assertEquals(80, data.get("test").size());
            JsonNode first = events.next("update");
            assertEquals(0, first.get("iteration").asInt());
            assertEquals(Session.GRID * Session.GRID, java.util.Base64.getDecoder().decode(first.get("boundary").asText()).length);
            assertEquals(4, first.get("units").get(0).size(), "one picture per hidden unit");
            assertError(409, "already has an event stream", get("/api/events?session=" + id));
            post("/api/start?session=" + id, "{\"speed\":2000}");
            JsonNode later = events.next("update");
            later = later.get("iteration").asInt() > 0 ? later : events.next("update");
            assertTrue(later.get("iteration").asInt() > 0);
            assertNotEquals(first.get("boundary").asText(), later.get("boundary").asText());
            assertEquals(1, server.trainingCount());
        }
        long closed = System.nanoTime();
        while ((server.trainingCount() > 0 || server.sessionCount() > 0) && System.nanoTime() - closed < 3_000_000_000L) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - closed) / 1e9;
        assertEquals(0, server.trainingCount());
        assertEquals(0, server.sessionCount());
        assertTrue(seconds < 1.0, "the training stopped " + seconds + " s after the page closed");
    }
}
