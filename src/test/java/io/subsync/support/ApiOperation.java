package io.subsync.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One operation of the service's OpenAPI document: method, path template, parameters and the request body's schema
 * with every {@code $ref} resolved, so a test can walk the API the way its callers see it.
 *
 * @param body the request body's JSON schema, or null when the operation takes none
 */
public record ApiOperation(String method, String path, List<Parameter> parameters, JsonNode body) {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    public record Parameter(String name, String in, JsonNode schema, boolean required) {
        public boolean isUuid() {
            return "uuid".equals(schema.path("format").asString(""));
        }
    }

    /** Every operation of the document, in the document's order. */
    public static List<ApiOperation> of(JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    parameters.add(new Parameter(
                            parameter.path("name").asString(),
                            parameter.path("in").asString(),
                            resolve(parameter.path("schema"), schemas),
                            parameter.path("required").asBoolean(false)));
                }
                JsonNode content = operation.getValue().path("requestBody").path("content");
                JsonNode body = content.isObject() && !content.isEmpty()
                        ? resolve(
                                content.properties()
                                        .iterator()
                                        .next()
                                        .getValue()
                                        .path("schema"),
                                schemas)
                        : null;
                operations.add(new ApiOperation(
                        operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters), body));
            }
        }
        return List.copyOf(operations);
    }

    public List<Parameter> parameters(String in) {
        return parameters.stream().filter(p -> p.in().equals(in)).toList();
    }

    /** Does a concrete path (no query) fall under this operation's template? */
    public boolean matches(String concretePath) {
        String pattern = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
        return concretePath.matches(pattern);
    }

    /** The path with each {name} replaced by the value given for it. */
    public String path(Map<String, String> values) {
        String result = path;
        for (Parameter parameter : parameters("path")) {
            result = result.replace("{" + parameter.name() + "}", values.get(parameter.name()));
        }
        return result;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replaceFirst("^#/components/schemas/", "");
            return resolve(schemas.path(name), schemas);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        for (String key : List.of("items", "additionalProperties")) {
            if (copy.path(key).isObject()) {
                copy.set(key, resolve(copy.path(key), schemas));
            }
        }
        if (copy.path("properties").isObject()) {
            ObjectNode properties = (ObjectNode) copy.path("properties");
            for (String name : new ArrayList<>(properties.propertyNames())) {
                properties.set(name, resolve(properties.path(name), schemas));
            }
        }
        return copy;
    }
}
