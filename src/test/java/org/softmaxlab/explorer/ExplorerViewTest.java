package org.softmaxlab.explorer;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.softmaxlab.app.FileDialogs;
import org.softmaxlab.app.MainWindow;
import org.softmaxlab.app.Workspace;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.PngExport;
import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Targets;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.testing.FxErrors;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Explorer tab driven through its real controls, headless. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ExplorerViewTest {
    private static final double[][] EXAMPLE_A = {{2.0, 1.0, 0.1}, {0.0, 5.0, 0.2}};
    private FxErrors errors;
    private Parent root;
    private Workspace workspace;

    @Start
    void start(Stage stage) {
        workspace = org.softmaxlab.testing.Workspaces.fresh();
        root = MainWindow.create(workspace, FileDialogs.system());
        stage.setScene(new Scene(root, 1920, 1080));
        stage.show();
    }

    /** The window settles before a test looks into it (PulseMonitor.awaitSettledWindow). */
    @org.junit.jupiter.api.BeforeEach
    void settle() throws Exception {
        org.softmaxlab.testing.PulseMonitor.awaitSettledWindow();
    }

    @BeforeEach
    void recordErrors() {
        errors = FxErrors.install();
    }

    @AfterEach
    void noUncaughtErrors() {
        workspace.training().close();
        errors.assertNone();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Replaces a text field's content by typing, then presses Enter. */
    private static void type(FxRobot robot, String id, String value) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(value).type(KeyCode.ENTER);
    }

    private static void spin(FxRobot robot, String id, int value) {
        Spinner<?> spinner = robot.lookup(id).queryAs(Spinner.class);
        robot.clickOn(spinner.getEditor());
        robot.interact(spinner.getEditor()::selectAll);
        robot.write(Integer.toString(value)).type(KeyCode.ENTER);
    }

    /** Selects a value in a ChoiceBox or ComboBox, as picking it from the list does. */
    @SuppressWarnings("unchecked")
    static <T> void choose(FxRobot robot, String id, T value) {
        Node node = robot.lookup(id).query();
        robot.interact(() -> {
            if (node instanceof ChoiceBox<?> box) {
                ((ChoiceBox<T>) box).setValue(value);
            } else {
                ((javafx.scene.control.ComboBox<T>) node).setValue(value);
            }
        });
    }

    private static void enterExampleA(FxRobot robot) {
        spin(robot, "#classCount", 3);
        spin(robot, "#sampleCount", 2);
        for (int s = 0; s < 2; s++) {
            choose(robot, "#sampleSelector", s);
            for (int c = 0; c < 3; c++) {
                type(robot, "#logitField-" + c, Numbers.editable(EXAMPLE_A[s][c]));
            }
            choose(robot, "#targetSelector", s);
        }
        choose(robot, "#sampleSelector", 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingExampleAGivesTheNotebookLossAndGradients(FxRobot robot) {
        enterExampleA(robot);
        assertEquals("0.2159", text(robot, "#lossValue"));
        assertEquals("-0.1705", text(robot, "#grad-0"));
        assertEquals("0.1212", text(robot, "#grad-1"));
        assertEquals("0.0493", text(robot, "#grad-2"));
        assertEquals("0.6590", text(robot, "#prob-0"));
        choose(robot, "#sampleSelector", 1);
        assertEquals("0.0033", text(robot, "#grad-0"));
        assertEquals("-0.0074", text(robot, "#grad-1"));
        assertEquals("0.0041", text(robot, "#grad-2"));
        BarCanvas chart = robot.lookup("#probabilityChart").queryAs(BarCanvas.class);
        assertEquals(0.9852530340267203, chart.values()[1], 1e-15);
        assertEquals(1, chart.highlighted());
    }

    @Test
    void exampleBPresetGivesTheWeightedLoss(FxRobot robot) {
        choose(robot, "#presetChoice", ExplorerPreset.EXAMPLE_B);
        assertEquals("1.3133", text(robot, "#lossValue"));
        assertTrue(robot.lookup("#weightsEnabled").queryAs(CheckBox.class).isSelected());
        assertEquals("0.3655", text(robot, "#grad-0"));
        assertEquals("-0.3655", text(robot, "#grad-1"));
    }

    /** The weight rows are made when weights first turn on, follow C after that, and stay (disabled) when off. */
    @Test
    void weightRowsComeWithTheWeightsAndFollowTheClassCount(FxRobot robot) {
        assertTrue(robot.lookup("#weightField-0").tryQuery().isEmpty(), "no weight rows while weights were never on");
        robot.clickOn("#weightsEnabled");
        int classes = workspace.explorer().state().editableClasses();
        for (int c = 0; c < classes; c++) {
            TextField field = robot.lookup("#weightField-" + c).queryAs(TextField.class);
            assertFalse(field.isDisabled(), "weight " + c);
            assertTrue(field.localToScreen(field.getBoundsInLocal()) != null && field.isVisible());
        }
        robot.interact(() -> workspace.explorer().classCountProperty().set(classes + 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1", robot.lookup("#weightField-" + (classes + 1)).queryAs(TextField.class).getText(),
                "a row for each class after C grows");
        robot.clickOn("#weightsEnabled");
        assertTrue(robot.lookup("#weightSlider-0").queryAs(Slider.class).isDisabled(), "kept, disabled, while off");
    }

    @Test
    void weightTemperatureSmoothingAndReductionMoveNumbersToTheEngine(FxRobot robot) {
        choose(robot, "#presetChoice", ExplorerPreset.EXAMPLE_A);
        robot.clickOn("#weightsEnabled");
        type(robot, "#weightField-2", "4");
        robot.interact(() -> robot.lookup("#temperatureSlider").queryAs(Slider.class).setValue(Math.log10(0.5)));
        robot.interact(() -> robot.lookup("#labelSmoothingSlider").queryAs(Slider.class).setValue(0.2));
        choose(robot, "#reductionChoice", "sum");
        WaitForAsyncUtils.waitForFxEvents();
        CrossEntropyOptions options = new CrossEntropyOptions(new double[] {1, 1, 4}, -100, Reduction.SUM, 0.2, 0.5);
        LossResult expected = new CrossEntropyLoss(options).evaluate(EXAMPLE_A, Targets.indices(0, 1));
        assertEquals(Numbers.fixed4(expected.loss()), text(robot, "#lossValue"));
        for (int c = 0; c < 3; c++) {
            assertEquals(Numbers.fixed4(expected.probabilities()[0][c]), text(robot, "#prob-" + c));
            assertEquals(Numbers.fixed4(expected.gradient()[0][c]), text(robot, "#grad-" + c));
        }
        choose(robot, "#reductionChoice", "mean");
        LossResult mean = new CrossEntropyLoss(options.withReduction(Reduction.MEAN))
                .evaluate(EXAMPLE_A, Targets.indices(0, 1));
        assertEquals(Numbers.fixed4(mean.loss()), text(robot, "#lossValue"));
    }

    @Test
    void badEntriesAreRefusedAndStateIsUnchanged(FxRobot robot) {
        choose(robot, "#presetChoice", ExplorerPreset.EXAMPLE_A);
        for (String bad : new String[] {"abc", "1e400", "NaN", ""}) {
            type(robot, "#logitField-1", bad);
            TextField field = robot.lookup("#logitField-1").queryAs(TextField.class);
            assertTrue(field.getStyleClass().contains("invalid"), "marked invalid: " + bad);
            assertEquals("0.2159", text(robot, "#lossValue"), "state unchanged after " + bad);
            assertFalse(text(robot, "#messageLabel").isEmpty(), "the problem is shown");
        }
        robot.clickOn("#weightsEnabled");
        type(robot, "#weightField-0", "-3");
        assertTrue(text(robot, "#messageLabel").contains(">= 0"));
        type(robot, "#logitField-1", "1");
        assertEquals("0.2159", text(robot, "#lossValue"));
        assertFalse(robot.lookup("#logitField-1").queryAs(TextField.class).getStyleClass().contains("invalid"));
    }

    @Test
    void zeroTargetWeightsSayUndefined(FxRobot robot) {
        choose(robot, "#presetChoice", ExplorerPreset.EXAMPLE_B);
        type(robot, "#weightField-1", "0");
        assertEquals("undefined: the targets' weights sum to 0", text(robot, "#lossValue"));
    }

    @Test
    void hugeLogitsBreakOnlyTheNaiveSoftmax(FxRobot robot) {
        choose(robot, "#presetChoice", ExplorerPreset.HUGE);
        assertEquals("0.7311", text(robot, "#prob-0"));
        Node panel = robot.lookup("#stabilityPanel").query();
        assertTrue(robot.from(panel).lookup((Label l) -> "NaN".equals(l.getText())).tryQuery().isPresent(),
                "the naive column shows NaN");
    }

    /** The formula is typeset with the numbers shown; the derivation walks the notebook's steps with them. */
    @Test
    void theFormulaIsTypesetAndTheDerivationUsesTheCurrentNumbers(FxRobot robot) {
        choose(robot, "#presetChoice", ExplorerPreset.EXAMPLE_A);
        org.softmaxlab.chart.MathView formula = robot.lookup("#formulaMath").queryAs(org.softmaxlab.chart.MathView.class);
        assertTrue(formula.getLatex().contains("\\ln 0.6590"), formula.getLatex());
        assertTrue(formula.getLatex().endsWith("= 0.2159\\end{array}"), formula.getLatex());
        // Laid out off the FX thread, then painted: wait for it.
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> formula.getHeight() > 20);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the typeset formula never showed", e);
        }
        assertTrue(formula.isVisible(), "the formula shows");
        robot.clickOn("#derivationPane");
        WaitForAsyncUtils.waitForFxEvents();
        String derivation = robot.lookup("#derivationMath").queryAs(org.softmaxlab.chart.MathView.class).getLatex();
        assertTrue(derivation.contains("= \\ln \\sum_j e^{z_j} - z_y"), derivation);
        assertTrue(derivation.contains("0.6590 - 1 = -0.3410"), derivation);
        assertTrue(derivation.contains("\\frac{1}{2}(0.6590 - 1) = -0.1705"), "the mean's share, as the gradient chart");
    }

    /** Dragging a bar of the logits chart moves that logit live, and the loss follows as the engine says. */
    @Test
    void draggingALogitBarMovesTheLogitAndTheLoss(FxRobot robot) {
        BarCanvas logits = robot.lookup("#logitChart").queryAs(BarCanvas.class);
        assertTrue(logits.isVisible(), "one sample: the logits chart shows");
        double before = workspace.explorer().logitMatrix()[0][1];
        javafx.geometry.Bounds b = logits.localToScreen(logits.getBoundsInLocal());
        int bar = 1;
        double x = b.getMinX() + logits.getWidth() * 0.1 + (logits.getWidth() * 0.9) * (bar + 0.5) / 5;
        robot.drag(new javafx.geometry.Point2D(x, b.getMinY() + b.getHeight() * 0.5), javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(x, b.getMinY() + b.getHeight() * 0.25)).release(
                        javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double[][] z = workspace.explorer().logitMatrix();
        assertTrue(z[0][bar] > before + 1, "dragged up: " + before + " -> " + z[0][bar]);
        double engine = new org.softmaxlab.engine.CrossEntropyLoss(workspace.explorer().options())
                .evaluate(z, org.softmaxlab.engine.Targets.indices(workspace.explorer().targets())).loss();
        assertEquals(Numbers.fixed4(engine), robot.lookup("#lossValue").queryAs(Label.class).getText());
        assertEquals(Numbers.editable(z[0][bar]), robot.lookup("#logitField-" + bar).queryAs(TextField.class)
                .getText(), "the slider's field follows");
        choose(robot, "#presetChoice", ExplorerPreset.EXAMPLE_A);
        assertFalse(logits.isVisible(), "two samples: the per-sample chart is back");
    }

    /** The preset picker names what produced the state, and says "Custom" once the state differs from it. */
    @Test
    void thePresetPickerSaysWhereTheStateCameFrom(FxRobot robot) {
        choose(robot, "#presetChoice", ExplorerPreset.EXAMPLE_A);
        assertEquals(ExplorerPreset.EXAMPLE_A, robot.lookup("#presetChoice").queryAs(ChoiceBox.class).getValue());
        type(robot, "#logitField-0", "3");
        assertEquals(ExplorerViewModel.CUSTOM, robot.lookup("#presetChoice").queryAs(ChoiceBox.class).getValue());
        choose(robot, "#presetChoice", ExplorerPreset.EXAMPLE_A);
        assertEquals("2.0000", robot.lookup("#logit-0").queryAs(Label.class).getText(), "choosing it again reloads");
        org.softmaxlab.scenario.Examples.Example b = org.softmaxlab.scenario.Examples.ALL.get(1);
        robot.interact(() -> workspace.openExample(b));
        assertEquals(b.title(), robot.lookup("#presetChoice").queryAs(ChoiceBox.class).getValue());
        choose(robot, "#sampleSelector", 1);
        assertEquals(b.title(), robot.lookup("#presetChoice").queryAs(ChoiceBox.class).getValue(),
                "selecting a sample changes no number");
    }

    /** Each picker always shows a valid value: kept while it exists, else the nearest one. */
    @Test
    void pickersAlwaysHoldAValidValue(FxRobot robot) {
        spin(robot, "#classCount", 6);
        spin(robot, "#sampleCount", 4);
        choose(robot, "#sampleSelector", 3);
        choose(robot, "#targetSelector", 5);
        choose(robot, "#sweepChoice", 4);
        WaitForAsyncUtils.waitForFxEvents();
        spin(robot, "#classCount", 7);
        WaitForAsyncUtils.waitForFxEvents();
        assertPickers(robot, 3, 5, 4);
        choose(robot, "#sampleSelector", 1);
        choose(robot, "#targetSelector", 6);
        choose(robot, "#sampleSelector", 3);
        spin(robot, "#classCount", 3);
        spin(robot, "#sampleCount", 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertPickers(robot, 1, 2, 2);
        robot.interact(() -> {
            workspace.saveSession();
            workspace.openExample(org.softmaxlab.scenario.Examples.ALL.get(0));
            workspace.restoreSession();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertPickers(robot, 1, 2, 0); // the swept class is not part of a scenario: a restore sweeps class 0
    }

    private static void assertPickers(FxRobot robot, int sample, int target, int sweep) {
        assertEquals(sample, robot.lookup("#sampleSelector").queryAs(ChoiceBox.class).getValue(), "sample picker");
        assertEquals(target, robot.lookup("#targetSelector").queryAs(javafx.scene.control.ComboBox.class).getValue(),
                "target picker");
        assertEquals(sweep, robot.lookup("#sweepChoice").queryAs(javafx.scene.control.ComboBox.class).getValue(),
                "sweep picker");
    }

    /** The first column's texts of a numbers grid, header excluded. */
    private static java.util.List<String> classColumn(FxRobot robot, String grid) {
        javafx.scene.layout.GridPane g = robot.lookup(grid).queryAs(javafx.scene.layout.GridPane.class);
        return g.getChildren().stream().filter(n -> javafx.scene.layout.GridPane.getColumnIndex(n) == null
                        || javafx.scene.layout.GridPane.getColumnIndex(n) == 0)
                .filter(n -> n.isVisible() && javafx.scene.layout.GridPane.getRowIndex(n) != null
                        && javafx.scene.layout.GridPane.getRowIndex(n) > 0)
                .map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void manyClassesModeShowsAThousandBars(FxRobot robot) {
        robot.clickOn("#manyClassesToggle");
        spin(robot, "#classCount", 1000);
        WaitForAsyncUtils.waitForFxEvents();
        BarCanvas probabilities = robot.lookup("#probabilityChart").queryAs(BarCanvas.class);
        assertEquals(1000, probabilities.values().length);
        double[] ranked = probabilities.values();
        for (int i = 1; i < ranked.length; i++) {
            assertTrue(ranked[i - 1] >= ranked[i], "ranked by probability at " + i);
        }
        assertTrue(probabilities.getTitle().matches(".*target \\d+ is #\\d+ of 1000"), probabilities.getTitle());
        assertEquals(classColumn(robot, "#numbersGrid"), classColumn(robot, "#stabilityGrid"),
                "the stability table lists the numbers panel's classes");
        assertTrue(classColumn(robot, "#numbersGrid").stream().anyMatch(t -> t.endsWith("(y)")), "target marked");
        assertTrue(robot.lookup("#entropyValue").queryAs(Label.class).getText().startsWith("Entropy of sample 0"),
                "the entropy belongs to the selected sample");
        assertTrue(robot.lookup("#lossValue").queryAs(Label.class).getText().matches("\\d+\\.\\d{4}"));
    }

    @Test
    void screenshotsForTheReadme(FxRobot robot) throws Exception {
        Path dir = Path.of("target", "screenshots");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                PngExport.write(PngExport.snapshot(root, 1), dir.resolve("explorer-default.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        choose(robot, "#presetChoice", ExplorerPreset.EXAMPLE_A);
        WaitForAsyncUtils.waitForFxEvents();
        // Axes that ease to a new range settle within a few frames.
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        robot.interact(() -> {
            try {
                PngExport.write(PngExport.snapshot(root, 1), dir.resolve("explorer-example-a.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(java.nio.file.Files.size(dir.resolve("explorer-example-a.png")) > 10_000);
    }
}
