package org.softmaxlab.explorer;

import java.util.Arrays;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.softmaxlab.chart.Palette;
import org.softmaxlab.model.ExplorerResults;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.ui.ViewSupport;

/**
 * The Explorer's numbers column: a row per listed class (ids {@code logit-c}, {@code prob-c}, {@code grad-c}) and the
 * stable-vs-naive softmax table for the most probable classes. Labels are made once per set of classes and then only
 * get new text.
 */
final class NumbersPanel {
    private static final int COLUMNS = 4;
    private final GridPane numbersGrid;
    private final GridPane stabilityGrid;
    private final Label stabilityVerdict;
    private int[] listed = new int[0];
    private int shownTarget = Integer.MIN_VALUE;
    /** Per listed class: its logit, probability and gradient labels. */
    private Label[][] numberCells = new Label[0][];
    private Label[][] stabilityCells;

    NumbersPanel(GridPane numbersGrid, GridPane stabilityGrid, Label stabilityVerdict) {
        this.numbersGrid = numbersGrid;
        this.stabilityGrid = stabilityGrid;
        this.stabilityVerdict = stabilityVerdict;
    }

    void show(ExplorerResults r) {
        showNumbers(r);
        showStability(r);
    }

    private void showNumbers(ExplorerResults r) {
        int[] classes = r.listedClasses();
        if (!Arrays.equals(classes, listed) || r.target() != shownTarget) {
            listed = classes;
            shownTarget = r.target();
            numberCells = new Label[classes.length][];
            numbersGrid.getChildren().clear();
            numbersGrid.addRow(0, header("class"), header("z"), header("P"), header("dL/dz"));
            for (int k = 0; k < classes.length; k++) {
                int c = classes[k];
                Label name = new Label(r.classLabels()[c]);
                name.getStyleClass().addAll("class-name", Palette.styleClass(c));
                // A chip is never cut ("0 (y)" read as "0 ..."); the numbers beside it give way.
                name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                numberCells[k] = new Label[] {number("logit-" + c), number("prob-" + c), number("grad-" + c)};
                numbersGrid.addRow(k + 1, name, numberCells[k][0], numberCells[k][1], numberCells[k][2]);
            }
        }
        double[] p = r.probabilities();
        double[] g = r.gradient();
        for (int k = 0; k < classes.length; k++) {
            int c = classes[k];
            setNumber(numberCells[k][0], r.logits()[c], "class " + c + " logit ");
            setNumber(numberCells[k][1], p[c], "class " + c + " probability ");
            setNumber(numberCells[k][2], g[c], "class " + c + " gradient ");
        }
    }

    private static void setNumber(Label label, double v, String accessiblePrefix) {
        label.setText(Numbers.fixed4(v));
        label.setAccessibleText(accessiblePrefix + Numbers.fixed4(v));
    }

    /** Stable and naive softmax side by side for the classes the numbers panel lists. */
    private void showStability(ExplorerResults r) {
        int[] top = r.listedClasses();
        if (stabilityCells == null || stabilityCells.length < top.length) {
            stabilityGrid.getChildren().clear();
            stabilityCells = new Label[top.length][COLUMNS];
            stabilityGrid.addRow(0, header("class"), header("exp(z/T)"), header("naive"), header("stable"));
            for (int k = 0; k < stabilityCells.length; k++) {
                for (int j = 0; j < COLUMNS; j++) {
                    stabilityCells[k][j] = new Label();
                    stabilityCells[k][j].getStyleClass().add(j == 0 ? "class-index" : "number");
                    if (j == 0) {
                        stabilityCells[k][j].setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    }
                }
                stabilityGrid.addRow(k + 1, stabilityCells[k]);
            }
        }
        boolean broken = false;
        for (int k = 0; k < stabilityCells.length; k++) {
            boolean shown = k < top.length;
            for (Label cell : stabilityCells[k]) {
                cell.setVisible(shown);
            }
            if (!shown) {
                continue;
            }
            int c = top[k];
            double naive = r.naive()[c];
            double exp = r.naiveExp()[c];
            stabilityCells[k][0].setText(r.classLabels()[c]);
            stabilityCells[k][1].setText(Numbers.fixed4(exp));
            stabilityCells[k][2].setText(Numbers.fixed4(naive));
            stabilityCells[k][3].setText(Numbers.fixed4(r.probabilities()[c]));
            markBroken(stabilityCells[k][1], Double.isInfinite(exp));
            markBroken(stabilityCells[k][2], !Double.isFinite(naive));
            broken |= !Double.isFinite(naive);
        }
        stabilityVerdict.setText(broken
                ? "The naive softmax overflowed: exp(z/T) past 709.78 is Infinity, and Infinity/Infinity is NaN. "
                + "Subtracting max z first keeps the stable one exact."
                : "Both agree here. Push a logit past about 709.8 (type it) to see the naive one break.");
        markBroken(stabilityVerdict, broken);
    }

    private static void markBroken(Label label, boolean broken) {
        ViewSupport.setStyleClass(label, "broken", broken);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("header");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label number(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("number");
        return l;
    }
}
