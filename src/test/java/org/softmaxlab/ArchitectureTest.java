package org.softmaxlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering the house style asks for, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.softmaxlab");

    @Test
    void engineDependsOnlyOnJava() {
        classes().that().resideInAPackage("org.softmaxlab.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.softmaxlab.engine..")
                .check(MAIN);
    }

    @Test
    void cliNeverTouchesJavaFx() {
        noClasses().that().resideInAPackage("org.softmaxlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(MAIN);
    }
}
