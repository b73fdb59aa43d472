package io.subsync.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The file {@code subsync init} loads: {@code products}, {@code plans} and {@code mappings} lists. Every entry keeps
 * its line, so a rule broken anywhere is reported as {@code file:line: message}.
 */
public final class CatalogueFile {
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "products", Set.of("code", "name", "badge", "disablePolicy"),
            "plans", Set.of("productType", "tier", "name", "price", "currency", "billingCycle", "features"),
            "mappings", Set.of("serviceName", "planCode", "masterServiceId", "masterPlanTier", "features"));

    /** One entry of a list: its fields as strings (features as a list) and where it starts. */
    public record Entry(String section, int line, Map<String, Object> fields) {
        public String text(String field) {
            Object value = fields.get(field);
            return value instanceof String s ? s : null;
        }

        @SuppressWarnings("unchecked")
        public List<String> list(String field) {
            Object value = fields.get(field);
            return value instanceof List<?> l ? (List<String>) l : List.of();
        }
    }

    /** A problem in the file, located. */
    public static final class Invalid extends RuntimeException {
        public Invalid(Path file, int line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    private CatalogueFile() {}

    public static List<Entry> read(Path file) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml().compose(reader);
        } catch (MarkedYAMLException e) {
            throw new Invalid(file, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new Invalid(file, 0, "cannot read the file: " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        if (root == null) {
            return entries;
        }
        if (!(root instanceof MappingNode top)) {
            throw new Invalid(file, line(root), "expected keys products, plans and mappings at the top");
        }
        for (NodeTuple section : top.getValue()) {
            String name = scalar(file, section.getKeyNode());
            if (!FIELDS.containsKey(name)) {
                throw new Invalid(
                        file,
                        line(section.getKeyNode()),
                        "unknown section '" + name + "' (expected products, plans, mappings)");
            }
            if (!(section.getValueNode() instanceof SequenceNode list)) {
                throw new Invalid(file, line(section.getValueNode()), name + " must be a list");
            }
            for (Node item : list.getValue()) {
                entries.add(entry(file, name, item));
            }
        }
        return entries;
    }

    private static Entry entry(Path file, String section, Node item) {
        if (!(item instanceof MappingNode mapping)) {
            throw new Invalid(file, line(item), "each entry of " + section + " must be a mapping of fields");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(file, tuple.getKeyNode());
            if (!FIELDS.get(section).contains(key)) {
                throw new Invalid(
                        file,
                        line(tuple.getKeyNode()),
                        "unknown field '" + key + "' in " + section + " (expected "
                                + String.join(", ", new TreeSet<>(FIELDS.get(section))) + ")");
            }
            if (tuple.getValueNode() instanceof SequenceNode values) {
                List<String> list = new ArrayList<>();
                for (Node value : values.getValue()) {
                    list.add(scalar(file, value));
                }
                fields.put(key, list);
            } else {
                fields.put(key, scalar(file, tuple.getValueNode()));
            }
        }
        return new Entry(section, line(item), fields);
    }

    private static String scalar(Path file, Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new Invalid(file, line(node), "expected a single value here");
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
