package org.softmaxlab.training;

import java.util.ArrayList;
import java.util.List;
import org.softmaxlab.chart.CurveCanvas;

/** The curves drawn over the loss history: the race's and the format run's, each panel setting its own. */
final class HistoryOverlay {
    private final CurveCanvas chart;
    private List<CurveCanvas.Series> race = List.of();
    private List<CurveCanvas.Series> format = List.of();

    HistoryOverlay(CurveCanvas chart) {
        this.chart = chart;
    }

    void setRace(List<CurveCanvas.Series> series) {
        race = series;
        show();
    }

    void setFormat(List<CurveCanvas.Series> series) {
        format = series;
        show();
    }

    private void show() {
        List<CurveCanvas.Series> all = new ArrayList<>(race);
        all.addAll(format);
        chart.setSeries(all);
    }
}
