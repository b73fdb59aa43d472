package io.subsync.problems;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Parameters Tomcat could not decode: a malformed %-escape, or bytes that are not UTF-8 ({@code ?%zz=1},
 * {@code cursor=%ff}), or a form body over its limit. Tomcat throws {@link InvalidParameterException} wherever a
 * parameter is first read, and names nothing reliably; the answer names the first parameter of the query string at
 * fault, by its decoded name, or as it was sent when the name itself does not decode.
 */
final class UndecodableParameters {
    private static final int MAX_NAME = 64;

    private UndecodableParameters() {}

    static ProblemDetail problem(InvalidParameterException e, String queryString) {
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return Problems.field(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large",
                    "body",
                    "is a form larger than the service accepts");
        }
        return Problems.field(
                HttpStatus.BAD_REQUEST,
                "Invalid parameter",
                culprit(queryString).orElse("body"),
                "is not percent-encoded UTF-8");
    }

    private static Optional<String> culprit(String queryString) {
        if (queryString == null) {
            return Optional.empty();
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> decoded = decode(name);
            if (decoded.isEmpty()) {
                return Optional.of(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
            }
            if (equals >= 0 && decode(pair.substring(equals + 1)).isEmpty()) {
                return decoded;
            }
        }
        return Optional.empty();
    }

    /** Strictly: none for a malformed escape or bytes that are not UTF-8 (where URLDecoder would substitute). */
    private static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
