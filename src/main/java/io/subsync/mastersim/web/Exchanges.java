package io.subsync.mastersim.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reading requests and writing JSON answers with a fixed length, so connections stay open for the next request. */
final class Exchanges {
    static final int MAX_BODY_BYTES = 64 * 1024;

    private Exchanges() {}

    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new BadRequest(413, null, "the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    static int json(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return status;
    }

    static int error(HttpExchange exchange, int status, String field, String message) throws IOException {
        return json(exchange, status, Json.write(Json.error(message, field)));
    }

    static int error(HttpExchange exchange, BadRequest problem) throws IOException {
        return error(exchange, problem.status(), problem.field(), problem.getMessage());
    }

    static int noContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
        return 204;
    }

    static int notFound(HttpExchange exchange) throws IOException {
        return error(
                exchange,
                404,
                null,
                "no such endpoint: " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath());
    }

    static int methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        return error(exchange, 405, null, exchange.getRequestMethod() + " is not allowed here; use " + allowed);
    }
}
