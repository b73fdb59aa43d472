package io.subsync;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Hostile values for one JSON schema property, by the type the OpenAPI document gives it. {@link #wrongTypes} are
 * values of another JSON type that no reading of the schema makes valid (a boolean for a string, a fraction for an
 * integer); {@link #coercible} are the ones a lenient parser may fairly convert (the number 12 for a string, the
 * string "12" for an integer), sent only to check the answer's shape.
 */
final class HostileValues {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> BLANK_UUIDS = List.of("", "   ");
    static final List<String> MALFORMED_UUIDS = List.of(
            "not-a-uuid",
            "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
            "123e4567-e89b-12d3-a456-4266141740000",
            "{123e4567-e89b-12d3-a456-426614174000}",
            "123e4567e89b12d3");
    /** The first has its NUL inside: String.trim() removes one at either end, which would hide it. */
    static final List<String> NUL_STRINGS = List.of("a\u0000b\u0000c", "fuzz\u0000", "\u0000");

    private HostileValues() {}

    static String type(JsonNode schema) {
        return schema.path("type").asString("");
    }

    static boolean isUuid(JsonNode schema) {
        return "uuid".equals(schema.path("format").asString(""));
    }

    static List<JsonNode> wrongTypes(JsonNode schema) {
        return switch (type(schema)) {
            case "string" ->
                isUuid(schema)
                        ? List.of(NODES.booleanNode(true), NODES.numberNode(12), object(), array())
                        : List.of(NODES.booleanNode(true), object(), array());
            case "integer" ->
                List.of(
                        NODES.numberNode(new BigDecimal("1.5")),
                        NODES.booleanNode(true),
                        NODES.stringNode("abc"),
                        object(),
                        array());
            case "number" -> List.of(NODES.booleanNode(true), NODES.stringNode("abc"), object(), array());
            case "boolean" -> List.of(NODES.stringNode("yes"), object(), array());
            case "object" -> List.of(NODES.stringNode("fuzz"), array(), NODES.numberNode(5), NODES.booleanNode(false));
            case "array" -> List.of(NODES.stringNode("fuzz"), object(), NODES.numberNode(5));
            default -> List.of();
        };
    }

    static List<JsonNode> coercible(JsonNode schema) {
        return switch (type(schema)) {
            case "string" ->
                isUuid(schema) ? List.of() : List.of(NODES.numberNode(12), NODES.numberNode(new BigDecimal("1.5")));
            case "integer" ->
                List.of(NODES.stringNode("12"), NODES.numberNode(new BigDecimal("12.0")), NODES.stringNode(""));
            case "boolean" -> List.of(NODES.numberNode(1), NODES.stringNode("true"), NODES.stringNode(""));
            case "object", "array" -> List.of(NODES.stringNode(""));
            default -> List.of();
        };
    }

    /** Numbers no int32 or int64 holds, and one no double holds. */
    static List<JsonNode> hugeNumbers() {
        return List.of(
                NODES.numberNode(new BigInteger("99999999999999999999")),
                NODES.numberNode(new BigInteger("-99999999999999999999")),
                NODES.numberNode(new BigDecimal("1E+400")),
                NODES.numberNode(2_147_483_648L));
    }

    /** Does an integer property of this schema hold the value (int32 when its format says so, else int64)? */
    static boolean fits(JsonNode value, JsonNode schema) {
        if (!value.isIntegralNumber()) {
            return false;
        }
        boolean int32 = "int32".equals(schema.path("format").asString(""));
        BigInteger number = value.bigIntegerValue();
        return number.compareTo(BigInteger.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE)) >= 0
                && number.compareTo(BigInteger.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE)) <= 0;
    }

    /** Values with a NUL character, which PostgreSQL's text cannot store. */
    static List<JsonNode> nulStrings() {
        List<JsonNode> values = new ArrayList<>();
        NUL_STRINGS.forEach(s -> values.add(NODES.stringNode(s)));
        return values;
    }

    private static JsonNode object() {
        return NODES.objectNode().put("fuzz", 1);
    }

    private static JsonNode array() {
        return NODES.arrayNode().add(1);
    }
}
