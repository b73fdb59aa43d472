package io.subsync.mastersim.web;

import io.subsync.mastersim.StateFileUnreadable;
import io.subsync.mastersim.domain.Ledger;
import io.subsync.mastersim.domain.MasterSubscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's state kept in one JSON file, so a restarted simulator is the Master it was: every subscription with
 * its version and applied sequences, and the answer given to every Idempotency-Key. Written whole after each change,
 * to a temporary file beside it that is then renamed over it, so a crash leaves the old file or the new one, never
 * half of one. Counters and the webhook events sent are not kept (they count "since start").
 */
final class StateFile {
    static final int FORMAT = 1;
    private final Path path;

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** Reads the file into {@code run}; a missing file leaves it empty. */
    void load(Simulation.Run run) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new StateFileUnreadable(path, e.toString());
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new StateFileUnreadable(path, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new StateFileUnreadable(path, "not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isIntegralNumber() || format.intValue() != FORMAT) {
            throw new StateFileUnreadable(path, "format must be " + FORMAT + ", was " + format);
        }
        List<Ledger.Entry> entries = new ArrayList<>();
        JsonNode subscriptions = array(root, "subscriptions");
        for (int i = 0; i < subscriptions.size(); i++) {
            entries.add(entry(subscriptions.get(i), "subscriptions[" + i + "]"));
        }
        Map<String, byte[]> answers = new LinkedHashMap<>();
        JsonNode replays = array(root, "replays");
        for (int i = 0; i < replays.size(); i++) {
            String where = "replays[" + i + "]";
            JsonNode replay = object(replays.get(i), where);
            answers.put(
                    text(replay, "idempotencyKey", where, false),
                    text(replay, "answer", where, false).getBytes(StandardCharsets.UTF_8));
        }
        entries.forEach(run.ledger::restore);
        answers.forEach(run.replays::restore);
    }

    /** Writes {@code run} whole, atomically: a temporary file beside the state file, then renamed over it. */
    synchronized void save(Simulation.Run run) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (Ledger.Entry entry : run.ledger.entries()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("userId", entry.subscription().userId());
            item.putAll(Json.subscription(entry.subscription()));
            item.put("appliedSequence", entry.appliedSequence());
            subscriptions.add(item);
        }
        state.put("subscriptions", subscriptions);
        List<Map<String, Object>> replays = new ArrayList<>();
        run.replays.answered().forEach((key, answer) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("idempotencyKey", key);
            item.put("answer", new String(answer, StandardCharsets.UTF_8));
            replays.add(item);
        });
        state.put("replays", replays);
        write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    }

    private void write(byte[] bytes) {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            Files.createDirectories(path.getParent());
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Master simulator's state file " + path, e);
        }
    }

    private Ledger.Entry entry(JsonNode node, String where) {
        JsonNode item = object(node, where);
        JsonNode version = item.get("version");
        if (version == null || !version.isIntegralNumber() || version.longValue() < 1) {
            throw new StateFileUnreadable(path, where + ".version must be a whole number from 1");
        }
        String updatedAt = text(item, "updatedAt", where, false);
        Instant updated;
        try {
            updated = Instant.parse(updatedAt);
        } catch (DateTimeParseException e) {
            throw new StateFileUnreadable(path, where + ".updatedAt is not an ISO-8601 instant: " + updatedAt);
        }
        JsonNode metadata = item.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw new StateFileUnreadable(path, where + ".metadata must be an object or null");
        }
        List<Long> sequence = new ArrayList<>();
        JsonNode applied = item.get("appliedSequence");
        if (applied != null && !applied.isNull()) {
            if (!applied.isArray()) {
                throw new StateFileUnreadable(path, where + ".appliedSequence must be an array");
            }
            for (JsonNode value : applied) {
                if (!value.isIntegralNumber()) {
                    throw new StateFileUnreadable(path, where + ".appliedSequence must hold whole numbers");
                }
                sequence.add(value.longValue());
            }
        }
        return new Ledger.Entry(
                new MasterSubscription(
                        text(item, "userId", where, false),
                        text(item, "serviceId", where, false),
                        text(item, "planTier", where, false),
                        text(item, "status", where, false),
                        text(item, "startDate", where, true),
                        text(item, "endDate", where, true),
                        text(item, "serviceName", where, true),
                        text(item, "planCode", where, true),
                        metadata(metadata),
                        version.longValue(),
                        updated),
                sequence);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(JsonNode node) {
        return node == null || node.isNull()
                ? null
                : Collections.unmodifiableMap(Json.MAPPER.convertValue(node, Map.class));
    }

    private JsonNode array(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new StateFileUnreadable(path, field + " must be an array");
        }
        return node;
    }

    private JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new StateFileUnreadable(path, where + " must be an object");
        }
        return node;
    }

    private String text(JsonNode item, String field, String where, boolean nullable) {
        JsonNode node = item.get(field);
        if ((node == null || node.isNull()) && nullable) {
            return null;
        }
        if (node == null || !node.isString()) {
            throw new StateFileUnreadable(path, where + "." + field + " must be a string");
        }
        return node.stringValue();
    }
}
