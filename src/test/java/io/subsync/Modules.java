package io.subsync;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The modules of the service, which classes belong to each, and which module may use which. */
final class Modules {
    static final String ROOT = "root";
    static final String BASE = "io.subsync";
    /** The sync rooms: modules of their own inside {@code io.subsync.sync}, whose base package is the sync kernel. */
    static final Set<String> SYNC_ROOMS = Set.of("outbound", "inbound", "drift", "mapping", "health");
    /** The SQL the sync rooms' adapters share (superseding, divergence, the JSON of states). */
    static final String SHARED_SQL = "io.subsync.sync.persistence";

    /** Module → the modules it may depend on. docs/architecture.md's diagram is drawn from this. */
    static final Map<String, Set<String>> ALLOWED = allowed();

    private Modules() {}

    private static Map<String, Set<String>> allowed() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put("access", Set.of("commandline", "database", "problems", "settings"));
        allowed.put("commandline", Set.of("settings"));
        allowed.put("database", Set.of("settings"));
        allowed.put("audit", Set.of("access", "database", "http", "problems"));
        allowed.put("catalog", Set.of("problems"));
        allowed.put("http", Set.of("problems"));
        allowed.put("linking", Set.of("access", "audit", "database", "problems"));
        allowed.put("problems", Set.of("database"));
        allowed.put(
                "ops",
                Set.of(
                        "commandline",
                        "access",
                        "catalog",
                        "linking",
                        "mastersim",
                        "problems",
                        "sync",
                        "sync.mapping",
                        "tenancy"));
        allowed.put(
                "root",
                Set.of("commandline", "access", "mastersim", "ops", "sync.drift", "sync.health", "sync.outbound"));
        allowed.put("sync", Set.of("database", "problems", "settings"));
        allowed.put(
                "sync.drift",
                Set.of(
                        "commandline",
                        "access",
                        "database",
                        "http",
                        "linking",
                        "problems",
                        "settings",
                        "sync",
                        "sync.inbound",
                        "sync.outbound",
                        "tenancy"));
        allowed.put("sync.health", Set.of("commandline", "database", "problems", "sync"));
        allowed.put(
                "sync.inbound",
                Set.of(
                        "access",
                        "audit",
                        "database",
                        "linking",
                        "problems",
                        "sync",
                        "sync.mapping",
                        "sync.outbound",
                        "tenancy"));
        allowed.put("sync.mapping", Set.of("database", "sync"));
        allowed.put(
                "sync.outbound",
                Set.of(
                        "commandline",
                        "access",
                        "audit",
                        "database",
                        "http",
                        "linking",
                        "problems",
                        "sync",
                        "sync.mapping",
                        "tenancy"));
        allowed.put("tenancy", Set.of("access", "catalog", "database", "problems"));
        return allowed;
    }

    /** The module of a class of the service, {@value #ROOT} for the root package, null outside the service. */
    static String of(JavaClass type) {
        String pkg = type.getPackageName();
        if (pkg.equals(BASE)) {
            return ROOT;
        }
        if (!pkg.startsWith(BASE + ".")) {
            return null;
        }
        String[] parts = pkg.substring(BASE.length() + 1).split("\\.");
        if (parts[0].equals("sync") && parts.length > 1 && SYNC_ROOMS.contains(parts[1])) {
            return "sync." + parts[1];
        }
        return parts[0];
    }

    /** The package other modules may use: the module's base package. */
    static String api(String module) {
        return BASE + "." + module;
    }

    static SortedMap<String, SortedSet<String>> dependencies(JavaClasses classes) {
        SortedMap<String, SortedSet<String>> graph = new TreeMap<>();
        for (JavaClass type : classes) {
            String from = of(type);
            if (from == null) {
                continue;
            }
            for (Dependency d : type.getDirectDependenciesFromSelf()) {
                String to = of(d.getTargetClass());
                if (to != null && !to.equals(from)) {
                    graph.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        return graph;
    }

    /** One dependency from a class of {@code from} on a class of {@code to}, to name in a failure. */
    static String example(JavaClasses classes, String from, String to) {
        for (JavaClass type : classes) {
            if (from.equals(of(type))) {
                for (Dependency d : type.getDirectDependenciesFromSelf()) {
                    if (to.equals(of(d.getTargetClass()))) {
                        return d.getDescription();
                    }
                }
            }
        }
        return "";
    }

    /** Uses of another module's classes outside its base package (the shared sync SQL aside, for sync's adapters). */
    static List<String> apiViolations(JavaClasses classes) {
        List<String> found = new ArrayList<>();
        for (JavaClass type : classes) {
            String from = of(type);
            if (from == null || from.equals(ROOT)) {
                continue;
            }
            for (Dependency d : type.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                String to = of(target);
                if (to == null || to.equals(from) || to.equals(ROOT)) {
                    continue;
                }
                String pkg = target.getPackageName();
                boolean sharedSql = pkg.equals(SHARED_SQL)
                        && from.startsWith("sync.")
                        && type.getPackageName().endsWith(".persistence");
                if (!pkg.equals(api(to)) && !sharedSql) {
                    found.add(d.getDescription());
                }
            }
        }
        return found.stream().distinct().sorted().toList();
    }

    /** Every cycle found by a depth-first walk, each as its path of modules. */
    static List<String> cycles(SortedMap<String, SortedSet<String>> graph) {
        List<String> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            walk(graph, start, new ArrayList<>(List.of(start)), found);
        }
        return found;
    }

    private static void walk(
            SortedMap<String, SortedSet<String>> graph, String at, List<String> path, List<String> found) {
        for (String next : graph.getOrDefault(at, new TreeSet<>())) {
            if (next.equals(path.get(0))) {
                found.add(String.join(" -> ", path) + " -> " + next);
            } else if (!path.contains(next) && next.compareTo(path.get(0)) > 0) {
                path.add(next);
                walk(graph, next, path, found);
                path.remove(path.size() - 1);
            }
        }
    }

    /** The allowed dependencies as the mermaid flowchart of docs/architecture.md. */
    static String mermaid() {
        StringBuilder chart = new StringBuilder("flowchart LR\n");
        new TreeMap<>(ALLOWED)
                .forEach((module, targets) -> new TreeSet<>(targets)
                        .forEach(target -> chart.append("    ")
                                .append(id(module))
                                .append(" --> ")
                                .append(id(target))
                                .append('\n')));
        return chart.toString();
    }

    private static String id(String module) {
        return module.replace('.', '_') + "[" + module + "]";
    }
}
