package org.softmaxlab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;
import org.softmaxlab.chart.PlotCanvas;
import org.softmaxlab.chart.PngExport;
import org.softmaxlab.io.AtomicFiles;

/** Charts to files: every chart of a tab (File > Export) and one chart from its right-click menu, as PNG or SVG. */
final class ChartExport {
    private final Parent root;
    private final Workspace workspace;
    private final FileDialogs dialogs;
    private ContextMenu openMenu;

    ChartExport(Parent root, Workspace workspace, FileDialogs dialogs) {
        this.root = root;
        this.workspace = workspace;
        this.dialogs = dialogs;
    }

    /** Every chart of the selected tab, as {@code <chart id>.png} (scale > 0) or {@code .svg} (scale 0). */
    void exportCharts(Node content, double scale) {
        dialogs.chooseDirectory(window()).ifPresent(dir -> {
            List<PlotCanvas> charts = content.lookupAll(".plot-canvas").stream().filter(n -> n instanceof PlotCanvas && n.isVisible()
                            && n.getId() != null).map(n -> (PlotCanvas) n).toList();
            try {
                for (PlotCanvas chart : charts) {
                    if (scale > 0) {
                        PngExport.write(PngExport.snapshot(chart, scale), dir.resolve(chart.getId() + ".png"));
                    } else {
                        AtomicFiles.writeString(dir.resolve(chart.getId() + ".svg"), chart.toSvg());
                    }
                }
                workspace.report("Exported " + charts.size() + " charts to " + dir, false);
            } catch (IOException | RuntimeException e) {
                workspace.report("Cannot export to " + dir + ": " + e.getMessage(), true);
            }
        });
    }

    /**
     * Right-click on any chart: save it as PNG at 1x, 2x or 4x, or as SVG. One handler on the window's root finds the
     * chart under the mouse, so charts shown later (tab contents, rebuilt charts) have the menu too.
     */
    void install() {
        // Platforms differ: some send a context-menu event, some (the headless one) only the secondary press. Filters,
        // because a scroll pane around a chart consumes the press before it would bubble up here.
        root.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (showChartMenu(e.getPickResult().getIntersectedNode(), e.getScreenX(), e.getScreenY())) {
                e.consume();
            }
        });
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY
                    && showChartMenu(e.getPickResult().getIntersectedNode(), e.getScreenX(), e.getScreenY())) {
                e.consume();
            }
        });
    }

    /** Shows the export menu of the chart that holds {@code picked}; false when it is no chart. */
    private boolean showChartMenu(Node picked, double x, double y) {
        Node n = picked;
        while (n != null && !(n instanceof PlotCanvas)) {
            n = n.getParent();
        }
        if (!(n instanceof PlotCanvas chart)) {
            return false;
        }
        javafx.geometry.Point2D local = chart.screenToLocal(x, y);
        if (local != null && chart.wantsSecondaryPress(local.getX(), local.getY())) {
            return false;
        }
        if (openMenu != null && openMenu.isShowing() && openMenu.getOwnerNode() == chart) {
            return true;
        }
        if (openMenu != null) {
            openMenu.hide();
        }
        openMenu = chartMenu(chart);
        openMenu.show(chart, x, y);
        return true;
    }

    private ContextMenu chartMenu(PlotCanvas chart) {
        ContextMenu menu = new ContextMenu();
        for (int scale : new int[] {1, 2, 4}) {
            MenuItem m = new MenuItem("Save chart as PNG (" + scale + "x)\u2026");
            m.setOnAction(e -> dialogs.chooseSave(window(), chart.getId() + ".png").ifPresent(p ->
                    saveChart(chart, scale, p)));
            menu.getItems().add(m);
        }
        MenuItem svg = new MenuItem("Save chart as SVG\u2026");
        svg.setOnAction(e -> dialogs.chooseSave(window(), chart.getId() + ".svg").ifPresent(p -> {
            try {
                AtomicFiles.writeString(p, chart.toSvg());
                workspace.report("Exported " + p.getFileName(), false);
            } catch (IOException | RuntimeException ex) {
                workspace.report("Cannot export " + p.getFileName() + ": " + ex.getMessage(), true);
            }
        }));
        menu.getItems().add(svg);
        return menu;
    }

    private void saveChart(PlotCanvas chart, double scale, Path path) {
        try {
            PngExport.write(PngExport.snapshot(chart, scale), path);
            workspace.report("Exported " + path.getFileName(), false);
        } catch (IOException | RuntimeException e) {
            workspace.report("Cannot export " + path.getFileName() + ": " + e.getMessage(), true);
        }
    }


    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
