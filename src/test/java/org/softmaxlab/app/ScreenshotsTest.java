package org.softmaxlab.app;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.PngExport;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screenshots of docs/screenshots: the Explorer, Training, Sampling, Calibration and Attention tabs at 1366x768 and 1920x1080, normal and presentation mode, light and
 * dark, made by the app in its window. They go to {@code target/screenshots/docs}, or to the folder the system
 * property {@code screenshots} names ({@code ./mvnw verify -Dtest=ScreenshotsTest -Dscreenshots=docs/screenshots}
 * renews the committed ones).
 */
@Tag("ui")
class ScreenshotsTest extends WindowTest {
    private static final int[][] SIZES = {{1366, 768}, {1920, 1080}};

    @Test
    void theMainTabsAtTwoSizesInBothModesAndThemes(FxRobot robot) throws Exception {
        Path folder = Path.of(System.getProperty("screenshots", "target/screenshots/docs"));
        Files.createDirectories(folder);
        robot.interact(() -> workspace.open(Path.of("resources/scenarios/example-a.json")));
        // The training tab on 2-D data, a few steps in: regions, a falling curve and moved weights to look at.
        robot.interact(() -> workspace.training().datasetProperty().set(org.softmaxlab.model.DatasetKind.BLOBS));
        for (int i = 0; i < 12; i++) {
            robot.interact(() -> workspace.training().step());
        }
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> workspace.training().stepProperty().get() == 12);
        // The Sampling tab on the word model: a prompt, a warm temperature and a nucleus, a continuation.
        robot.interact(() -> {
            workspace.sampling().chooseSource(org.softmaxlab.model.SamplingSource.LANGUAGE_MODEL);
            workspace.sampling().editSettings(s -> s.withTemperature(0.8).withTopP(0.9));
            workspace.sampling().generate();
        });
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> !workspace.sampling().generatedProperty().get().isEmpty());
        // The Calibration tab after Fit T: the fitted bins over the model's own.
        robot.interact(() -> workspace.calibration().setTemperature(workspace.calibration().fittedTemperature()));
        for (int[] size : SIZES) {
            // A window of its own at each size (the shared test window keeps its size for the tests after this one).
            Stage[] window = new Stage[1];
            Parent[] made = new Parent[1];
            robot.interact(() -> made[0] = MainWindow.create(workspace, dialogs));
            Parent root = made[0];
            robot.interact(() -> {
                window[0] = new Stage();
                window[0].setScene(new javafx.scene.Scene(root, size[0], size[1]));
                window[0].show();
            });
            // A window made for a run under way shows where the run is, at once.
            robot.interact(() -> {
                ((javafx.scene.control.TabPane) root.lookup(".tab-pane")).getSelectionModel().select(1);
                assertEquals(12, ((javafx.scene.control.Slider) root.lookup("#historySlider")).getValue(), 0);
                assertEquals(13, ((org.softmaxlab.chart.CurveCanvas) root.lookup("#lossHistoryChart")).pointCount());
            });
            for (String mode : new String[] {"normal", "presentation"}) {
                for (String theme : new String[] {"light", "dark"}) {
                    for (String tab : TABS) {
                        robot.interact(() -> {
                            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) root.lookup(".tab-pane");
                            tabs.getSelectionModel().select(tabs.getTabs().stream()
                                    .filter(t -> (tab + "Tab").equals(t.getId())).findFirst().orElseThrow());
                            ((ToggleButton) root.lookup("#presentationToggle")).setSelected(mode.equals("presentation"));
                            darkItem(root).setSelected(theme.equals("dark"));
                        });
                        WaitForAsyncUtils.waitForFxEvents();
                        // Axes that ease to a new range settle within a few frames.
                        Thread.sleep(400);
                        WaitForAsyncUtils.waitForFxEvents();
                        Path file = folder.resolve(tab + "-" + size[0] + "x" + size[1] + "-" + mode + "-" + theme
                                + ".png");
                        robot.interact(() -> {
                            try {
                                PngExport.write(PngExport.snapshot(root, 1), file);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                        BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
                        assertEquals(size[0], image.getWidth(), file.toString());
                        assertTrue(Files.size(file) > 20_000, file + " has content");
                    }
                }
            }
            robot.interact(() -> {
                ((ToggleButton) root.lookup("#presentationToggle")).setSelected(false);
                darkItem(root).setSelected(false);
                window[0].close();
            });
        }
    }

    /** The tabs photographed, by their ids' stems ("explorer" is the tab {@code #explorerTab}). */
    private static final String[] TABS = {"explorer", "training", "sampling", "calibration", "attention"};

    /** README's picture of the precision panel: the float16 overflow preset, naive softmax, in the laptop window. */
    @Test
    void thePrecisionPanelOnTheFloat16OverflowPreset(FxRobot robot) throws Exception {
        Path folder = Path.of(System.getProperty("screenshots", "target/screenshots/docs"));
        Files.createDirectories(folder);
        robot.interact(() -> {
            workspace.explorer().applyPreset(org.softmaxlab.model.ExplorerPreset.FLOAT16_OVERFLOW);
            workspace.explorer().precision().edit(s -> s.withAlgorithm(org.softmaxlab.engine.SoftmaxAlgorithm.NAIVE));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path file = folder.resolve("precision-panel.png");
        robot.interact(() -> {
            try {
                PngExport.write(PngExport.snapshot(robot.lookup("#precisionPanel").query(), 1), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 250 && image.getHeight() > 250, image.getWidth() + "x" + image.getHeight());
    }

    private static CheckMenuItem darkItem(Parent root) {
        return (CheckMenuItem) ((MenuBar) root.lookup(".menu-bar")).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "darkThemeItem".equals(i.getId())).findFirst()
                .orElseThrow();
    }
}
