package io.subsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries of docs/architecture.md, checked. */
class ArchitectureTests {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.subsync");

    @Test
    void domainCodeIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "jakarta..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnEachOthersAdapters() {
        noClasses()
                .that()
                .resideInAPackage("io.subsync.tenancy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.subsync.catalog.persistence..", "io.subsync.catalog.web..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("io.subsync.catalog..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.subsync.tenancy..")
                .check(CLASSES);
    }

    @Test
    void onlyAdaptersAndWiringTouchTheDatabaseDirectly() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..persistence..", "io.subsync.database..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackagesAndAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .resideInAPackage("..web..")
                .andShould()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void masterSimulatorStandsAloneWithoutSpring() {
        noClasses()
                .that()
                .resideInAPackage("io.subsync.mastersim..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "io.subsync.access..",
                        "io.subsync.catalog..",
                        "io.subsync.database..",
                        "io.subsync.ops..",
                        "io.subsync.problems..",
                        "io.subsync.tenancy..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheRootPackage() {
        // The root (Subsync, SubsyncApplication) wires everything together; a feature that used it would be in a
        // cycle with every other, which featurePackagesHaveNoCycles cannot see (the root is in no slice).
        noClasses()
                .that()
                .resideOutsideOfPackage("io.subsync")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.subsync")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.subsync.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
