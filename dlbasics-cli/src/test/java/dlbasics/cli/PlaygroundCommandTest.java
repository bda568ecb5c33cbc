package dlbasics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlbasics.playground.PlaygroundConfig;
import dlbasics.playground.PlaygroundServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dlbasics playground}: it serves the page until stopped, and the page trains exactly as {@code dlbasics train}. */
class PlaygroundCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("X-Dlbasics-Token", token);
        r = body == null ? r.GET() : r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageUntilStopped(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = DlbasicsCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), false);
        PlaygroundCommand command = cl.getSubcommands().get("playground").getCommand();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = runner.submit(() -> cl.execute("playground", "--save-dir", dir.toString()));
            Pattern address = Pattern.compile("open (http://127\\.0\\.0\\.1:(\\d+)/\\?token=([0-9a-f]+))");
            Matcher m = address.matcher("");
            for (int i = 0; i < 200 && !(m = address.matcher(out.toString())).find(); i++) {
                Thread.sleep(50);
            }
            assertTrue(m.find(0), "the address is printed: " + out + err);
            String url = m.group(1);
            HttpResponse<String> page = send(url, "", null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("dlbasics playground"));
            assertTrue(out.toString().contains("Models are saved in " + dir.toAbsolutePath()), out.toString());
            assertEquals("", err.toString(), "no warning on the loopback address");
            command.stop.countDown();
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
            assertThrows(ConnectException.class, () -> send(url, "", null), "the server has stopped");
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void refusesABadPort() {
        Cli.Result r = Cli.run("playground", "--port", "70000");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--port 70000 is outside 0..65535"), r.err());
    }

    /** The page's run and {@code dlbasics train --json} with the command line the page shows: the same costs, bit for bit. */
    @Test
    void thePageTrainsAsDlbasicsTrain() throws Exception {
        String[] settings = {
                "{\"data\":\"flower\",\"hidden\":[4],\"testShare\":0.2}",
                "{\"data\":\"moons\",\"hidden\":[6,3],\"activation\":\"relu\",\"learningRate\":0.3,\"testShare\":0.3,\"dataSeed\":4,\"seed\":7}",
                "{\"data\":\"blobs\",\"hidden\":[],\"learningRate\":0.5,\"testShare\":0}",
        };
        try (PlaygroundServer server = PlaygroundServer.start(PlaygroundConfig.loopback())) {
            String api = "http://127.0.0.1:" + server.port() + "/api/";
            for (String s : settings) {
                JsonNode session = JSON.readTree(send(api + "session", server.token(), s).body());
                String q = "?session=" + session.get("session").asText();
                send(api + "step" + q, server.token(), "{\"count\":1000}");
                send(api + "step" + q, server.token(), "{\"count\":234}");
                JsonNode run = JSON.readTree(send(api + "export" + q, server.token(), null).body());
                assertEquals(1234, run.get("iterations").asInt(), run.toString());
                send(api + "close" + q, server.token(), "");

                List<String> args = new ArrayList<>(Arrays.asList(run.get("command").asText().split(" ")));
                assertEquals("dlbasics", args.remove(0));
                args.add("--json");
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertEquals(0, r.exitCode(), r.toString());
                JsonNode cli = JSON.readTree(r.out());
                assertArrayEquals(doubles(cli.get("costs")), doubles(run.get("costs")), 0.0, s + ": recorded costs");
                assertEquals(cli.get("train_accuracy").asDouble(), run.get("train_accuracy").asDouble(), 0.0, s);
                assertEquals(cli.get("test_accuracy"), run.get("test_accuracy"), s);
                assertEquals(cli.get("layer_sizes"), run.get("layer_sizes"), s);
            }
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }
}
