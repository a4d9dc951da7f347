package org.softmaxlab.losses;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.InformationCanvas;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossKind;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.Losses;
import org.softmaxlab.engine.Targets;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.model.LossComparison;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.testing.Screen;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Losses tab through the real window: the notebook's example A under each loss, the saturation preset, units. */
@Tag("ui")
class LossesTabTest extends WindowTest {
    private static final double[][] A = {{2.0, 1.0, 0.1}, {0.0, 5.0, 0.2}};

    private void showLossesTab(FxRobot robot) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "lossesTab".equals(t.getId()))
                    .findFirst().orElseThrow());
            workspace.explorer().applyPreset(ExplorerPreset.EXAMPLE_A);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double engine(LossSpec spec) {
        return Losses.evaluate(spec, A, Targets.indices(0, 1)).loss();
    }

    @Test
    void sideBySideNumbersAreTheEnginesForExampleA(FxRobot robot) {
        showLossesTab(robot);
        CrossEntropyOptions d = CrossEntropyOptions.defaults();
        assertEquals("0.2159", Screen.text(robot, "#lossValue-cross_entropy"));
        assertEquals(Numbers.fixed4(engine(LossSpec.crossEntropy(d))), Screen.text(robot, "#lossValue-cross_entropy"));
        assertEquals(Numbers.fixed4(engine(LossSpec.of(LossKind.MSE, d))), Screen.text(robot, "#lossValue-mse"));
        assertEquals(Numbers.fixed4(engine(LossSpec.of(LossKind.MULTI_MARGIN, d))),
                Screen.text(robot, "#lossValue-multi_margin"));
        assertEquals(Numbers.fixed4(engine(LossSpec.of(LossKind.FOCAL, d))), Screen.text(robot, "#lossValue-focal"));
        assertEquals(Numbers.fixed4(engine(LossSpec.crossEntropy(d.withLabelSmoothing(0.1)))),
                Screen.text(robot, "#lossValue-label_smoothing"));
        assertTrue(robot.lookup("#lossValue-multi_margin").queryAs(Label.class).getParent().lookupAll(".note")
                .stream().anyMatch(n -> ((Label) n).getText().contains("kink")), "example A sits on a kink");
        // The gradient bars are the engine's gradient of the selected sample (sample 0).
        double[] g = Losses.evaluate(LossSpec.crossEntropy(d), A, Targets.indices(0, 1)).gradient()[0];
        double[] shown = robot.lookup("#lossGradient-cross_entropy").queryAs(BarCanvas.class).values();
        for (int c = 0; c < 3; c++) {
            assertEquals(g[c], shown[c], 1e-15);
        }
        InformationCanvas info = robot.lookup("#informationChart").queryAs(InformationCanvas.class);
        assertEquals(0.0, info.entropy());
        assertEquals(0.41703001627783354, info.kl(), 1e-12);
    }

    @Test
    void focalGammaSliderChangesTheFocalLoss(FxRobot robot) {
        showLossesTab(robot);
        robot.interact(() -> robot.lookup("#focalGammaSlider").queryAs(javafx.scene.control.Slider.class)
                .setValue(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Screen.text(robot, "#lossValue-cross_entropy"), Screen.text(robot, "#lossValue-focal"),
                "focal with gamma 0 is cross-entropy");
    }

    @Test
    void confidentAndWrongShowsTheMseGradientVanishWhereCrossEntropysDoesNot(FxRobot robot) {
        showLossesTab(robot);
        robot.clickOn("#ceVsMseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ExplorerPreset.CE_VS_MSE, workspace.explorer().presetProperty().get());
        double ce = Double.parseDouble(Screen.text(robot, "#saturationValue-cross_entropy"));
        double mse = Double.parseDouble(Screen.text(robot, "#saturationValue-mse"));
        assertTrue(ce > 0.9, "CE's |dL/dz_y| " + ce);
        assertTrue(mse < 0.01, "MSE's |dL/dz_y| " + mse);
        CurveCanvas chart = robot.lookup("#saturationChart").queryAs(CurveCanvas.class);
        assertEquals(4, chart.series().size(), "one curve per loss, with a legend");
    }

    @Test
    void theUnitsSwitchTurnsNatsIntoBitsEverywhere(FxRobot robot) {
        showLossesTab(robot);
        assertEquals("0.2159", Screen.text(robot, "#lossValue-cross_entropy"));
        robot.interact(() -> robot.lookup("#unitsChoice").queryAs(ChoiceBox.class).setValue("bits"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.3115", Screen.text(robot, "#lossValue-cross_entropy"));
        assertEquals("0.3115", Screen.text(robot, "#lossValue"), "the Explorer's loss follows the units");
    }

    @Test
    void theTwoClassViewAppliesAtTwoClasses(FxRobot robot) {
        showLossesTab(robot);
        CurveCanvas binary = robot.lookup("#binaryChart").queryAs(CurveCanvas.class);
        CurveCanvas saturation = robot.lookup("#saturationChart").queryAs(CurveCanvas.class);
        // At three classes the column is a note, and the other two charts share its room.
        assertTrue(Screen.text(robot, "#binaryText").contains("set C = 2"), Screen.text(robot, "#binaryText"));
        assertTrue(!binary.isVisible(), "no empty two-class chart");
        double narrow = saturation.getWidth();
        assertTrue(narrow > 0.4 * saturation.getScene().getWidth(), "the saturation chart takes the room: " + narrow);
        robot.interact(() -> workspace.explorer().applyPreset(ExplorerPreset.EXAMPLE_B));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(binary.isVisible() && binary.getWidth() > 300, "the two-class chart at C = 2: " + binary.getWidth());
        assertTrue(binary.pointCount() > 0);
        String text = Screen.text(robot, "#binaryText");
        assertTrue(text.contains("CE = 1.3133 = BCEWithLogits(d, 1) = 1.3133"), text);
    }

    @Test
    void theFiveGradientChartsStartAtOneHeightWhateverTheirNotesWrapTo(FxRobot robot) {
        showLossesTab(robot);
        java.util.List<Double> tops = new java.util.ArrayList<>();
        java.util.List<Double> noteLines = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (String name : java.util.List.of(LossComparison.CROSS_ENTROPY, LossComparison.SMOOTHED,
                    LossComparison.MSE, LossComparison.MULTI_MARGIN, LossComparison.FOCAL)) {
                BarCanvas chart = robot.lookup("#lossGradient-" + name).queryAs(BarCanvas.class);
                tops.add(chart.localToScene(chart.getLayoutBounds()).getMinY());
                Label note = (Label) ((javafx.scene.Parent) chart.getParent()).getChildrenUnmodifiable().get(2);
                assertTrue(note.getHeight() >= note.prefHeight(note.getWidth()) - 0.5,
                        name + "'s note is not cut: " + note.getText());
                noteLines.add(note.prefHeight(note.getWidth()));
            }
        });
        assertTrue(noteLines.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                > 1.5 * noteLines.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                "at 1366 px one note wraps and another is empty: " + noteLines);
        for (double top : tops) {
            assertEquals(tops.get(0), top, 0.5, "the gradient charts line up: " + tops);
        }
    }
}
