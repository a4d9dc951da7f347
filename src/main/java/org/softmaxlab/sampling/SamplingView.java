package org.softmaxlab.sampling;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.MathView;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.SamplingDisplay;
import org.softmaxlab.model.SamplingState;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.LabView;

/**
 * The Sampling tab: the control column on the left; the readouts, the ranked top tokens, the cumulative mass, the
 * draws, the two orders side by side and the active steps' formulas on the right. Built in code; every text and
 * number comes from the view-model's {@link SamplingDisplay}.
 */
public final class SamplingView {
    private static final List<Long> DRAW_COUNTS = List.of(100L, 10_000L);
    private final SamplingViewModel model;
    private final Label kept = LabView.readout("samplingKept");
    private final Label entropy = LabView.readout("samplingEntropy");
    private final Label perplexity = LabView.readout("samplingPerplexity");
    private final Label source = new Label();
    private final Label compare = new Label();
    private final Label drawn = new Label();
    private final BarCanvas ranked = new BarCanvas(BarCanvas.Range.PROBABILITY);
    private final CurveCanvas mass = new CurveCanvas();
    private final BarCanvas histogram = new BarCanvas(BarCanvas.Range.PROBABILITY);
    private final MathView formula = new MathView();

    private SamplingView(SamplingViewModel model) {
        this.model = model;
    }

    /** The tab's content over {@code model}. */
    public static Parent load(SamplingViewModel model) {
        return new SamplingView(model).build();
    }

    private Parent build() {
        BorderPane root = LabView.root("samplingView", new SamplingControls(model).build(), charts(),
                SamplingView.class.getResource("sampling.css").toExternalForm());
        model.displayProperty().addListener((o, a, d) -> show(d));
        model.drawsProperty().addListener((o, a, d) -> showDraws(model.display(), d));
        compare.fontProperty().addListener(o -> showMath(model.display()));
        compare.textFillProperty().addListener(o -> showMath(model.display()));
        show(model.display());
        return root;
    }

    private VBox charts() {
        javafx.scene.layout.FlowPane readouts = new javafx.scene.layout.FlowPane(24, 2, kept, entropy, perplexity);
        source.setId("samplingSourceText");
        source.getStyleClass().add("note");
        source.setWrapText(true);
        ranked.setId("samplingChart");
        ranked.setClassColors(true);
        ranked.setTitle("The 30 most probable tokens: before the chain (outline), after (bars)");
        mass.setId("samplingMassChart");
        mass.setTitle("Cumulative probability of the top tokens");
        mass.setAxisNames("tokens, most probable first", "mass");
        mass.setWholeX(true);
        for (javafx.scene.layout.Region chart : List.of(ranked, mass, histogram, formula)) {
            chart.setMinSize(0, 0);
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(ranked, 0, 0);
        grid.add(mass, 1, 0);
        grid.add(drawPanel(), 0, 1);
        grid.add(comparePanel(), 1, 1);
        grid.getColumnConstraints().addAll(LabView.column(58), LabView.column(42));
        grid.getRowConstraints().addAll(LabView.row(50), LabView.row(50));
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox box = new VBox(6, readouts, source, grid);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox drawPanel() {
        Button one = new Button("Draw 1");
        one.setId("drawOne");
        one.setOnAction(e -> model.draw(1));
        Help.set(one, "One seeded draw from the distribution after the chain; its token joins the row below.");
        ChoiceBox<String> count = new ChoiceBox<>();
        count.setId("drawCount");
        DRAW_COUNTS.forEach(n -> count.getItems().add(Numbers.count(n)));
        count.setValue(Numbers.count(DRAW_COUNTS.get(1)));
        Button many = new Button("Draw many");
        many.setId("drawMany");
        many.setOnAction(e -> model.draw(DRAW_COUNTS.get(count.getSelectionModel().getSelectedIndex())));
        Help.set(many, "Seeded draws: the bars are the share each token got, the outlines what the chain expects.");
        drawn.setId("drawnTokens");
        drawn.getStyleClass().add("drawn-tokens");
        drawn.setMinWidth(0);
        histogram.setId("drawChart");
        histogram.setClassColors(true);
        VBox.setVgrow(histogram, Priority.ALWAYS);
        HBox buttons = new HBox(8, one, many, count, drawn);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(drawn, Priority.ALWAYS);
        VBox box = new VBox(4, buttons, histogram);
        box.setMinHeight(0);
        return box;
    }

    private VBox comparePanel() {
        compare.setId("samplingCompare");
        compare.setWrapText(true);
        compare.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        compare.setMinWidth(0);
        formula.setId("samplingFormula");
        VBox.setVgrow(formula, Priority.ALWAYS);
        Label title = LabView.title("Side by side: Hugging Face's order and llama.cpp's");
        VBox box = new VBox(6, title, compare, formula);
        box.setMinHeight(0);
        box.setMinWidth(0);
        return box;
    }

    private void show(SamplingDisplay d) {
        kept.setText(d.keptText());
        entropy.setText(d.entropyText());
        perplexity.setText(d.perplexityText());
        source.setText(d.sourceText());
        compare.setText(d.compareText());
        ranked.setLabels(d.topLabels());
        ranked.setValues(d.topAfter(), -1, d.topBefore());
        mass.setSeries(massSeries(d, model.state()));
        showMath(d);
        showDraws(d, model.drawsProperty().get());
    }

    /** The active steps' formulas, in the theme's text size and colour (which presentation mode and themes change). */
    private void showMath(SamplingDisplay d) {
        double px = Math.max(14, compare.getFont().getSize() * 1.1);
        formula.setStyle(px, compare.getTextFill() instanceof javafx.scene.paint.Color c ? c
                : javafx.scene.paint.Color.web("#1E1E1E"));
        formula.setLatex("\\begin{array}{l} " + String.join(" \\\\ ", d.formulas()) + " \\end{array}");
        formula.setAccessibleText(String.join("; ", d.formulas()));
    }

    private static List<CurveCanvas.Series> massSeries(SamplingDisplay d, SamplingState s) {
        double[] x = d.ranks();
        double topP = s.settings().topP();
        double[] line = new double[x.length];
        java.util.Arrays.fill(line, topP);
        List<CurveCanvas.Series> series = new java.util.ArrayList<>(List.of(
                new CurveCanvas.Series("before the chain", x, d.massBefore(), 0, new double[] {4, 3}),
                new CurveCanvas.Series("after", x, d.massAfter(), 1, null),
                new CurveCanvas.Series("top-p = " + Numbers.decimals(topP, 2), x, line, 2, new double[] {1, 2})));
        // min-p's threshold as the rank where it falls: the tokens left of the line pass p_i >= min_p p_max.
        int r = d.minPKept();
        if (r > 0 && x.length > 0 && r <= x[x.length - 1]) {
            series.add(new CurveCanvas.Series("min-p = " + Numbers.decimals(s.settings().minP(), 2) + ": top "
                    + Numbers.count(r), new double[] {r, r}, new double[] {0, 1}, 3, new double[] {3, 2}));
        }
        return series;
    }

    private void showDraws(SamplingDisplay d, SamplingDraws draws) {
        int[] top = d.top();
        double[] share = new double[top.length];
        double[] expected = new double[top.length];
        for (int j = 0; j < top.length; j++) {
            share[j] = draws.total() == 0 ? 0 : draws.counts()[top[j]] / (double) draws.total();
            expected[j] = d.result().probs()[top[j]];
        }
        histogram.setTitle(draws.total() == 0 ? "Draws: none yet" : "Draws: " + Numbers.count(draws.total())
                + " seeded, the share of each token (bars) against the chain's probability (outline)");
        histogram.setLabels(d.topLabels());
        histogram.setValues(share, -1, expected);
        drawn.setText(draws.recent().isEmpty() ? "" : String.join(" ", draws.recent().stream()
                .map(SamplingDisplay::shown).toList()));
    }
}
