package io.subsync.sync.outbound.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors as a website user reads them on their sync page: what Master's answer meant and its own message, not the
 * raw HTTP body (the admin page and the API keep the raw text).
 */
final class PlainWords {
    private static final Pattern MASTER_ANSWER =
            Pattern.compile("^Master answered HTTP (\\d{3})(?:: (.*))?$", Pattern.DOTALL);
    private static final Pattern MESSAGE =
            Pattern.compile("\"(detail|error|message|title)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PlainWords() {}

    /** {@code error} in plain words; null when there is none. */
    static String error(String error) {
        if (error == null || error.isBlank()) {
            return null;
        }
        Matcher answer = MASTER_ANSWER.matcher(error.trim());
        if (!answer.matches()) {
            return sentence(error.trim());
        }
        int status = Integer.parseInt(answer.group(1));
        String message = message(answer.group(2));
        if (status >= 400 && status < 500 && status != 408 && status != 409 && status != 429) {
            return "Master refused the change (HTTP " + status + ")" + (message == null ? "." : ": " + stop(message));
        }
        return "Master could not take the change at the time (HTTP " + status + "); it is sent again"
                + (message == null ? "." : ". Master said: " + stop(message));
    }

    /** The message of a JSON body (its detail, error, message or title), or the body itself when it is short text. */
    private static String message(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        Matcher field = MESSAGE.matcher(body);
        if (field.find()) {
            return field.group(2).replace("\\\"", "\"");
        }
        String text = body.trim();
        return text.startsWith("{") || text.startsWith("[") || text.startsWith("<") ? null : text;
    }

    private static String sentence(String text) {
        return stop(Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }

    /** Master's own words as they came (a field name may start them), ended as a sentence. */
    private static String stop(String text) {
        return text.endsWith(".") || text.endsWith("…") ? text : text + ".";
    }
}
