package org.softmaxlab.explorer;

import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.model.DatasetSummary;
import org.softmaxlab.model.ExplorerResults;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.ViewSupport;

/**
 * The Explorer's dataset view, for an imported batch of more than 8 samples: the accuracy, a search box that goes
 * to a sample, the worst samples by loss (click one to select it) and the histogram of per-sample losses in the
 * per-sample chart's place. Every chart still shows the selected sample.
 */
final class DatasetPanel {
    private final ExplorerViewModel model;
    private final VBox box;
    private final BarCanvas histogram;
    private final BarCanvas lossChart;
    private final Label summary = new Label();
    private final TextField search = new TextField();
    private final ListView<String> worst = new ListView<>();
    /** The box's content, put in the window the first time there is a dataset to show (a list's and a field's skins
     *  are made when they join the window: about 30 ms of the window's start otherwise). */
    private final List<Node> content;
    private int[] worstSamples = new int[0];
    private boolean filling;

    DatasetPanel(ExplorerViewModel model, VBox box, BarCanvas histogram, BarCanvas lossChart) {
        this.model = model;
        this.box = box;
        this.histogram = histogram;
        this.lossChart = lossChart;
        Label title = new Label("Dataset");
        title.getStyleClass().add("section-title");
        summary.setId("datasetSummary");
        summary.setWrapText(true);
        search.setId("sampleSearch");
        search.setPromptText("sample number");
        search.setPrefColumnCount(6);
        Help.set(search, "Type a sample's number and press Enter to select it.");
        search.setOnAction(e -> goTo(search.getText()));
        worst.setId("worstSamples");
        worst.setPrefHeight(170);
        worst.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!filling && b.intValue() >= 0 && b.intValue() < worstSamples.length) {
                model.selectedSampleProperty().set(worstSamples[b.intValue()]);
            }
        });
        histogram.setId("lossHistogram");
        histogram.setClassColors(false);
        content = List.of(title, summary, new HBox(8, new Label("Go to"), search), new Label("Worst samples by loss"),
                worst);
        box.setVisible(false);
        box.setManaged(false);
    }

    /** Shows the dataset view for {@code r}, or hides it when the batch is small. */
    void show(ExplorerResults r) {
        DatasetSummary d = r.dataset();
        boolean on = d != null;
        box.setVisible(on);
        box.setManaged(on);
        histogram.setVisible(on);
        if (on) {
            lossChart.setVisible(false);
        }
        if (!on) {
            return;
        }
        if (box.getChildren().isEmpty()) {
            box.getChildren().setAll(content);
        }
        summary.setText(d.samples() + " samples (" + d.counted() + " counted), accuracy "
                + Numbers.percent(d.accuracy()) + "; selected: sample " + r.selected());
        histogram.setLabels(d.binLabels());
        histogram.setValues(d.countValues(), -1, null);
        histogram.setTitle("Samples per loss bin");
        filling = true;
        try {
            worstSamples = d.worst();
            worst.getItems().setAll(IntStream.range(0, worstSamples.length).mapToObj(k -> "sample " + worstSamples[k]
                    + ": loss " + Numbers.fixed4(d.worstLosses()[k])).toList());
            int at = IntStream.range(0, worstSamples.length).filter(k -> worstSamples[k] == r.selected()).findFirst()
                    .orElse(-1);
            if (at >= 0) {
                worst.getSelectionModel().select(at);
            } else {
                worst.getSelectionModel().clearSelection();
            }
        } finally {
            filling = false;
        }
    }

    private void goTo(String text) {
        int n = model.state().samples();
        try {
            int i = Integer.parseInt(text.strip());
            if (i < 0 || i >= n) {
                throw new NumberFormatException();
            }
            model.selectedSampleProperty().set(i);
            ViewSupport.setStyleClass(search, "invalid", false);
        } catch (NumberFormatException e) {
            ViewSupport.setStyleClass(search, "invalid", true);
            search.setTooltip(new Tooltip("A sample number from 0 to " + (n - 1) + "."));
        }
    }
}
