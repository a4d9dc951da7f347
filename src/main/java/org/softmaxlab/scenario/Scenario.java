package org.softmaxlab.scenario;

import java.util.List;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.model.AppTab;
import org.softmaxlab.model.ExplorerState;
import org.softmaxlab.model.TrainingSetup;

/**
 * Everything both tabs need to reproduce a view: the file format's content, already validated.
 *
 * @param tab      the tab to show
 * @param explorer the Explorer's batch and loss options
 * @param training the Training tab's setup and the step to run to
 * @param warnings what was ignored or defaulted while reading (unknown fields), for the status bar
 */
public record Scenario(AppTab tab, Explorer explorer, Training training, List<String> warnings) {
    /** The newest format version this build reads and writes (version 2: drawn points; 1 is still read). */
    public static final int VERSION = 2;

    /**
     * The Explorer's state.
     *
     * @param logits         samples x classes
     * @param targets        one class index per sample (or ignore_index: ignored)
     * @param weights        one weight per class
     * @param weightsEnabled whether the loss uses the weights
     * @param temperature    T > 0
     * @param labelSmoothing eps in [0, 1]
     * @param reduction      mean, sum or none
     * @param selectedSample the sample being edited
     */
    public record Explorer(double[][] logits, int[] targets, double[] weights, boolean weightsEnabled,
                           double temperature, double labelSmoothing, Reduction reduction, int selectedSample) {

        /** The file's part of an Explorer state (the curve and slider ranges are not saved). */
        public static Explorer of(ExplorerState s) {
            return new Explorer(s.logits(), s.targets(), s.weights(), s.weightsEnabled(), s.temperature(),
                    s.labelSmoothing(), s.reduction(), s.selectedSample());
        }

        /** The Explorer state this describes. */
        public ExplorerState toState() {
            return ExplorerState.of(logits, targets, weights, weightsEnabled, temperature, labelSmoothing, reduction,
                    selectedSample);
        }
    }

    /**
     * The Training tab's state.
     *
     * @param setup what a reset starts from (dataset, model, optimiser, loss options, explicit initial weights)
     * @param steps how many steps to run after loading
     */
    public record Training(TrainingSetup setup, int steps) {
    }
}
