package org.softmaxlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md, checked on the compiled classes:
 * {@code engine <- model <- json <- (scenario, cli)} and {@code model <- view-models <- views <- app}, with
 * {@code chart} and {@code ui} beside the views and {@code io} a leaf anyone may use.
 */
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
    void modelDependsOnlyOnJavaAndTheEngine() {
        classes().that().resideInAPackage("org.softmaxlab.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.softmaxlab.engine..",
                        "org.softmaxlab.model..")
                .check(MAIN);
    }

    @Test
    void ioDependsOnlyOnJava() {
        classes().that().resideInAPackage("org.softmaxlab.io..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.softmaxlab.io..")
                .check(MAIN);
    }

    @Test
    void theJsonLayerKnowsNoToolkit() {
        noClasses().that().resideInAPackage("org.softmaxlab.json..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.softmaxlab.engine..")
                .check(MAIN);
    }

    @Test
    void cliNeverTouchesJavaFx() {
        noClasses().that().resideInAPackage("org.softmaxlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(MAIN);
    }

    @Test
    void scenarioFilesKnowNoViewAndNoToolkit() {
        noClasses().that().resideInAPackage("org.softmaxlab.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.softmaxlab.explorer..",
                        "org.softmaxlab.training..", "org.softmaxlab.losses..", "org.softmaxlab.lesson..",
                        "org.softmaxlab.chart..", "org.softmaxlab.ui..",
                        "org.softmaxlab.app..", "org.softmaxlab.cli..")
                .check(MAIN);
    }

    @Test
    void viewModelsUseNoSceneGraph() {
        noClasses().that().haveNameMatching("org\\.softmaxlab\\."
                        + "(explorer|training|losses|lesson|sampling|calibration|attention|state)\\."
                        + "(\\w*ViewModel|TrainingWorker|TrainingSnapshot|LossHistory|SamplingDraws|StateModel)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.fxml..",
                        "javafx.animation..", "javafx.stage..", "org.softmaxlab.chart..", "org.softmaxlab.ui..")
                .check(MAIN);
    }

    @Test
    void chartsKnowOnlyModelValues() {
        classes().that().resideInAPackage("org.softmaxlab.chart..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.imageio..", "javafx..",
                        "org.scilab.forge.jlatexmath..", "org.jfree.fx..", "org.softmaxlab.chart..",
                        "org.softmaxlab.model..", "org.softmaxlab.io..")
                .check(MAIN);
    }

    @Test
    void layersPointDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("org.softmaxlab.app..")
                .layer("views").definedBy("org.softmaxlab.explorer..", "org.softmaxlab.training..",
                        "org.softmaxlab.losses..", "org.softmaxlab.lesson..", "org.softmaxlab.sampling..",
                        "org.softmaxlab.calibration..", "org.softmaxlab.attention..")
                .layer("view-model support").definedBy("org.softmaxlab.state..")
                .layer("view support").definedBy("org.softmaxlab.chart..", "org.softmaxlab.ui..")
                .layer("files and commands").definedBy("org.softmaxlab.scenario..", "org.softmaxlab.cli..")
                .layer("json").definedBy("org.softmaxlab.json..")
                .layer("model").definedBy("org.softmaxlab.model..")
                .layer("io").definedBy("org.softmaxlab.io..")
                .layer("engine").definedBy("org.softmaxlab.engine..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("views").mayOnlyBeAccessedByLayers("app")
                .whereLayer("view support").mayOnlyBeAccessedByLayers("app", "views")
                .whereLayer("view-model support").mayOnlyBeAccessedByLayers("app", "views")
                .whereLayer("files and commands").mayOnlyBeAccessedByLayers("app")
                .whereLayer("json").mayOnlyBeAccessedByLayers("files and commands")
                .whereLayer("model").mayOnlyBeAccessedByLayers("app", "views", "view support", "view-model support",
                        "files and commands", "json")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("app", "views", "files and commands", "model")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.softmaxlab.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
