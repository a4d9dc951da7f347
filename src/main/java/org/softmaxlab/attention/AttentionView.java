package org.softmaxlab.attention;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.HeatMapCanvas;
import org.softmaxlab.model.AttentionDisplay;
import org.softmaxlab.model.AttentionMask;
import org.softmaxlab.model.AttentionState;
import org.softmaxlab.model.AttentionSweep;
import org.softmaxlab.ui.LabView;

/**
 * The Attention tab: the control column on the left; on the right the readouts, the weights' and the scores' heat
 * maps, the chosen query's softmax with its Jacobian, and the sweep against d. Built in code; every text and number
 * comes from the view-model's {@link AttentionDisplay}.
 */
public final class AttentionView {
    private final AttentionViewModel model;
    private final Label entropy = LabView.readout("attentionEntropy");
    private final Label jacobianMax = LabView.readout("jacobianMax");
    private final Label scale = LabView.note("attentionScaleText");
    private final Label verdict = LabView.note("attentionVerdict");
    private final HeatMapCanvas weights = new HeatMapCanvas();
    private final HeatMapCanvas scores = new HeatMapCanvas();
    private final BarCanvas row = new BarCanvas(BarCanvas.Range.PROBABILITY);
    private final HeatMapCanvas jacobian = new HeatMapCanvas();
    private final CurveCanvas sweep = new CurveCanvas();

    private AttentionView(AttentionViewModel model) {
        this.model = model;
    }

    /** The tab's content over {@code model}. */
    public static Parent load(AttentionViewModel model) {
        return new AttentionView(model).build();
    }

    private Parent build() {
        Parent root = LabView.root("attentionView", new AttentionControls(model).build(), charts(), null);
        model.displayProperty().addListener((o, a, d) -> show(model.state(), d));
        show(model.state(), model.display());
        return root;
    }

    private VBox charts() {
        weights.setId("attentionWeights");
        weights.setScaleMax(1);
        weights.setOnCellClicked(this::clicked);
        scores.setId("attentionScores");
        scores.setTitle("Scores: scale \u00B7 q k\u1D40");
        row.setId("attentionRow");
        row.setClassColors(true);
        jacobian.setId("attentionJacobian");
        sweep.setId("attentionSweep");
        sweep.setTitle("Sweep over d: 1/\u221Ad solid, scale 1 dashed");
        sweep.setAxisNames("d (log scale)", "mean H (nats), mean \u2016J\u2016");
        sweep.setHeadroom(1.6);
        double[] at = new double[AttentionState.SWEEP_DIMS.length];
        String[] labels = new String[at.length];
        for (int i = 0; i < at.length; i++) {
            at[i] = log2(AttentionState.SWEEP_DIMS[i]);
            labels[i] = i % 2 == 0 ? Integer.toString(AttentionState.SWEEP_DIMS[i]) : "";
        }
        sweep.setXTicks(at, labels);
        for (Region chart : List.<Region>of(weights, scores, row, jacobian, sweep)) {
            chart.setMinSize(0, 0);
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(weights, 0, 0, 3, 1);
        grid.add(scores, 3, 0, 3, 1);
        grid.add(row, 0, 1, 2, 1);
        grid.add(jacobian, 2, 1, 2, 1);
        grid.add(sweep, 4, 1, 2, 1);
        for (int c = 0; c < 6; c++) {
            grid.getColumnConstraints().add(LabView.column(100 / 6.0));
        }
        grid.getRowConstraints().addAll(LabView.row(50), LabView.row(50));
        VBox.setVgrow(grid, Priority.ALWAYS);
        FlowPane readouts = new FlowPane(24, 2, entropy, jacobianMax);
        VBox box = new VBox(6, readouts, scale, verdict, grid);
        box.setPadding(new Insets(8));
        return box;
    }

    /** A click on the weights' map: masks the cell with "click cells", else chooses the query of its row. */
    private void clicked(int index) {
        int n = model.state().size();
        int i = index / n;
        int j = index % n;
        if (model.state().maskMode() == AttentionMask.CLICKED) {
            model.edit(s -> s.withCellToggled(i, j));
        } else {
            model.edit(s -> s.withQuery(i));
        }
    }

    private void show(AttentionState s, AttentionDisplay d) {
        entropy.setText(d.entropyText());
        jacobianMax.setText(d.jacobianText());
        scale.setText(d.scaleText());
        verdict.setText(d.verdict());
        String[] names = s.tokens();
        weights.setTitle("Weights: each query's softmax over the keys");
        weights.setHint(s.maskMode() == AttentionMask.CLICKED ? "click a cell to mask it" : "click a row to "
                + "choose it");
        weights.setMatrix(d.result().weights(), names, names);
        weights.setMasked(d.mask());
        weights.setRowNotes(d.rowNotes());
        weights.setHighlightedRow(s.query());
        scores.setMatrix(d.result().scores(), names, names);
        scores.setMasked(d.mask());
        scores.setHighlightedRow(s.query());
        row.setTitle(d.rowTitle());
        row.setHint("");
        row.setLabels(names);
        row.setValues(d.chosen(), -1, null);
        jacobian.setTitle("Its Jacobian diag(p) \u2212 p p\u1D40");
        jacobian.setMatrix(d.jacobian(), names, names);
        showSweep(s, d.sweep(), d);
    }

    private void showSweep(AttentionState s, AttentionSweep w, AttentionDisplay d) {
        double[] x = new double[w.dims().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = log2(w.dims()[i]);
        }
        sweep.setSeries(List.of(new CurveCanvas.Series("H, 1/\u221Ad", x, w.entropyScaled(), 0, null),
                new CurveCanvas.Series("H, scale 1", x, w.entropyUnscaled(), 0, new double[] {4, 3}),
                new CurveCanvas.Series("\u2016J\u2016, 1/\u221Ad", x, w.normScaled(), 1, null),
                new CurveCanvas.Series("\u2016J\u2016, scale 1", x, w.normUnscaled(), 1, new double[] {4, 3})));
        sweep.setMarker(log2(s.dim()), d.meanEntropy(), Double.NaN);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
