package org.softmaxlab.model;

/**
 * Everything the Training tab shows in words, made from one {@link TrainingState} by {@link #of}: a pure function, so
 * the view-model only copies it into properties and the view only binds.
 *
 * @param lossText         the loss in the chosen units, 4 decimals ("" before the first step is evaluated)
 * @param accuracyText     the whole dataset's accuracy now
 * @param gradientNormText the norm of dL/d(W, b)
 * @param message          why the run paused by itself, or ""
 * @param logText          the notebook-style log, one line per row
 * @param rateText         the measured steps per second while playing, a dash while paused
 * @param speedText        the chosen speed: "10/s", or "max"
 * @param hint             why the accuracy stopped rising, when the data are more than a linear model can separate
 * @param lowerLrOffer     after a divergence, the offer to reset with a tenth of the learning rate; else ""
 * @param stage            what the stage shown says (null outside stages mode or before the stages arrive)
 * @param running          whether the run plays
 * @param step             the step shown
 * @param past             whether that is a past step (the history scrubber)
 * @param historyEnd       the run's current step: the end of the scrubber
 */
public record TrainingDisplay(String lossText, String accuracyText, String gradientNormText, String message,
                              String logText, String rateText, String speedText, String hint, String lowerLrOffer,
                              UpdateStage stage, boolean running, long step, boolean past, long historyEnd) {
    /** The speed readout while paused. */
    public static final String PAUSED_RATE = "\u2014";

    public static TrainingDisplay of(TrainingState s) {
        TrainingSnapshot snap = s.snapshot();
        String speed = speedText(s.speedExponent());
        if (snap == null) {
            return new TrainingDisplay("", "", "", "", "", PAUSED_RATE, speed, "", "", null, false, 0, false, 0);
        }
        double[] steps = snap.historySteps();
        long end = steps.length > 0 ? (long) steps[steps.length - 1] : 0;
        // Under its "speed" heading the readout never goes blank: a dash while paused (narrower than the heading, so
        // the readouts keep their room at 200% zoom; the Play button says paused).
        String rate = snap.running() ? Numbers.count(snap.stepsPerSecond()) + " steps/s" : PAUSED_RATE;
        UpdateStage stage = s.stagesMode() && snap.stages() != null ? UpdateStage.of(snap.stages(), s.stage(),
                s.settings().optimizer(), s.settings().temperature()) : null;
        String log = String.join("\n", snap.log());
        if (snap.current() == null) {
            return new TrainingDisplay("", "", "", snap.message(), log, rate, speed, "", "", stage, snap.running(),
                    snap.steps(), snap.past(), end);
        }
        String offer = snap.stop() == StopReason.DIVERGED ? "Reset with lr = "
                + Numbers.editable(s.lowerLearningRate()) : "";
        return new TrainingDisplay(Numbers.fixed4(s.units().of(snap.current().loss())),
                Numbers.percent(snap.accuracy()), Numbers.fixed4(snap.current().gradientNorm()), snap.message(), log,
                rate, speed,
                TrainingHints.plateau(steps, snap.historyAccuracy(), s.settings().dataset().isPlanar()), offer, stage,
                snap.running(), snap.steps(), snap.past(), end);
    }

    /** "10/s", or "max" at the top of {@link Limits#SPEED_EXPONENT}. */
    public static String speedText(double exponent) {
        return unlimited(exponent) ? "max" : Numbers.count(Math.pow(10, exponent)) + "/s";
    }

    /** Whether the speed exponent means as fast as the machine allows. */
    public static boolean unlimited(double exponent) {
        return exponent >= Limits.SPEED_EXPONENT.max();
    }
}
