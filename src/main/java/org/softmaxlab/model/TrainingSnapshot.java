package org.softmaxlab.model;

import java.util.List;
import org.softmaxlab.engine.Dataset;
import org.softmaxlab.engine.TrainingStep;
import org.softmaxlab.engine.UpdateStages;

/**
 * What the training worker hands to the UI, at most once per pulse: the state after {@code steps} updates.
 *
 * @param current         the current parameters evaluated on the next batch (loss, logits, weight, bias)
 * @param steps           updates taken so far
 * @param historySteps    step numbers of the (decimated) loss history
 * @param historyLosses   the loss at each of those steps
 * @param historyAccuracy the batch accuracy at each of those steps
 * @param historyLogits   the logits of the batch's first sample at each of those steps
 * @param accuracy        fraction of the whole dataset classified right now
 * @param log             the notebook-style table lines, oldest first (bounded)
 * @param running         whether the animation is playing
 * @param message         why training paused by itself (divergence, a stop condition), or ""
 * @param stepsPerSecond  measured over the last second of playing
 * @param dataset         the data being fitted (shared, never modified)
 * @param temperature     the softmax temperature {@code current} was evaluated with
 * @param stages          the next update taken apart, when stages mode asked for it; else null
 * @param past            true when {@code current} is a past step shown by the history scrubber (the run itself is
 *                        at {@code historySteps}' last step)
 * @param stop            why the run paused by itself ({@code message} says it in words), or {@link StopReason#NONE}
 */
public record TrainingSnapshot(TrainingStep current, long steps, double[] historySteps, double[] historyLosses,
                               double[] historyAccuracy, double[][] historyLogits, double accuracy, List<String> log,
                               boolean running, String message, double stepsPerSecond, Dataset dataset,
                               double temperature, UpdateStages stages, boolean past,
                               StopReason stop) {

    /** The current parameters [W | b] as a labelled table (null before the first step is evaluated). */
    public ParameterTable parameters() {
        return current == null ? null : ParameterTable.of(current.weight(), current.bias());
    }
}
