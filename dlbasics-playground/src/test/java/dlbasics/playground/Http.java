package dlbasics.playground;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raw HTTP/1.1 client over a socket, so tests can send any Host and Origin header (the JDK's
 * HttpClient refuses to set Host). One request per connection ({@code Connection: close}).
 */
final class Http {
    record Response(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            return Json.parse(body);
        }

        String error() {
            return json().path("error").asText();
        }
    }

    private final int port;
    private final String token;

    Http(PlaygroundServer server) {
        this(server.port(), server.token());
    }

    Http(int port, String token) {
        this.port = port;
        this.token = token;
    }

    Response get(String path) throws IOException {
        return send("GET", path, null, headers());
    }

    Response post(String path, String body) throws IOException {
        Map<String, String> h = headers();
        h.put("Origin", "http://127.0.0.1:" + port);
        return send("POST", path, body, h);
    }

    /** The standard headers: this server's Host and the token. */
    Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "127.0.0.1:" + port);
        h.put(PlaygroundServer.TOKEN_HEADER, token);
        return h;
    }

    Response send(String method, String path, String body, Map<String, String> headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getValue() != null) {
                    req.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
                }
            }
            req.append("Connection: close\r\n");
            if (body != null) {
                req.append("Content-Type: application/json\r\nContent-Length: ").append(b.length).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(b);
            out.flush();
            return parse(s.getInputStream().readAllBytes());
        }
    }

    static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no HTTP response head in: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            h.put(lines[i].substring(0, c).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(c + 1).trim());
        }
        return new Response(status, h, text.substring(end + 4));
    }

    /** An open event stream: reads frames (de-chunking the body) from a socket that stays open until closed. */
    static final class Events implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final StringBuilder buffer = new StringBuilder();
        final int status;

        Events(int port, String token, String session) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(20_000);
            String req = "GET /api/events?session=" + session + "&token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\n\r\n";
            socket.getOutputStream().write(req.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            in = new java.io.BufferedInputStream(socket.getInputStream());
            String head = line();
            status = Integer.parseInt(head.split(" ")[1]);
            while (!line().isEmpty()) {
                // headers
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            if (c < 0 && sb.length() == 0) {
                throw new IOException("the event stream ended");
            }
            return sb.toString();
        }

        /** The next event of type {@code type} (skipping others and pings), as JSON. */
        JsonNode next(String type) throws IOException {
            while (true) {
                int sep;
                while ((sep = buffer.indexOf("\n\n")) < 0) {
                    int size = Integer.parseInt(line().trim(), 16);
                    if (size == 0) {
                        throw new IOException("the event stream ended");
                    }
                    buffer.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                    line();
                }
                String block = buffer.substring(0, sep);
                buffer.delete(0, sep + 2);
                String event = null;
                String data = null;
                for (String l : block.split("\n")) {
                    if (l.startsWith("event: ")) {
                        event = l.substring(7).trim();
                    } else if (l.startsWith("data: ")) {
                        data = l.substring(6);
                    }
                }
                if (type.equals(event) && data != null) {
                    return Json.parse(data);
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
