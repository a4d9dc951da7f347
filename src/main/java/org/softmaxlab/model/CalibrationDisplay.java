package org.softmaxlab.model;

import org.softmaxlab.engine.Calibration;

/**
 * Everything the Calibration tab shows, made from one {@link CalibrationState} by {@link #of}: the figures at the
 * chosen temperature, the model's own (T = 1) for the before / after overlay, and every readout's text. A pure
 * function, so the view only binds.
 *
 * @param report   every figure at the state's temperature
 * @param original the same at T = 1 (the same object when T = 1)
 */
public record CalibrationDisplay(Calibration.Report report, Calibration.Report original, String eceText,
                                 String mceText, String nllText, String brierText, String accuracyText,
                                 String temperatureText, String fitText, String sourceText, String verdictText) {

    public static CalibrationDisplay of(CalibrationState s) {
        Calibration.Report r = s.data().reliability(s.temperature(), s.bins(), s.binning());
        Calibration.Report one = s.temperature() == 1 ? r : s.data().reliability(1, s.bins(), s.binning());
        String fit = s.fit().found()
                ? "The NLL is lowest at T = " + Numbers.fixed4(s.fit().temperature()) + ": Fit T moves there."
                : "No temperature minimises the NLL: " + s.fit().note() + ".";
        return new CalibrationDisplay(r, one, "ECE " + Numbers.fixed4(r.ece()), "MCE " + Numbers.fixed4(r.mce()),
                "NLL " + Numbers.fixed4(r.nll()), "Brier " + Numbers.fixed4(r.brier()),
                "accuracy " + Numbers.percent(r.accuracy()), "T = " + Numbers.fixed4(s.temperature()), fit,
                s.name(), verdict(r));
    }

    /** Over- or under-confident, in words: the rows' mean confidence against their accuracy. */
    private static String verdict(Calibration.Report r) {
        double confidence = 0;
        int n = 0;
        for (Calibration.Bin b : r.bins()) {
            if (b.count() > 0) {
                confidence += b.confidence() * b.count();
                n += b.count();
            }
        }
        confidence /= n;
        double gap = confidence - r.accuracy();
        String sure = Math.abs(gap) < 0.01 ? "about as sure as it is right"
                : gap > 0 ? "over-confident: sure " + Numbers.percent(confidence) + " on average, right "
                + Numbers.percent(r.accuracy()) : "under-confident: sure " + Numbers.percent(confidence)
                + " on average, right " + Numbers.percent(r.accuracy());
        return "At T = " + Numbers.decimals(r.temperature(), 3) + " the model is " + sure + ".";
    }
}
