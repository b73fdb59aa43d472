package io.subsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The modules of docs/architecture.md and the rules between them, checked on the compiled main code:
 * <ul>
 *   <li>a module is used only through its API, the types of its base package ({@code io.subsync.tenancy},
 *       {@code io.subsync.sync.outbound}); its {@code domain}, {@code persistence}, {@code web} and {@code cli}
 *       packages are its own. The one exception: the sync rooms' SQL adapters share {@code io.subsync.sync.persistence};
 *   <li>each module depends only on the modules {@link Modules#ALLOWED} names, and every allowed dependency is used;
 *   <li>the dependencies have no cycle, the root package included: the root ({@code Subsync}, the application) wires
 *       the modules together and nothing depends on it;
 *   <li>adapters (persistence and web classes) are package-private;
 *   <li>the Master simulator depends on nothing of the service.
 * </ul>
 * {@link Modules} assigns the classes; a violation names the class and the dependency.
 */
class ModuleBoundariesTests {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.subsync");

    @Test
    void modulesAreUsedOnlyThroughTheirApi() {
        assertThat(Modules.apiViolations(CLASSES))
                .as("dependencies on another module's internals")
                .isEmpty();
    }

    @Test
    void modulesDependOnlyOnTheModulesTheyAreAllowed() {
        SortedMap<String, SortedSet<String>> actual = Modules.dependencies(CLASSES);
        List<String> undeclared = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        actual.forEach((module, targets) -> targets.stream()
                .filter(target ->
                        !Modules.ALLOWED.getOrDefault(module, Set.of()).contains(target))
                .forEach(target ->
                        undeclared.add(module + " -> " + target + ": " + Modules.example(CLASSES, module, target))));
        Modules.ALLOWED.forEach((module, targets) -> targets.stream()
                .filter(target -> !actual.getOrDefault(module, new TreeSet<>()).contains(target))
                .forEach(target -> unused.add(module + " -> " + target)));
        assertThat(undeclared).as("dependencies not in Modules.ALLOWED").isEmpty();
        assertThat(unused)
                .as("allowed dependencies no class uses (drop them from Modules.ALLOWED)")
                .isEmpty();
    }

    @Test
    void modulesHaveNoCyclesAndNothingDependsOnTheRoot() {
        SortedMap<String, SortedSet<String>> graph = Modules.dependencies(CLASSES);
        assertThat(graph.entrySet().stream()
                        .filter(e -> e.getValue().contains(Modules.ROOT))
                        .map(Map.Entry::getKey))
                .as("modules that depend on the root package")
                .isEmpty();
        assertThat(Modules.cycles(graph)).as("cycles between modules").isEmpty();
    }

    @Test
    void adaptersArePackagePrivate() {
        List<String> publicAdapters = CLASSES.stream()
                .filter(c -> !c.getPackageName().startsWith("io.subsync.mastersim"))
                .filter(c -> c.getPackageName().matches("io\\.subsync\\.(.+\\.)?(persistence|web)"))
                .filter(c -> !c.getPackageName().equals(Modules.SHARED_SQL))
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName)
                .sorted()
                .toList();
        assertThat(publicAdapters)
                .as("public classes in persistence and web packages")
                .isEmpty();
    }

    @Test
    void theMasterSimulatorDependsOnNothingOfTheService() {
        List<String> found = new ArrayList<>();
        CLASSES.stream().filter(c -> Modules.of(c).equals("mastersim")).forEach(c -> {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = Modules.of(d.getTargetClass());
                if (target != null && !target.equals("mastersim")) {
                    found.add(d.getDescription());
                }
            }
        });
        assertThat(found).isEmpty();
    }

    @Test
    void theArchitectureDocumentShowsTheseModuleDependencies() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"));
        Matcher block = Pattern.compile("```mermaid\\n(flowchart LR\\n.*?)```", Pattern.DOTALL)
                .matcher(doc);
        assertThat(block.find())
                .as("a mermaid flowchart in docs/architecture.md")
                .isTrue();
        assertThat(block.group(1))
                .as("docs/architecture.md's module diagram (Modules.mermaid() prints it)")
                .isEqualTo(Modules.mermaid());
    }
}
