package io.subsync.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client will not send: malformed request lines and paths, a length
 * with no body behind it, a body that does not end.
 */
public final class RawHttp {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMEOUT_MILLIS = 20_000;
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A response; header names in lower case. */
    public record Response(int status, Map<String, String> headers, String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /** What a body that would not end got: the answer, and how much of the body was sent before it came. */
    public record Cutoff(Response response, long bytesSent) {}

    /**
     * Sends {@code method path HTTP/1.1} with the headers (each value as its bytes in ISO-8859-1, so a string may carry
     * any byte) and the body, and reads the answer.
     */
    public Response send(String method, String path, Map<String, String> headers, String body) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        return send(head.append("\r\n") + new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code head} (the request line and headers, up to and including the blank line) and reads the answer. */
    public Response send(String head) {
        try (Socket socket = sent(head)) {
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code head} and returns the body of what the server sends back until it closes: all of it for an answer
     * in HTTP/0.9 (a body alone, no status line, no headers), what follows the head for an HTTP/1.x answer.
     */
    public String sendForBody(String head) {
        try (Socket socket = sent(head)) {
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int body = answer.indexOf("\r\n\r\n");
            return answer.startsWith("HTTP/") && body >= 0 ? answer.substring(body + 4) : answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Socket sent(String head) throws IOException {
        Socket socket = open();
        socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    /**
     * Sends {@code head}, which announces a chunked body, then chunks of {@code x} for as long as the server reads them
     * (at most {@code maxBytes}), and reads the answer meanwhile.
     */
    public Cutoff sendEndlessChunks(String head, long maxBytes) {
        AtomicLong sent = new AtomicLong();
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(
                    () -> {
                        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                        try {
                            while (sent.get() < maxBytes) {
                                out.write(chunk);
                                sent.addAndGet(0x10000);
                            }
                            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException closedByTheServer) {
                            // what the test wants: the server stopped reading
                        }
                    },
                    "endless-body");
            writer.setDaemon(true);
            writer.start();
            Response response = read(socket.getInputStream());
            socket.close();
            writer.join(TIMEOUT_MILLIS);
            return new Cutoff(response, sent.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of a response line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
